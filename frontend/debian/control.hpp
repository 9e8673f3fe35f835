// debian/control (and .dsc) paragraphs mapped onto the format-neutral IR.
#pragma once

#include <string>
#include <vector>

#include "frontend/debian/deb822.hpp"
#include "ir/package.hpp"

namespace katalint::frontend::debian {

// Maps a parsed debian/control (or .dsc) onto ir::Package:
//  * the first paragraph is the source: name = Source, url = Homepage, Version (in a .dsc)
//    split into epoch/version/release, every field in `fields`, Build-Depends(-Arch/-Indep)
//    and Build-Conflicts(-Arch/-Indep) in `build_dependencies`;
//  * every later paragraph with a Package field is a BinaryPackage: name, arch =
//    Architecture, url = Homepage, summary = the Description synopsis, description = the
//    extended description (one blank removed per line, ` .` as an empty line), fields and
//    relationship fields in `dependencies`.
// ir::Field::raw is the value as written in `file` (placeholders unfilled), `value` the
// logical value: folded for folded fields, python3-debian's value otherwise.
ir::Package control_to_ir(const Deb822Document& doc, const ir::SourceFile& file,
                          ir::DiagnosticSink& sink);

// The canonical spelling of a known Debian field ("build-depends" -> "Build-Depends"), or
// the name unchanged.
std::string canonical_field_name(std::string_view name);

// True for fields whose line breaks carry no meaning (Policy 5.1 "folded").
bool is_folded_field(std::string_view name);

// One line of a .dsc Files/Checksums-* field: ` <checksum> <size> <name>`.
struct DscFileEntry {
  ir::Range range;
  std::string checksum;
  std::string size;
  std::string name;
};

// The parts of a .dsc that later rules and OBS care about.
struct DscInfo {
  std::string format;   // "3.0 (quilt)"
  std::string source;
  std::string version;
  std::vector<std::string> binaries;       // Binary, comma separated
  std::vector<std::string> architectures;  // Architecture, blank separated
  // OBS debtransform (obs-build): Debtransform-Tar, -Files-Tar, -Series, -Release and
  // OBS-DCH-Release, as written; empty when absent.
  std::string debtransform_tar;
  std::string debtransform_files_tar;
  std::string debtransform_series;
  std::string debtransform_release;
  std::vector<DscFileEntry> files;             // Files (md5)
  std::vector<DscFileEntry> checksums_sha256;  // Checksums-Sha256
};

// Reads the first paragraph of a .dsc.
DscInfo read_dsc(const Deb822Document& doc);

}  // namespace katalint::frontend::debian
