// katalint: the command-line driver. Subcommands live in cli/commands.hpp.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <array>
#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"

namespace {

using namespace katalint::cli;

constexpr std::array<std::string_view, 8> kSubcommands = {
    "lint", "query", "dump", "convert", "migrate", "fmt", "explain", "rules"};

bool is_subcommand(std::string_view arg) {
  for (auto s : kSubcommands)
    if (s == arg) return true;
  return false;
}

void add_evaluation_options(CLI::App& cmd, Options& o) {
  cmd.add_option("--target", o.target, "target distribution profile (e.g. opensuse-tumbleweed)");
  cmd.add_option("--define", o.defines, "define a macro: 'NAME VALUE'")->allow_extra_args(false);
  cmd.add_option("--with", o.with, "enable a build conditional (%bcond)")->allow_extra_args(false);
  cmd.add_option("--without", o.without, "disable a build conditional (%bcond)")->allow_extra_args(false);
  cmd.add_option("--set", o.sets, "fill an @KEY@ template placeholder: KEY=VALUE")->allow_extra_args(false);
  cmd.add_option("--values", o.values_file, "read placeholder values from a KEY=VALUE file");
}

void add_lint_options(CLI::App& cmd, Options& o) {
  cmd.add_option("paths", o.paths, "files or directories to lint ('-' reads stdin)");
  cmd.add_option("--format", o.format, "output format: text|gcc|json|sarif|github|checkstyle|junit");
  cmd.add_option("--fail-on", o.fail_on, "lowest severity that fails the run: error|warning|info|never");
  add_evaluation_options(cmd, o);
  cmd.add_option("--config", o.config_file, "configuration file (default: discovered upward)");
  cmd.add_option("--baseline", o.baseline, "ignore findings recorded in this baseline file");
  cmd.add_option("--write-baseline", o.write_baseline, "record all current findings in a baseline file");
  cmd.add_flag("--fix", o.fix, "apply safe fixes in place");
  cmd.add_flag("--unsafe-fixes", o.unsafe_fixes, "also apply unsafe fixes");
  cmd.add_flag("--diff", o.diff, "print fixes as a unified diff instead of writing them");
  cmd.add_option("-j,--jobs", o.jobs, "number of files linted in parallel (default: all cores)");
  cmd.add_option("--stdin-filename", o.stdin_filename, "file name to report for input read from stdin");
  cmd.add_option("--color", o.color, "colour the text output: auto|always|never");
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    fmt::print(stderr, "katalint: error: no input files (try 'katalint --help')\n");
    return kExitUsage;
  }
  // `katalint PATH...` means `katalint lint PATH...`.
  const bool wants_top_level = args[0] == "--help" || args[0] == "-h" || args[0] == "--version";
  if (!wants_top_level && !is_subcommand(args[0])) args.insert(args.begin(), "lint");

  CLI::App app{"katalint: a compiler for Linux packaging recipes", "katalint"};
  app.set_version_flag("--version", std::string("katalint ") + KATALINT_VERSION);
  app.require_subcommand(1);

  // Only the subcommand being run gets its options: setting up all of them would cost a
  // one-file run (a pre-commit hook) more than its parsing does.
  const std::string_view chosen = wants_top_level ? std::string_view() : std::string_view(args[0]);

  Options lint_opts, query_opts, dump_opts, convert_opts, migrate_opts, fmt_opts;
  auto* lint = app.add_subcommand("lint", "lint files; a directory is searched for packaging files");
  if (chosen == "lint") {
    add_lint_options(*lint, lint_opts);
    lint->set_version_flag("--version", std::string("katalint ") + KATALINT_VERSION);
  }

  bool query_json = false;
  auto* query = app.add_subcommand("query", "evaluated package metadata, as rpmspec -q reports it");
  if (chosen == "query") {
    add_evaluation_options(*query, query_opts);
    query->add_flag("--json", query_json, "print JSON (the only format)");
    query->add_option("-j,--jobs", query_opts.jobs, "files evaluated in parallel (default: all cores)");
    query->add_option("--stdin-filename", query_opts.stdin_filename, "file name to report for input read from stdin");
    query->add_option("file", query_opts.paths, "spec file")->required();
  }

  auto* dump = app.add_subcommand("dump", "print the IR as JSON, or reprint the source from its syntax tree");
  if (chosen == "dump") {
    add_evaluation_options(*dump, dump_opts);
    dump_opts.format = "json";
    dump->add_option("--format", dump_opts.format, "json|source");
    dump->add_option("file", dump_opts.paths, "input file")->required();
  }

  ConvertChoices convert_choices, migrate_choices;
  auto add_convert_options = [](CLI::App& cmd, ConvertChoices& c) {
    cmd.add_option("-o,--output", c.out_dir, "output directory")->required();
    cmd.add_option("--packager", c.packager, "author of the added changelog entry: 'Name <email>'");
    cmd.add_flag("--classic-release", c.classic_release,
                 "Fedora: Release: 1%{?dist} and a written %changelog instead of rpmautospec");
  };
  auto* convert = app.add_subcommand("convert", "convert packaging to another distribution");
  if (chosen == "convert") {
    add_evaluation_options(*convert, convert_opts);
    convert->add_option("--to", convert_choices.to, "suse|fedora|ubuntu")->required();
    add_convert_options(*convert, convert_choices);
    convert->add_option("path", convert_opts.paths, "spec file or package directory")->required();
  }

  auto* migrate = app.add_subcommand("migrate", "move a home-project package to devel projects");
  if (chosen == "migrate") {
    add_evaluation_options(*migrate, migrate_opts);
    migrate->add_option("--to", migrate_choices.to, "comma-separated targets (default: all)");
    add_convert_options(*migrate, migrate_choices);
    migrate->add_option("home_dir", migrate_opts.paths, "home-project directory (one folder per package)")->required();
  }

  FmtSettings fmt_settings;
  auto* format = app.add_subcommand("fmt", "format spec files in SUSE style");
  if (chosen == "fmt") {
    format->add_flag("--check", fmt_settings.check, "exit 1 if a file would change");
    format->add_flag("--diff", fmt_settings.diff, "print the changes as a unified diff");
    format->add_flag("-i", fmt_settings.in_place, "rewrite the files in place");
    format->add_option("--style", fmt_settings.style, "suse (default) | minimal (no intrusive rewrites)")
        ->check(CLI::IsMember({"suse", "minimal"}));
    format->add_option("--convert", fmt_settings.convert, "rewrite dependencies: pkgconfig,perl,cmake")
        ->delimiter(',')
        ->check(CLI::IsMember({"pkgconfig", "perl", "cmake"}));
    format->add_flag("--remove-groups", fmt_settings.remove_groups, "drop Group: tags");
    format->add_flag("--keep-space", fmt_settings.keep_space, "keep blank lines in the preamble");
    format->add_flag("--fast", fmt_settings.fast,
                     "skip the check that the formatted spec means to rpm what the input meant (cli/fmt_meaning.hpp)");
    format->add_flag("--copyright-header", fmt_settings.copyright_header, "write the SUSE copyright header");
    format->add_option("--copyright-year", fmt_settings.copyright_year, "the year in the copyright header (default: this year)");
    format->add_option("--stdin-filename", fmt_opts.stdin_filename, "file name of the input read from stdin");
    format->add_option("--target", fmt_opts.target, "profile whose parametric macros stay unbraced");
    format->add_option("files", fmt_opts.paths, "spec files ('-' reads stdin)")->required();
  }

  std::string explain_id;
  auto* explain = app.add_subcommand("explain", "print the documentation of a rule");
  if (chosen == "explain") explain->add_option("rule", explain_id, "rule id")->required();

  std::string rules_format = "text", rules_docs;
  auto* rules = app.add_subcommand("rules", "list every rule");
  if (chosen == "rules") {
    rules->add_option("--format", rules_format, "text|json");
    // Regenerates docs/rules; a test checks that the pages in the tree are current.
    rules->add_option("--write-docs", rules_docs, "write one Markdown page per rule to DIR")->group("");
  }

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    fmt::print("{}\n", e.what());
    return kExitClean;
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "katalint: error: {}\n", e.what());
    return kExitUsage;
  }

  if (lint->parsed()) return run_lint(lint_opts);
  if (query->parsed()) return run_query(query_opts);
  if (dump->parsed()) return run_dump(dump_opts);
  if (convert->parsed()) return run_convert(convert_opts, convert_choices);
  if (migrate->parsed()) return run_migrate(migrate_opts, migrate_choices);
  if (format->parsed()) return run_fmt(fmt_opts, fmt_settings);
  if (explain->parsed()) return run_explain(explain_id);
  if (rules->parsed()) return run_rules(rules_format, rules_docs);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "katalint: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "katalint: internal error\n");
  }
  return kExitInternal;
}
