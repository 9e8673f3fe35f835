#include "rules/docs.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "rules/registry.hpp"

namespace katalint::rules {
namespace {

// Fences must be longer than any backtick run in the example.
std::string fence_for(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

// Bytes that are not valid UTF-8 are shown as \xNN so the page stays text.
std::string printable(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    // Control characters other than tab and newline are shown escaped too.
    if (ok && len == 1 && ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)) ok = false;
    if (!ok) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

std::string code_block(std::string_view text, std::string_view file) {
  const std::string shown = printable(text);
  const std::string fence = fence_for(shown);
  std::string lang = file.find(".spec") != std::string_view::npos ? "spec" : file.find(".json") != std::string_view::npos ? "json" : "";
  std::string out = fence + lang + "\n" + shown;
  if (!shown.empty() && shown.back() != '\n') out += '\n';
  return out + fence + "\n";
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string doc_path(std::string_view id) { return fmt::format("docs/rules/{}.md", id); }

std::string example_file(const RuleInfo& rule) {
  if (!rule.doc.example_file.empty()) return std::string(rule.doc.example_file);
  return "example.spec";
}

std::string example_target(const RuleInfo& rule) {
  if (!rule.doc.example_target.empty()) return std::string(rule.doc.example_target);
  if (rule.origin != Origin::Check || rule.families == kAllFamilies) return std::string(default_target(Family::Suse));
  if (rule.families & kSuse) return std::string(default_target(Family::Suse));
  if (rule.families & kFedora) return std::string(default_target(Family::Fedora));
  return std::string(default_target(Family::Ubuntu));
}

std::string describe_families(FamilyMask families) {
  if (families == kAllFamilies) return "all";
  std::string out;
  for (auto [bit, name] : {std::pair{kSuse, "suse"}, std::pair{kFedora, "fedora"}, std::pair{kUbuntu, "ubuntu"}}) {
    if (!(families & bit)) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string describe_kinds(KindMask kinds) {
  if (kinds == kAnyFile) return "any";
  std::string out;
  for (unsigned k = 0; k < 32; ++k) {
    if (!(kinds & (1u << k))) continue;
    if (!out.empty()) out += ", ";
    out += frontend::to_string(static_cast<frontend::FileKind>(k));
  }
  return out;
}

std::string render_markdown(const RuleInfo& rule) {
  const RuleDoc& doc = rule.doc;
  std::string out = fmt::format("# {}\n\n{}\n\n", rule.id, rule.summary);
  out += fmt::format("- Severity: {}\n", ir::to_string(rule.severity));
  out += fmt::format("- Files: {}\n", describe_kinds(rule.kinds));
  if (rule.origin == Origin::Check)
    out += fmt::format("- Targets: {}\n", describe_families(rule.families));
  else if (rule.origin == Origin::Package && rule.families != kAllFamilies)
    out += fmt::format("- Reported by: the package-directory checks, for targets: {}\n",
                       describe_families(rule.families));
  else
    out += fmt::format("- Reported by: {} (always on unless ignored)\n",
                       rule.origin == Origin::Frontend  ? "the frontend"
                       : rule.origin == Origin::Package ? "the package-directory checks"
                                                        : "the lint engine");
  out += fmt::format("- Fix: {}\n", to_string(rule.fix));
  if (!rule.aliases.empty()) {
    std::string aliases(rule.aliases);
    for (std::size_t p = aliases.find(' '); p != std::string::npos; p = aliases.find(' ', p + 3))
      aliases.replace(p, 1, "`, `");
    out += fmt::format("- Also selected by: `{}`\n", aliases);
  }
  const std::string file = example_file(rule);
  out += fmt::format("\n## What it does\n\n{}\n", trim_end(doc.what));
  out += fmt::format("\n## Why\n\n{}\n", trim_end(doc.why));
  out += fmt::format("\n## Example\n\n`{}`", file);
  if (!doc.example_target.empty()) out += fmt::format(", with `--target {}`", doc.example_target);
  out += ":\n\n" + code_block(doc.example, file);
  out += "\n## Use instead\n\n" + code_block(doc.use_instead, file);
  if (!doc.not_runnable.empty())
    out += fmt::format("\nThese examples are not run by the test suite: {}.\n", doc.not_runnable);
  out += fmt::format("\n## Fix safety\n\n{}\n", trim_end(doc.fix_safety));
  out += fmt::format("\n## Reference\n\n{}\n", trim_end(doc.reference));
  return out;
}

std::string render_index() {
  std::string out =
      "# Rules\n\n"
      "Generated from the registry by `katalint rules --write-docs docs/rules`; do not edit.\n"
      "`katalint explain ID` prints the same pages.\n\n"
      "| id | severity | targets | fix | summary |\n| --- | --- | --- | --- | --- |\n";
  for (const RuleInfo* r : all_rules()) {
    const std::string targets = r->origin == Origin::Check ? describe_families(r->families) : "all";
    out += fmt::format("| [{}]({}.md) | {} | {} | {} | {} |\n", r->id, r->id, ir::to_string(r->severity), targets,
                       to_string(r->fix), r->summary);
  }
  return out;
}

}  // namespace katalint::rules
