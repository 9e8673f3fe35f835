// preamble-style: the SUSE preamble layout spec-cleaner writes: canonical tag names, values
// in column 17, one dependency per line.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

constexpr std::string_view kCanonical[] = {
    "Name", "Version", "Release", "Epoch", "Summary", "License", "URL", "Group", "Source", "Patch", "BuildRequires",
    "BuildConflicts", "BuildArch", "BuildRoot", "Requires", "Provides", "Obsoletes", "Conflicts", "Recommends",
    "Suggests", "Supplements", "Enhances", "OrderWithRequires", "ExclusiveArch", "ExcludeArch", "ExclusiveOS",
    "ExcludeOS", "Prefix", "Packager", "Vendor", "Distribution", "AutoReq", "AutoProv", "AutoReqProv", "NoSource",
    "NoPatch", "Icon", "BuildSystem", "VCS", "DistTag", "BugURL", "ModularityLabel", "RemovePathPostfixes"};

constexpr std::uint32_t kValueColumn = 17;

// The canonical spelling of a tag name ("Source12" for "source12") into `out`; false when unknown.
bool canonical(std::string_view written, std::string& out) {
  for (std::string_view c : kCanonical) {
    if (!iequals(written, c)) continue;
    out = c;
    return true;
  }
  for (std::string_view c : {std::string_view("Source"), std::string_view("Patch")}) {
    if (written.size() <= c.size() || !iequals(written.substr(0, c.size()), c) ||
        written.find_first_not_of("0123456789", c.size()) != std::string_view::npos)
      continue;
    out = c;
    out += written.substr(c.size());
    return true;
  }
  return false;
}

bool dependency_tag(std::string_view name) {
  for (std::string_view t : {"buildrequires", "requires", "provides", "obsoletes", "conflicts", "recommends", "suggests",
                             "supplements", "enhances", "buildconflicts"})
    if (iequals(name, t)) return true;
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  std::string fixed_name, expected;  // reused from line to line
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || (!line.section.empty() && line.section != "package")) return;
    const NodeId name = tree.child(line.line, SyntaxKind::TagName);
    const NodeId value = tree.child(line.line, SyntaxKind::TagValue);
    if (name == rpmspec::kNoNode || value == rpmspec::kNoNode) return;
    const std::uint32_t begin = tree.node(name).begin, value_begin = tree.node(value).begin;
    // The tag must start its line for the column to mean anything.
    if (begin != tree.node(line.line).begin || !canonical(tree.text_of(name), fixed_name)) return;
    const NodeId qualifier = tree.child(line.line, SyntaxKind::TagQualifier);
    expected = fixed_name;
    if (qualifier != rpmspec::kNoNode) expected += tree.text_of(qualifier);
    expected += ':';
    expected.append(expected.size() + 1 < kValueColumn ? kValueColumn - 1 - expected.size() : 1, ' ');
    const std::string_view written = tree.text.substr(begin, value_begin - begin);
    if (written != expected) {
      const ir::Range prefix{tree.file, begin, value_begin};
      const bool renamed = tree.text_of(name) != fixed_name;
      auto d = out.report(prefix, renamed ? fmt::format("write the tag as '{}' with its value in column {}", fixed_name, kValueColumn)
                                          : fmt::format("align the value of {} to column {}", fixed_name, kValueColumn));
      d.fix("use the SUSE layout", ir::Applicability::Safe, {{prefix, expected}});
      note_branch(ctx, d, begin);
    }
    // One dependency per line, when the line holds only plain dependencies.
    if (!dependency_tag(tree.text_of(name))) return;
    const auto deps = tree.all_of(SyntaxKind::Dependency, line.line);
    if (deps.size() < 2 || tree.text_of(value).find_first_of(",(%") != std::string_view::npos) return;
    // 'a >=1' or 'a<= 1' is one broken dependency to rpm, not two (comparison-operator-in-deptoken).
    for (NodeId dep : deps) {
      const std::string_view text = trim(tree.text_of(dep));
      if (text.empty() || text.find_first_of("<>=") == 0) return;
      for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find_first_of(" \t", at), text.size());
        const std::string_view word = text.substr(at, end - at);
        if (word.find_first_of("<>=") != std::string_view::npos && word.find_first_not_of("<>=") != std::string_view::npos)
          return;
        at = text.find_first_not_of(" \t", end);
        if (at == std::string_view::npos) break;
      }
    }
    std::string lines;
    for (NodeId dep : deps) lines += expected + std::string(trim(tree.text_of(dep))) + "\n";
    lines.pop_back();
    auto d = out.report(tree.range(value), fmt::format("{} dependencies on one line; the SUSE layout has one per line", deps.size()));
    d.fix("one dependency per line", ir::Applicability::Safe, {{without_newline(tree, line.line), lines}});
    note_branch(ctx, d, begin);
  });
}

}  // namespace

extern const RuleInfo preamble_style;  // listed in rules/rules.def
constinit const RuleInfo preamble_style{
    .id = "preamble-style",
    .severity = ir::Severity::Info,
    .summary = "a preamble tag not in the SUSE layout: canonical name, value in column 17, one dependency per line",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports, in the preamble and `%package` sections (any branch), a known tag written in another case than rpm's canonical one (`URL`, `BuildRequires`, `Source12`), a value that does not start in column 17 (one blank after longer tag names), and a dependency tag with several plain dependencies on one line.)md",
            .why = R"md(This is the layout spec-cleaner and format_spec_file write for openSUSE; specs in it diff cleanly against formatted ones, and one dependency per line keeps changes to one line each.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
Url: https://example.org
BuildRequires:  gcc make

%description
An example package.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  gcc
BuildRequires:  make

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: rpm reads tag names case-insensitively and ignores the blanks before a value, and `BuildRequires: a b` means the same as one line per dependency. Lines with versions after commas, rich dependencies or macros are not split.)md",
            .reference = R"md(spec-cleaner and obs-service-format_spec_file output; openSUSE *Specfile guidelines*.)md"},
    .check = check,
};

}  // namespace katalint::rules
