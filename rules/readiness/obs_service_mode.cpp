// obs-service-mode: a _service entry that runs in a mode openSUSE does not accept.
#include <fmt/core.h>

#include <optional>

#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

struct Attribute {
  std::string_view value;
  std::size_t at = 0;  // offset of the value in the file
};

// The value of `name="..."` (or '...') between `begin` and `end`.
std::optional<Attribute> attribute(std::string_view text, std::size_t begin, std::size_t end, std::string_view name) {
  // Searching only the tag keeps a file of many tags linear.
  const std::string_view tag = text.substr(0, end);
  for (std::size_t at = tag.find(name, begin); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    if (at == 0 || (text[at - 1] != ' ' && text[at - 1] != '\t' && text[at - 1] != '\n' && text[at - 1] != '\r'))
      continue;
    std::size_t i = at + name.size();
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= end || text[i] != '=') continue;
    ++i;
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= end || (text[i] != '"' && text[i] != '\'')) continue;
    const std::size_t close = text.find(text[i], i + 1);
    if (close == std::string_view::npos || close > end) continue;
    return Attribute{text.substr(i + 1, close - i - 1), i + 1};
  }
  return std::nullopt;
}

void check(const Context& ctx, Reporter& out) {
  const std::string_view text = ctx.file.text();
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    if (text.substr(i, 4) == "<!--") {
      const std::size_t close = text.find("-->", i + 4);
      if (close == std::string_view::npos) return;
      i = close + 2;
      continue;
    }
    if (text.substr(i, 8) != "<service") continue;
    const std::size_t after = i + 8;
    if (after >= text.size() || (text[after] != ' ' && text[after] != '\t' && text[after] != '\n' &&
                                 text[after] != '\r' && text[after] != '>' && text[after] != '/'))
      continue;  // <services>
    const std::size_t end = text.find('>', after);
    if (end == std::string_view::npos) return;
    const auto name = attribute(text, after, end, "name");
    const std::string_view service = name ? name->value : std::string_view("?");
    const auto mode = attribute(text, after, end, "mode");
    if (!mode) {
      const std::uint32_t at = static_cast<std::uint32_t>(name ? name->at : i);
      out.report(range_at(ctx, at, name ? name->value.size() : 8),
                 fmt::format("service '{}' has no mode, so it runs on the server after every commit; openSUSE "
                             "accepts only mode=\"manual\" or mode=\"buildtime\"",
                             service));
    } else if (mode->value != "manual" && mode->value != "buildtime") {
      out.report(range_at(ctx, static_cast<std::uint32_t>(mode->at), mode->value.size()),
                 fmt::format("service '{}' runs in mode '{}'; openSUSE accepts only mode=\"manual\" or "
                             "mode=\"buildtime\"",
                             service, mode->value));
    }
    i = end;
  }
}

}  // namespace

extern const RuleInfo obs_service_mode;  // listed in rules/rules.def
constinit const RuleInfo obs_service_mode{
    .id = "obs-service-mode",
    .severity = ir::Severity::Warning,
    .summary = "a source service runs in a mode openSUSE does not accept",
    .kinds = kind_bit(frontend::FileKind::ObsService),
    .families = kSuse,
    .doc = {.what = R"md(Reports each `<service>` of a `_service` file that has no `mode` attribute or a mode other than `manual` and `buildtime` (`localonly`, `disabled`, `trylocal`, `serveronly`). The finding is at the mode, or at the service's name when it has none.)md",
            .why = R"md(A service without a mode runs on the OBS server after every commit and stores its output as `_service:*` files, which Factory's review bot declines; source_validator warns "openSUSE: projects only allow 'manual' or 'buildtime' services (localonly/disabled are deprecated)". With `manual` the packager runs `osc service manualrun` and commits the result, which reviewers can see; with `buildtime` the service runs inside the build.)md",
            .example = R"md(<services>
  <service name="obs_scm">
    <param name="url">https://github.com/example/example.git</param>
    <param name="scm">git</param>
  </service>
</services>
)md",
            .use_instead = R"md(<services>
  <service name="obs_scm" mode="manual">
    <param name="url">https://github.com/example/example.git</param>
    <param name="scm">git</param>
  </service>
  <service name="tar" mode="buildtime"/>
</services>
)md",
            .fix_safety = R"md(No fix: with `manual` the service's output must be committed, which only running it can do.)md",
            .reference = R"md(obs-service-source_validator; openSUSE-release-tools `check_source.pl` ("Please change the mode"); OBS user guide, *Using source services* (modes); shared docs obs-devel-package.md, KL-OBS-030.)md",
            .example_file = "_service"},
    .check = check,
};

}  // namespace katalint::rules
