#include "rules/debian/support.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <utility>

#include <fmt/core.h>

#include "frontend/package/directory.hpp"

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

void for_each_field(const Context& ctx, std::string_view name, const std::function<void(const Deb822Field&)>& fn) {
  if (ctx.deb822 == nullptr) return;
  for (const auto& p : ctx.deb822->paragraphs)
    if (const auto* f = p.find(name)) fn(*f);
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

int debhelper_compat_level(const Context& ctx) {
  return ctx.package != nullptr ? debhelper_compat_level(*ctx.package) : -1;
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

void for_each_build_depends(const Context& ctx, const std::function<void(const ir::Dependency&)>& fn) {
  if (ctx.package == nullptr) return;
  for (const auto& d : ctx.package->build_dependencies)
    if (d.kind == ir::DepKind::BuildRequires) fn(d);
}

void for_each_binary_depends(const Context& ctx, const std::function<void(const ir::Dependency&)>& fn) {
  if (ctx.package == nullptr) return;
  for (const auto& p : ctx.package->packages)
    for (const auto& d : p.dependencies)
      if (d.kind == ir::DepKind::Requires || d.kind == ir::DepKind::PreDepends) fn(d);
}

std::set<std::string> build_depends_names(const ir::Package& control) {
  std::set<std::string> out;
  for (const auto& d : control.build_dependencies) {
    if (d.kind != ir::DepKind::BuildRequires) continue;
    out.insert(d.name);
    for (const auto& a : d.alternatives) out.insert(a.name);
  }
  return out;
}

std::string obsolete_message(std::string_view name, std::string_view replacement) {
  return replacement.empty() ? fmt::format("'{}' is obsolete", name) : fmt::format("'{}' is obsolete; use {}", name, replacement);
}

std::string compat_file(const frontend::PackageDirectory& pd) {
  const auto* control = pd.primary_file(frontend::FileKind::DebianControl);
  return control != nullptr ? debhelper_compat_file(control->path) : std::string();
}

std::vector<std::string_view> dh_prerequisites(std::span<const std::pair<std::string_view, std::string_view>> manual,
                                               std::string_view name, std::optional<std::string_view> from_table) {
  for (const auto& [key, packages] : manual)
    if (key == name) return split(packages, " ");
  if (!from_table) return {};
  return {*from_table};
}

bool any_in(const std::vector<std::string_view>& packages, const std::set<std::string>& deps) {
  for (const auto p : packages)
    if (deps.count(std::string(p)) != 0) return true;
  return false;
}

std::vector<std::pair<std::size_t, std::string_view>> recipe_words(std::string_view line) {
  std::vector<std::pair<std::size_t, std::string_view>> out;
  std::size_t i = 0;
  while (i < line.size()) {
    const auto b = line.find_first_not_of(" \t;&|()`\\\n", i);
    if (b == std::string_view::npos) break;
    auto e = line.find_first_of(" \t;&|()`\\\n", b);
    if (e == std::string_view::npos) e = line.size();
    out.push_back({b, line.substr(b, e - b)});
    i = e;
  }
  return out;
}

void report_assignments(const Context& ctx, Reporter& out, std::string_view variable, std::string_view message) {
  if (ctx.debian_rules == nullptr) return;
  for (const auto& a : ctx.debian_rules->assignments) {
    if (a.name != variable || a.op == "?=") continue;
    out.report(a.range, std::string(message));
  }
}

Synopsis synopsis_of(const Context& ctx, const Deb822Paragraph& p) {
  const auto* f = p.find("Description");
  if (f == nullptr || f->piece_count == 0) return {};
  const auto& piece = ctx.deb822->pieces[f->first_piece];
  return {f, trim(ctx.deb822->piece_text(piece))};
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<License> licenses(const Context& ctx) {
  std::vector<License> out;
  if (ctx.deb822 == nullptr) return out;
  const Deb822Document& doc = *ctx.deb822;
  for (const auto& p : doc.paragraphs) {
    const auto* f = p.find("License");
    if (f == nullptr || f->piece_count == 0) continue;
    License l;
    l.field = f;
    l.files = p.find("Files") != nullptr;
    std::string first(trim(doc.piece_text(doc.pieces[f->first_piece])));
    for (char& c : first) {
      if (c == '(' || c == ')' || c == ',') c = ' ';
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    l.identifier = std::string(trim(first));
    for (std::uint32_t i = 1; i < f->piece_count && !l.has_text; ++i) {
      const std::string_view line = trim(doc.piece_text(doc.pieces[f->first_piece + i]));
      l.has_text = !line.empty();
    }
    // Split at blanks around "and" / "or".
    const auto words = split(l.identifier, " \t");
    std::string current;
    for (const auto w : words) {
      if (w == "and" || w == "or") {
        if (!current.empty()) l.names.push_back(current);
        current.clear();
        continue;
      }
      if (!current.empty()) current += ' ';
      current += w;
    }
    if (!current.empty()) l.names.push_back(current);
    out.push_back(std::move(l));
  }
  return out;
}

namespace {
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}
}  // namespace

std::optional<ChangelogDate> parse_changelog_date(std::string_view s) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  ChangelogDate out;
  const auto comma = s.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  out.weekday = trim(s.substr(0, comma));
  const auto words = split(s.substr(comma + 1), " \t");
  if (words.size() < 5) return std::nullopt;
  auto number = [](std::string_view w, long long& v) {
    if (w.empty() || w.size() > 9 || w.find_first_not_of("0123456789") != std::string_view::npos) return false;
    v = 0;
    for (char c : w) v = v * 10 + (c - '0');
    return true;
  };
  long long day = 0, year = 0;
  unsigned month = 0;
  for (unsigned i = 0; i < 12; ++i)
    if (words[1] == kMonths[i]) month = i + 1;
  if (!number(words[0], day) || month == 0 || !number(words[2], year)) return std::nullopt;
  const auto hms = split(words[3], ":");
  long long h = 0, m = 0, sec = 0;
  if (hms.size() != 3 || !number(hms[0], h) || !number(hms[1], m) || !number(hms[2], sec)) return std::nullopt;
  const std::string_view zone = words[4];
  long long zh = 0, zm = 0;
  if (zone.size() != 5 || (zone[0] != '+' && zone[0] != '-') || !number(zone.substr(1, 2), zh) ||
      !number(zone.substr(3, 2), zm))
    return std::nullopt;
  out.days = days_from_civil(year, month, static_cast<unsigned>(day));
  const long long offset = (zh * 3600 + zm * 60) * (zone[0] == '-' ? -1 : 1);
  out.utc_seconds = out.days * 86400 + h * 3600 + m * 60 + sec - offset;
  return out;
}

ir::Range date_range(const Context& ctx, const ir::ChangelogEntry& e) {
  const ir::Range t = e.trailer_range;
  if (!t.valid() || e.date.empty()) return t;
  const std::string_view line = ctx.file.text().substr(t.begin, t.end - t.begin);
  const auto at = line.rfind(e.date);
  if (at == std::string_view::npos) return t;
  return {t.file, t.begin + static_cast<std::uint32_t>(at), t.begin + static_cast<std::uint32_t>(at + e.date.size())};
}

std::string_view latest_changes(const Context& ctx) {
  if (ctx.changelog == nullptr || ctx.changelog->entries.empty()) return {};
  const auto& e = ctx.changelog->entries.front();
  if (!e.header_range.valid() || !e.trailer_range.valid() || e.trailer_range.begin < e.header_range.end) return {};
  return ctx.file.text().substr(e.header_range.end, e.trailer_range.begin - e.header_range.end);
}

}  // namespace katalint::rules::debian_support
