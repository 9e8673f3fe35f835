// The Ubuntu backend: a debian/ source tree (or the OBS debian.* form with a .dsc) from the
// format-neutral package model. Dependency names go through backends/ubuntu/depmap.hpp;
// everything the Debian files cannot say is reported with the position it came from.
#pragma once

#include <string>
#include <vector>

#include "backends/common/input.hpp"
#include "backends/output.hpp"
#include "ir/diagnostic.hpp"
#include "ir/package.hpp"
#include "ir/source.hpp"

namespace katalint::backends::ubuntu {

struct Options {
  std::string release = "noble";
  bool obs_layout = false;  // debian.control, debian.rules, debian.changelog, NAME.dsc
  // Packages of the same project (migrate): dependencies on them keep their Debian name.
  std::vector<std::string> sibling_packages;
  // "Name <address>" when the spec names no maintainer (migrate --packager); empty: a placeholder.
  std::string maintainer;
};

// The files of the converted package. Diagnostics (rule ids): unmapped-dependency,
// dropped-conditional, scriptlet-without-equivalent, lua-macro-not-converted,
// prebuilt-toolchain-source, prebuilt-image-source, lossy-conversion, unknown-release.
// The changelog date is SOURCE_DATE_EPOCH when set (reproducible output), else now.
EmittedFiles emit(const ir::Package& package, const ir::SourceManager& sources, const Options& options,
                  ir::DiagnosticSink& sink);

// `katalint convert --to ubuntu`: the package directory's spec (else its merged model).
EmittedFiles emit_converted(const ConvertInput& input, const ConvertOptions& options, ir::DiagnosticSink& sink);

}  // namespace katalint::backends::ubuntu
