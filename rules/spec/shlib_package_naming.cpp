// shlib-package-naming: a package shipping versioned shared libraries must be named
// lib<name><soversion> (SUSE shared-library policy).
#include <cctype>
#include <map>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// "libfoo1" for libfoo.so.1*, "libfoo-2_0-0" for libfoo-2.0.so.0, "libfoo2-1" for libfoo2.so.1;
// "" when the path is not a versioned library with a literal name and soversion.
std::string expected_name(std::string_view path) {
  const bool libdir = path.substr(0, 11) == "%{_libdir}/" || path.substr(0, 10) == "/usr/lib64/";
  if (!libdir) return {};
  const std::string_view base = path.substr(path.rfind('/') + 1);
  const std::size_t so = base.find(".so.");
  if (base.substr(0, 3) != "lib" || so == std::string_view::npos || base.find('%') != std::string_view::npos) return {};
  std::string name(base.substr(3, so - 3));
  std::string_view version = base.substr(so + 4);
  std::size_t end = 0;
  while (end < version.size() && std::isdigit(static_cast<unsigned char>(version[end]))) ++end;
  if (end == 0) return {};
  for (char& c : name)
    if (c == '.') c = '_';
  const bool digit_end = !name.empty() && std::isdigit(static_cast<unsigned char>(name.back()));
  return "lib" + name + (digit_end ? "-" : "") + std::string(version.substr(0, end));
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for (NodeId header : section_headers(ctx, "files")) {
    const std::string package = section_package(ctx, header).empty() && ctx.package ? ctx.package->name
                                                                                      : section_package(ctx, header);
    if (package.empty() || package.find('%') != std::string::npos) continue;
    const NodeId section = tree.node(header).parent;
    std::string expected;
    NodeId first_lib = rpmspec::kNoNode, other = rpmspec::kNoNode;
    for (NodeId entry : tree.all_of(SyntaxKind::FileEntry, section)) {
      const std::string_view text = trim(tree.text_of(entry));
      if (text.substr(0, 4) == "%doc" || text.substr(0, 8) == "%license" || text.substr(0, 4) == "%dir") continue;
      bool library = false;
      for (NodeId p : tree.all_of(SyntaxKind::FilePath, entry)) {
        const std::string e = expected_name(trim(tree.text_of(p)));
        if (e.empty()) continue;
        library = true;
        if (first_lib == rpmspec::kNoNode) {
          first_lib = p;
          expected = e;
        }
      }
      if (!library && other == rpmspec::kNoNode) other = entry;
    }
    if (first_lib == rpmspec::kNoNode) continue;
    if (package != expected) {
      auto d = out.report(without_newline(tree, header),
                          fmt::format("the package shipping {} should be named '{}' (SUSE shared-library policy), not '{}'",
                                      trim(tree.text_of(first_lib)), expected, package));
      note_branch(ctx, d, tree.node(header).begin);
    } else if (other != rpmspec::kNoNode) {
      auto d = out.report(tree.range(other), fmt::format("'{}' holds the versioned library; other files belong in another package", package));
      note_branch(ctx, d, tree.node(other).begin);
    }
  }
}

}  // namespace

extern const RuleInfo shlib_package_naming;  // listed in rules/rules.def
constinit const RuleInfo shlib_package_naming{
    .id = "shlib-package-naming",
    .severity = ir::Severity::Warning,
    .summary = "a shared-library package not named after the library and its soversion",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::None,
    .aliases = "shlib-policy-name-error",
    .doc = {.what = R"md(For each `%files` section (any branch) that lists a versioned shared library `%{_libdir}/libNAME.so.N...`, reports a package not named `libNAMEN` (dots become `_`, and a `-` separates a NAME that ends in a digit: `libfoo-2_0-0`, `libfoo2-1`), and otherwise the first file in it that is not a library, documentation or license.)md",
            .why = R"md(openSUSE's shared-library policy names library packages after the soname so that two soversions can be installed side by side during a transition; extra files in the package would conflict between them. rpmlint's `shlib-policy-name-error` fails such packages.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%package -n libexample
Summary:        The example library

%description -n libexample
The example library.

%post -n libexample -p /sbin/ldconfig
%postun -n libexample -p /sbin/ldconfig

%files -n libexample
%{_libdir}/libexample.so.1*
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%package -n libexample1
Summary:        The example library

%description -n libexample1
The example library.

%post -n libexample1 -p /sbin/ldconfig
%postun -n libexample1 -p /sbin/ldconfig

%files -n libexample1
%{_libdir}/libexample.so.1*
)md",
            .fix_safety = R"md(No fix: renaming a package needs Provides/Obsoletes for the old name and a look at its dependants.)md",
            .reference = R"md(openSUSE *Shared library packaging policy*; rpmlint (openSUSE) `shlib-policy-name-error`.)md"},
    .check = check,
};

}  // namespace katalint::rules
