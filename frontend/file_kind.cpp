#include "frontend/file_kind.hpp"

#include <array>
#include <utility>

#include "frontend/rpmspec/evaluator.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view strip_template_suffix(std::string_view name) {
  for (std::string_view suffix : {"-template", ".in"}) {
    if (ends_with(name, suffix)) return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

}  // namespace

std::string_view to_string(FileKind kind) {
  switch (kind) {
    case FileKind::Unknown: return "unknown";
    case FileKind::Spec: return "spec";
    case FileKind::DebianControl: return "debian-control";
    case FileKind::DebianChangelog: return "debian-changelog";
    case FileKind::DebianRules: return "debian-rules";
    case FileKind::DebianCopyright: return "debian-copyright";
    case FileKind::DebianSeries: return "debian-series";
    case FileKind::DebianInstall: return "debian-install";
    case FileKind::SourceFormat: return "debian-source-format";
    case FileKind::Dsc: return "dsc";
    case FileKind::ObsService: return "obs-service";
    case FileKind::SuseChanges: return "suse-changes";
  }
  return "unknown";
}

bool is_template_path(std::string_view path) {
  return ends_with(path, "-template") || ends_with(path, ".in");
}

std::size_t max_file_size(FileKind kind) {
  constexpr std::size_t kMiB = 1024u * 1024u;
  switch (kind) {
    case FileKind::Spec: return rpmspec::kMaxSpecSize;
    // Changelogs grow for decades: the longest real ones are a few MiB.
    case FileKind::DebianChangelog:
    case FileKind::SuseChanges: return 8 * kMiB;
    case FileKind::Unknown: return ir::SourceManager::kMaxFileSize;
    default: return 4 * kMiB;
  }
}

FileKind classify_path(std::string_view path) {
  const auto slash = path.rfind('/');
  const std::string_view dir = slash == std::string_view::npos ? "" : path.substr(0, slash);
  const std::string_view name =
      strip_template_suffix(slash == std::string_view::npos ? path : path.substr(slash + 1));
  const bool in_debian = ends_with(dir, "debian") || ends_with(dir, "debian/source") ||
                         ends_with(dir, "debian/patches");

  if (ends_with(name, ".spec")) return FileKind::Spec;
  if (ends_with(name, ".dsc")) return FileKind::Dsc;
  if (ends_with(name, ".changes")) return FileKind::SuseChanges;
  if (name == "_service") return FileKind::ObsService;

  static constexpr std::array<std::pair<std::string_view, FileKind>, 6> kDebian = {{
      {"control", FileKind::DebianControl},
      {"changelog", FileKind::DebianChangelog},
      {"rules", FileKind::DebianRules},
      {"copyright", FileKind::DebianCopyright},
      {"series", FileKind::DebianSeries},
      {"format", FileKind::SourceFormat},
  }};
  for (const auto& [base, kind] : kDebian) {
    // OBS spells debian/control as debian.control next to the spec.
    if (name.size() == 7 + base.size() && name.substr(0, 7) == "debian." && name.substr(7) == base)
      return kind;
    if (in_debian && name == base) return kind;
  }
  if (ends_with(name, ".install") && (in_debian || name.substr(0, 7) == "debian."))
    return FileKind::DebianInstall;
  return FileKind::Unknown;
}

}  // namespace katalint::frontend
