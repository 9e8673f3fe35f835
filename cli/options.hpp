// Options shared by the subcommands, as parsed from the command line.
#pragma once

#include <string>
#include <vector>

#include "cli/render.hpp"
#include "ir/diagnostic.hpp"

namespace katalint::cli {

enum class ColorMode { Auto, Always, Never };
enum class FailOn { Error, Warning, Info, Never };

struct Options {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on;  // "" = from the configuration, else "warning"
  std::string target;
  std::vector<std::string> defines;  // "NAME VALUE"
  std::vector<std::string> with;
  std::vector<std::string> without;
  std::vector<std::string> sets;  // KEY=VALUE
  std::string values_file;
  std::string config_file;
  std::string baseline;
  std::string write_baseline;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  int jobs = 0;
  std::string stdin_filename;
  std::string color = "auto";
};

// The name a path is shown under: stdin ('-') takes --stdin-filename when given.
inline std::string display_name(const Options& options, const std::string& path) {
  return path == "-" && !options.stdin_filename.empty() ? options.stdin_filename : path;
}

// Exit codes of the CLI contract.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

}  // namespace katalint::cli
