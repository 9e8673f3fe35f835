// license-spdx-normalize: a License that is SPDX but not in canonical form.
#include <fmt/core.h>

#include <array>
#include <utility>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// SPDX ids deprecated in license list 3.0 and the ids that replace them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kDeprecated = {{
    {"AGPL-1.0", "AGPL-1.0-only"},      {"AGPL-1.0+", "AGPL-1.0-or-later"}, {"AGPL-3.0", "AGPL-3.0-only"},
    {"AGPL-3.0+", "AGPL-3.0-or-later"}, {"GFDL-1.1", "GFDL-1.1-only"},      {"GFDL-1.1+", "GFDL-1.1-or-later"},
    {"GFDL-1.2", "GFDL-1.2-only"},      {"GFDL-1.2+", "GFDL-1.2-or-later"}, {"GFDL-1.3", "GFDL-1.3-only"},
    {"GFDL-1.3+", "GFDL-1.3-or-later"}, {"GPL-1.0", "GPL-1.0-only"},        {"GPL-1.0+", "GPL-1.0-or-later"},
    {"GPL-2.0", "GPL-2.0-only"},        {"GPL-2.0+", "GPL-2.0-or-later"},   {"GPL-3.0", "GPL-3.0-only"},
    {"GPL-3.0+", "GPL-3.0-or-later"},   {"LGPL-2.0", "LGPL-2.0-only"},      {"LGPL-2.0+", "LGPL-2.0-or-later"},
    {"LGPL-2.1", "LGPL-2.1-only"},      {"LGPL-2.1+", "LGPL-2.1-or-later"}, {"LGPL-3.0", "LGPL-3.0-only"},
    {"LGPL-3.0+", "LGPL-3.0-or-later"},
}};

// Common ids whose case is sometimes wrong; SPDX ids match case-insensitively but have one spelling.
constexpr std::array<std::string_view, 24> kCanonical = {
    "0BSD",         "Apache-1.1",   "Apache-2.0",  "Artistic-1.0", "Artistic-2.0", "BSD-2-Clause",
    "BSD-3-Clause", "BSL-1.0",      "CC0-1.0",     "EPL-1.0",      "EPL-2.0",      "ISC",
    "MIT",          "MPL-1.1",      "MPL-2.0",     "OpenSSL",      "PHP-3.01",     "PSF-2.0",
    "Python-2.0",   "Ruby",         "Unlicense",   "WTFPL",        "Zlib",         "curl",
};

bool is_operator(std::string_view token) {
  return iequals(token, "AND") || iequals(token, "OR") || iequals(token, "WITH");
}

// The canonical spelling of one token, or "" when it is already canonical or unknown.
std::string canonical(std::string_view token) {
  for (std::string_view op : {"AND", "OR", "WITH"})
    if (iequals(token, op) && token != op) return std::string(op);
  for (const auto& [old_id, new_id] : kDeprecated)
    if (iequals(token, old_id)) return std::string(new_id);
  for (std::string_view id : kCanonical)
    if (iequals(token, id) && token != id) return std::string(id);
  return {};
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A token this rule knows to be an SPDX id (after its own fix).
bool known_id(std::string_view token) {
  if (ends_with(token, "-only") || ends_with(token, "-or-later") || ends_with(token, "-exception")) return true;
  for (const auto& [old_id, new_id] : kDeprecated)
    if (iequals(token, old_id)) return true;
  for (std::string_view id : kCanonical)
    if (iequals(token, id)) return true;
  return false;
}

bool is_token_char(char c) { return c != ' ' && c != '\t' && c != '(' && c != ')'; }

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || !tag_is(tree, line.line, "license")) return;
    const NodeId value = tree.child(line.line, SyntaxKind::TagValue);
    // Values built from macros are normalised where the macro is defined.
    if (value == rpmspec::kNoNode || !tree.node(value).is_leaf()) return;
    const std::string_view text = tree.text_of(value);
    const std::uint32_t base = tree.node(value).begin;
    struct Change {
      std::size_t begin, end;
      std::string text;
      bool op;
    };
    std::vector<Change> changes;
    bool ids_changed = false, all_known = true;
    for (std::size_t i = 0; i < text.size();) {
      if (!is_token_char(text[i])) {
        ++i;
        continue;
      }
      const std::size_t b = i;
      while (i < text.size() && is_token_char(text[i])) ++i;
      const std::string_view token = text.substr(b, i - b);
      const bool op = is_operator(token);
      if (!op && !known_id(token)) all_known = false;
      std::string replacement = canonical(token);
      if (replacement.empty()) continue;
      if (!op) ids_changed = true;
      changes.push_back({b, i, std::move(replacement), op});
    }
    // Old Fedora names ("GPLv2+ and BSD") are not SPDX: their operators are left to
    // license-not-spdx unless an id here is being fixed anyway.
    if (!ids_changed && !all_known) return;
    std::vector<ir::Edit> edits;
    std::string fixed;
    std::size_t copied = 0;
    for (const auto& c : changes) {
      edits.push_back({{tree.file, base + static_cast<std::uint32_t>(c.begin), base + static_cast<std::uint32_t>(c.end)},
                       c.text});
      fixed += text.substr(copied, c.begin - copied);
      fixed += c.text;
      copied = c.end;
    }
    if (edits.empty()) return;
    fixed += text.substr(copied);
    out.report(tree.range(value), fmt::format("license '{}' is not in canonical SPDX form: '{}'", text, fixed))
        .fix("use the canonical SPDX spelling", ir::Applicability::Safe, std::move(edits));
  });
}

}  // namespace

extern const RuleInfo license_spdx_normalize;  // listed in rules/rules.def
constinit const RuleInfo license_spdx_normalize{
    .id = "license-spdx-normalize",
    .severity = ir::Severity::Warning,
    .summary = "a License that is SPDX but not in canonical form",
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a `License:` written with SPDX ids in a form that is not canonical: ids deprecated in SPDX license list 3.0 (`GPL-2.0`, `GPL-2.0+`, `LGPL-2.1+`, ...), lower-case operators (`and`, `or`, `with`) and common ids in the wrong case (`mit`, `apache-2.0`). Values that come from macros are not checked here.)md",
            .why = R"md(openSUSE and Fedora both require SPDX expressions and their tools compare them textually; deprecated ids say less than their replacements (`GPL-2.0` does not say whether later versions are allowed).)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        GPL-2.0+ and mit
URL:            https://example.org

%description
An example package.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        GPL-2.0-or-later AND MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: SPDX defines each deprecated id as its replacement (`GPL-2.0` is `GPL-2.0-only`, `GPL-2.0+` is `GPL-2.0-or-later`), and operators and ids match case-insensitively, so the expression means the same.)md",
            .reference = R"md(SPDX License List (deprecated identifiers) and SPDX specification, annex D; openSUSE *Accepted licences*; Fedora *Licensing Guidelines*.)md"},
    .check = check,
};

}  // namespace katalint::rules
