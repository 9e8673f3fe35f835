// A package directory: every packaging file of one OBS-style package (spec, debian.control,
// debian.rules, debian.changelog, debian.series, .dsc, _service, .changes, templates of
// each) read into one model, so rules can check the package as a whole and backends can
// convert in either direction. docs/package-directory.md describes the layout and checks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/analyze.hpp"
#include "frontend/debian/changelog.hpp"
#include "frontend/debian/control.hpp"
#include "frontend/debian/lines.hpp"
#include "frontend/debian/rules.hpp"
#include "frontend/file_kind.hpp"
#include "frontend/obs/changes.hpp"
#include "frontend/obs/service.hpp"
#include "ir/diagnostic.hpp"
#include "ir/package.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {

inline constexpr int kPackageDirectoryJsonVersion = 1;

// One file of a package directory.
struct PackageFile {
  std::string path;
  FileKind kind = FileKind::Unknown;  // Unknown: kept in the listing (patches, debian.compat, ...)
  ir::FileId id = ir::kNoFile;        // kNoFile when the file was not read
  bool primary = false;               // the file of its kind the model and cross-file checks use
};

// One package, read from all its files. Each optional is the primary file of that kind;
// other files of the same kind (a second spec, say) are parsed for their own diagnostics
// and listed in `files` with primary = false.
struct PackageDirectory {
  std::string dir;                 // the package root (the directory holding debian/ if any)
  std::vector<PackageFile> files;  // sorted by path
  std::optional<ir::Package> spec;     // evaluated for the target
  std::optional<ir::Package> control;  // debian.control / debian/control
  std::optional<ir::Package> dsc;      // the .dsc through control_to_ir (fields with ranges)
  std::optional<debian::DscInfo> dsc_info;
  std::optional<debian::DebianChangelog> debian_changelog;
  std::optional<debian::DebianRules> debian_rules;
  std::optional<debian::WordListFile> debian_series;
  std::optional<obs::SuseChanges> suse_changes;
  std::optional<obs::ObsServiceFile> service;
  // rpmlint configuration files of the directory (`NAME-rpmlintrc`, `NAME.rpmlintrc`), read as
  // plain text for the submit-time checks; they are not among `files`' read files.
  std::vector<ir::FileId> rpmlintrc;
  // Some spec preamble line was shell, lua or placeholder output (e.g. @RPM_PATCH_LIST@),
  // so the spec's source and patch lists may be incomplete.
  bool spec_preamble_opaque = false;
  // Names of the regular files directly in `dir`, sorted (an OBS package directory is flat),
  // for the submit-time checks; empty when `dir` cannot be read.
  std::vector<std::string> dir_listing;
  // One format-neutral package: the spec's model (else the control file's, else the .dsc's)
  // with gaps filled from the other files; see docs/package-directory.md.
  ir::Package merged;

  [[nodiscard]] const PackageFile* primary_file(FileKind kind) const;
};

// A directory of packaging files as found by group_package_directories().
struct PackageGroup {
  std::string dir;
  std::vector<std::string> files;  // sorted
};

// The directory a packaging file belongs to: the parent of the nearest `debian` directory
// above it (pkg/debian/source/format -> pkg), else its own directory. Purely lexical.
std::string package_root(const std::string& path);

// Splits a list of files into packages. A directory holding a file katalint reads (spec,
// control, .dsc, changelog, rules, series, _service, .changes, ...) is one package; other
// files are attached to the nearest such directory above them (pkg/patches/x.patch goes
// with pkg) and dropped when there is none (a home project's projectconfig). A whole home
// project therefore yields one group per package. Lexical; the file system is not read.
std::vector<PackageGroup> group_package_directories(const std::vector<std::string>& files);

// Every regular file under `root`, sorted, skipping hidden directories (.git, .osc). Walks
// at most kMaxWalkDepth levels and kMaxWalkFiles files; `error` is set when `root` cannot
// be read or a limit was hit (the files found so far are returned).
inline constexpr int kMaxWalkDepth = 16;
inline constexpr std::size_t kMaxWalkFiles = 100000;
std::vector<std::string> list_files_recursively(const std::string& root, std::string& error);

// Reads the files of one package directory (`paths`: as one PackageGroup holds them),
// reports every file's parse diagnostics and the cross-file checks to `sink`, and builds
// the merged model. A caller that lints the files one by one already has their parse
// diagnostics; it can load with a scratch sink and call check_package_directory(), and with
// `primaries_only` skip the files the model does not take (another spec of a folder of
// specs is then not evaluated again for nothing).
PackageDirectory load_package_directory(ir::SourceManager& sources, const std::vector<std::string>& paths,
                                        const AnalyzeOptions& options, ir::DiagnosticSink& sink,
                                        bool primaries_only = false);

// The cross-file checks alone (version-mismatch, source-name-mismatch, dsc-binary-drift,
// dsc-build-depends-drift, debian-series-drift, go-build-depends-missing) and openSUSE's
// submit-time checks (check_obs_submission).
void check_package_directory(const PackageDirectory& package, const ir::SourceManager& sources,
                             ir::DiagnosticSink& sink);

// go-build-depends-missing: debian.rules builds Go code, debian.control names no Go compiler.
void check_go_build_depends(const PackageDirectory& package, const ir::SourceManager& sources,
                            ir::DiagnosticSink& sink);

// What openSUSE's review bot (check_source) and source_validator check in a package directory
// with a spec, offline: obs-changes-file-missing, obs-stale-changes-file,
// obs-service-file-committed, obs-source-file-missing, obs-file-not-referenced,
// obs-rpmlintrc-set-badness.
void check_obs_submission(const PackageDirectory& package, const ir::SourceManager& sources,
                          ir::DiagnosticSink& sink);

// An archive name (.tar.gz, .tar.xz, .zip, ...): what OBS's services make or download.
bool is_archive_name(std::string_view name);

// `katalint dump DIR`: the files, each file's model and the merged package.
nlohmann::ordered_json to_json(const PackageDirectory& package, const ir::SourceManager& sources);

}  // namespace katalint::frontend
