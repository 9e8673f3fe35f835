// Entry points of the subcommands; each returns the process exit code.
#pragma once

#include <string>
#include <vector>

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
// `katalint fmt` settings beyond the shared options.
struct FmtSettings {
  bool check = false;     // exit 1 when a file would change
  bool diff = false;      // print a unified diff instead of the text
  bool in_place = false;  // -i: rewrite the files
  std::string style = "suse";  // suse | minimal
  std::vector<std::string> convert;  // pkgconfig, perl, cmake
  bool remove_groups = false;
  bool keep_space = false;
  bool fast = false;  // skip the check that the output means the same to rpm
  bool copyright_header = false;
  int copyright_year = 0;  // 0: the current year
};
int run_fmt(const Options& options, const FmtSettings& settings);
int run_explain(const std::string& rule_id);
// With `docs_dir`, writes the rule pages there (docs/rules) instead of listing.
int run_rules(const std::string& format, const std::string& docs_dir = {});

// Fills frontend options from the command line; returns an exit code (0 on success).
int make_analyze_options(const Options& options, frontend::AnalyzeOptions& out);

// One-line usage error on stderr; returns kExitUsage.
int usage_error(const std::string& message);

}  // namespace katalint::cli
