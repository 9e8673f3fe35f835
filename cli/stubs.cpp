// Subcommands whose capability has not landed yet answer with a usage error, never a crash.
#include "cli/commands.hpp"

namespace katalint::cli {

int run_convert(const Options&, const std::string&, const std::string&) {
  return usage_error("convert: not implemented yet");
}
int run_migrate(const Options&, const std::string&, const std::string&) {
  return usage_error("migrate: not implemented yet");
}

}  // namespace katalint::cli
