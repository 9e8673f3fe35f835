// debian-rules-missing-required-target: a debian/rules without one of the targets Policy requires.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

// GNU make pattern: '%' matches any non-empty stem.
bool matches(std::string_view pattern, std::string_view target) {
  const auto percent = pattern.find('%');
  if (percent == std::string_view::npos) return pattern == target;
  const auto prefix = pattern.substr(0, percent), suffix = pattern.substr(percent + 1);
  return target.size() > prefix.size() + suffix.size() && target.starts_with(prefix) && target.ends_with(suffix);
}

void check(const Context& ctx, Reporter& out) {
  if (ctx.debian_rules == nullptr) return;
  const auto& rules = *ctx.debian_rules;
  // Included makefiles (cdbs, shared snippets) and computed targets may define them.
  for (const auto& d : rules.directives)
    if (d.keyword == "include" || d.keyword == "-include" || d.keyword == "sinclude") return;
  for (const auto& r : rules.rules)
    for (const auto& t : r.targets)
      if (t.name.find('$') != std::string::npos) return;
  for (std::string_view required : {"clean", "binary", "binary-arch", "binary-indep", "build", "build-arch", "build-indep"}) {
    bool found = false;
    for (const auto& r : rules.rules)
      for (const auto& t : r.targets) found = found || matches(t.name, required);
    if (!found)
      out.report(range_at(ctx, 0, ctx.file.line_text(1).size()), fmt::format("debian/rules has no '{}' target", required));
  }
}

}  // namespace

extern const RuleInfo debian_rules_missing_required_target;  // listed in rules/rules.def
constinit const RuleInfo debian_rules_missing_required_target{
    .id = "debian-rules-missing-required-target",
    .severity = ir::Severity::Error,
    .summary = "a debian/rules without one of the targets Policy requires",
    .kinds = kind_bit(frontend::FileKind::DebianRules),
    .doc = {.what = R"md(Reports each of the targets `clean`, `binary`, `binary-arch`, `binary-indep`, `build`, `build-arch` and `build-indep` that `debian/rules` neither defines nor matches with a pattern rule such as `%:`. Files that include other makefiles are not checked.)md",
             .why = R"md(Policy 4.9 requires these targets; dpkg-buildpackage and the build daemons call them. lintian reports `debian-rules-missing-required-target`.)md",
             .example = R"md(#!/usr/bin/make -f

build:
	$(MAKE)

binary:
	dh binary

clean:
	dh clean
)md",
             .use_instead = R"md(#!/usr/bin/make -f

export DH_VERBOSE = 1

%:
	dh $@

override_dh_auto_test:
ifeq (,$(filter nocheck,$(DEB_BUILD_OPTIONS)))
	$(MAKE) check
endif
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 4.9; lintian `debian-rules-missing-required-target`; rules-debian.md DEB-U002.)md",
             .example_file = "debian/rules"},
    .check = check,
};

}  // namespace katalint::rules
