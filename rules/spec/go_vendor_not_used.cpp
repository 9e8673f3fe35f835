// go-vendor-not-used: vendor.tar.* declared but not unpacked in %prep, or go build without
// -mod=vendor while it is.
#include <cctype>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool vendor_archive(std::string_view value) {
  const std::size_t slash = value.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? value : value.substr(slash + 1);
  return base.substr(0, 11) == "vendor.tar." || base == "vendor.tgz" || base.substr(0, 7) == "vendor.";
}

// True when `args` of %setup/%autosetup unpacks source `n` with -a or -b.
bool unpacks(std::string_view args, int n) {
  const std::string num = std::to_string(n);
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] != '-' || (i > 0 && args[i - 1] != ' ' && args[i - 1] != '\t')) continue;
    std::size_t j = i + 1;
    while (j < args.size() && std::isalpha(static_cast<unsigned char>(args[j]))) {
      const char c = args[j++];
      if (c != 'a' && c != 'b') continue;
      while (j < args.size() && args[j] == ' ') ++j;
      std::size_t k = j;
      while (k < args.size() && std::isdigit(static_cast<unsigned char>(args[k]))) ++k;
      if (args.substr(j, k - j) == num) return true;
      break;
    }
  }
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  NodeId vendor_tag = rpmspec::kNoNode;
  int vendor_number = -1;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (vendor_tag != rpmspec::kNoNode || tree.kind(line.line) != SyntaxKind::Tag || !line.section.empty()) return;
    const std::string_view name = line.tag;
    if (name.substr(0, 6) != "source" || !vendor_archive(trim(tag_value(tree, line.line)))) return;
    const std::string digits(name == "source" ? "0" : name.substr(6));
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return;
    vendor_tag = line.line;
    vendor_number = std::stoi(digits);
  });
  if (vendor_tag == rpmspec::kNoNode) return;
  bool unpacked = false;
  NodeId setup_macro = rpmspec::kNoNode, setup_line = rpmspec::kNoNode;
  std::vector<std::pair<NodeId, NodeId>> go_builds;  // (line, offset node) of go build without -mod=vendor
  bool goflags_vendor = ctx.file.text().find("-mod=vendor") != std::string_view::npos &&
                        ctx.file.text().find("GOFLAGS") != std::string_view::npos;
  const std::string source_ref = fmt::format("SOURCE{}", vendor_number);
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::BodyLine || !line.build_section) return;
    const ir::Range r = without_newline(tree, line.line);
    const std::string_view text = tree.text.substr(r.begin, r.end - r.begin);
    if (line.section == "prep") {
      const NodeId m = leading_macro(tree, line.line);
      if (m != rpmspec::kNoNode && (macro_name(tree, m) == "setup" || macro_name(tree, m) == "autosetup")) {
        if (unpacks(tree.text.substr(tree.node(m).end, r.end - tree.node(m).end), vendor_number)) unpacked = true;
        if (setup_macro == rpmspec::kNoNode) {
          setup_macro = m;
          setup_line = line.line;
        }
      }
      if (text.find(source_ref) != std::string_view::npos || text.find(fmt::format("%{{S:{}}}", vendor_number)) != std::string_view::npos)
        unpacked = true;  // tar xf %{SOURCE1}, cp %{SOURCE1} ..., %{S:1}
    }
    const std::size_t at = text.find("go build");
    if (at != std::string_view::npos && text.find("-mod=vendor") == std::string_view::npos && trim(text).substr(0, 1) != "#")
      go_builds.emplace_back(line.line, static_cast<NodeId>(r.begin + at));
  });
  if (!unpacked) {
    auto d = out.report(without_newline(tree, vendor_tag),
                        fmt::format("Source{} is the vendored Go modules, but %prep never unpacks it; the build would need the network",
                                    vendor_number));
    if (setup_macro != rpmspec::kNoNode) {
      const std::uint32_t at = without_newline(tree, setup_line).end;
      d.fix(fmt::format("unpack it with -a {}", vendor_number), ir::Applicability::Safe,
            {{{tree.file, at, at}, fmt::format(" -a {}", vendor_number)}});
    }
    note_branch(ctx, d, tree.node(vendor_tag).begin);
  }
  if (goflags_vendor) return;
  for (const auto& [line, offset] : go_builds) {
    const ir::Range command{tree.file, offset, offset + 8};
    auto d = out.report(command, "go build without -mod=vendor while the spec ships vendored modules");
    d.fix("add -mod=vendor", ir::Applicability::Safe, {{{tree.file, command.end, command.end}, " -mod=vendor"}});
    note_branch(ctx, d, tree.node(line).begin);
  }
}

}  // namespace

extern const RuleInfo go_vendor_not_used;  // listed in rules/rules.def
constinit const RuleInfo go_vendor_not_used{
    .id = "go-vendor-not-used",
    .severity = ir::Severity::Warning,
    .summary = "a vendor tarball that is not unpacked, or go build that does not use it",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(For a spec with a `SourceN: vendor.tar.*` (what obs-service-go_modules writes): reports the source when `%prep` does not unpack it (`%setup`/`%autosetup -a N` or `-b N`, or any use of `%{SOURCEN}` in `%prep`), and each `go build` in a build section without `-mod=vendor` when no `GOFLAGS` sets it.)md",
            .why = R"md(OBS builds offline: without the vendored modules unpacked and used, `go build` tries to download them and fails, or builds with whatever the builder has cached.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Source1:        vendor.tar.gz

%description
An example package.

%prep
%setup -q

%build
go build -buildmode=pie -o example .

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Source1:        vendor.tar.gz

%description
An example package.

%prep
%setup -q -a 1

%build
go build -mod=vendor -buildmode=pie -o example .

%files
)md",
            .fix_safety = R"md(Safe: `-a N` unpacks the vendor directory into the source tree, where `-mod=vendor` makes go use it, which is what the source is there for.)md",
            .reference = R"md(obs-service-go_modules manual; openSUSE *Packaging Go*.)md"},
    .check = check,
};

}  // namespace katalint::rules
