// A Debian build of Go code must build-depend on a Go compiler: Kata's debian.rules put a
// bundled Go on PATH instead, and its debian.control named none (kata-findings 3).
#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "frontend/debian/text.hpp"
#include "frontend/package/directory.hpp"

namespace katalint::frontend {
namespace {

// What in debian/rules says that it builds Go code.
constexpr std::array<std::string_view, 7> kGoBuildMarks = {"GOROOT", "GOPATH",      "DH_GOPKG", "--buildsystem=golang",
                                                            "--with golang", "go build", "go install"};

bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// golang-go, golang-any, golang-1.22-go, gccgo, gccgo-12.
bool go_compiler(std::string_view name) {
  return name == "golang-go" || name == "golang-any" || name == "golang" || name == "gccgo" ||
         starts_with(name, "gccgo-") || (starts_with(name, "golang-") && ends_with(name, "-go"));
}

bool depends_on_go(const ir::Package& p) {
  for (const auto& d : p.build_dependencies) {
    if (d.kind == ir::DepKind::BuildConflicts) continue;
    if (go_compiler(d.name)) return true;
    for (const auto& alt : d.alternatives)
      if (go_compiler(alt.name)) return true;
  }
  return false;
}

// The first Go mark outside a comment, as a range in the rules file.
ir::Range go_mark(const ir::SourceFile& rules) {
  const std::string_view text = rules.text();
  std::size_t line_begin = 0;
  while (line_begin < text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    const std::size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line[first] != '#') {
      for (const std::string_view mark : kGoBuildMarks) {
        const std::size_t at = line.find(mark);
        if (at == std::string_view::npos) continue;
        const auto b = static_cast<std::uint32_t>(line_begin + at);
        return {rules.id(), b, b + static_cast<std::uint32_t>(mark.size())};
      }
    }
    line_begin = line_end + 1;
  }
  return {};
}

}  // namespace

void check_go_build_depends(const PackageDirectory& pd, const ir::SourceManager& sources, ir::DiagnosticSink& sink) {
  const PackageFile* rules = pd.primary_file(FileKind::DebianRules);
  if (rules == nullptr || rules->id == ir::kNoFile || !pd.control) return;
  const ir::Range at = go_mark(sources.file(rules->id));
  if (!at.valid()) return;
  if (depends_on_go(*pd.control)) return;
  const std::string rules_name = std::filesystem::path(rules->path).filename().string();
  const std::string control_name = std::filesystem::path(sources.file(pd.control->file).path()).filename().string();
  const std::string_view mark = sources.file(rules->id).text().substr(at.begin, at.end - at.begin);
  auto& d = sink.report("go-build-depends-missing", ir::Severity::Warning, at,
                        fmt::format("{} builds Go code ('{}') but {} build-depends on no Go compiler; add golang-any "
                                    "(or golang-go) to Build-Depends",
                                    rules_name, mark, control_name));
  for (const auto& f : pd.control->fields) {
    if (debian::iequals(f.name, "Build-Depends")) {
      d.notes.push_back({f.range, "the Build-Depends of the source package"});
      return;
    }
  }
}

}  // namespace katalint::frontend
