// katalint migrate HOME_DIR -o DIR: every package of a home project converted for each
// target into DIR/TARGET/PACKAGE/, with a summary on stdout and in DIR/summary.json.
#include <filesystem>
#include <iostream>

#include <fmt/core.h>

#include "backends/common/write.hpp"
#include "backends/convert.hpp"
#include "cli/convert_support.hpp"

namespace katalint::cli {

int run_migrate(const Options& options, const ConvertChoices& choices) {
  std::vector<const backends::Target*> targets;
  if (int rc = parse_targets(choices.to, targets); rc != kExitClean) return rc;
  backends::ProjectValues values;
  frontend::AnalyzeOptions extra;
  backends::ConvertOptions convert;
  if (int rc = make_convert_options(options, choices, values, extra, convert); rc != kExitClean) return rc;
  if (options.paths.size() != 1) return usage_error("migrate takes one HOME_DIR");
  const std::string home = options.paths.front();
  std::error_code ec;
  if (!std::filesystem::is_directory(home, ec)) return usage_error(fmt::format("'{}' is not a directory", home));

  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  const auto summary =
      backends::migrate_project(sources, home, targets, values, convert, extra, choices.out_dir, sink);
  for (const auto& d : sink.diagnostics())
    fmt::print(stderr, "{}: {}: {}\n", backends::location_of(d, sources, ""), ir::to_string(d.severity), d.message);
  const std::string json = backends::summary_json(summary, sources).dump(2) + "\n";
  std::string error;
  if (!backends::write_emitted(choices.out_dir, "", {{"summary.json", json, false}}, error)) {
    fmt::print(stderr, "katalint: error: {}\n", error);
    return kExitFindings;
  }
  fmt::print("{}", backends::summary_text(summary, sources));
  bool failed = !summary.write_errors.empty();
  for (const auto& c : summary.conversions) failed = failed || c.failed;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace katalint::cli
