#include "ir/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace katalint::ir {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "info") return Severity::Info;
  if (s == "warning") return Severity::Warning;
  if (s == "error") return Severity::Error;
  return std::nullopt;
}

std::string_view to_string(Applicability a) {
  switch (a) {
    case Applicability::Safe: return "safe";
    case Applicability::Unsafe: return "unsafe";
    case Applicability::DisplayOnly: return "display-only";
  }
  return "display-only";
}

bool DiagnosticSink::has_errors() const {
  return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics, const SourceManager& sources) {
  auto key = [&](const Diagnostic& d) {
    std::string_view path = d.range.valid() && d.range.file < sources.size()
                                ? std::string_view(sources.file(d.range.file).path())
                                : std::string_view();
    return std::make_tuple(path, d.range.begin, d.range.end, std::string_view(d.rule),
                           std::string_view(d.message));
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

}  // namespace katalint::ir
