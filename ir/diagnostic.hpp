// Diagnostics are data: a rule id, a severity, a message, ranges and an optional fix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/source.hpp"

namespace katalint::ir {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

// How sure we are that applying a fix keeps the user's intent (ruff's Applicability).
enum class Applicability { Safe, Unsafe, DisplayOnly };

std::string_view to_string(Applicability a);

struct Edit {
  Range range;              // replaced bytes; an empty range inserts
  std::string replacement;  // "" deletes
};

struct Fix {
  std::string title;
  Applicability applicability = Applicability::Safe;
  std::vector<Edit> edits;
};

struct Note {
  Range range;  // may be invalid for a note without a location
  std::string message;
};

struct Diagnostic {
  std::string rule;  // kebab-case rule id
  Severity severity = Severity::Warning;
  std::string message;  // lower-case, no final period
  Range range;          // primary range; invalid means "the whole run" (no file)
  std::vector<Note> notes;
  std::optional<Fix> fix;
};

// Collects diagnostics; the driver sorts them before output.
class DiagnosticSink {
 public:
  Diagnostic& report(std::string rule, Severity severity, Range range, std::string message) {
    diagnostics_.push_back({std::move(rule), severity, std::move(message), range, {}, {}});
    return diagnostics_.back();
  }
  void add(Diagnostic d) { diagnostics_.push_back(std::move(d)); }

  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  [[nodiscard]] bool has_errors() const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Deterministic output order: by file path, then by position, then rule and message.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics, const SourceManager& sources);

}  // namespace katalint::ir
