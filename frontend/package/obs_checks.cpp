// openSUSE's submit-time checks of a package directory, offline: what the Factory review bot
// (openSUSE-release-tools check_source) and obs-service-source_validator decline or warn
// about. docs/package-directory.md lists them with their sources.
#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "frontend/debian/text.hpp"
#include "frontend/package/compare.hpp"
#include "frontend/package/directory.hpp"

namespace katalint::frontend {
namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The name a template generates: kata-runtime.spec-template -> kata-runtime.spec.
std::string_view generated_name(std::string_view name) {
  for (std::string_view suffix : {"-template", ".in"})
    if (name.size() > suffix.size() && ends_with(name, suffix)) return name.substr(0, name.size() - suffix.size());
  return name;
}

std::string_view base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_url(std::string_view value) { return value.find("://") != std::string_view::npos; }

// The file a Source names: the last path part, or the name after a `#/` fragment
// (`https://host/v1.tar.gz#/name-1.tar.gz`), as rpm and OBS's download_files use it.
std::string source_file_name(std::string_view value) {
  if (const auto fragment = value.rfind("#/"); fragment != std::string_view::npos)
    return std::string(base_name(value.substr(fragment + 2)));
  return std::string(base_name(value));
}


// Files source_validator (20-files-present-and-referenced) accepts without a reference from
// the spec.
bool allowed_unreferenced(std::string_view name) {
  for (std::string_view suffix : {".changes", ".spec", ".dsc", ".obscpio", ".obsinfo", ".kiwi"})
    if (ends_with(name, suffix)) return true;
  if (starts_with(name, "_") || starts_with(name, "debian.")) return true;
  for (std::string_view exact : {"PKGBUILD", "appimage.yml", "pre_checkin.sh", "README.autobuild"})
    if (name == exact) return true;
  return false;
}

// True when some listed file can be `wanted` (a symbolic name: placeholders match any text).
// `listing` is sorted; only templated names are matched one by one.
bool listed(const std::vector<std::string>& listing, std::string_view wanted) {
  if (std::binary_search(listing.begin(), listing.end(), wanted, std::less<>())) return true;
  if (!has_placeholder(wanted)) {
    const std::string template_name = std::string(wanted) + "-template";
    return std::binary_search(listing.begin(), listing.end(), template_name) ||
           std::binary_search(listing.begin(), listing.end(), std::string(wanted) + ".in");
  }
  return std::any_of(listing.begin(), listing.end(), [&](const std::string& file) {
    return compare_symbolic(file, wanted) != Agreement::Different ||
           compare_symbolic(generated_name(file), wanted) != Agreement::Different;
  });
}

// The value part of a spec tag line ("Source0:  x.tar.gz" -> "x.tar.gz"); the spec
// frontend gives the whole line.
ir::Range tag_value_range(ir::Range r, const ir::SourceManager& sources) {
  if (!r.valid()) return r;
  const std::string_view text = sources.file(r.file).text();
  if (r.end > text.size() || r.begin >= r.end) return r;
  const std::string_view line = text.substr(r.begin, r.end - r.begin);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return r;
  std::size_t b = colon + 1, e = line.size();
  while (b < e && debian::is_blank(line[b])) ++b;
  while (e > b && debian::is_space(line[e - 1])) --e;
  return b < e ? ir::Range{r.file, r.begin + static_cast<std::uint32_t>(b), r.begin + static_cast<std::uint32_t>(e)} : r;
}

// The first line of a file, for findings about the file as a whole.
ir::Range first_line(const ir::SourceManager& sources, ir::FileId id) {
  const std::string_view text = sources.file(id).text();
  const auto nl = text.find('\n');
  return {id, 0, static_cast<std::uint32_t>(nl == std::string_view::npos ? text.size() : nl)};
}

struct Submission {
  const PackageDirectory& pd;
  const ir::SourceManager& sources;
  ir::DiagnosticSink& sink;
  ir::Range anchor;               // the spec's Name value: where directory-level findings go
  std::string name;               // the package name: the evaluated Name, else the spec file's stem
  std::set<std::string> names;    // every name a .changes file may carry
  bool usable_spec = false;       // rpm accepted the spec, so its source list is complete
  bool has_service = false;

  void report(std::string_view rule, ir::Range at, std::string message) const {
    sink.report(std::string(rule), ir::Severity::Warning, at, std::move(message));
  }
};

// check_source.pl: "A package submitted as FooBar needs to have a FooBar.changes file".
void check_changes_present(const Submission& s) {
  // In a directory that already is an OBS checkout the spec check suse-changes-file-missing
  // reports it; this one covers template directories and plain package directories.
  std::error_code ec;
  if (fs::exists(fs::path(s.pd.dir) / ".osc", ec)) return;
  for (const auto& file : s.pd.dir_listing)
    if (file == "_service" || file == "_multibuild" || ends_with(file, ".changes")) return;
  for (const auto& file : s.pd.dir_listing) {
    const std::string_view name = generated_name(file);
    if (ends_with(name, ".changes") && s.names.count(std::string(name.substr(0, name.size() - 8))) != 0) return;
  }
  s.report("obs-changes-file-missing", s.anchor,
           fmt::format("there is no '{}.changes' next to the spec; openSUSE requires one, written with 'osc vc'",
                       s.name));
}

// source_validator 45-stale-changes: a .changes must be named after the package, a
// subpackage or flavour, or be listed as a Source.
void check_stale_changes(const Submission& s) {
  if (!s.usable_spec) return;
  std::set<std::string> source_names;
  for (const auto& src : s.pd.spec->sources) source_names.insert(source_file_name(src.value));
  for (const auto& f : s.pd.files) {
    if (f.kind != FileKind::SuseChanges || f.id == ir::kNoFile) continue;
    const std::string file(base_name(f.path));
    const std::string_view name = generated_name(file);
    if (!ends_with(name, ".changes") || s.names.count(std::string(name.substr(0, name.size() - 8))) != 0) continue;
    if (source_names.count(file) != 0 || source_names.count(std::string(name)) != 0) continue;
    s.report("obs-stale-changes-file", first_line(s.sources, f.id),
             fmt::format("'{}' is not named after the package '{}' or one of its subpackages; source_validator "
                         "declines it",
                         file, s.name));
  }
}

// check_source.pl declines a checkout that holds the output of server-side services.
void check_service_output(const Submission& s) {
  const PackageFile* service = s.pd.primary_file(FileKind::ObsService);
  const ir::Range at = service != nullptr && service->id != ir::kNoFile ? first_line(s.sources, service->id)
                                                                        : s.anchor;
  for (const auto& file : s.pd.dir_listing) {
    if (!starts_with(file, "_service:")) continue;
    s.report("obs-service-file-committed", at,
             fmt::format("'{}' is the output of a server-side service; commit no '_service:*' files (run the service "
                         "in 'manual' mode and commit its output under its own name)",
                         file));
  }
}

// source_validator: every Source and Patch is in the directory, and patches are not empty.
void check_sources_present(const Submission& s) {
  if (!s.usable_spec) return;
  for (const auto& src : s.pd.spec->sources) {
    if (src.nosource) continue;
    const auto value = symbolic_value(src.value);
    if (!value || value->empty()) continue;
    const std::string file = source_file_name(*value);
    if (file.empty()) continue;
    // A service (tar_scm, obs_scm, download_files, go_modules) makes archives and downloads
    // on the server; only patches and local files must be committed then.
    if (s.has_service && !src.is_patch && (is_url(*value) || is_archive_name(file))) continue;
    const ir::Range at = tag_value_range(src.range, s.sources);
    if (!listed(s.pd.dir_listing, file)) {
      s.report("obs-source-file-missing", at,
               fmt::format("{} '{}' is not in the package directory; OBS builds only from committed files",
                           src.is_patch ? "patch" : "source", file));
      continue;
    }
    if (!src.is_patch || has_placeholder(file)) continue;
    std::error_code ec;
    const auto size = fs::file_size(fs::path(s.pd.dir) / file, ec);
    if (!ec && size == 0)
      s.report("obs-source-file-missing", at, fmt::format("patch '{}' is empty; source_validator declines it", file));
  }
}

// source_validator 20-files-present-and-referenced: "Attention, X is not mentioned in spec
// files as source or patch".
void check_files_referenced(const Submission& s) {
  // With a patch list from a placeholder or shell, or several specs, the references are unknown.
  if (!s.usable_spec || s.pd.spec_preamble_opaque) return;
  const auto specs = std::count_if(s.pd.dir_listing.begin(), s.pd.dir_listing.end(),
                                   [](const std::string& f) { return ends_with(generated_name(f), ".spec"); });
  if (specs > 1) return;
  // Names without placeholders are looked up; templated ones are matched one by one.
  std::set<std::string, std::less<>> referenced;
  std::vector<std::string> templated;
  for (const auto& src : s.pd.spec->sources) {
    const auto value = symbolic_value(src.value);
    if (!value) return;
    std::string file = source_file_name(*value);
    if (has_placeholder(file))
      templated.push_back(std::move(file));
    else
      referenced.insert(std::move(file));
  }
  for (const auto& file : s.pd.dir_listing) {
    if (allowed_unreferenced(file) || allowed_unreferenced(generated_name(file))) continue;
    const bool named =
        referenced.count(file) != 0 || referenced.count(generated_name(file)) != 0 ||
        std::any_of(templated.begin(), templated.end(), [&](const std::string& r) {
          return compare_symbolic(file, r) != Agreement::Different ||
                 compare_symbolic(generated_name(file), r) != Agreement::Different;
        });
    if (named) continue;
    s.report("obs-file-not-referenced", s.anchor,
             fmt::format("'{}' is in the package directory but no Source or Patch of the spec names it; "
                         "source_validator warns about it and reviewers ask why it is there",
                         file));
  }
}

// check_source.pl: "For Factory submissions, you cannot use setBadness. Use filters in
// $rpmlint."
void check_rpmlintrc(const Submission& s) {
  for (const ir::FileId id : s.pd.rpmlintrc) {
    const std::string_view text = s.sources.file(id).text();
    for (std::size_t at = text.find("setBadness"); at != std::string_view::npos; at = text.find("setBadness", at + 1)) {
      const std::size_t line_start = text.rfind('\n', at) == std::string_view::npos ? 0 : text.rfind('\n', at) + 1;
      const std::string_view before = text.substr(line_start, at - line_start);
      if (before.find('#') != std::string_view::npos) continue;  // a comment
      s.report("obs-rpmlintrc-set-badness", {id, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 10)},
               "setBadness changes how much an rpmlint finding counts; Factory refuses it in an rpmlintrc, use "
               "addFilter for a finding that is wrong for this package");
    }
  }
}

}  // namespace

bool is_archive_name(std::string_view name) {
  constexpr std::array<std::string_view, 8> kArchiveSuffixes = {".tar.gz", ".tgz",     ".tar.xz", ".txz",
                                                                ".tar.bz2", ".tar.zst", ".tar",    ".zip"};
  return std::any_of(kArchiveSuffixes.begin(), kArchiveSuffixes.end(),
                     [&](std::string_view s) { return ends_with(name, s); });
}

void check_obs_submission(const PackageDirectory& pd, const ir::SourceManager& sources, ir::DiagnosticSink& sink) {
  const PackageFile* spec_file = pd.primary_file(FileKind::Spec);
  if (!pd.spec || spec_file == nullptr || spec_file->id == ir::kNoFile || pd.dir_listing.empty()) return;
  // Debian source trees (pkg/debian/...) are not OBS package directories.
  for (const auto& part : fs::path(spec_file->path).parent_path())
    if (part == "debian") return;

  Submission s{pd, sources, sink, first_line(sources, spec_file->id), {}, {}, !pd.spec->parse_failed, false};
  const std::string stem(generated_name(base_name(spec_file->path)));
  const std::string spec_stem = ends_with(stem, ".spec") ? stem.substr(0, stem.size() - 5) : stem;
  s.names.insert(spec_stem);
  s.names.insert(fs::path(pd.dir).filename().string());
  // Every spec of the directory may have its own .changes (katacontainers.spec next to
  // katacontainers-image-initrd.spec).
  for (const auto& file : pd.dir_listing) {
    const std::string_view name = generated_name(file);
    if (ends_with(name, ".spec") && name.size() > 5) s.names.insert(std::string(name.substr(0, name.size() - 5)));
  }
  s.name = spec_stem;
  if (const auto name = symbolic_value(pd.spec->name); name && !name->empty() && !has_placeholder(*name)) {
    s.name = *name;
    s.names.insert(*name);
  }
  for (const auto& b : pd.spec->packages)
    if (const auto name = symbolic_value(b.name); name && !name->empty()) s.names.insert(*name);
  if (!pd.spec->packages.empty()) {
    for (const auto& f : pd.spec->packages.front().fields) {
      if (debian::iequals(f.name, "Name") && f.value_range.valid()) s.anchor = tag_value_range(f.value_range, sources);
    }
  }
  s.has_service = pd.service.has_value() ||
                  std::any_of(pd.dir_listing.begin(), pd.dir_listing.end(),
                              [](const std::string& f) { return generated_name(f) == "_service"; });

  check_changes_present(s);
  check_stale_changes(s);
  check_service_output(s);
  check_sources_present(s);
  check_files_referenced(s);
  check_rpmlintrc(s);
}

}  // namespace katalint::frontend
