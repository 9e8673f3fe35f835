#include "fuzz/targets.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/fix.hpp"
#include "frontend/analyze.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/rpmspec/macro_engine.hpp"
#include "frontend/rpmspec/profile.hpp"
#include "frontend/rpmspec/syntax.hpp"
#include "ir/source.hpp"

namespace katalint::fuzz {
namespace {

using frontend::FileKind;

// A directory that does not exist: relative %include and %{load:} find nothing, so a run
// never depends on the files around it.
constexpr std::string_view kDir = "/nonexistent-katalint-fuzz/";

std::vector<ir::Diagnostic> analyze(ir::SourceManager& sources, ir::FileId id, FileKind kind) {
  frontend::AnalyzeOptions options;
  options.kind = kind;
  ir::DiagnosticSink sink;
  frontend::analyze_file(sources, id, options, sink);
  return std::move(sink.diagnostics());
}

void check_diagnostics(std::string_view target, const ir::SourceManager& sources,
                       const std::vector<ir::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (!d.range.valid()) continue;
    if (d.range.file >= sources.size()) invariant_failed(target, "diagnostic in an unknown file");
    const auto size = sources.file(d.range.file).text().size();
    if (d.range.begin > d.range.end || d.range.end > size)
      invariant_failed(target, "diagnostic range outside its file: " + d.rule);
  }
}

// The whole pipeline (frontend, rules, suppressions) for one file kind, and the lossless
// syntax tree: reprinting it gives the input back.
void run_file(std::string_view target, FileKind kind, std::string_view file_name, std::string_view input) {
  ir::SourceManager sources;
  const ir::FileId id = sources.add(std::string(kDir) + std::string(file_name), std::string(input));
  const auto diagnostics = analyze(sources, id, kind);
  check_diagnostics(target, sources, diagnostics);
  const ir::SourceFile& file = sources.file(id);
  ir::DiagnosticSink sink;
  std::string reprinted;
  if (kind == FileKind::Spec) {
    const auto tree = rpmspec::parse_spec_syntax(file, sink);
    reprinted = rpmspec::reprint(tree);
    (void)rpmspec::to_json(tree).dump();
  } else {
    if (!frontend::debian::read_file(kind, file, file.text(), nullptr, sink, &reprinted))
      invariant_failed(target, "the frontend does not read this kind");
    if (auto json = frontend::debian::query_json(kind, file, file.text(), nullptr, sink)) (void)json->dump();
  }
  if (reprinted != input) invariant_failed(target, "the syntax tree does not reprint the input");
}

// One engine per process, loaded with the default profile; each input gets a copy, which
// shares the frozen profile.
const rpmspec::MacroEngine& profile() {
  static const rpmspec::MacroEngine engine = [] {
    rpmspec::MacroEngine e;
    std::string error;
    if (!rpmspec::profile_engine(rpmspec::kDefaultTarget, e, error)) invariant_failed("macro", error);
    return e;
  }();
  return engine;
}

void run_macro(std::string_view input) {
  ir::DiagnosticSink sink;
  rpmspec::MacroEngine engine = profile();
  engine.set_sink(&sink);
  (void)engine.expand(input);
  // The same text as a macro file, then expanded against what it defined.
  engine.load_macro_file(input);
  (void)engine.expand(input);
}

void run_expression(std::string_view input) {
  ir::DiagnosticSink sink;
  rpmspec::MacroEngine engine = profile();
  engine.set_sink(&sink);
  std::string error;
  (void)rpmspec::evaluate_expression(input, &engine, error);
  (void)rpmspec::evaluate_expression(input, nullptr, error);
}

// What `lint --unsafe-fixes` does: apply, analyse again, repeat until nothing applies.
void run_fix(std::string_view input) {
  constexpr int kMaxPasses = 10;
  std::string text(input);
  ir::SourceManager sources;
  ir::FileId id = sources.add(std::string(kDir) + "fuzz.spec", text);
  auto diagnostics = analyze(sources, id, FileKind::Spec);
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    auto fixed = cli::apply_fixes(text, id, diagnostics, true);
    if (!fixed) break;
    if (fixed->applied == 0 || fixed->applied != fixed->rules.size())
      invariant_failed("fix", "a pass reports no fix applied");
    text = std::move(fixed->text);
    ir::SourceManager next;
    id = next.add(std::string(kDir) + "fuzz.spec", text);
    diagnostics = analyze(next, id, FileKind::Spec);
    check_diagnostics("fix", next, diagnostics);
    sources = std::move(next);
  }
  const std::string diff = cli::unified_diff(input, text, "fuzz.spec");
  if (diff.empty() != (std::string_view(text) == input)) invariant_failed("fix", "the diff disagrees with the text");
}

}  // namespace

void invariant_failed(std::string_view target, std::string_view what) {
  std::fprintf(stderr, "katalint fuzz target %.*s: %.*s\n", static_cast<int>(target.size()), target.data(),
               static_cast<int>(what.size()), what.data());
  std::abort();
}

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"spec", "spec", [](std::string_view in) { run_file("spec", FileKind::Spec, "fuzz.spec", in); }},
      {"control", "control",
       [](std::string_view in) { run_file("control", FileKind::DebianControl, "debian/control", in); }},
      {"changelog", "changelog",
       [](std::string_view in) { run_file("changelog", FileKind::DebianChangelog, "debian/changelog", in); }},
      {"changes", "changes", [](std::string_view in) { run_file("changes", FileKind::SuseChanges, "fuzz.changes", in); }},
      {"service", "service", [](std::string_view in) { run_file("service", FileKind::ObsService, "_service", in); }},
      {"dsc", "dsc", [](std::string_view in) { run_file("dsc", FileKind::Dsc, "fuzz.dsc", in); }},
      {"macro", "spec", run_macro},
      {"expression", "expression", run_expression},
      {"fix", "spec", run_fix},
  };
  return all;
}

const Target* find_target(std::string_view name) {
  for (const auto& t : targets())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace katalint::fuzz
