// Every diagnostic id the Debian and OBS frontends report is in the rule registry, with the
// severity the frontend uses.
#include <cctype>
#include <filesystem>
#include <regex>

#include "rules/registry.hpp"
#include "tests/support/catch.hpp"
#include "tests/unit/debian_agreement_support.hpp"

namespace fs = std::filesystem;

TEST_CASE("debian and obs diagnostics are registered", "[debian][obs][registry]") {
  const fs::path root = KATALINT_SOURCE_DIR;
  const std::regex report(R"re(report\(\s*"([a-z0-9-]+)",\s*ir::Severity::(\w+))re");
  std::size_t seen = 0;
  for (const char* dir : {"frontend/debian", "frontend/obs"}) {
    for (const auto& path : katalint::testing::corpus_files(root / dir, [](const fs::path& p) {
           return p.extension() == ".cpp";
         })) {
      const std::string text = katalint::testing::read_file(path);
      for (std::sregex_iterator it(text.begin(), text.end(), report), end; it != end; ++it) {
        ++seen;
        const std::string id = (*it)[1];
        const std::string severity = (*it)[2];
        const auto* rule = katalint::rules::find_rule(id);
        INFO(path.filename().string() << ": " << id);
        REQUIRE(rule != nullptr);
        std::string lower = severity;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(katalint::ir::to_string(rule->severity) == lower);
      }
    }
  }
  CHECK(seen >= 25);
}
