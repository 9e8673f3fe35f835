// nevr-invalid-chars: Name, Version or Release with characters rpm or the distributions reject.
#include <cctype>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool allowed(char c, bool dash) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '+' || c == '~' || c == '^' ||
         (dash && c == '-');
}

// `release` with OBS's counters <CI_CNT> and <B_CNT> replaced by a digit.
std::string without_obs_counters(std::string_view release) {
  std::string out;
  for (std::size_t i = 0; i < release.size();) {
    if (release.substr(i, 8) == "<CI_CNT>") {
      out += '1';
      i += 8;
    } else if (release.substr(i, 7) == "<B_CNT>") {
      out += '1';
      i += 7;
    } else {
      out += release[i++];
    }
  }
  return out;
}

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package) return;
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || !line.section.empty()) return;
    const std::string_view tag = line.tag;
    const std::string* value = tag == "name"      ? &ctx.package->name
                               : tag == "version" ? &ctx.package->version
                               : tag == "release" ? &ctx.package->release
                                                  : nullptr;
    if (!value) return;
    // rpm may have rejected the value itself; then the value as written is checked.
    std::string raw;
    if (value->empty()) {
      raw = std::string(trim(tag_value(tree, line.line)));
      value = &raw;
    }
    // Macros and template placeholders (@VERSION@) are not values yet.
    if (value->empty() || value->find_first_of("%$@") != std::string::npos) return;
    // Only the line rpm used: a tag in a branch the target does not take has another value.
    if (in_untaken_branch(ctx, tree.node(line.line).begin)) return;
    const NodeId value_node = tree.child(line.line, SyntaxKind::TagValue);
    const ir::Range where = value_node != rpmspec::kNoNode ? tree.range(value_node) : without_newline(tree, line.line);
    const bool dash = tag == "name";
    // OBS fills <CI_CNT> and <B_CNT> in Release with its counters before rpm reads the spec.
    const std::string checked = tag == "release" ? without_obs_counters(*value) : *value;
    for (char c : checked) {
      if (allowed(c, dash)) continue;
      const std::string shown = c == '-' ? "'-'" : c == ' ' || c == '\t' ? "a blank" : fmt::format("'{}'", c);
      out.report(where, fmt::format("{} '{}' contains {}; use only letters, digits and . _ + ~ ^{}",
                                    tree.text_of(tree.child(line.line, SyntaxKind::TagName)), *value, shown,
                                    dash ? " -" : ""));
      return;
    }
    if (tag == "version" && !std::isdigit(static_cast<unsigned char>(value->front()))) {
      out.report(where, fmt::format("Version '{}' does not start with a digit; version comparison will surprise", *value))
          .severity(ir::Severity::Warning);
    }
  });
}

}  // namespace

extern const RuleInfo nevr_invalid_chars;  // listed in rules/rules.def
constinit const RuleInfo nevr_invalid_chars{
    .id = "nevr-invalid-chars",
    .severity = ir::Severity::Error,
    .summary = "a Name, Version or Release with characters rpm or the distributions reject",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "invalid-version",
    .doc = {.what = R"md(Reports the main package's `Name`, `Version` and `Release`, as evaluated for the target, when they contain anything but letters, digits and `. _ + ~ ^` (Name may also contain `-`), and (as a warning) a Version that does not start with a digit. Values that stay unknown macros or template placeholders are not checked, and OBS's `<CI_CNT>` and `<B_CNT>` counters in Release count as digits, since OBS replaces them before rpm reads the spec.)md",
            .why = R"md(rpm rejects `-` in Version and Release, since it separates them; blanks and other characters break dependency parsing or are refused by the build services. openSUSE's versioning guidelines say to replace anything else by a dot (the tilde sorts before, the caret after).)md",
            .example = R"md(Name:           example
Version:        1.0-rc1
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0~rc1
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: `-rc1` may become `~rc1` (sorts before 1.0) or `.rc1` (after); the author chooses.)md",
            .reference = R"md(rpm (illegal characters in Version and Release); openSUSE *Package versioning guidelines*; rpmlint `invalid-version` (built packages).)md"},
    .check = check,
};

}  // namespace katalint::rules
