// What every backend produces: files relative to its output directory. Lossy conversions are
// reported through the DiagnosticSink the backend is given, never dropped silently.
#pragma once

#include <string>
#include <vector>

namespace katalint::backends {

struct EmittedFile {
  std::string path;  // relative to the output directory; never absolute, never with ".."
  std::string content;
  bool executable = false;  // debian/rules
};

using EmittedFiles = std::vector<EmittedFile>;

}  // namespace katalint::backends
