#include "frontend/package/directory.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>
#include <tuple>

#include <fmt/core.h>

#include "frontend/debian/deb822.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/package/compare.hpp"
#include "frontend/placeholders.hpp"
#include "ir/json.hpp"

namespace katalint::frontend {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

std::string file_stem(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (std::string_view suffix : {"-template", ".in"}) {
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      name.resize(name.size() - suffix.size());
      break;
    }
  }
  if (const auto dot = name.rfind('.'); dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

// True for debian/control-style paths (inside a debian/ directory) rather than OBS's
// debian.control next to the spec.
bool in_debian_dir(const std::string& path) {
  for (const auto& part : fs::path(path).parent_path()) {
    if (part == "debian") return true;
  }
  return false;
}

// Which of several files of one kind the model uses: OBS's debian.X over debian/X (OBS
// copies debian.X over the tarball's debian/), a name matching the directory, a generated
// file over its template (OBS builds the generated one), then path order.
void choose_primaries(std::vector<PackageFile>& files, const std::string& dir) {
  const std::string dir_name = fs::path(dir).filename().string();
  std::map<FileKind, std::size_t> best;
  auto rank = [&](const PackageFile& f) {
    return std::make_tuple(in_debian_dir(f.path), file_stem(f.path) != dir_name, is_template_path(f.path),
                           f.path);
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].kind == FileKind::Unknown) continue;
    auto [it, inserted] = best.emplace(files[i].kind, i);
    if (!inserted && rank(files[i]) < rank(files[it->second])) it->second = i;
  }
  for (const auto& [kind, index] : best) files[index].primary = true;
}

const ir::BinaryPackage* first_with_summary(const std::optional<ir::Package>& p) {
  if (!p) return nullptr;
  for (const auto& b : p->packages) {
    if (!b.summary.empty()) return &b;
  }
  return nullptr;
}

// The merged model: see docs/package-directory.md, "The merged package".
ir::Package merge(const PackageDirectory& pd) {
  // A spec rpm rejects stops at its error, so a Debian file is the better base then.
  const bool spec_ok = pd.spec && !pd.spec->parse_failed;
  ir::Package out = spec_ok       ? *pd.spec
                    : pd.control  ? *pd.control
                    : pd.dsc      ? *pd.dsc
                    : pd.spec     ? *pd.spec
                                  : ir::Package{};
  auto fill = [](std::string& target, const std::string& value) {
    if (target.empty()) target = value;
  };
  for (const auto* other : {&pd.control, &pd.dsc}) {
    if (!*other) continue;
    fill(out.name, (*other)->name);
    fill(out.url, (*other)->url);
  }
  if (out.version.empty() && pd.dsc) {
    out.epoch = pd.dsc->epoch;
    out.version = pd.dsc->version;
    out.release = pd.dsc->release;
  }
  if (pd.debian_changelog && !pd.debian_changelog->entries.empty()) {
    const auto& newest = pd.debian_changelog->entries.front();
    fill(out.name, newest.package);
    if (out.version.empty()) {
      const auto v = split_debian_version(newest.version);
      if (!v.epoch.empty()) out.epoch = v.epoch;
      out.version = v.upstream;
      out.release = v.revision;
    }
  }
  if (out.summary.empty()) {
    const ir::BinaryPackage* b = first_with_summary(pd.control);
    if (b == nullptr) b = first_with_summary(pd.dsc);
    if (b != nullptr) out.summary = b->summary;
  }
  if (out.changelog.empty() && pd.suse_changes) out.changelog = pd.suse_changes->entries;
  if (out.changelog.empty() && pd.debian_changelog) out.changelog = pd.debian_changelog->entries;
  return out;
}

// The regular files directly in `dir`, sorted; hidden files (.osc) are skipped.
std::vector<std::string> list_directory(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (name.empty() || name.front() == '.' || !it->is_regular_file(type_ec)) continue;
    if (out.size() >= kMaxWalkFiles) break;
    out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The current directory is "." rather than "".
std::string dir_key(const fs::path& d) { return d.empty() ? std::string(".") : d.string(); }

std::string text_json(std::string_view s) { return debian::to_valid_utf8(s); }

json changelog_entries_json(const std::vector<ir::ChangelogEntry>& entries, const ir::SourceManager& sources) {
  json out = json::array();
  for (const auto& e : entries) {
    json lines = json::array();
    for (const auto& l : e.lines) lines.push_back(text_json(l));
    out.push_back({{"package", text_json(e.package)},
                   {"version", text_json(e.version)},
                   {"distribution", text_json(e.distribution)},
                   {"urgency", text_json(e.urgency)},
                   {"author", text_json(e.author)},
                   {"date", text_json(e.date)},
                   {"lines", std::move(lines)},
                   {"range", ir::to_json(e.range, sources)}});
  }
  return out;
}

json package_json(const std::optional<ir::Package>& p, const ir::SourceManager& sources) {
  if (!p) return nullptr;
  json j = ir::to_json(*p, sources);
  // The IR schema's top-level "version" is the schema number; keep the package's own.
  j["package_version"] = text_json(p->version);
  return j;
}

}  // namespace

const PackageFile* PackageDirectory::primary_file(FileKind kind) const {
  for (const auto& f : files) {
    if (f.kind == kind && f.primary) return &f;
  }
  return nullptr;
}

std::string package_root(const std::string& path) {
  const fs::path p = fs::path(path).lexically_normal();
  fs::path dir = p.parent_path();
  // The nearest `debian` directory above the file decides (pkg/debian/source/format).
  for (fs::path d = dir; !d.empty() && d != d.root_path(); d = d.parent_path()) {
    if (d.filename() == "debian") return dir_key(d.parent_path());
  }
  return dir_key(dir);
}

std::vector<PackageGroup> group_package_directories(const std::vector<std::string>& files) {
  std::map<std::string, std::vector<std::string>> by_root;
  std::set<std::string> package_roots;
  for (const auto& f : files) {
    const std::string root = package_root(f);
    by_root[root].push_back(f);
    if (classify_path(f) != FileKind::Unknown) package_roots.insert(root);
  }
  std::map<std::string, std::vector<std::string>> groups;
  for (auto& [root, members] : by_root) {
    // A directory without packaging files belongs to the nearest package directory above it.
    std::optional<std::string> owner;
    for (fs::path d = root;; d = d.parent_path()) {
      if (package_roots.count(dir_key(d)) != 0) {
        owner = dir_key(d);
        break;
      }
      if (d.empty() || d == d.parent_path()) break;
    }
    if (!owner) continue;
    auto& g = groups[*owner];
    g.insert(g.end(), members.begin(), members.end());
  }
  std::vector<PackageGroup> out;
  for (auto& [dir, members] : groups) {
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    out.push_back({dir, std::move(members)});
  }
  return out;
}

std::vector<std::string> list_files_recursively(const std::string& root, std::string& error) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error = fmt::format("cannot read directory '{}': {}", root, ec.message());
    return out;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      error = fmt::format("cannot read directory '{}': {}", root, ec.message());
      break;
    }
    const auto name = it->path().filename().string();
    const bool is_dir = it->is_directory(ec);
    if (is_dir && (!name.empty() && name.front() == '.')) {
      it.disable_recursion_pending();  // .git, .osc, ...
      continue;
    }
    if (is_dir && it.depth() + 1 >= kMaxWalkDepth) {
      it.disable_recursion_pending();
      error = fmt::format("'{}' is nested more than {} levels deep; not read further", root, kMaxWalkDepth);
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (out.size() >= kMaxWalkFiles) {
      error = fmt::format("'{}' holds more than {} files; not read further", root, kMaxWalkFiles);
      break;
    }
    out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

PackageDirectory load_package_directory(ir::SourceManager& sources, const std::vector<std::string>& paths,
                                        const AnalyzeOptions& options, ir::DiagnosticSink& sink,
                                        bool primaries_only) {
  PackageDirectory pd;
  std::vector<std::string> sorted = paths;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  for (const auto& p : sorted) {
    PackageFile f;
    f.path = p;
    f.kind = classify_path(p);
    if (pd.dir.empty() && f.kind != FileKind::Unknown) pd.dir = package_root(p);
    pd.files.push_back(std::move(f));
  }
  if (pd.dir.empty() && !sorted.empty()) pd.dir = package_root(sorted.front());
  choose_primaries(pd.files, pd.dir);

  for (auto& f : pd.files) {
    if (f.kind == FileKind::Unknown || (primaries_only && !f.primary)) continue;
    std::string error;
    const auto id = sources.load(f.path, error, {}, max_file_size(f.kind));
    if (!id) {
      sink.report("unreadable-file", ir::Severity::Error, {}, fmt::format("cannot read '{}': {}", f.path, error));
      continue;
    }
    f.id = *id;
    const ir::SourceFile& file = sources.file(*id);
    if (f.kind == FileKind::Spec) {
      const std::size_t before = sink.diagnostics().size();
      ir::Package spec = evaluate_spec_file(sources, *id, options, sink);
      if (!f.primary) continue;
      const auto& diags = sink.diagnostics();
      pd.spec_preamble_opaque = std::any_of(diags.begin() + static_cast<std::ptrdiff_t>(before), diags.end(),
                                            [&](const ir::Diagnostic& d) {
                                              return d.rule == "opaque-macro-value" && d.range.file == *id;
                                            });
      pd.spec = std::move(spec);
      continue;
    }
    const FilledTemplate filled = fill_placeholders(file, options.placeholders);
    if (is_template_path(file.path())) report_unbound(filled, sink);
    const std::string_view text = filled.text();
    switch (f.kind) {
      case FileKind::DebianControl:
      case FileKind::Dsc: {
        const bool dsc = f.kind == FileKind::Dsc;
        const auto doc = debian::parse_deb822(file, text, &filled,
                                              dsc ? debian::Deb822Flavor::Dsc : debian::Deb822Flavor::Control, sink);
        ir::Package pkg = debian::control_to_ir(doc, file, sink);
        if (!f.primary) break;
        if (dsc) {
          pd.dsc_info = debian::read_dsc(doc);
          pd.dsc = std::move(pkg);
        } else {
          pd.control = std::move(pkg);
        }
        break;
      }
      case FileKind::DebianChangelog: {
        auto c = debian::parse_debian_changelog(file, text, &filled, sink);
        if (f.primary) pd.debian_changelog = std::move(c);
        break;
      }
      case FileKind::DebianRules: {
        auto r = debian::parse_debian_rules(file, text, &filled, sink);
        if (f.primary) pd.debian_rules = std::move(r);
        break;
      }
      case FileKind::DebianSeries: {
        auto s = debian::parse_series(file, text, &filled, sink);
        if (f.primary) pd.debian_series = std::move(s);
        break;
      }
      case FileKind::SuseChanges: {
        auto c = obs::parse_suse_changes(file, text, &filled, sink);
        c.map = nullptr;  // `filled` ends here; the entries' ranges are already mapped
        if (f.primary) pd.suse_changes = std::move(c);
        break;
      }
      case FileKind::ObsService: {
        auto s = obs::parse_obs_service(file, text, &filled, sink);
        if (f.primary) pd.service = std::move(s);
        break;
      }
      default:
        // Copyright, *.install, source/format: read for their own diagnostics only.
        debian::read_file(f.kind, file, text, &filled, sink);
        break;
    }
  }
  pd.dir_listing = list_directory(pd.dir);
  for (const auto& name : pd.dir_listing) {
    const bool rpmlintrc = name == "rpmlintrc" || (name.size() > 10 && (name.compare(name.size() - 10, 10, "-rpmlintrc") == 0 ||
                                                                        name.compare(name.size() - 10, 10, ".rpmlintrc") == 0));
    if (!rpmlintrc) continue;
    std::string error;
    // Unreadable: source_validator would not see it either; nothing to report here.
    if (const auto id = sources.load((fs::path(pd.dir) / name).string(), error)) pd.rpmlintrc.push_back(*id);
  }
  pd.merged = merge(pd);
  check_package_directory(pd, sources, sink);
  return pd;
}

json to_json(const PackageDirectory& pd, const ir::SourceManager& sources) {
  json files = json::array();
  for (const auto& f : pd.files) {
    files.push_back({{"path", text_json(f.path)},
                     {"kind", to_string(f.kind)},
                     {"primary", f.primary},
                     {"read", f.id != ir::kNoFile}});
  }
  json dsc = package_json(pd.dsc, sources);
  if (pd.dsc_info) {
    const auto& d = *pd.dsc_info;
    dsc["dsc"] = {{"format", text_json(d.format)},
                  {"source", text_json(d.source)},
                  {"version", text_json(d.version)},
                  {"binaries", d.binaries},
                  {"architectures", d.architectures},
                  {"debtransform_tar", text_json(d.debtransform_tar)},
                  {"debtransform_files_tar", text_json(d.debtransform_files_tar)},
                  {"debtransform_series", text_json(d.debtransform_series)},
                  {"debtransform_release", text_json(d.debtransform_release)}};
  }
  json changelog = nullptr;
  if (pd.debian_changelog) changelog = {{"entries", changelog_entries_json(pd.debian_changelog->entries, sources)}};
  json changes = nullptr;
  if (pd.suse_changes) changes = {{"entries", changelog_entries_json(pd.suse_changes->entries, sources)}};
  json rules = nullptr;
  if (pd.debian_rules) {
    json targets = json::array();
    for (const auto& r : pd.debian_rules->rules)
      for (const auto& t : r.targets) targets.push_back(text_json(t.name));
    json assignments = json::array();
    for (const auto& a : pd.debian_rules->assignments)
      assignments.push_back({{"name", text_json(a.name)}, {"op", a.op}, {"value", text_json(a.value)}});
    rules = {{"targets", std::move(targets)}, {"assignments", std::move(assignments)}};
  }
  json series = nullptr;
  if (pd.debian_series) {
    json patches = json::array();
    for (const auto& e : pd.debian_series->entries) {
      if (e.words.empty()) continue;
      patches.push_back({{"patch", text_json(e.words.front().text)}, {"range", ir::to_json(e.range, sources)}});
    }
    series = {{"patches", std::move(patches)}};
  }
  json service = nullptr;
  if (pd.service) {
    json services = json::array();
    for (const auto& s : pd.service->services) {
      json params = json::array();
      for (const auto& p : s.params)
        params.push_back({{"name", text_json(p.name)}, {"value", text_json(p.value)},
                          {"range", ir::to_json(p.range, sources)}});
      services.push_back({{"name", text_json(s.name)}, {"mode", text_json(s.mode)}, {"params", std::move(params)}});
    }
    service = {{"services", std::move(services)}};
  }
  json merged = ir::to_json(pd.merged, sources);
  merged["package_version"] = text_json(pd.merged.version);
  return {{"schema", kPackageDirectoryJsonVersion},
          {"dir", text_json(pd.dir)},
          {"files", std::move(files)},
          {"spec", package_json(pd.spec, sources)},
          {"spec_preamble_opaque", pd.spec_preamble_opaque},
          {"control", package_json(pd.control, sources)},
          {"dsc", std::move(dsc)},
          {"debian_changelog", std::move(changelog)},
          {"debian_rules", std::move(rules)},
          {"debian_series", std::move(series)},
          {"suse_changes", std::move(changes)},
          {"service", std::move(service)},
          {"merged", std::move(merged)}};
}

}  // namespace katalint::frontend
