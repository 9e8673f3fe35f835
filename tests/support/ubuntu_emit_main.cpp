// Test driver for the Ubuntu backend until `katalint convert` calls it: evaluates one spec
// (template placeholders filled from --values) and writes the emitted files under -o DIR.
// Diagnostics go to stdout as `path:line:col: severity: message [rule]`, sorted.
//
//   katalint_ubuntu_emit [--values FILE] [--target T] [--release R] [--layout obs]
//                        [--obs-build-counter N] -o DIR SPEC
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "backends/ubuntu/ubuntu.hpp"
#include "frontend/analyze.hpp"
#include "frontend/placeholders.hpp"

using namespace katalint;
namespace fs = std::filesystem;

namespace {

int usage() {
  std::cerr << "usage: katalint_ubuntu_emit [--values FILE] [--target T] [--release R] [--layout obs] "
               "[--obs-build-counter N] -o DIR SPEC\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string values_path, out_dir, spec_path, counter;
  frontend::AnalyzeOptions options;
  options.target = "rpm";  // upstream rpm: no distribution's %if branch is taken
  backends::ubuntu::Options emit_options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
    if (arg == "--values") values_path = next();
    else if (arg == "--target") options.target = next();
    else if (arg == "--release") emit_options.release = next();
    else if (arg == "--layout") emit_options.obs_layout = next() == "obs";
    else if (arg == "--obs-build-counter") counter = next();
    else if (arg == "-o") out_dir = next();
    else if (!arg.empty() && arg[0] != '-' && spec_path.empty()) spec_path = arg;
    else return usage();
  }
  if (out_dir.empty() || spec_path.empty()) return usage();

  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  std::string error;
  if (!values_path.empty()) {
    auto id = sources.load(values_path, error);
    if (!id) {
      std::cerr << values_path << ": " << error << "\n";
      return 2;
    }
    options.placeholders = frontend::parse_values_file(sources.file(*id), sink);
  }
  std::ifstream in(spec_path, std::ios::binary);
  if (!in) {
    std::cerr << spec_path << ": cannot read\n";
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  // OBS replaces <B_CNT> with the build counter on the server; rpm alone rejects it.
  if (!counter.empty())
    for (std::size_t at = text.find("<B_CNT>"); at != std::string::npos; at = text.find("<B_CNT>", at))
      text.replace(at, 7, counter);
  const ir::FileId file = sources.add(spec_path, text);
  ir::DiagnosticSink spec_sink;  // the spec's own findings belong to `katalint lint`
  const ir::Package package = frontend::evaluate_spec_file(sources, file, options, spec_sink);
  for (const auto& d : spec_sink.diagnostics())
    if (d.severity == ir::Severity::Error) sink.add(d);

  const auto files = backends::ubuntu::emit(package, sources, emit_options, sink);
  for (const auto& f : files) {
    const fs::path target = fs::path(out_dir) / f.path;
    fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    out << f.content;
    out.close();
    if (f.executable)
      fs::permissions(target, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                      fs::perm_options::add);
  }
  auto& diagnostics = sink.diagnostics();
  ir::sort_diagnostics(diagnostics, sources);
  for (const auto& d : diagnostics) {
    if (d.range.valid()) {
      const auto& f = sources.file(d.range.file);
      const auto pos = f.position(d.range.begin);
      std::cout << fs::path(f.path()).filename().string() << ":" << pos.line << ":" << pos.column << ": ";
    }
    std::cout << ir::to_string(d.severity) << ": " << d.message << " [" << d.rule << "]\n";
  }
  return 0;
}
