// obs-service-unexpected-element: reported by frontend/obs/service.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo obs_service_unexpected_element;  // listed in rules/rules.def
constinit const RuleInfo obs_service_unexpected_element{
    .id = "obs-service-unexpected-element",
    .severity = ir::Severity::Warning,
    .summary = "an OBS _service file is not <services> of <service> of <param>",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::ObsService),
    .doc = {.what = R"md(Reports an element in an OBS `_service` file other than `<services>`, `<service>` and `<param>` in that nesting.)md",
             .why = R"md(OBS ignores what it does not know, so a misspelt element silently does nothing.)md",
             .example = R"md(<services>
  <service name="obs_scm">
    <parameter name="url">https://example.org/example.git</parameter>
  </service>
</services>
)md",
             .use_instead = R"md(<services>
  <service name="obs_scm">
    <param name="url">https://example.org/example.git</param>
  </service>
</services>
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(openSUSE Build Service documentation, *Source Services*.)md",
             .example_file = "_service"},
};

}  // namespace katalint::rules
