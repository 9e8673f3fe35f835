// obs-service-invalid-xml: reported by frontend/obs/service.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo obs_service_invalid_xml;  // listed in rules/rules.def
constinit const RuleInfo obs_service_invalid_xml{
    .id = "obs-service-invalid-xml",
    .severity = ir::Severity::Error,
    .summary = "an OBS _service file is not well-formed xml",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::ObsService),
    .doc = {.what = R"md(Reports an OBS `_service` file that is not well-formed XML: an unclosed element, a bad attribute, text outside the root.)md",
             .why = R"md(OBS refuses the file and runs no service, so the sources are not fetched.)md",
             .example = R"md(<services>
  <service name="obs_scm">
    <param name="url">https://example.org/example.git</param>
  </service>
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
