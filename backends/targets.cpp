#include "backends/targets.hpp"

#include "backends/fedora/fedora.hpp"
#include "backends/suse/suse.hpp"

namespace katalint::backends {

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"suse", suse::kProfile, &suse::emit},
      {"fedora", fedora::kProfile, &fedora::emit},
  };
  return all;
}

const Target* find_target(std::string_view name) {
  for (const auto& t : targets())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace katalint::backends
