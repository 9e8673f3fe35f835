#include "rules/debian/support.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <utility>

namespace katalint::rules::debian_support {

namespace {
#include "rules/debian/tables.inc"

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& sorted, std::string_view value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}
}  // namespace

const Deb822Paragraph* source_paragraph(const Context& ctx) {
  if (ctx.deb822 == nullptr || ctx.deb822->paragraphs.empty()) return nullptr;
  return &ctx.deb822->paragraphs.front();
}

std::vector<const Deb822Paragraph*> binary_paragraphs(const Context& ctx) {
  std::vector<const Deb822Paragraph*> out;
  if (ctx.deb822 == nullptr) return out;
  const auto& paragraphs = ctx.deb822->paragraphs;
  for (std::size_t i = 1; i < paragraphs.size(); ++i)
    if (paragraphs[i].find("Package") != nullptr) out.push_back(&paragraphs[i]);
  return out;
}

std::string folded(const Context& ctx, const Deb822Field& field) {
  return frontend::debian::folded_value(*ctx.deb822, field);
}

ir::Range value_range(const Context& ctx, const Deb822Field& field, std::size_t offset, std::size_t size) {
  const Deb822Document& doc = *ctx.deb822;
  const std::uint32_t begin = frontend::debian::value_offset_to_text(doc, field, offset);
  const std::uint32_t end = frontend::debian::value_offset_to_text(doc, field, offset + size);
  return doc.range(begin, std::max(begin, end));
}

ir::Range first_line_range(const Context& ctx, const Deb822Field& field) {
  const Deb822Document& doc = *ctx.deb822;
  if (field.piece_count == 0) return field.value_range;
  const auto& piece = doc.pieces[field.first_piece];
  if (piece.begin == piece.end) return field.name_range;
  return doc.range(piece.begin, piece.end);
}

bool unresolved(std::string_view value) {
  return has_placeholder(value) || value.find("${") != std::string_view::npos;
}

void for_each_relation(const Context& ctx, const std::function<void(const ir::Dependency&, bool build)>& fn) {
  if (ctx.package == nullptr) return;
  auto visit = [&](const ir::Dependency& d, bool build) {
    fn(d, build);
    for (const auto& alt : d.alternatives) fn(alt, build);
  };
  for (const auto& d : ctx.package->build_dependencies) visit(d, true);
  for (const auto& p : ctx.package->packages)
    for (const auto& d : p.dependencies) visit(d, false);
}

std::vector<std::string_view> split(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = s.find_first_not_of(separators, i);
    if (b == std::string_view::npos) break;
    auto e = s.find_first_of(separators, b);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(s.substr(b, e - b));
    i = e;
  }
  return out;
}

std::string fuzzy_name(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '-' || c == '_' || c == '/' || c == '\\' || c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_essential(std::string_view name) { return contains(kEssentialPackages, name); }
bool is_build_essential(std::string_view name) { return contains(kBuildEssentialPackages, name); }
bool is_archive_section(std::string_view section) { return contains(kArchiveSections, section); }
bool is_build_profile(std::string_view name) { return contains(kBuildProfiles, name); }

bool is_known_architecture(std::string_view arch) {
  if (arch == "any" || arch == "all" || contains(kArchitectures, arch)) return true;
  if (arch.starts_with("linux-") && contains(kLinuxArchitectures, arch.substr(6))) return true;
  // Wildcards as lintian expands them: [[abi-]libc-]os-cpu with any part "any".
  const auto parts = split(arch, "-");
  if (parts.size() < 2 || parts.size() > 4 || parts.size() != static_cast<std::size_t>(std::count(arch.begin(), arch.end(), '-')) + 1)
    return false;
  auto part = [&](std::string_view p, auto& table) { return p == "any" || contains(table, p); };
  const std::size_t n = parts.size();
  if (!part(parts[n - 1], kArchitectureCpus) || !part(parts[n - 2], kArchitectureOses)) return false;
  if (n >= 3 && !part(parts[n - 3], kArchitectureLibcs)) return false;
  if (n == 4 && !part(parts[0], kArchitectureAbis)) return false;
  return true;
}

bool is_policy_version(std::string_view version) {
  // Standards-Version may omit the fourth part: 4.6.2 means 4.6.2.0.
  const std::string four = std::count(version.begin(), version.end(), '.') == 2 ? std::string(version) + ".0"
                                                                                : std::string(version);
  return contains(kPolicyVersions, four);
}

std::string_view latest_policy_version() {
  // Sorted as strings, the versions are not in release order; compare numerically.
  std::string_view best = kPolicyVersions.front();
  auto parts = [](std::string_view v) {
    std::array<int, 4> out{};
    std::size_t k = 0;
    for (char c : v) {
      if (c == '.') {
        if (++k == out.size()) break;
      } else {
        out[k] = out[k] * 10 + (c - '0');
      }
    }
    return out;
  };
  for (std::string_view v : kPolicyVersions)
    if (parts(v) > parts(best)) best = v;
  return best;
}

std::optional<std::string_view> obsolete_replacement(std::string_view name) {
  const auto it = std::lower_bound(kObsoletePackages.begin(), kObsoletePackages.end(), name,
                                   [](const auto& p, std::string_view key) { return p.first < key; });
  if (it == kObsoletePackages.end() || it->first != name) return std::nullopt;
  return it->second;
}

namespace {
template <std::size_t N>
std::optional<std::string_view> lookup(const std::array<std::pair<std::string_view, std::string_view>, N>& table,
                                       std::string_view key) {
  const auto it = std::lower_bound(table.begin(), table.end(), key,
                                   [](const auto& p, std::string_view k) { return p.first < k; });
  if (it == table.end() || it->first != key) return std::nullopt;
  return it->second;
}
}  // namespace

std::optional<std::string_view> dh_addon_package(std::string_view addon) { return lookup(kDhAddOns, addon); }
std::optional<std::string_view> dh_command_package(std::string_view command) { return lookup(kDhCommands, command); }

std::span<const std::pair<std::string_view, std::string_view>> name_section_patterns() { return kNameSections; }

int debhelper_compat_level(const ir::Package& control) {
  for (const auto& d : control.build_dependencies) {
    if (d.name != "debhelper-compat" || d.op != "=") continue;
    int level = 0;
    for (char c : d.evr) {
      if (c < '0' || c > '9') return -1;
      level = level * 10 + (c - '0');
    }
    return d.evr.empty() ? -1 : level;
  }
  return -1;
}

std::string debhelper_compat_file(std::string_view control_path) {
  std::string path(control_path);
  if (path.ends_with("debian/control")) {
    path.replace(path.size() - 7, 7, "compat");
  } else if (path.ends_with("debian.control")) {
    path.replace(path.size() - 7, 7, "compat");
  } else {
    return {};
  }
  std::error_code error;
  return std::filesystem::is_regular_file(path, error) ? path : std::string();
}

int debhelper_compat_file_level(std::string_view control_path) {
  const std::string path = debhelper_compat_file(control_path);
  if (path.empty()) return -1;
  std::ifstream in(path);
  int level = 0;
  return in >> level ? level : 0;
}

std::string_view mail_of(std::string_view contact) {
  const auto open = contact.find('<');
  if (open == std::string_view::npos) return {};
  const auto close = contact.find('>', open);
  if (close == std::string_view::npos) return {};
  return contact.substr(open + 1, close - open - 1);
}

}  // namespace katalint::rules::debian_support
