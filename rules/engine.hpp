// The lint engine: which rules run for a file, running them, inline suppressions and
// configured severities. One call per file; nothing is shared between files.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"

namespace katalint::rules {

// Rule selection and severities for one file, as the configuration resolved them. Ids are
// canonical (aliases already resolved); "all" in select/extend_select means every check.
struct RuleSettings {
  bool has_select = false;                 // select replaces the target's default set
  std::vector<std::string> select;
  std::vector<std::string> extend_select;  // added to the default set
  std::vector<std::string> ignore;         // wins over select and extend_select
  std::map<std::string, ir::Severity, std::less<>> severity;
};

class RuleSet {
 public:
  RuleSet(const RuleSettings& settings, Family family);
  // Frontend and engine rules are on unless ignored; package-directory checks follow their
  // families; `select` applies to checks only.
  [[nodiscard]] bool enabled(const RuleInfo& rule) const;
  // Ids that are not in the registry are kept (a frontend may report one before its row lands).
  [[nodiscard]] bool enabled(std::string_view id) const;
  [[nodiscard]] std::optional<ir::Severity> severity(std::string_view id) const;
  [[nodiscard]] Family family() const { return family_; }

 private:
  const RuleSettings& settings_;
  Family family_;
  bool select_all_;         // settings_.select names "all"
  bool extend_select_all_;  // settings_.extend_select names "all"
};

// Runs every enabled check that applies to the context's file kind.
void run_checks(const Context& ctx, const RuleSet& rules, ir::DiagnosticSink& sink);

// The last step for one file: drops diagnostics of disabled rules, applies the file's
// `# katalint: disable=...` comments (reporting unused ones as unused-suppression) and the
// configured severities. With the evaluated package, a suppression in an %if branch the
// target does not take is never reported as unused: it may be used on another target.
void finish_file(const ir::SourceFile& file, frontend::FileKind kind, const RuleSet& rules,
                 std::vector<ir::Diagnostic>& diagnostics, const ir::Package* package = nullptr);

// For findings made after finish_file (the package-directory checks): drops disabled rules,
// applies the file's suppressions and the configured severities; reports nothing unused.
void filter_late_findings(const ir::SourceFile& file, const RuleSet& rules, std::vector<ir::Diagnostic>& diagnostics);

}  // namespace katalint::rules
