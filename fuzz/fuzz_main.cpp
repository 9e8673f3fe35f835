// The libFuzzer entry point of one target, chosen at build time (KATALINT_FUZZ_TARGET).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const katalint::fuzz::Target* target = [] {
    const auto* t = katalint::fuzz::find_target(KATALINT_FUZZ_TARGET);
    if (!t) katalint::fuzz::invariant_failed(KATALINT_FUZZ_TARGET, "no such target");
    return t;
  }();
  target->run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
