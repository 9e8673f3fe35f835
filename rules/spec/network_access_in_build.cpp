// network-access-in-build: downloads and package installs in %prep, %build, %install, %check.
#include <array>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool command_start(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const char c = text[at - 1];
  return c == ' ' || c == '\t' || c == ';' || c == '|' || c == '&' || c == '(' || c == '`';
}

// Offset of `command` used as a command in `text` (a word at command position followed by a
// blank or the end), or npos.
std::size_t find_command(std::string_view text, std::string_view command) {
  for (std::size_t at = text.find(command); at != std::string_view::npos; at = text.find(command, at + 1)) {
    const std::size_t end = at + command.size();
    if (command_start(text, at) && (end == text.size() || text[end] == ' ' || text[end] == '\t')) return at;
  }
  return std::string_view::npos;
}

struct Hit {
  std::size_t at;
  std::string_view what;
};

constexpr std::array<std::string_view, 10> kDownloads = {
    "curl", "wget", "git clone", "npm install", "npm ci", "go get", "go mod download", "cargo fetch",
    "bundle install", "gem install"};
constexpr std::array<std::string_view, 2> kPipInstalls = {"pip install", "pip3 install"};

// The first letters of those commands.
constexpr std::array<bool, 256> kFirstLetters = [] {
  std::array<bool, 256> table{};
  for (const std::string_view c : kDownloads) table[static_cast<unsigned char>(c.front())] = true;
  for (const std::string_view c : kPipInstalls) table[static_cast<unsigned char>(c.front())] = true;
  return table;
}();

// True when some word at a command position starts as one of the commands above does: most
// lines have none, and then no command needs to be looked for.
bool may_hold_command(std::string_view text) {
  for (std::size_t at = 0; at < text.size(); ++at)
    if (kFirstLetters[static_cast<unsigned char>(text[at])] && command_start(text, at)) return true;
  return false;
}

std::optional<Hit> network_use(std::string_view text) {
  if (may_hold_command(text)) {
    for (std::string_view c : kDownloads)
      if (const std::size_t at = find_command(text, c); at != std::string_view::npos) return Hit{at, c};
    for (std::string_view c : kPipInstalls)
      if (const std::size_t at = find_command(text, c);
          at != std::string_view::npos && text.find("--no-index") == std::string_view::npos)
        return Hit{at, c};
  }
  if (const std::size_t at = text.find("-m pip install");
      at != std::string_view::npos && text.find("--no-index") == std::string_view::npos)
    return Hit{at, "-m pip install"};
  if (const std::size_t at = text.find("GOPROXY="); at != std::string_view::npos && command_start(text, at)) {
    const std::string_view value = text.substr(at + 8);
    if (value.find("://") != std::string_view::npos && value.substr(0, 7) != "file://" &&
        value.substr(0, 8) != "\"file://")
      return Hit{at, "GOPROXY"};
  }
  return std::nullopt;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    const std::string_view s = line.section;
    if (!line.shell || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    if (s != "prep" && s != "conf" && s != "build" && s != "install" && s != "check") return;
    const ir::Range r = without_newline(tree, line.line);
    std::string_view text = tree.text.substr(r.begin, r.end - r.begin);
    if (trim(text).substr(0, 1) == "#") return;
    // Ignore a trailing shell comment.
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
        text = text.substr(0, i);
        break;
      }
    const auto hit = network_use(text);
    if (!hit) return;
    const auto begin = r.begin + static_cast<std::uint32_t>(hit->at);
    auto d = out.report({tree.file, begin, begin + static_cast<std::uint32_t>(hit->what.size())},
                        fmt::format("'{}' needs the network in %{}; OBS and koji build offline, so ship the files as sources",
                                    hit->what, s));
    note_branch(ctx, d, r.begin);
  });
}

}  // namespace

extern const RuleInfo network_access_in_build;  // listed in rules/rules.def
constinit const RuleInfo network_access_in_build{
    .id = "network-access-in-build",
    .severity = ir::Severity::Error,
    .summary = "a download or package installation during the build",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports, as commands in `%prep`, `%conf`, `%build`, `%install` and `%check` (any branch): `curl`, `wget`, `git clone`, `pip install` without `--no-index`, `npm install`/`npm ci`, `go get`, `go mod download`, `cargo fetch`, `bundle install`, `gem install`, and `GOPROXY=` set to a network URL. Comments are ignored.)md",
            .why = R"md(OBS and koji build without network access, so these commands fail there; where they do not, the build depends on whatever the server returns that day, which breaks reproducibility and review. Sources and vendored dependencies belong in `SourceN` files (for Go: `vendor.tar.gz` from obs-service-go_modules).)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
go mod download
go build -mod=mod -o example .

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source1:        vendor.tar.gz

%description
An example package.

%prep
%setup -q -T -c -a 1

%build
go build -mod=vendor -buildmode=pie -o example .

%files
)md",
            .fix_safety = R"md(No fix: the downloaded files have to become sources.)md",
            .reference = R"md(openSUSE *Packaging guidelines*; obs-service-go_modules manual; Fedora Packaging Guidelines ("No network access during the build").)md"},
    .check = check,
};

}  // namespace katalint::rules
