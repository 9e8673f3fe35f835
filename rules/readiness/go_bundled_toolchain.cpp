// go-bundled-toolchain: a spec or debian/rules that unpacks or points at its own Go toolchain.
#include <fmt/core.h>

#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

// Reports the first bundled-Go token of a line: a Go binary tarball (go1.22.linux-amd64.tar.gz,
// go%{GO_VERSION}.linux-@GO_ARCH@.tar.gz) or GOROOT/PATH pointing at a Go unpacked in the build.
// In a _service the tarball is a download_url path or url: XML markup ends the name.
void scan(const Context& ctx, Reporter& out, const TextLine& line) {
  const std::string_view text = line.text;
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos || text[first] == '#') return;
  if (line.kind == rpmspec::SyntaxKind::Comment) return;
  // go1.22.1.linux-amd64.tar.gz is the binary distribution, go1.22.1.src.tar.gz the sources
  // of the toolchain: building Go inside the package bundles it just the same. Both markers
  // have a '.'.
  const bool dot = text.find('.') != std::string_view::npos;
  for (const std::string_view marker : {std::string_view(".linux-"), std::string_view(".src.tar")}) {
    if (!dot) break;
    for (std::size_t at = text.find(marker); at != std::string_view::npos; at = text.find(marker, at + 1)) {
      // The file name: back to a separator or a directory, on to a blank or a quote.
      std::size_t b = at;
      while (b > 0 && std::string_view(" \t\"'=/<>").find(text[b - 1]) == std::string_view::npos) --b;
      std::size_t e = at;
      while (e < text.size() && std::string_view(" \t\"';<>").find(text[e]) == std::string_view::npos) ++e;
      const std::string_view name = text.substr(b, e - b);
      if (!starts_with(name, "go") || name.size() < 3 || name.find(".tar") == std::string_view::npos) continue;
      // go1.22, go%{GO_VERSION}, go@GO_VERSION@, go$(GO_VERSION): a version follows "go".
      if (std::string_view("0123456789%@$").find(name[2]) == std::string_view::npos) continue;
      const bool binary = marker == ".linux-";
      out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(b), name.size()),
                 fmt::format("'{}' is {} Go toolchain; build with the distribution's go", name,
                             binary ? "a prebuilt" : "the source of a"));
      return;
    }
  }
  // Both names have a 'T'.
  const bool t = text.find('T') != std::string_view::npos;
  for (const std::string_view var : {std::string_view("GOROOT"), std::string_view("PATH")}) {
    if (!t) break;
    for (std::size_t at = text.find(var); at != std::string_view::npos; at = text.find(var, at + 1)) {
      if (at > 0 && !token_break(text[at - 1]) && text[at - 1] != '$' && text[at - 1] != '{') continue;
      std::size_t v = at + var.size();
      while (v < text.size() && (text[v] == ' ' || text[v] == ':' || text[v] == '?')) ++v;
      if (v >= text.size() || text[v] != '=') continue;
      ++v;
      while (v < text.size() && text[v] == ' ') ++v;
      std::size_t e = v;
      while (e < text.size() && text[e] != ' ' && text[e] != '\t' && text[e] != ';') ++e;
      const std::string_view value = text.substr(v, e - v);
      for (std::size_t p = value.find("local/go"); p != std::string_view::npos; p = value.find("local/go", p + 1)) {
        std::size_t b = p;
        while (b > 0 && value[b - 1] != ':' && value[b - 1] != '"' && value[b - 1] != '\'') --b;
        std::size_t end = p + 8;
        while (end < value.size() && value[end] != ':' && value[end] != '"' && value[end] != '\'') ++end;
        const std::string_view dir = value.substr(b, end - b);
        out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(v + b), dir.size()),
                   fmt::format("the {} setting points at a Go toolchain unpacked in the build ('{}'); use the distribution's go",
                               var, dir));
        return;
      }
    }
  }
}

void check(const Context& ctx, Reporter& out) {
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (ctx.spec != nullptr && line.kind != rpmspec::SyntaxKind::Tag && !build_script(line.section) &&
        line.kind != rpmspec::SyntaxKind::MacroDefinition)
      return;
    scan(ctx, out, line);
  });
}

}  // namespace

extern const RuleInfo go_bundled_toolchain;  // listed in rules/rules.def
constinit const RuleInfo go_bundled_toolchain{
    .id = "go-bundled-toolchain",
    .severity = ir::Severity::Error,
    .summary = "the package brings its own prebuilt go toolchain",
    .kinds = kSpecFiles | kind_bit(frontend::FileKind::DebianRules) | kind_bit(frontend::FileKind::ObsService),
    .doc = {.what = R"md(Reports a Go binary distribution (`go1.22.1.linux-amd64.tar.gz`, `go%{GO_VERSION}.linux-@GO_ARCH@.tar.gz`) or Go source distribution (`go1.22.1.src.tar.gz`) named in a `SourceN` tag, a macro definition or a build script (`%prep`, `%build`, `%install`, `%check`), and a `GOROOT=` or `PATH=` assignment that points at a Go unpacked in the build directory (`.../local/go`). In `debian/rules` every line is checked, and in a `_service` every line, so a `download_url` service that fetches the toolchain (`<param name="path">golang/go1.22.1.linux-amd64.tar.gz</param>`) is reported too. The finding is at the tarball name or at the directory.)md",
            .why = R"md(A devel project builds from source with the distribution's tools. A prebuilt toolchain is a bundled binary that nobody rebuilds or patches, it must be downloaded outside the build (OBS builds have no network, so Kata's `_service` fetched it with `download_url`), and it hides which Go the package really needs: the spec then lacks `BuildRequires: go` or `golang(API)`, and the Ubuntu variant puts the bundled Go in front of the distribution's.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        example-1.0.tar.gz
Source1:        https://go.dev/dl/go1.22.1.linux-amd64.tar.gz

%description
An example package.

%prep
%setup -q

%build
go build -o example .

%files
%license LICENSE
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        example-1.0.tar.gz
BuildRequires:  golang(API) >= 1.22

%description
An example package.

%prep
%setup -q

%build
go build -o example .

%files
%license LICENSE
)md",
            .fix_safety = R"md(No fix: the right `BuildRequires` (`go`, `go1.22`, `golang(API) >= 1.22`) and the removal of the unpack and `GOROOT` steps need a packager.)md",
            .reference = R"md(openSUSE *Packaging guidelines*, "No inclusion of pre-built binaries or libraries"; openSUSE *Go packaging*; Fedora *Golang packaging guidelines*.)md"},
    .check = check,
};

}  // namespace katalint::rules
