// profile_engine(): target profiles from the snapshot the build made of them, so a process
// never parses the profile macro files (tools/profile_snapshot.cpp).
#include <fmt/core.h>

#include <map>
#include <mutex>

#include "frontend/rpmspec/profile.hpp"

namespace katalint::rpmspec {
namespace {

MacroEngine restore(const SnapshotProfile& profile) {
  MacroEngine engine;
  std::vector<MacroDefinition> definitions(profile.definitions.size());
  for (std::size_t i = 0; i < definitions.size(); ++i) {
    const SnapshotDefinition& from = profile.definitions[i];
    MacroDefinition& def = definitions[i];
    def.name = std::string(snapshot_text(from.name));
    if (from.has_options) def.options = std::string(snapshot_text(from.options));
    def.body = std::string(snapshot_text(from.body));
    def.level = from.level;
    def.flags = from.flags;
  }
  engine.restore_base(std::move(definitions));
  engine.shell.dash = profile.dash;
  for (const auto& [command, output] : profile.facts) engine.shell.facts[std::string(command)] = std::string(output);
  for (const auto& command : profile.missing_commands) engine.shell.missing_commands.emplace_back(command);
  return engine;
}

}  // namespace

bool profile_engine(std::string_view name, MacroEngine& out, std::string& error) {
  static std::mutex mutex;
  // Never destroyed: tearing the tables down at exit is work nobody needs.
  static auto& cache = *new std::map<std::string, MacroEngine, std::less<>>;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(name); it != cache.end()) {
    out = it->second;
    return true;
  }
  for (const auto& profile : snapshot_profiles()) {
    if (profile.name != name) continue;
    out = cache.emplace(std::string(name), restore(profile)).first->second;
    return true;
  }
  // Unknown names: the text loader words the error.
  return load_profile_text(name, out, error);
}

}  // namespace katalint::rpmspec
