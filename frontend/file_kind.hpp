// Which packaging format a path holds, decided from its name.
#pragma once

#include <cstddef>
#include <string_view>

namespace katalint::frontend {

enum class FileKind {
  Unknown,
  Spec,             // *.spec, *.spec.in, *.spec-template
  DebianControl,    // debian/control, debian.control
  DebianChangelog,  // debian/changelog, debian.changelog
  DebianRules,      // debian/rules, debian.rules
  DebianCopyright,  // debian/copyright, debian.copyright
  DebianSeries,     // debian/patches/series, debian.series
  DebianInstall,    // *.install
  SourceFormat,     // debian/source/format
  Dsc,              // *.dsc
  ObsService,       // _service
  SuseChanges,      // *.changes
};

std::string_view to_string(FileKind kind);

// Classifies by file name; a `-template` or `.in` suffix is looked through.
FileKind classify_path(std::string_view path);

// The largest file of `kind` katalint reads; a bigger one is refused when it is loaded. The
// limits keep every input within the time and memory katalint promises (docs/reliability.md)
// and are many times the size of the biggest real files.
std::size_t max_file_size(FileKind kind);

// True for OBS templates (`*-template`, `*.in`) whose @KEY@ placeholders are expected.
bool is_template_path(std::string_view path);

}  // namespace katalint::frontend
