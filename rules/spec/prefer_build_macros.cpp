// prefer-build-macros: direct ./configure, cmake, meson, qmake-qt5, make and make install calls
// where the distributions' build macros exist.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

struct Command {
  std::string_view word;  // the first word of the line
  std::string_view rest;  // the rest, trimmed
  std::uint32_t begin;    // offset of the word
};

std::optional<Command> command_of(const SyntaxTree& tree, NodeId line) {
  const ir::Range r = without_newline(tree, line);
  const std::string_view text = tree.text.substr(r.begin, r.end - r.begin);
  const std::size_t b = text.find_first_not_of(" \t");
  if (b == std::string_view::npos) return std::nullopt;
  std::size_t e = text.find_first_of(" \t", b);
  if (e == std::string_view::npos) e = text.size();
  return Command{text.substr(b, e - b), trim(text.substr(e)), r.begin + static_cast<std::uint32_t>(b)};
}

bool has_word(std::string_view text, std::string_view word) {
  return text == word || text.substr(0, word.size() + 1) == std::string(word) + " " ||
         text.find(" " + std::string(word) + " ") != std::string_view::npos ||
         (text.size() > word.size() && text.substr(text.size() - word.size() - 1) == " " + std::string(word));
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.shell || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    const std::string_view s = line.section;
    if (s != "build" && s != "conf" && s != "install") return;
    const auto cmd = command_of(tree, line.line);
    if (!cmd) return;
    const ir::Range word{tree.file, cmd->begin, cmd->begin + static_cast<std::uint32_t>(cmd->word.size())};
    const ir::Range whole{tree.file, cmd->begin, without_newline(tree, line.line).end};
    auto note = [&](DiagnosticBuilder& d) { note_branch(ctx, d, tree.node(line.line).begin); };
    if (s != "install" && (cmd->word == "./configure")) {
      // The arguments may go on over backslash-continued lines.
      const std::string_view text = ctx.file.text();
      std::uint32_t end = without_newline(tree, line.line).end;
      std::string_view args = text.substr(cmd->begin, end - cmd->begin);
      while (!args.empty() && args.back() == '\\' && end < text.size()) {
        std::size_t next = text.find('\n', end + 1);
        if (next == std::string_view::npos) next = text.size();
        end = static_cast<std::uint32_t>(next);
        args = text.substr(cmd->begin, end - cmd->begin);
      }
      auto d = out.report(word, args.find("--libdir") == std::string_view::npos
                                    ? std::string("./configure without --libdir; %configure passes the target's paths and flags")
                                    : std::string("./configure called directly; %configure passes the target's paths and flags"));
      note(d);
    } else if (s != "install" && (cmd->word == "cmake" || cmd->word == "meson" || cmd->word == "qmake-qt5")) {
      if (cmd->word == "cmake" && (cmd->rest.substr(0, 7) == "--build" || cmd->rest.substr(0, 9) == "--install")) return;
      if (cmd->word == "meson" && (cmd->rest.substr(0, 7) == "compile" || cmd->rest.substr(0, 7) == "install" ||
                                   cmd->rest.substr(0, 4) == "test"))
        return;
      const std::string_view macro = cmd->word == "cmake" ? "%cmake" : cmd->word == "meson" ? "%meson" : "%qmake5";
      auto d = out.report(word, fmt::format("{} called directly; {} passes the target's paths and flags", cmd->word, macro));
      note(d);
    } else if (s == "build" && cmd->word == "make" && !has_word(cmd->rest, "install") && !has_word(cmd->rest, "check") &&
               !has_word(cmd->rest, "test") && cmd->rest.find("_smp_mflags") == std::string_view::npos &&
               cmd->rest.find("-j") == std::string_view::npos) {
      auto d = out.report(word, "make without %{?_smp_mflags} builds on one core; use %make_build");
      d.fix("use %make_build", ir::Applicability::Safe, {{word, "%make_build"}});
      note(d);
    } else if (s == "install" && cmd->word == "make" && cmd->rest.substr(0, 8) == "install " &&
               (cmd->rest.find("DESTDIR=%{buildroot}") != std::string_view::npos ||
                cmd->rest.find("DESTDIR=$RPM_BUILD_ROOT") != std::string_view::npos ||
                cmd->rest.find("DESTDIR=%{?buildroot}") != std::string_view::npos)) {
      // Keep the other arguments: %make_install passes DESTDIR itself.
      std::string args;
      std::string_view rest = cmd->rest.substr(8);
      std::size_t p = 0;
      while (p < rest.size()) {
        const std::size_t e = std::min(rest.find(' ', p), rest.size());
        const std::string_view t = rest.substr(p, e - p);
        if (!t.empty() && t.substr(0, 8) != "DESTDIR=") args += " " + std::string(t);
        p = e + 1;
      }
      auto d = out.report(word, "make install with DESTDIR; use %make_install");
      d.fix("use %make_install", ir::Applicability::Safe, {{whole, "%make_install" + args}});
      note(d);
    } else if (s == "install" && cmd->word == "%makeinstall") {
      auto d = out.report(word, "%makeinstall overrides the install paths instead of using DESTDIR; use %make_install");
      d.fix("use %make_install", ir::Applicability::Unsafe, {{word, "%make_install"}});
      note(d);
    }
  });
}

}  // namespace

extern const RuleInfo prefer_build_macros;  // listed in rules/rules.def
constinit const RuleInfo prefer_build_macros{
    .id = "prefer-build-macros",
    .severity = ir::Severity::Warning,
    .summary = "a direct configure, cmake, meson or make call where a build macro exists",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::SafeAndUnsafe,
    .aliases = "configure-without-libdir-spec",
    .doc = {.what = R"md(Reports, at the start of a line in `%conf`, `%build` or `%install` (any branch):

- `./configure` (the message says when `--libdir` is missing too), `cmake`, `meson` and `qmake-qt5` called directly instead of `%configure`, `%cmake`, `%meson`, `%qmake5` (`cmake --build`, `meson compile` and the like are fine);
- `make` in `%build` without `%{?_smp_mflags}` or `-j` (use `%make_build`);
- `make install DESTDIR=%{buildroot}` and `%makeinstall` in `%install` (use `%make_install`).)md",
            .why = R"md(The macros pass the target's directories (`--libdir` is `/usr/lib64` on 64-bit SUSE and Fedora), compiler flags and parallelism. A direct call installs into the wrong directories or builds without the distribution's hardening flags. `%makeinstall` overrides the paths at install time, which breaks software that records them.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
%configure
make

%install
make install DESTDIR=%{buildroot}

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
%configure
%make_build

%install
%make_install

%files
)md",
            .fix_safety = R"md(Safe: `make` becomes `%make_build` (the same make with the target's parallelism) and `make install DESTDIR=%{buildroot}` becomes `%make_install` with the other arguments kept. Unsafe: `%makeinstall` becomes `%make_install`, which installs through DESTDIR instead of overriding the paths; a Makefile without DESTDIR support then installs into the system. Configure-style calls have no fix: their arguments must be reviewed.)md",
            .reference = R"md(rpmlint `configure-without-libdir-spec`; openSUSE *Packaging Conventions RPM Macros*; Fedora Packaging Guidelines ("%makeinstall should not be used"); spec-cleaner.)md"},
    .check = check,
};

}  // namespace katalint::rules
