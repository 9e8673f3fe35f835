#include "fuzz/targets.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/fix.hpp"
#include "frontend/debian/control.hpp"
#include "frontend/debian/deb822.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/file_kind.hpp"
#include "frontend/rpmspec/evaluator.hpp"
#include "frontend/rpmspec/macro_engine.hpp"
#include "frontend/rpmspec/profile.hpp"
#include "frontend/rpmspec/syntax.hpp"
#include "ir/source.hpp"
#include "rules/spec/shell_syntax.hpp"

namespace katalint::fuzz {
namespace {

using frontend::FileKind;

// A directory that does not exist: relative %include and %{load:} find nothing, so a run
// never depends on the files around it.
constexpr std::string_view kDir = "/nonexistent-katalint-fuzz/";

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

// A frontend: the evaluated IR (the spec evaluator with the default profile; the Debian
// and OBS readers), the query view, and the lossless syntax tree, which must reprint the
// input byte for byte. The rules are not part of the fuzz build: they run over the corpus
// and the hostile-input catalogue under the sanitizers instead.
void run_file(std::string_view target, FileKind kind, std::string_view file_name, std::string_view input) {
  ir::SourceManager sources;
  const ir::FileId id = sources.add(std::string(kDir) + std::string(file_name), std::string(input));
  const ir::SourceFile& file = sources.file(id);
  ir::DiagnosticSink sink;
  std::string reprinted;
  if (kind == FileKind::Spec) {
    rpmspec::EvaluateOptions options;
    options.source_dir = std::string(kDir);
    (void)rpmspec::evaluate_spec(sources, file, file.text(), nullptr, rpmspec::kDefaultTarget, options, sink);
    const auto tree = rpmspec::parse_spec_syntax(file, sink);
    reprinted = rpmspec::reprint(tree);
    (void)rpmspec::to_json(tree).dump();
  } else {
    if (!frontend::debian::read_file(kind, file, file.text(), nullptr, sink, &reprinted))
      invariant_failed(target, "the frontend does not read this kind");
    if (auto json = frontend::debian::query_json(kind, file, file.text(), nullptr, sink)) (void)json->dump();
    if (kind == FileKind::DebianControl || kind == FileKind::Dsc) {
      const auto flavor = kind == FileKind::Dsc ? frontend::debian::Deb822Flavor::Dsc : frontend::debian::Deb822Flavor::Control;
      const auto doc = frontend::debian::parse_deb822(file, flavor, sink);
      (void)frontend::debian::control_to_ir(doc, file, sink);
    }
  }
  check_diagnostics(target, sources, sink.diagnostics());
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

// The scriptlet shell syntax check (rules/spec/shell_syntax.hpp): the input as a script, and
// again with its first bytes opaque (as masked macros are). An error lies in the input, and
// checking the same script twice gives the same answer.
void run_shell(std::string_view input) {
  const rules::shell::OpaqueRanges none;
  const auto first = rules::shell::check_shell_syntax(input, none);
  const rules::shell::OpaqueRanges some = {{0, static_cast<std::uint32_t>(std::min<std::size_t>(input.size(), 8))}};
  const auto second = rules::shell::check_shell_syntax(input, some);
  for (const auto* r : {&first, &second}) {
    if (r->verdict != rules::shell::Verdict::Error) continue;
    const auto& e = r->error;
    if (e.begin > e.end || e.end > input.size() || e.note_begin > e.note_end || e.note_end > input.size())
      invariant_failed("shell", "an error range outside the script");
    if (e.message.empty()) invariant_failed("shell", "an error without a message");
  }
  const auto again = rules::shell::check_shell_syntax(input, none);
  if (again.verdict != first.verdict || again.error.begin != first.error.begin)
    invariant_failed("shell", "two checks of one script disagree");
}

// The fix applier on arbitrary fixes: the input is a text, then fixes of random edits, so
// overlapping, touching, empty, out-of-range and cross-file edits all occur. Nothing may
// crash, and the diff must agree with the result.
void run_fix(std::string_view input) {
  const auto split = input.find('\0');
  const std::string_view text = input.substr(0, split);
  std::string_view rest = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
  auto next_byte = [&rest]() -> unsigned {
    if (rest.empty()) return 0;
    const auto c = static_cast<unsigned char>(rest.front());
    rest.remove_prefix(1);
    return c;
  };
  auto next_offset = [&]() -> std::uint32_t {
    const unsigned v = next_byte() | (next_byte() << 8);
    return static_cast<std::uint32_t>(v % (text.size() + 2));  // one past the end is out of range
  };
  std::vector<ir::Diagnostic> diagnostics;
  while (!rest.empty() && diagnostics.size() < 64) {
    ir::Diagnostic d;
    d.rule = "fuzz-" + std::to_string(next_byte() % 4);
    ir::Fix fix;
    fix.applicability = static_cast<ir::Applicability>(next_byte() % 3);
    const unsigned edits = next_byte() % 4;
    for (unsigned e = 0; e < edits; ++e) {
      ir::Edit edit;
      const unsigned flags = next_byte();
      edit.range.file = (flags & 0x80) ? 1 : 0;
      edit.range.begin = next_offset();
      edit.range.end = (flags & 0x40) ? edit.range.begin : next_offset();
      edit.replacement = std::string(flags & 0x7, static_cast<char>('a' + (flags >> 3 & 0x7)));
      fix.edits.push_back(std::move(edit));
    }
    d.fix = std::move(fix);
    diagnostics.push_back(std::move(d));
  }
  for (const bool unsafe : {false, true}) {
    const auto pass = cli::apply_fixes(text, 0, diagnostics, unsafe);
    if (!pass) continue;
    if (pass->applied == 0 || pass->applied != pass->rules.size()) invariant_failed("fix", "a pass applied no fix");
    const std::string diff = cli::unified_diff(text, pass->text, "fuzz.spec");
    if (diff.empty() != (pass->text == text)) invariant_failed("fix", "the diff disagrees with the text");
  }
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
      {"fix", "fix", run_fix},
      {"shell", "spec", run_shell},
  };
  return all;
}

const Target* find_target(std::string_view name) {
  for (const auto& t : targets())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace katalint::fuzz
