// Entry points of the subcommands; each returns the process exit code.
#pragma once

#include <string>

#include "cli/options.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {
struct AnalyzeOptions;
}

namespace katalint::cli {

int run_lint(const Options& options);
int run_query(const Options& options);
int run_dump(const Options& options);
// Reprints a file from its lossless syntax tree (`dump --format source`).
int run_dump_source(const ir::SourceManager& sources, ir::FileId file);
// What `convert` and `migrate` take besides the evaluation options.
struct ConvertChoices {
  std::string to;       // convert: one target; migrate: comma-separated, "" = every target
  std::string out_dir;
  std::string packager;       // author of the added changelog entry, "Name <email>"
  bool classic_release = false;  // Fedora: Release: 1%{?dist} and a written %changelog
};
int run_convert(const Options& options, const ConvertChoices& choices);
int run_migrate(const Options& options, const ConvertChoices& choices);
int run_fmt(const Options& options, bool check, bool diff, bool in_place);
int run_explain(const std::string& rule_id);
// With `docs_dir`, writes the rule pages there (docs/rules) instead of listing.
int run_rules(const std::string& format, const std::string& docs_dir = {});

// Fills frontend options from the command line; returns an exit code (0 on success).
int make_analyze_options(const Options& options, frontend::AnalyzeOptions& out);

// One-line usage error on stderr; returns kExitUsage.
int usage_error(const std::string& message);

}  // namespace katalint::cli
