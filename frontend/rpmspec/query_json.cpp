#include "frontend/rpmspec/query_json.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "frontend/rpmspec/dependencies.hpp"
#include "ir/json_writer.hpp"

namespace katalint::rpmspec {
namespace {

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

void nullable(ir::JsonWriter& w, const std::optional<std::string>& s) {
  if (s)
    w.string(*s);
  else
    w.null();
}

// rpm-truth.sh drops empty entries from every list.
void string_list(ir::JsonWriter& w, const std::vector<std::string>& items) {
  w.begin_array();
  for (const auto& item : items)
    if (!item.empty()) w.string(item);
  w.end_array();
}

// Dependencies are listed by pointer: the query only reads them.
using DependencyRefs = std::vector<const ir::Dependency*>;

void rendered(ir::JsonWriter& w, DependencyRefs deps) {
  sort_dependencies(deps);
  w.begin_array();
  for (const ir::Dependency* d : deps) {
    const std::string text = render_dependency(*d);
    if (!text.empty()) w.string(text);
  }
  w.end_array();
}

void rendered_with_type(ir::JsonWriter& w, DependencyRefs deps) {
  sort_dependencies(deps);
  w.begin_array();
  for (const ir::Dependency* d : deps) {
    const std::string text = render_dependency(*d);
    if (text.empty()) continue;
    w.begin_object();
    w.key("dep");
    w.string(text);
    w.key("type");
    w.string(deptype(dependency_flags(*d)));
    w.end_object();
  }
  w.end_array();
}

void add_of_kind(DependencyRefs& out, const std::vector<ir::Dependency>& deps, ir::DepKind kind) {
  for (const ir::Dependency& d : deps)
    if (d.kind == kind) out.push_back(&d);
}

void add_all(DependencyRefs& out, const std::vector<ir::Dependency>& deps) {
  for (const ir::Dependency& d : deps) out.push_back(&d);
}

// BuildRequires and BuildConflicts belong to the source package wherever they are written.
DependencyRefs build_deps(const ir::Package& package, ir::DepKind kind) {
  DependencyRefs out;
  add_of_kind(out, package.build_dependencies, kind);
  for (const auto& bp : package.packages) add_of_kind(out, bp.dependencies, kind);
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

void write_query_json(const ir::Package& package, std::string& out, int indent, const QueryOptions& options) {
  ir::JsonWriter w(out, indent);
  auto field = [&](std::string_view name, const std::optional<std::string>& value) {
    w.key(name);
    nullable(w, value);
  };
  auto text_field = [&](std::string_view name, std::string_view value) {
    w.key(name);
    w.string(value);
  };
  w.begin_object();
  w.key("srpm");
  w.begin_object();
  ResolvedPackage main = resolve_package(package, 0, options);
  text_field("name", non_empty(package.name).value_or(main.name));
  field("epoch", package.epoch ? std::optional(normalize_epoch(*package.epoch)) : std::nullopt);
  text_field("version", trim(package.version));
  text_field("release", trim(package.release));
  auto summary = non_empty(package.summary);
  field("summary", summary ? summary : main.summary);
  auto license = non_empty(package.license);
  field("license", license ? license : main.license);
  auto url = non_empty(package.url);
  field("url", url ? url : main.url);
  text_field("group", main.group);
  w.key("buildrequires");
  rendered_with_type(w, build_deps(package, ir::DepKind::BuildRequires));
  w.key("buildconflicts");
  rendered(w, build_deps(package, ir::DepKind::BuildConflicts));

  std::vector<std::string> sources, patches, nosource;
  for (const auto& s : package.sources) {
    (s.is_patch ? patches : sources).push_back(source_file_name(trim(s.value)));
    // rpm keeps sources newest first, and rpm-truth.sh does not reverse NOSOURCE.
    if (s.nosource && !s.is_patch) nosource.insert(nosource.begin(), std::to_string(s.number));
  }
  auto list_field = [&](std::string_view name, const std::vector<std::string>& items) {
    w.key(name);
    string_list(w, items);
  };
  list_field("sources", sources);
  list_field("patches", patches);
  list_field("nosource", nosource);
  list_field("exclusivearch", package.exclusive_arch);
  list_field("excludearch", package.exclude_arch);
  list_field("buildarchs", package.build_arch);
  w.end_object();

  w.key("packages");
  w.begin_array();
  for (std::size_t i = 0; i < package.packages.size(); ++i) {
    const auto& bp = package.packages[i];
    ResolvedPackage r = i == 0 ? main : resolve_package(package, i, options);
    w.begin_object();
    text_field("name", r.name);
    field("epoch", r.epoch);
    text_field("version", r.version);
    text_field("release", r.release);
    text_field("arch", r.arch);
    field("summary", r.summary);
    field("license", r.license);
    field("url", r.url);
    text_field("group", r.group);

    DependencyRefs requires_;
    add_of_kind(requires_, bp.dependencies, ir::DepKind::Requires);
    const auto implicit = script_requires(bp);
    add_all(requires_, implicit);
    w.key("requires");
    rendered_with_type(w, std::move(requires_));

    DependencyRefs provides;
    add_of_kind(provides, bp.dependencies, ir::DepKind::Provides);
    const auto automatic = automatic_provides(r);
    add_all(provides, automatic);
    w.key("provides");
    rendered(w, std::move(provides));
    static constexpr std::pair<std::string_view, ir::DepKind> kLists[] = {
        {"conflicts", ir::DepKind::Conflicts},     {"obsoletes", ir::DepKind::Obsoletes},
        {"recommends", ir::DepKind::Recommends},   {"suggests", ir::DepKind::Suggests},
        {"supplements", ir::DepKind::Supplements}, {"enhances", ir::DepKind::Enhances},
    };
    for (const auto& [name, kind] : kLists) {
      w.key(name);
      DependencyRefs list;
      add_of_kind(list, bp.dependencies, kind);
      rendered(w, std::move(list));
    }
    field("description", r.description);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

std::string query_json_text(const ir::Package& package, int indent, const QueryOptions& options) {
  std::string out;
  write_query_json(package, out, indent, options);
  return out;
}

nlohmann::ordered_json query_json(const ir::Package& package, const QueryOptions& options) {
  return nlohmann::ordered_json::parse(query_json_text(package, -1, options));
}

}  // namespace katalint::rpmspec
