#include "rules/engine.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <unordered_map>

#include "rules/registry.hpp"
#include "rules/suppression.hpp"

namespace katalint::rules {

extern const RuleInfo unused_suppression;  // rules/engine/unused_suppression.cpp

namespace {

bool contains(const std::vector<std::string>& list, std::string_view id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// A malformed or unused directive; the fix deletes the comment or the unused names.
void report_unused(const Suppression& s, const std::vector<std::size_t>& unused, std::vector<ir::Diagnostic>& out) {
  ir::Diagnostic d;
  d.rule = std::string(unused_suppression.id);
  d.severity = unused_suppression.severity;
  d.range = s.directive;
  if (!s.error.empty()) {
    d.message = s.error;
    out.push_back(std::move(d));
    return;
  }
  std::string names;
  for (std::size_t i : unused) {
    if (!names.empty()) names += ", ";
    const auto* rule = find_rule(s.codes[i].name);
    names += rule ? fmt::format("'{}'", s.codes[i].name) : fmt::format("'{}' (unknown rule)", s.codes[i].name);
  }
  d.message = fmt::format("unused suppression: {}", names);
  if (unused.size() == s.codes.size()) {
    d.fix = ir::Fix{"remove the unused suppression comment", ir::Applicability::Safe, {{s.removal, ""}}};
  } else {
    std::string kept;
    for (std::size_t i = 0; i < s.codes.size(); ++i) {
      if (std::find(unused.begin(), unused.end(), i) != unused.end()) continue;
      if (!kept.empty()) kept += ',';
      kept += s.codes[i].name;
    }
    d.fix = ir::Fix{"remove the unused rule names", ir::Applicability::Safe, {{s.list, kept}}};
  }
  out.push_back(std::move(d));
}

// False when `offset` lies in a branch of an %if that the target does not take.
bool live(const ir::Package& package, ir::FileId file, std::uint32_t offset) {
  for (const auto& c : package.conditionals) {
    if (c.range.file != file || offset < c.range.begin || offset >= c.range.end || c.branches.empty()) continue;
    int branch = -1;
    for (std::size_t b = 0; b < c.branches.size(); ++b)
      if (c.branches[b].file == file && c.branches[b].begin <= offset) branch = static_cast<int>(b);
    if (branch != c.taken) return false;
  }
  return true;
}

}  // namespace

RuleSet::RuleSet(const RuleSettings& settings, Family family)
    : settings_(settings),
      family_(family),
      select_all_(contains(settings.select, "all")),
      extend_select_all_(contains(settings.extend_select, "all")) {}

bool RuleSet::enabled(const RuleInfo& rule) const {
  if (contains(settings_.ignore, rule.id)) return false;
  // Package-directory checks of one family (openSUSE's submit-time checks) follow the target;
  // `select` lists lint checks and does not turn them off.
  if (rule.origin == Origin::Package)
    return rule.enabled_by_default(family_) || contains(settings_.extend_select, rule.id) ||
           contains(settings_.select, rule.id);
  if (rule.origin != Origin::Check) return true;
  if (extend_select_all_ || contains(settings_.extend_select, rule.id)) return true;
  if (settings_.has_select) return select_all_ || contains(settings_.select, rule.id);
  return rule.enabled_by_default(family_);
}

bool RuleSet::enabled(std::string_view id) const {
  if (const auto* rule = find_rule(id)) return enabled(*rule);
  return !contains(settings_.ignore, id);
}

std::optional<ir::Severity> RuleSet::severity(std::string_view id) const {
  auto it = settings_.severity.find(id);
  if (it == settings_.severity.end()) return std::nullopt;
  return it->second;
}

void run_checks(const Context& ctx, const RuleSet& rules, ir::DiagnosticSink& sink) {
  for (const RuleInfo* rule : all_rules()) {
    if (!rule->check || !rule->applies_to(ctx.kind) || !rules.enabled(*rule)) continue;
    Reporter reporter(*rule, sink);
    rule->check(ctx, reporter);
  }
}

namespace {

void finish(const ir::SourceFile& file, frontend::FileKind kind, const RuleSet& rules,
            std::vector<ir::Diagnostic>& diagnostics, const ir::Package* package, bool with_unused) {
  std::erase_if(diagnostics, [&](const ir::Diagnostic& d) { return !rules.enabled(d.rule); });

  const auto suppressions = parse_suppressions(file);
  if (!suppressions.empty()) {
    // used[k][i]: code i of suppression k hid at least one diagnostic.
    std::vector<std::vector<bool>> used(suppressions.size());
    // Codes by the rule id they name (aliases resolved), for the whole file and per line, so
    // matching stays linear in the number of findings.
    struct Code {
      std::size_t k, i;
    };
    std::unordered_map<std::string, std::vector<Code>> whole_file;
    std::unordered_map<std::uint32_t, std::unordered_map<std::string, std::vector<Code>>> by_line;
    for (std::size_t k = 0; k < suppressions.size(); ++k) {
      const auto& s = suppressions[k];
      used[k].assign(s.codes.size(), false);
      if (!s.whole_file && s.covers == 0) continue;
      for (std::size_t i = 0; i < s.codes.size(); ++i) {
        const auto* rule = find_rule(s.codes[i].name);
        std::string id = rule ? std::string(rule->id) : s.codes[i].name;
        (s.whole_file ? whole_file[id] : by_line[s.covers][id]).push_back({k, i});
      }
    }
    auto mark = [&](const std::vector<Code>* codes) {
      if (!codes) return false;
      for (const auto& c : *codes) used[c.k][c.i] = true;
      return !codes->empty();
    };
    std::erase_if(diagnostics, [&](const ir::Diagnostic& d) {
      if (d.range.file != file.id() || d.rule == unused_suppression.id) return false;
      const auto fw = whole_file.find(d.rule);
      bool hidden = mark(fw == whole_file.end() ? nullptr : &fw->second);
      if (const auto line = by_line.find(file.position(d.range.begin).line); line != by_line.end()) {
        const auto it = line->second.find(d.rule);
        hidden |= mark(it == line->second.end() ? nullptr : &it->second);
      }
      return hidden;
    });

    if (with_unused && rules.enabled(unused_suppression)) {
      std::vector<ir::Diagnostic> reports;
      for (std::size_t k = 0; k < suppressions.size(); ++k) {
        const auto& s = suppressions[k];
        if (package && s.covers > 0 && s.error.empty() && !live(*package, file.id(), file.line_start(s.covers)))
          continue;
        std::vector<std::size_t> unused;
        for (std::size_t i = 0; i < s.codes.size(); ++i) {
          if (used[k][i]) continue;
          const auto* rule = find_rule(s.codes[i].name);
          // A rule that does not run here (another target, ignored in the configuration, or
          // not for this file kind) may well be needed elsewhere: only unknown names and
          // rules that ran count as unused.
          // Package-directory findings come later, after this report.
          if (rule && (!rules.enabled(*rule) || !rule->applies_to(kind) || rule == &unused_suppression ||
                       rule->origin == Origin::Package))
            continue;
          unused.push_back(i);
        }
        if (!s.error.empty() || !unused.empty()) report_unused(s, unused, reports);
      }
      // unused-suppression itself can only be hidden for the whole file.
      const bool hidden = whole_file.count(std::string(unused_suppression.id)) > 0;
      for (auto& d : reports)
        if (!hidden) diagnostics.push_back(std::move(d));
    }
  }

  for (auto& d : diagnostics)
    if (auto s = rules.severity(d.rule)) d.severity = *s;
}

}  // namespace

void finish_file(const ir::SourceFile& file, frontend::FileKind kind, const RuleSet& rules,
                 std::vector<ir::Diagnostic>& diagnostics, const ir::Package* package) {
  finish(file, kind, rules, diagnostics, package, true);
}

void filter_late_findings(const ir::SourceFile& file, const RuleSet& rules, std::vector<ir::Diagnostic>& diagnostics) {
  finish(file, frontend::FileKind::Unknown, rules, diagnostics, nullptr, false);
}

}  // namespace katalint::rules
