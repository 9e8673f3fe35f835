// What `katalint convert` and `katalint migrate` share on the command line.
#pragma once

#include <string>
#include <vector>

#include "backends/common/input.hpp"
#include "backends/common/values.hpp"
#include "backends/targets.hpp"
#include "cli/commands.hpp"
#include "frontend/analyze.hpp"

namespace katalint::cli {

// Reads --values (with [package] sections) and --set into `values`, the evaluation options
// into `extra`, and the changelog author and time into `convert`. Returns an exit code.
int make_convert_options(const Options& options, const ConvertChoices& choices, backends::ProjectValues& values,
                         frontend::AnalyzeOptions& extra, backends::ConvertOptions& convert);

// "suse,fedora" -> targets; "" = all. Returns an exit code.
int parse_targets(const std::string& list, std::vector<const backends::Target*>& out);

}  // namespace katalint::cli
