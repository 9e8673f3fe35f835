// python-deprecated-setuptools: setup.py install / setup.py test and the macros that wrap them.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// %py_install, %py3_install, %python_install, %python3_install, %python312_install.
bool install_macro(std::string_view name) {
  const std::string_view suffix = "_install";
  if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix) return false;
  std::string_view stem = name.substr(0, name.size() - suffix.size());
  if (stem.substr(0, 6) == "python") stem.remove_prefix(6);
  else if (stem.substr(0, 2) == "py") stem.remove_prefix(2);
  else return false;
  for (char c : stem)
    if (c < '0' || c > '9') return false;
  return true;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.shell || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    const ir::Range whole = without_newline(tree, line.line);
    const std::string_view text = tree.text.substr(whole.begin, whole.end - whole.begin);
    if (const std::size_t at = text.find("setup.py test"); at != std::string_view::npos) {
      const auto begin = whole.begin + static_cast<std::uint32_t>(at);
      auto d = out.report({tree.file, begin, begin + 13}, "'setup.py test' is gone from setuptools; run the tests with %pytest");
      // A line that only runs the tests becomes %pytest; anything more stays for the author.
      const std::string_view rest = trim(text.substr(at + 13));
      if (rest.empty() && text.find_first_of(";&|") == std::string_view::npos) {
        const std::size_t indent = text.find_first_not_of(" \t");
        d.fix("run the tests with %pytest", ir::Applicability::Safe,
              {{{tree.file, whole.begin + static_cast<std::uint32_t>(indent), whole.end}, "%pytest"}});
      }
      note_branch(ctx, d, whole.begin);
      return;
    }
    if (const std::size_t at = text.find("setup.py install"); at != std::string_view::npos) {
      const auto begin = whole.begin + static_cast<std::uint32_t>(at);
      auto d = out.report({tree.file, begin, begin + 16},
                          "'setup.py install' is deprecated; build a wheel with %pyproject_wheel and install it with %pyproject_install");
      note_branch(ctx, d, whole.begin);
      return;
    }
    for (NodeId m : tree.all_of(SyntaxKind::MacroRef, line.line)) {
      const std::string_view name = macro_name(tree, m);
      if (!install_macro(name)) continue;
      auto d = out.report(tree.range(m), fmt::format("%{} runs 'setup.py install', which is deprecated; use %pyproject_install", name));
      note_branch(ctx, d, whole.begin);
      return;
    }
  });
}

}  // namespace

extern const RuleInfo python_deprecated_setuptools;  // listed in rules/rules.def
constinit const RuleInfo python_deprecated_setuptools{
    .id = "python-deprecated-setuptools",
    .severity = ir::Severity::Warning,
    .summary = "setup.py install or setup.py test instead of the pyproject macros",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .aliases = "python-setup-install python-setup-test",
    .doc = {.what = R"md(Reports, in build sections and shell scriptlets of any branch, `setup.py install`, the macros that run it (`%py_install`, `%py3_install`, `%python_install`, `%python3_install`, `%pythonNNN_install`) and `setup.py test`. One finding per line.)md",
            .why = R"md(setuptools deprecated `setup.py install` and removed `setup.py test`; the supported way is to build a wheel (`%pyproject_wheel`) and install it (`%pyproject_install`), and to run the tests with `%pytest` or `%pyunittest`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildArch:      noarch

%description
An example package.

%build
%pyproject_wheel

%install
%pyproject_install

%check
%python3 setup.py test

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildArch:      noarch

%description
An example package.

%build
%pyproject_wheel

%install
%pyproject_install

%check
%pytest

%files
)md",
            .fix_safety = R"md(Safe for a line that only runs `setup.py test`: it becomes `%pytest`, which runs the same test suite. `setup.py install` has no fix: the move to wheels also changes `%build` and the BuildRequires.)md",
            .reference = R"md(rpmlint `python-setup-install`, `python-setup-test`; setuptools deprecation notes; Fedora Python packaging guidelines; openSUSE Python packaging (`%pyproject_*`).)md"},
    .check = check,
};

}  // namespace katalint::rules
