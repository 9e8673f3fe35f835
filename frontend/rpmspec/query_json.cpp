#include "frontend/rpmspec/query_json.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "frontend/rpmspec/dependencies.hpp"

namespace katalint::rpmspec {
namespace {

using nlohmann::ordered_json;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) words.emplace_back(s.substr(start, i - start));
  }
  return words;
}

// The last value a subpackage gave a tag, if any.
std::optional<std::string> own_field(const ir::BinaryPackage& bp, std::string_view tag) {
  std::optional<std::string> found;
  for (const auto& f : bp.fields) {
    auto value = trim(f.value);
    if (iequals(f.name, tag) && f.qualifier.empty() && !value.empty()) found = std::string(value);
  }
  return found;
}

// rpm stores Epoch as a number, so "02" reads back as "2".
std::string normalize_epoch(std::string_view epoch) {
  epoch = trim(epoch);
  if (epoch.empty() || !std::all_of(epoch.begin(), epoch.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::string(epoch);
  auto first = epoch.find_first_not_of('0');
  return first == std::string_view::npos ? "0" : std::string(epoch.substr(first));
}

std::optional<std::string> non_empty(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  return std::string(s);
}

ordered_json nullable(const std::optional<std::string>& s) {
  return s ? ordered_json(*s) : ordered_json(nullptr);
}

// rpm-truth.sh drops empty entries from every list.
ordered_json string_list(const std::vector<std::string>& items) {
  ordered_json out = ordered_json::array();
  for (const auto& item : items)
    if (!item.empty()) out.push_back(item);
  return out;
}

ordered_json rendered(std::vector<ir::Dependency> deps) {
  sort_dependencies(deps);
  std::vector<std::string> items;
  items.reserve(deps.size());
  for (const auto& d : deps) items.push_back(render_dependency(d));
  return string_list(items);
}

ordered_json rendered_with_type(std::vector<ir::Dependency> deps) {
  sort_dependencies(deps);
  ordered_json out = ordered_json::array();
  for (const auto& d : deps) {
    std::string text = render_dependency(d);
    if (text.empty()) continue;
    ordered_json item;
    item["dep"] = text;
    item["type"] = deptype(dependency_flags(d));
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<ir::Dependency> of_kind(const std::vector<ir::Dependency>& deps, ir::DepKind kind) {
  std::vector<ir::Dependency> out;
  for (const auto& d : deps)
    if (d.kind == kind) out.push_back(d);
  return out;
}

// BuildRequires and BuildConflicts belong to the source package wherever they are written.
std::vector<ir::Dependency> build_deps(const ir::Package& package, ir::DepKind kind) {
  auto out = of_kind(package.build_dependencies, kind);
  for (const auto& bp : package.packages) {
    auto more = of_kind(bp.dependencies, kind);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

ir::Dependency rpmlib_feature(std::string feature, std::string version) {
  ir::Dependency d;
  d.kind = ir::DepKind::Requires;
  d.name = "rpmlib(" + std::move(feature) + ")";
  d.op = "<=";
  d.evr = std::move(version);
  return d;
}

// The Requires qualifier a scriptlet's interpreter gets; nullopt for sections rpm 4.18 does
// not treat as scriptlets (%preuntrans and %postuntrans came with rpm 4.20).
std::optional<std::string_view> script_qualifier(std::string_view kind) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kKinds = {{
      {"pre", "pre"},
      {"post", "post"},
      {"preun", "preun"},
      {"postun", "postun"},
      {"pretrans", "pretrans"},
      {"posttrans", "posttrans"},
      {"verifyscript", "verify"},
  }};
  for (const auto& [name, qualifier] : kKinds)
    if (kind == name) return qualifier;
  auto starts = [&](std::string_view p) { return kind.substr(0, p.size()) == p; };
  if (starts("trigger") || starts("filetrigger") || starts("transfiletrigger")) return "";
  return std::nullopt;
}

}  // namespace

std::string ResolvedPackage::evr() const {
  std::string out;
  if (epoch) out = *epoch + ":";
  out += version;
  out += "-";
  out += release;
  return out;
}

std::string isa_suffix(std::string_view arch) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kIsa = {{
      {"x86_64", "x86-64"},   {"amd64", "x86-64"},   {"ia32e", "x86-64"},
      {"i386", "x86-32"},     {"i486", "x86-32"},    {"i586", "x86-32"},
      {"i686", "x86-32"},     {"athlon", "x86-32"},  {"pentium3", "x86-32"},
      {"pentium4", "x86-32"}, {"geode", "x86-32"},   {"aarch64", "aarch-64"},
      {"ppc64le", "ppc-64"},  {"ppc64", "ppc-64"},   {"ppc64p7", "ppc-64"},
      {"s390x", "s390-64"},   {"s390", "s390-32"},   {"riscv64", "riscv-64"},
      {"ppc", "ppc-32"},      {"loongarch64", "loongarch-64"},
  }};
  for (const auto& [name, isa] : kIsa)
    if (arch == name) return "(" + std::string(isa) + ")";
  return "";
}

std::string source_file_name(std::string_view url) {
  auto slash = url.rfind('/');
  if (slash == std::string_view::npos) return std::string(url);
  auto rest = url.substr(slash + 1);
  auto eq = rest.rfind('=');
  return std::string(eq == std::string_view::npos ? rest : rest.substr(eq + 1));
}

ResolvedPackage resolve_package(const ir::Package& package, std::size_t index,
                                const QueryOptions& options) {
  ResolvedPackage r;
  static const ir::BinaryPackage kEmpty;
  const ir::BinaryPackage& bp = index < package.packages.size() ? package.packages[index] : kEmpty;
  const bool main = index == 0;

  r.name = std::string(trim(bp.name.empty() && main ? package.name : bp.name));
  if (package.epoch) r.epoch = normalize_epoch(*package.epoch);
  r.version = std::string(trim(package.version));
  r.release = std::string(trim(package.release));
  if (!main) {
    if (auto e = own_field(bp, "Epoch")) r.epoch = normalize_epoch(*e);
    if (auto v = own_field(bp, "Version")) r.version = *v;
    if (auto v = own_field(bp, "Release")) r.release = *v;
  }

  auto arch_words = split_words(bp.arch);
  if (!arch_words.empty())
    r.arch = arch_words.front();
  else if (!package.build_arch.empty() && !trim(package.build_arch.front()).empty())
    r.arch = std::string(trim(package.build_arch.front()));
  else
    r.arch = options.target_arch;

  r.summary = non_empty(bp.summary);
  if (!r.summary && main) r.summary = non_empty(package.summary);
  r.license = non_empty(bp.license);
  if (!r.license) r.license = non_empty(package.license);
  r.url = non_empty(bp.url);
  if (!r.url) r.url = non_empty(package.url);
  auto group = non_empty(bp.group);
  if (!group) group = non_empty(package.group);
  r.group = group ? *group : "Unspecified";

  // rpm strips trailing whitespace from the whole %description text.
  if (!bp.description.empty() || bp.description_range.valid())
    r.description = std::string(rtrim(bp.description));
  return r;
}

std::vector<ir::Dependency> automatic_provides(const ResolvedPackage& resolved) {
  std::vector<ir::Dependency> out;
  ir::Dependency d;
  d.kind = ir::DepKind::Provides;
  d.name = resolved.name;
  d.op = "=";
  d.evr = resolved.evr();
  out.push_back(d);
  std::string isa = resolved.arch == "noarch" ? "" : isa_suffix(resolved.arch);
  if (!isa.empty()) {
    d.name += isa;
    out.push_back(d);
  }
  return out;
}

std::vector<ir::Dependency> script_requires(const ir::BinaryPackage& package) {
  std::vector<ir::Dependency> out;
  for (const auto& script : package.scripts) {
    auto qualifier = script_qualifier(script.kind);
    if (!qualifier) continue;
    auto words = split_words(script.interpreter);
    if (words.size() == 1 && words[0] == "<lua>") {
      out.push_back(rpmlib_feature("BuiltinLuaScripts", "4.2.2-1"));
    } else {
      ir::Dependency d;
      d.range = script.range;
      d.kind = ir::DepKind::Requires;
      d.name = words.empty() ? "/bin/sh" : words.front();
      if (!qualifier->empty()) d.qualifiers.emplace_back(*qualifier);
      d.qualifiers.emplace_back("interp");
      out.push_back(std::move(d));
      if (words.size() > 1) out.push_back(rpmlib_feature("ScriptletInterpreterArgs", "4.0.3-1"));
    }
    if (script.expand) out.push_back(rpmlib_feature("ScriptletExpansion", "4.9.0-1"));
  }
  return out;
}

nlohmann::ordered_json query_json(const ir::Package& package, const QueryOptions& options) {
  ordered_json srpm;
  ResolvedPackage main = resolve_package(package, 0, options);
  srpm["name"] = non_empty(package.name).value_or(main.name);
  srpm["epoch"] = nullable(package.epoch ? std::optional(normalize_epoch(*package.epoch)) : std::nullopt);
  srpm["version"] = std::string(trim(package.version));
  srpm["release"] = std::string(trim(package.release));
  auto summary = non_empty(package.summary);
  srpm["summary"] = nullable(summary ? summary : main.summary);
  auto license = non_empty(package.license);
  srpm["license"] = nullable(license ? license : main.license);
  auto url = non_empty(package.url);
  srpm["url"] = nullable(url ? url : main.url);
  srpm["group"] = main.group;
  srpm["buildrequires"] = rendered_with_type(build_deps(package, ir::DepKind::BuildRequires));
  srpm["buildconflicts"] = rendered(build_deps(package, ir::DepKind::BuildConflicts));

  std::vector<std::string> sources, patches, nosource;
  for (const auto& s : package.sources) {
    (s.is_patch ? patches : sources).push_back(source_file_name(trim(s.value)));
    // rpm keeps sources newest first, and rpm-truth.sh does not reverse NOSOURCE.
    if (s.nosource && !s.is_patch) nosource.insert(nosource.begin(), std::to_string(s.number));
  }
  srpm["sources"] = string_list(sources);
  srpm["patches"] = string_list(patches);
  srpm["nosource"] = string_list(nosource);
  srpm["exclusivearch"] = string_list(package.exclusive_arch);
  srpm["excludearch"] = string_list(package.exclude_arch);
  srpm["buildarchs"] = string_list(package.build_arch);

  ordered_json packages = ordered_json::array();
  for (std::size_t i = 0; i < package.packages.size(); ++i) {
    const auto& bp = package.packages[i];
    ResolvedPackage r = i == 0 ? main : resolve_package(package, i, options);
    ordered_json p;
    p["name"] = r.name;
    p["epoch"] = nullable(r.epoch);
    p["version"] = r.version;
    p["release"] = r.release;
    p["arch"] = r.arch;
    p["summary"] = nullable(r.summary);
    p["license"] = nullable(r.license);
    p["url"] = nullable(r.url);
    p["group"] = r.group;

    auto requires_ = of_kind(bp.dependencies, ir::DepKind::Requires);
    auto implicit = script_requires(bp);
    requires_.insert(requires_.end(), implicit.begin(), implicit.end());
    p["requires"] = rendered_with_type(std::move(requires_));

    auto provides = of_kind(bp.dependencies, ir::DepKind::Provides);
    auto automatic = automatic_provides(r);
    provides.insert(provides.end(), automatic.begin(), automatic.end());
    p["provides"] = rendered(std::move(provides));
    p["conflicts"] = rendered(of_kind(bp.dependencies, ir::DepKind::Conflicts));
    p["obsoletes"] = rendered(of_kind(bp.dependencies, ir::DepKind::Obsoletes));
    p["recommends"] = rendered(of_kind(bp.dependencies, ir::DepKind::Recommends));
    p["suggests"] = rendered(of_kind(bp.dependencies, ir::DepKind::Suggests));
    p["supplements"] = rendered(of_kind(bp.dependencies, ir::DepKind::Supplements));
    p["enhances"] = rendered(of_kind(bp.dependencies, ir::DepKind::Enhances));
    p["description"] = nullable(r.description);
    packages.push_back(std::move(p));
  }

  ordered_json out;
  out["srpm"] = std::move(srpm);
  out["packages"] = std::move(packages);
  return out;
}

}  // namespace katalint::rpmspec
