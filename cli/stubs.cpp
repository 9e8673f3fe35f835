// Subcommands whose capability has not landed yet answer with a usage error, never a crash.
#include "cli/commands.hpp"

namespace katalint::cli {

int run_fmt(const Options&, bool, bool, bool) { return usage_error("fmt: not implemented yet"); }

}  // namespace katalint::cli
