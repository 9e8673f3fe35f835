#include "backends/ubuntu/reverse.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "backends/ubuntu/depmap.hpp"

namespace katalint::backends::ubuntu {
namespace {

std::string rpm_arch(std::string_view debian) {
  static constexpr std::pair<std::string_view, std::string_view> kArches[] = {
      {"amd64", "x86_64"}, {"arm64", "aarch64"}, {"ppc64el", "ppc64le"}, {"s390x", "s390x"},
      {"i386", "%{ix86}"}, {"armhf", "armv7hl"}, {"riscv64", "riscv64"}, {"ppc64", "ppc64"}};
  for (const auto& [from, to] : kArches)
    if (from == debian) return std::string(to);
  return std::string(debian);
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

// nullopt when the atom has no RPM form (Debian build machinery, substvars).
std::optional<ir::Dependency> to_rpm(const ir::Dependency& dep) {
  auto name = rpm_name_for(dep.name);
  if (!name) return std::nullopt;
  ir::Dependency out;
  out.range = dep.range;
  out.name = *name;
  out.op = dep.op == "<<" ? "<" : dep.op == ">>" ? ">" : dep.op;
  out.evr = dep.evr;
  switch (dep.kind) {
    case ir::DepKind::PreDepends:
      out.kind = ir::DepKind::Requires;
      out.qualifiers = {"pre"};
      break;
    case ir::DepKind::Breaks:
      out.kind = ir::DepKind::Conflicts;
      break;
    default:
      out.kind = dep.kind;
      break;
  }
  return out;
}

std::vector<ir::Dependency> map_all(const std::vector<ir::Dependency>& deps) {
  std::vector<ir::Dependency> out;
  for (const auto& d : deps)
    if (auto r = to_rpm(d)) out.push_back(std::move(*r));
  return out;
}

}  // namespace

ir::Package to_rpm_spelling(const ir::Package& debian) {
  ir::Package out = debian;
  out.build_dependencies = map_all(debian.build_dependencies);
  out.exclusive_arch.clear();
  out.build_arch.clear();
  std::vector<std::string> arches;
  for (auto& b : out.packages) {
    b.dependencies = map_all(b.dependencies);
    const auto list = words(b.arch);
    if (list.size() == 1 && list[0] == "all") {
      b.arch = "noarch";
    } else {
      b.arch.clear();
      for (const auto& a : list)
        if (a != "any" && std::find(arches.begin(), arches.end(), rpm_arch(a)) == arches.end()) arches.push_back(rpm_arch(a));
    }
  }
  out.exclusive_arch = arches;
  return out;
}

}  // namespace katalint::backends::ubuntu
