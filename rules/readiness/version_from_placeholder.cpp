// version-from-placeholder: Version or Release filled by a template placeholder.
#include <fmt/core.h>

#include <algorithm>
#include <string>

#include "frontend/rpmspec/macro_engine.hpp"
#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// tar_scm's own versionformat tokens, which are not template placeholders.
bool tar_scm_token(std::string_view key) { return key == "@PARENT_TAG@" || key == "@TAG_OFFSET@"; }

// A _service whose version parameters are template placeholders: the version still comes from
// the script that fills the template, not from the sources.
void check_service(const Context& ctx, Reporter& out) {
  for_each_text_line(ctx, [&](const TextLine& line) {
    const std::string_view t = line.text;
    for (const std::string_view param : {std::string_view("versionformat"), std::string_view("version"),
                                         std::string_view("revision")}) {
      const std::string open = fmt::format("name=\"{}\"", param);
      const std::size_t at = t.find(open);
      if (at == std::string_view::npos) continue;
      const std::size_t value = t.find('>', at);
      if (value == std::string_view::npos) return;
      const std::size_t end = std::min(t.find('<', value), t.size());
      for (std::size_t p = t.find('@', value); p != std::string_view::npos && p < end; p = t.find('@', p + 1)) {
        std::size_t e = p + 1;
        while (e < end && key_char(t[e])) ++e;
        if (e == p + 1 || e >= end || t[e] != '@') continue;
        const std::string_view key = t.substr(p, e + 1 - p);
        if (tar_scm_token(key)) {
          p = e;
          continue;
        }
        out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(p), key.size()),
                   fmt::format("the service's {} is filled by the placeholder {}; {}", param, key,
                               param == "revision" ? "name a branch or tag the service follows"
                                                   : "derive it from the sources (versionformat @PARENT_TAG@, "
                                                     "set_version)"));
        return;
      }
      return;
    }
  });
}

void check(const Context& ctx, Reporter& out) {
  if (ctx.spec == nullptr) {
    check_service(ctx, out);
    return;
  }
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.kind != rpmspec::SyntaxKind::Tag || !line.section.empty()) return;
    const std::string_view tag = line.tag;
    if (tag != "version" && tag != "release") return;
    // A placeholder bound with --set or --values has a value: the IR then holds plain text.
    if (ctx.package != nullptr) {
      const std::string& value = tag == "version" ? ctx.package->version : ctx.package->release;
      if (!value.empty() && !rpmspec::contains_opaque(value)) return;
    }
    const std::string_view t = line.text;
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) return;
    for (std::size_t at = t.find('@', colon); at != std::string_view::npos; at = t.find('@', at + 1)) {
      std::size_t e = at + 1;
      while (e < t.size() && key_char(t[e])) ++e;
      if (e == at + 1 || e >= t.size() || t[e] != '@') continue;
      const std::string_view key = t.substr(at, e + 1 - at);
      out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(at), key.size()),
                 fmt::format("the {} is filled by the placeholder {}; let a _service set it", tag, key));
      return;
    }
  });
}

}  // namespace

extern const RuleInfo version_from_placeholder;  // listed in rules/rules.def
constinit const RuleInfo version_from_placeholder{
    .id = "version-from-placeholder",
    .severity = ir::Severity::Warning,
    .summary = "version or release is filled by a template placeholder",
    .kinds = kSpecFiles | kind_bit(frontend::FileKind::ObsService),
    .families = kSuse,
    .doc = {.what = R"md(Reports a `Version:` or `Release:` whose value is an `@KEY@` placeholder that a script fills in before the spec is uploaded (`Version: @VERSION@`, `Release: @RELEASE@`). The finding is at the placeholder. A placeholder bound on the command line (`--set`, `--values`) is not reported: the file is then linted as the spec it becomes. In a `_service`, a `versionformat`, `version` or `revision` parameter holding a placeholder (`<param name="versionformat">@VERSION@</param>`) is reported too, bound or not, because the service then takes its version from the script rather than from the sources; tar_scm's own `@PARENT_TAG@` and `@TAG_OFFSET@` are not placeholders.)md",
            .why = R"md(A devel project keeps the spec it builds: the version comes from the sources through a `_service` (`obs_scm` with `versionformat`, `set_version`) and the release from OBS (`Release: 0`). A template filled by a script outside OBS cannot be branched, reviewed or updated there, and the script that computes the release from the last OBS build breaks as soon as someone else builds the package.)md",
            .example = R"md(Name:           example
Version:        @VERSION@
Release:        @RELEASE@
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

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

%files
)md",
            .fix_safety = R"md(No fix: the version belongs in a `_service` or in the spec, which katalint cannot know.)md",
            .reference = R"md(openSUSE *Packaging guidelines* and *obs_scm / set_version source services*; openSUSE *Release numbers* (`Release: 0`).)md",
            .example_file = "example.spec-template"},
    .check = check,
};

}  // namespace katalint::rules
