// hardcoded-build-location: a build script that uses a fixed build tree instead of rpm's macros.
#include <fmt/core.h>

#include <array>

#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

struct Location {
  std::string_view text;
  std::string_view instead;
};

constexpr std::array<Location, 7> kLocations = {{
    {"$HOME/rpmbuild", "%{_topdir}"},
    {"${HOME}/rpmbuild", "%{_topdir}"},
    {"~/rpmbuild", "%{_topdir}"},
    {"../SOURCES", "%{_sourcedir}"},
    {"/usr/src/packages/BUILD", "%{_builddir}"},
    {"/usr/src/packages/SOURCES", "%{_sourcedir}"},
    {"/usr/src/packages", "%{_topdir}"},
}};

void check(const Context& ctx, Reporter& out) {
  const bool rules_file = ctx.spec == nullptr;
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (!rules_file && !build_script(line.section) && line.kind != rpmspec::SyntaxKind::MacroDefinition) return;
    if (line.kind == rpmspec::SyntaxKind::Comment) return;
    const std::string_view t = line.text;
    const std::size_t first = t.find_first_not_of(" \t");
    if (first == std::string_view::npos || t[first] == '#') return;
    // Every location holds one of these.
    if (t.find("rpmbuild") == std::string_view::npos && t.find("SOURCES") == std::string_view::npos &&
        t.find("/usr/src/packages") == std::string_view::npos)
      return;
    std::size_t from = 0;
    while (from < t.size()) {
      std::size_t best = std::string_view::npos;
      const Location* hit = nullptr;
      for (const Location& l : kLocations) {
        const std::size_t at = t.find(l.text, from);
        if (at < best) {
          best = at;
          hit = &l;
        }
      }
      if (hit == nullptr) break;
      // debian/rules runs in the unpacked source: $(CURDIR) is where it builds.
      const std::string_view instead = rules_file ? std::string_view("$(CURDIR) or a relative path") : hit->instead;
      out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(best), hit->text.size()),
                 fmt::format("'{}' is a fixed build location; use {}", hit->text, instead));
      from = best + hit->text.size();
    }
  });
}

}  // namespace

extern const RuleInfo hardcoded_build_location;  // listed in rules/rules.def
constinit const RuleInfo hardcoded_build_location{
    .id = "hardcoded-build-location",
    .severity = ir::Severity::Error,
    .summary = "a build script uses a fixed build tree instead of rpm's directory macros",
    .kinds = kSpecFiles | kind_bit(frontend::FileKind::DebianRules),
    .doc = {.what = R"md(Reports fixed build locations in build scripts (`%prep`, `%build`, `%install`, `%check`, `%clean`), macro definitions and `debian/rules`: `$HOME/rpmbuild` (and `${HOME}/rpmbuild`, `~/rpmbuild`), `../SOURCES`, and OBS's `/usr/src/packages`, `/usr/src/packages/BUILD`, `/usr/src/packages/SOURCES`. The finding is at the location.)md",
            .why = R"md(Where rpm builds is configuration: `%{_topdir}`, `%{_builddir}` and `%{_sourcedir}` differ between a developer's `rpmbuild`, OBS (`/usr/src/packages`, or `/home/abuild/rpmbuild` on newer workers) and `rpmbuild --define`. A spec that assumes one of them builds only there.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%prep
tar -xzf ../SOURCES/data.tar.gz

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

%prep
tar -xzf %{_sourcedir}/data.tar.gz

%files
)md",
            .fix_safety = R"md(No fix: `../SOURCES` is relative to the current directory, which the script may have changed; the replacement needs a look at the script.)md",
            .reference = R"md(rpm's `macros` file (`_topdir`, `_builddir`, `_sourcedir`); openSUSE *Packaging guidelines*; Debian Policy 4.9 (`debian/rules` must not depend on the build location).)md"},
    .check = check,
};

}  // namespace katalint::rules
