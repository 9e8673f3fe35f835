// The profile tables compiled into katalint must be exactly what reading the profiles gives.
#include "frontend/rpmspec/profile.hpp"
#include "tests/support/catch.hpp"

namespace rs = katalint::rpmspec;

TEST_CASE("profile snapshots equal the profiles read from their text", "[profile]") {
  const auto names = rs::profile_names();
  REQUIRE(names.size() == rs::snapshot_profiles().size());
  for (const auto& name : names) {
    INFO("profile " << name);
    rs::MacroEngine from_text, from_snapshot;
    std::string error;
    REQUIRE(rs::load_profile_text(name, from_text, error));
    REQUIRE(rs::profile_engine(name, from_snapshot, error));
    const auto expected = from_text.table();
    const auto actual = from_snapshot.table();
    REQUIRE(expected.size() == actual.size());
    for (auto e = expected.begin(), a = actual.begin(); e != expected.end(); ++e, ++a) {
      INFO("macro " << e->first);
      REQUIRE(e->first == a->first);
      REQUIRE(e->second.size() == a->second.size());
      for (std::size_t i = 0; i < e->second.size(); ++i) {
        const auto& x = e->second[i];
        const auto& y = a->second[i];
        CHECK(x.name == y.name);
        CHECK(x.options == y.options);
        CHECK(x.body == y.body);
        CHECK(x.level == y.level);
        CHECK(x.flags == y.flags);
      }
    }
    CHECK(from_text.shell.dash == from_snapshot.shell.dash);
    CHECK(from_text.shell.facts == from_snapshot.shell.facts);
    CHECK(from_text.shell.missing_commands == from_snapshot.shell.missing_commands);
    // Both expand alike, down to the values that matter most.
    for (const char* macro : {"%{_libexecdir}", "%{?dist}", "%{_target_cpu}", "%{?suse_version}", "%{_bindir}"})
      CHECK(from_text.expand(macro) == from_snapshot.expand(macro));
  }
}

TEST_CASE("an unknown profile is still an error with the known names", "[profile]") {
  rs::MacroEngine engine;
  std::string error;
  CHECK_FALSE(rs::profile_engine("no-such-target", engine, error));
  CHECK(error.find("unknown target 'no-such-target'") != std::string::npos);
  CHECK(error.find("opensuse-tumbleweed") != std::string::npos);
}
