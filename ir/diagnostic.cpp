#include "ir/diagnostic.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
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
  // Order: path, begin, end, rule, message, then the order as reported. Each file gets the
  // rank of its path once, and the diagnostics are moved once, after sorting their keys.
  std::vector<std::string_view> paths(1, std::string_view());  // "" for a diagnostic without a file
  for (FileId id = 0; id < sources.size(); ++id) paths.push_back(sources.file(id).path());
  std::vector<std::string_view> by_path = paths;
  std::sort(by_path.begin(), by_path.end());
  std::vector<std::uint32_t> rank(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i)
    rank[i] = static_cast<std::uint32_t>(std::lower_bound(by_path.begin(), by_path.end(), paths[i]) - by_path.begin());
  struct Key {
    std::uint32_t path;
    std::uint32_t begin, end;
    std::string_view rule, message;
    std::size_t index;
  };
  std::vector<Key> keys;
  keys.reserve(diagnostics.size());
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    const bool located = d.range.valid() && d.range.file < sources.size();
    keys.push_back({rank[located ? d.range.file + 1 : 0], d.range.begin, d.range.end, d.rule, d.message, i});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return std::tie(a.path, a.begin, a.end, a.rule, a.message, a.index) <
           std::tie(b.path, b.begin, b.end, b.rule, b.message, b.index);
  });
  std::vector<Diagnostic> sorted;
  sorted.reserve(diagnostics.size());
  for (const Key& k : keys) sorted.push_back(std::move(diagnostics[k.index]));
  diagnostics = std::move(sorted);
}

}  // namespace katalint::ir
