// Pieces of a package directory that every backend carries over unchanged.
#pragma once

#include <optional>
#include <string>

#include "backends/common/input.hpp"
#include "backends/output.hpp"
#include "ir/diagnostic.hpp"

namespace katalint::backends {

// Files of the input directory that the spec names as sources (an rpmlintrc, a helper
// script) and that are not templates, copied as they are.
EmittedFiles referenced_local_files(const ConvertInput& input, ir::DiagnosticSink& sink);

// The upstream checkout a tar_scm/obs_scm service makes, if the package has one.
struct ScmCheckout {
  std::string url;       // as written, e.g. https://github.com/org/repo.git
  std::string homepage;  // the URL without ".git"
  std::string revision;  // "" when the service names none
};
std::optional<ScmCheckout> scm_checkout(const frontend::PackageDirectory& package);

// A file name usable inside the output directory: no '/', not "." or "..", not empty.
bool is_plain_file_name(std::string_view name);

// Escapes &, < and > for XML text and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace katalint::backends
