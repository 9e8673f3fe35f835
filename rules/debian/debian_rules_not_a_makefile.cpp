// debian-rules-not-a-makefile: a debian/rules file that does not start with #!/usr/bin/make -f.
#include <regex>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  static const std::regex shebang(R"(^#!\s*/usr/bin/make\s+-[re]?f[re]?\s*$)");
  if (ctx.debian_rules == nullptr || ctx.file.line_count() == 0) return;
  std::string_view first = ctx.file.line_text(1);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (std::regex_search(first.begin(), first.end(), shebang)) return;
  out.report(range_at(ctx, 0, first.size()), first.starts_with("#!")
                                                  ? fmt::format("'{}' is not '#!/usr/bin/make -f'", first)
                                                  : std::string("debian/rules must start with '#!/usr/bin/make -f'"));
}

}  // namespace

extern const RuleInfo debian_rules_not_a_makefile;  // listed in rules/rules.def
constinit const RuleInfo debian_rules_not_a_makefile{
    .id = "debian-rules-not-a-makefile",
    .severity = ir::Severity::Error,
    .summary = "a debian/rules file that does not start with #!/usr/bin/make -f",
    .kinds = kind_bit(frontend::FileKind::DebianRules),
    .doc = {.what = R"md(Reports a `debian/rules` whose first line is not `#!/usr/bin/make -f` (lintian also accepts `-rf`, `-ef` and the like).)md",
             .why = R"md(Policy 4.9 requires debian/rules to be a makefile run by make; a shell script or another interpreter breaks tools that call its targets. lintian reports `debian-rules-not-a-makefile`.)md",
             .example = R"md(#!/bin/sh

export DH_VERBOSE = 1

%:
	dh $@

override_dh_auto_test:
ifeq (,$(filter nocheck,$(DEB_BUILD_OPTIONS)))
	$(MAKE) check
endif
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
             .reference = R"md(Debian Policy 4.9; lintian `debian-rules-not-a-makefile`; rules-debian.md DEB-U001.)md",
             .example_file = "debian/rules"},
    .check = check,
};

}  // namespace katalint::rules
