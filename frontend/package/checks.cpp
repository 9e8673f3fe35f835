// Cross-file checks of a package directory: the files of one package must agree on its
// name, version, binary packages, build dependencies and patches.
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "frontend/debian/text.hpp"
#include "frontend/package/compare.hpp"
#include "frontend/package/directory.hpp"
#include "rules/registry.hpp"

namespace katalint::frontend {
namespace {

const ir::Field* find_field(const std::vector<ir::Field>& fields, std::string_view name) {
  for (const auto& f : fields) {
    if (debian::iequals(f.name, name)) return &f;
  }
  return nullptr;
}

std::string file_name(const ir::SourceManager& sources, ir::FileId id) {
  return std::filesystem::path(sources.file(id).path()).filename().string();
}

// One file's statement of a value (a name or a version), where it is written.
struct Site {
  std::string file;  // file name for messages
  ir::Range range;
  std::string value;  // symbolic (placeholders as @KEY@)
};

// Range of the text between the parentheses of a changelog heading, or the heading.
ir::Range changelog_version_range(const ir::ChangelogEntry& e, const ir::SourceManager& sources) {
  const ir::Range h = e.header_range;
  if (!h.valid()) return h;
  const std::string_view text = sources.file(h.file).text().substr(h.begin, h.end - h.begin);
  const auto open = text.find('(');
  const auto close = text.find(')', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) return h;
  return {h.file, h.begin + static_cast<std::uint32_t>(open + 1), h.begin + static_cast<std::uint32_t>(close)};
}

// Range of the source name that starts a changelog heading.
ir::Range changelog_name_range(const ir::ChangelogEntry& e, const ir::SourceManager& sources) {
  const ir::Range h = e.header_range;
  if (!h.valid()) return h;
  const std::string_view text = sources.file(h.file).text().substr(h.begin, h.end - h.begin);
  auto end = text.find_first_of(" \t(");
  if (end == std::string_view::npos) end = text.size();
  return {h.file, h.begin, h.begin + static_cast<std::uint32_t>(end)};
}

// The spec, unless rpm rejected it: its model then stops at the error and would make every
// later tag look missing.
const std::optional<ir::Package>& usable_spec(const PackageDirectory& pd) {
  static const std::optional<ir::Package> kNone;
  return pd.spec && !pd.spec->parse_failed ? pd.spec : kNone;
}

const ir::ChangelogEntry* newest_entry(const PackageDirectory& pd) {
  if (!pd.debian_changelog || pd.debian_changelog->entries.empty()) return nullptr;
  return &pd.debian_changelog->entries.front();
}

// The value part of a spec tag line ("Version:   1.2" -> "1.2"). The spec frontend gives
// the whole line as the value range because it reads lines after macro expansion.
ir::Range tag_value_range(const ir::Field& f, const ir::SourceManager& sources) {
  const ir::Range r = f.value_range;
  const std::string_view text = sources.file(r.file).text();
  if (r.end > text.size() || r.begin >= r.end) return r;
  const std::string_view line = text.substr(r.begin, r.end - r.begin);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || !debian::iequals(debian::trim(line.substr(0, colon)), f.name)) return r;
  std::size_t b = colon + 1, e = line.size();
  while (b < e && debian::is_blank(line[b])) ++b;
  while (e > b && debian::is_space(line[e - 1])) --e;
  return b < e ? ir::Range{r.file, r.begin + static_cast<std::uint32_t>(b), r.begin + static_cast<std::uint32_t>(e)} : r;
}

std::optional<Site> field_site(const std::optional<ir::Package>& pkg, std::string_view field,
                               const ir::SourceManager& sources) {
  if (!pkg) return std::nullopt;
  const ir::Field* f = find_field(pkg->fields, field);
  // A spec keeps the main package's tags (Name, Version, Patch...) on packages[0].
  const bool spec_tag = f == nullptr && !pkg->packages.empty();
  if (spec_tag) f = find_field(pkg->packages.front().fields, field);
  if (f == nullptr || !f->value_range.valid()) return std::nullopt;
  auto value = symbolic_value(f->value);
  if (!value || value->empty()) return std::nullopt;
  const ir::Range range = spec_tag ? tag_value_range(*f, sources) : f->value_range;
  return Site{file_name(sources, range.file), range, std::move(*value)};
}

// --- names -------------------------------------------------------------------------------

void check_source_names(const PackageDirectory& pd, const ir::SourceManager& sources, ir::DiagnosticSink& sink) {
  std::vector<Site> sites;
  if (auto s = field_site(usable_spec(pd), "Name", sources)) {
    if (auto v = symbolic_value(pd.spec->name)) s->value = *v;  // the evaluated Name
    sites.push_back(std::move(*s));
  }
  if (auto s = field_site(pd.control, "Source", sources)) sites.push_back(std::move(*s));
  if (auto s = field_site(pd.dsc, "Source", sources)) sites.push_back(std::move(*s));
  if (const auto* e = newest_entry(pd); e != nullptr && !e->package.empty()) {
    const ir::Range r = changelog_name_range(*e, sources);
    if (r.valid()) sites.push_back({file_name(sources, r.file), r, e->package});
  }
  if (sites.size() < 2) return;
  const Site& ref = sites.front();
  for (std::size_t i = 1; i < sites.size(); ++i) {
    const Site& s = sites[i];
    if (compare_symbolic(s.value, ref.value) != Agreement::Different) continue;
    auto& d = sink.report("source-name-mismatch", ir::Severity::Warning, s.range,
                          fmt::format("source package name '{}' differs from '{}' in {}", s.value, ref.value,
                                      ref.file));
    d.notes.push_back({ref.range, fmt::format("the source package is named '{}' here", ref.value)});
  }
}

// --- versions ----------------------------------------------------------------------------

std::string with_epoch(const std::string& epoch, const std::string& version) {
  return epoch.empty() || epoch == "0" ? version : epoch + ":" + version;
}

void report_version(ir::DiagnosticSink& sink, const Site& at, std::string_view what, const Site& ref,
                    std::string_view ref_what) {
  auto& d = sink.report("version-mismatch", ir::Severity::Warning, at.range,
                        fmt::format("{} '{}' differs from {} '{}' in {}", what, at.value, ref_what, ref.value,
                                    ref.file));
  d.notes.push_back({ref.range, fmt::format("{} '{}' is set here", ref_what, ref.value)});
}

void check_versions(const PackageDirectory& pd, const ir::SourceManager& sources, ir::DiagnosticSink& sink) {
  // The spec's Epoch and Version, as one [epoch:]version.
  std::optional<Site> spec;
  if (usable_spec(pd)) {
    if (auto s = field_site(pd.spec, "Version", sources)) {
      const auto version = symbolic_value(pd.spec->version);
      const auto epoch = pd.spec->epoch ? symbolic_value(*pd.spec->epoch) : std::optional<std::string>("");
      if (version && epoch && !version->empty()) {
        s->value = with_epoch(*epoch, *version);
        spec = std::move(s);
      }
    }
  }
  // The .dsc's full version and its upstream part (with the epoch). OBS's `-@RELEASE@`
  // revision and rpm's Release count builds separately, so only upstream versions are
  // compared with the spec.
  std::optional<Site> dsc_full, dsc_upstream;
  if (auto s = field_site(pd.dsc, "Version", sources)) {
    const DebianVersion v = split_debian_version(s->value);
    dsc_full = s;
    s->value = with_epoch(v.epoch, v.upstream);
    dsc_upstream = std::move(s);
  }
  std::optional<Site> cl_full, cl_upstream;
  if (const auto* e = newest_entry(pd); e != nullptr && !e->version.empty()) {
    const ir::Range r = changelog_version_range(*e, sources);
    if (r.valid()) {
      const DebianVersion v = split_debian_version(e->version);
      cl_full = Site{file_name(sources, r.file), r, with_epoch(v.epoch, v.upstream) +
                                                        (v.revision.empty() ? "" : "-" + v.revision)};
      cl_upstream = Site{cl_full->file, r, with_epoch(v.epoch, v.upstream)};
    }
  }
  if (spec && dsc_upstream && compare_symbolic(dsc_upstream->value, spec->value) == Agreement::Different)
    report_version(sink, *dsc_upstream, "upstream version", *spec, "Version");
  if (dsc_full && cl_full) {
    if (compare_symbolic(cl_full->value, dsc_full->value) == Agreement::Different)
      report_version(sink, *cl_full, "version of the newest changelog entry", *dsc_full, "Version");
  } else if (spec && cl_upstream) {
    if (compare_symbolic(cl_upstream->value, spec->value) == Agreement::Different)
      report_version(sink, *cl_upstream, "upstream version of the newest changelog entry", *spec, "Version");
  }
}

// --- binary packages: .dsc against debian.control ----------------------------------------

struct NamedSite {
  std::string name;
  ir::Range range;
};

std::vector<NamedSite> control_binaries(const ir::Package& p) {
  std::vector<NamedSite> out;
  for (const auto& b : p.packages) {
    const ir::Field* f = find_field(b.fields, "Package");
    out.push_back({b.name, f != nullptr ? f->value_range : b.range});
  }
  return out;
}

// A file's anchor for "the list is here" notes: its Source field, else its first field.
ir::Range anchor(const ir::Package& p, std::string_view field) {
  if (const ir::Field* f = find_field(p.fields, field)) return f->range;
  if (const ir::Field* f = find_field(p.fields, "Source")) return f->range;
  return p.fields.empty() ? ir::Range{p.file, 0, 0} : p.fields.front().range;
}

std::set<std::string> names_of(const std::vector<NamedSite>& sites) {
  std::set<std::string> out;
  for (const auto& s : sites) out.insert(s.name);
  return out;
}

// At most this many names in a note; a hostile file may list thousands.
constexpr std::size_t kMaxNamesInNote = 20;

std::string join(const std::vector<NamedSite>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kMaxNamesInNote; ++i) out += (i ? ", " : "") + names[i].name;
  if (names.size() > kMaxNamesInNote) out += fmt::format(" and {} more", names.size() - kMaxNamesInNote);
  return out.empty() ? "none" : out;
}

void check_binaries(const PackageDirectory& pd, const ir::SourceManager& sources, ir::DiagnosticSink& sink) {
  if (!pd.control || !pd.dsc || !pd.dsc_info) return;
  std::vector<NamedSite> dsc;
  const ir::Field* binary = find_field(pd.dsc->fields, "Binary");
  if (binary != nullptr) {
    for (const auto& name : pd.dsc_info->binaries) dsc.push_back({name, binary->value_range});
  } else {
    dsc = control_binaries(*pd.dsc);
  }
  const std::vector<NamedSite> control = control_binaries(*pd.control);
  if (dsc.empty() && binary == nullptr) return;  // a .dsc naming no binaries at all says nothing
  const std::string dsc_file = file_name(sources, pd.dsc->file);
  const std::string control_file = file_name(sources, pd.control->file);
  const auto dsc_names = names_of(dsc), control_names = names_of(control);
  for (const auto& n : dsc) {
    if (control_names.count(n.name) != 0) continue;
    auto& d = sink.report("dsc-binary-drift", ir::Severity::Warning, n.range,
                          fmt::format("binary package '{}' is in {} but not in {}", n.name, dsc_file, control_file));
    d.notes.push_back({anchor(*pd.control, "Source"),
                       fmt::format("{} declares the binary packages: {}", control_file, join(control))});
  }
  for (const auto& n : control) {
    if (dsc_names.count(n.name) != 0) continue;
    auto& d = sink.report("dsc-binary-drift", ir::Severity::Warning, n.range,
                          fmt::format("binary package '{}' is in {} but not in {}", n.name, control_file, dsc_file));
    d.notes.push_back({binary != nullptr ? binary->range : anchor(*pd.dsc, "Source"),
                       fmt::format("{} declares the binary packages: {}", dsc_file, join(dsc))});
  }
}

// --- build dependencies: .dsc against debian.control -------------------------------------

std::string field_of(const ir::Dependency& d) {
  const bool conflicts = d.kind == ir::DepKind::BuildConflicts;
  std::string out = conflicts ? "Build-Conflicts" : "Build-Depends";
  for (const auto& q : d.qualifiers) {
    if (q == "arch") out += "-Arch";
    if (q == "indep") out += "-Indep";
  }
  return out;
}

std::string atom_text(const ir::Dependency& d) {
  std::string out = d.name;
  if (!d.arch_qualifier.empty()) out += ":" + d.arch_qualifier;
  if (!d.op.empty()) out += " (" + d.op + " " + d.evr + ")";
  if (!d.arch_restrictions.empty()) {
    out += " [";
    for (std::size_t i = 0; i < d.arch_restrictions.size(); ++i) out += (i ? " " : "") + d.arch_restrictions[i];
    out += "]";
  }
  for (const auto& p : d.profile_restrictions) out += " <" + p + ">";
  return out;
}

// The relation as one normalised string: `a (>= 1) [amd64] | b`.
std::string relation_text(const ir::Dependency& d) {
  std::string out = atom_text(d);
  for (const auto& alt : d.alternatives) out += " | " + atom_text(alt);
  return out;
}

void check_build_depends(const PackageDirectory& pd, const ir::SourceManager& sources, ir::DiagnosticSink& sink) {
  if (!pd.control || !pd.dsc) return;
  const auto& dsc = pd.dsc->build_dependencies;
  const auto& control = pd.control->build_dependencies;
  const std::string dsc_file = file_name(sources, pd.dsc->file);
  const std::string control_file = file_name(sources, pd.control->file);
  std::vector<bool> dsc_used(dsc.size(), false), control_used(control.size(), false);
  // Identical relations first, then relations on the same package that differ, then the
  // rest. Indexed by key so large files stay O(n log n).
  std::map<std::string, std::vector<std::size_t>> exact, by_name;
  for (std::size_t j = control.size(); j-- > 0;) {
    exact[field_of(control[j]) + "\n" + relation_text(control[j])].push_back(j);
    by_name[field_of(control[j]) + "\n" + control[j].name].push_back(j);
  }
  // Takes the first unused control relation under `k`.
  auto take = [&](std::map<std::string, std::vector<std::size_t>>& index, const std::string& k)
      -> std::optional<std::size_t> {
    auto it = index.find(k);
    if (it == index.end()) return std::nullopt;
    auto& list = it->second;
    while (!list.empty() && control_used[list.back()]) list.pop_back();
    if (list.empty()) return std::nullopt;
    const std::size_t j = list.back();
    list.pop_back();
    control_used[j] = true;
    return j;
  };
  for (std::size_t i = 0; i < dsc.size(); ++i) {
    if (take(exact, field_of(dsc[i]) + "\n" + relation_text(dsc[i]))) dsc_used[i] = true;
  }
  for (std::size_t i = 0; i < dsc.size(); ++i) {
    if (dsc_used[i]) continue;
    const auto j = take(by_name, field_of(dsc[i]) + "\n" + dsc[i].name);
    if (!j) continue;
    dsc_used[i] = true;
    auto& d = sink.report("dsc-build-depends-drift", ir::Severity::Warning, dsc[i].range,
                          fmt::format("{} '{}' in {} differs from '{}' in {}", field_of(dsc[i]),
                                      relation_text(dsc[i]), dsc_file, relation_text(control[*j]), control_file));
    d.notes.push_back({control[*j].range, fmt::format("{} has '{}' here", control_file, relation_text(control[*j]))});
  }
  auto missing = [&](const ir::Dependency& dep, const std::string& in, const std::string& not_in,
                     const ir::Package& other) {
    const std::string field = field_of(dep);
    auto& d = sink.report("dsc-build-depends-drift", ir::Severity::Warning, dep.range,
                          fmt::format("{} '{}' is in {} but not in {}", field, relation_text(dep), in, not_in));
    const bool has_field = find_field(other.fields, field) != nullptr;
    d.notes.push_back({anchor(other, field), has_field ? fmt::format("{} of {}", field, not_in)
                                                       : fmt::format("{} has no {} field", not_in, field)});
  };
  for (std::size_t i = 0; i < dsc.size(); ++i) {
    if (!dsc_used[i]) missing(dsc[i], dsc_file, control_file, *pd.control);
  }
  for (std::size_t j = 0; j < control.size(); ++j) {
    if (!control_used[j]) missing(control[j], control_file, dsc_file, *pd.dsc);
  }
}

// --- patches: debian.series against the spec ---------------------------------------------

std::string base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

void check_series(const PackageDirectory& pd, const ir::SourceManager& sources, ir::DiagnosticSink& sink) {
  // A spec whose patch list is placeholder or shell output (@RPM_PATCH_LIST@) cannot be
  // compared; neither can a series entry that is still a placeholder.
  if (!usable_spec(pd) || !pd.debian_series || pd.spec_preamble_opaque) return;
  std::vector<NamedSite> spec_patches;
  for (const auto& s : pd.spec->sources) {
    if (!s.is_patch) continue;
    const auto value = symbolic_value(s.value);
    if (!value || has_placeholder(*value)) return;
    spec_patches.push_back({base_name(*value), s.range});
  }
  std::vector<NamedSite> series;
  for (const auto& e : pd.debian_series->entries) {
    if (e.words.empty()) continue;
    if (has_placeholder(e.words.front().text)) return;
    series.push_back({base_name(e.words.front().text), e.words.front().range});
  }
  const std::string spec_file = file_name(sources, pd.spec->file);
  const std::string series_file = file_name(sources, pd.debian_series->file);
  const auto spec_names = names_of(spec_patches), series_names = names_of(series);
  const ir::Field* name = find_field(pd.spec->packages.empty() ? pd.spec->fields : pd.spec->packages.front().fields, "Name");
  const ir::Range spec_anchor = !spec_patches.empty() ? spec_patches.front().range
                                : name != nullptr     ? name->range
                                                      : ir::Range{pd.spec->file, 0, 0};
  for (const auto& s : series) {
    if (spec_names.count(s.name) != 0) continue;
    auto& d = sink.report("debian-series-drift", ir::Severity::Warning, s.range,
                          fmt::format("patch '{}' is in {} but not declared in {}", s.name, series_file, spec_file));
    d.notes.push_back({spec_anchor, fmt::format("{} declares the patches: {}", spec_file, join(spec_patches))});
  }
  const ir::Range series_anchor = !series.empty() ? series.front().range : ir::Range{pd.debian_series->file, 0, 0};
  for (const auto& p : spec_patches) {
    if (series_names.count(p.name) != 0) continue;
    auto& d = sink.report("debian-series-drift", ir::Severity::Warning, p.range,
                          fmt::format("patch '{}' is declared in {} but not listed in {}", p.name, spec_file,
                                      series_file));
    d.notes.push_back({series_anchor, fmt::format("{} lists the patches: {}", series_file, join(series))});
  }
}

}  // namespace

void check_package_directory(const PackageDirectory& pd, const ir::SourceManager& sources,
                             ir::DiagnosticSink& sink) {
  check_source_names(pd, sources, sink);
  check_versions(pd, sources, sink);
  check_binaries(pd, sources, sink);
  check_build_depends(pd, sources, sink);
  check_series(pd, sources, sink);
  check_go_build_depends(pd, sources, sink);
  check_obs_submission(pd, sources, sink);
  // Package rules that carry their own check (rules/debian/...). Disabled ones are dropped
  // later with the file's settings, like the checks above.
  for (const rules::RuleInfo* rule : rules::all_rules()) {
    if (rule->package_check == nullptr) continue;
    rules::Reporter reporter(*rule, sink);
    rule->package_check(pd, sources, reporter);
  }
}

}  // namespace katalint::frontend
