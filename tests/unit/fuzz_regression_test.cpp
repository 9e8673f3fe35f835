// Every input a fuzz target once failed on (tests/fuzz/TARGET/*) runs through that target
// again, in every build: under the sanitizers in CI, plainly here.
#include "tests/support/catch.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz/targets.hpp"

namespace fs = std::filesystem;

TEST_CASE("fuzz regression inputs run cleanly through their targets", "[fuzz]") {
  const fs::path root = fs::path(KATALINT_SOURCE_DIR) / "tests" / "fuzz";
  REQUIRE(fs::is_directory(root));
  std::size_t inputs = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const std::string name = dir.path().filename().string();
    const auto* target = katalint::fuzz::find_target(name);
    INFO("directory tests/fuzz/" << name);
    REQUIRE(target != nullptr);
    for (const auto& file : fs::directory_iterator(dir.path())) {
      std::ifstream in(file.path(), std::ios::binary);
      const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      INFO("input " << file.path().string());
      target->run(data);  // a failure aborts the test binary, as it aborted the fuzzer
      ++inputs;
    }
  }
  CHECK(inputs > 0);
}

TEST_CASE("every fuzz target takes empty and tiny inputs", "[fuzz]") {
  REQUIRE(katalint::fuzz::targets().size() == 10);
  for (const auto& target : katalint::fuzz::targets()) {
    INFO("target " << std::string(target.name));
    for (std::string_view input : {std::string_view(), std::string_view("\0", 1), std::string_view("%"),
                                   std::string_view("%{"), std::string_view("\n\n"), std::string_view("\xff\xfe")})
      target.run(input);
    SUCCEED();
  }
}
