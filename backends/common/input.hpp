// What every backend converts: one package directory read for the backend's target, the
// placeholder values it was filled with, and the choices the user made on the command line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "frontend/package/directory.hpp"
#include "frontend/placeholders.hpp"
#include "ir/source.hpp"

namespace katalint::backends {

struct ConvertOptions {
  // Author of the changelog entry the conversion adds: "Full Name <email>".
  std::string packager = "Packager Name <packager@example.com>";
  // Time of that entry, seconds since the epoch (SOURCE_DATE_EPOCH, else now).
  std::int64_t timestamp = 0;
  // Fedora: Release: 1%{?dist} and a written %changelog instead of rpmautospec.
  bool classic_release = false;
  // Other packages of the same project: dependencies on them need no mapping.
  std::vector<std::string> sibling_packages;
};

struct ConvertInput {
  const ir::SourceManager& sources;
  const frontend::PackageDirectory& package;  // loaded for the backend's profile
  const frontend::PlaceholderValues& values;  // what filled @KEY@
};

}  // namespace katalint::backends
