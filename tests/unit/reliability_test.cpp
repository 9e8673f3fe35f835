// Limits by design (docs/reliability.md): bounded reads, refused special files, size limits
// per file kind, and the lookups that keep big files linear.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "frontend/analyze.hpp"
#include "frontend/file_kind.hpp"
#include "frontend/rpmspec/dependencies.hpp"
#include "frontend/rpmspec/evaluator.hpp"
#include "frontend/rpmspec/syntax.hpp"
#include "ir/source.hpp"
#include "tests/support/catch.hpp"

namespace {

using namespace katalint;
namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "katalint-reliability-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

const std::string kHead = "Name: demo\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nd\n";

bool has_rule(const ir::DiagnosticSink& sink, std::string_view rule) {
  for (const auto& d : sink.diagnostics())
    if (d.rule == rule) return true;
  return false;
}

// The deepest node containing `offset`, found the slow way: down from the root.
rpmspec::NodeId node_at_by_descent(const rpmspec::SyntaxTree& tree, std::uint32_t offset) {
  rpmspec::NodeId at = 0;
  for (;;) {
    rpmspec::NodeId next = rpmspec::kNoNode;
    for (rpmspec::NodeId c = tree.node(at).first_child; c != rpmspec::kNoNode; c = tree.node(c).next_sibling)
      if (tree.node(c).begin <= offset && offset < tree.node(c).end) {
        next = c;
        break;
      }
    if (next == rpmspec::kNoNode) return at;
    at = next;
  }
}

}  // namespace

TEST_CASE("files are read up to a limit, and only regular files", "[reliability]") {
  TempDir dir;
  std::string error;
  const auto small = dir.write("small.spec", "Name: x\n");
  CHECK(ir::read_regular_file(small.string(), 100, error) == std::optional<std::string>("Name: x\n"));
  CHECK_FALSE(ir::read_regular_file(small.string(), 7, error));
  CHECK(error == "file is larger than the 7 bytes limit");

  const auto fifo = dir.path / "fifo.spec";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(ir::read_regular_file(fifo.string(), 100, error));  // would block forever if opened
  CHECK(error == "not a regular file");

  CHECK_FALSE(ir::read_regular_file("/dev/zero", 100, error));
  CHECK(error == "not a regular file");
  fs::create_symlink("/dev/zero", dir.path / "zero.spec");
  CHECK_FALSE(ir::read_regular_file((dir.path / "zero.spec").string(), 100, error));
  CHECK(error == "not a regular file");
  CHECK_FALSE(ir::read_regular_file(dir.path.string(), 100, error));
  CHECK(error == "is a directory");
  CHECK_FALSE(ir::read_regular_file((dir.path / "missing").string(), 100, error));
  CHECK(error == "No such file or directory");

  // /proc files report a size of 0 and may fail to read: neither is a crash.
  if (fs::exists("/proc/self/mem")) {
    CHECK_FALSE(ir::read_regular_file("/proc/self/mem", 100, error));
    const auto status = ir::read_regular_file("/proc/self/status", 1u << 20, error);
    REQUIRE(status);
    CHECK(status->find("Name:") != std::string::npos);
  }

  ir::SourceManager sources;
  CHECK_FALSE(sources.load(fifo.string(), error));
  CHECK(error == "not a regular file");
  CHECK(sources.load(small.string(), error, {}, 8));
  CHECK_FALSE(sources.load(small.string(), error, {}, 7));
}

TEST_CASE("each file kind has a size limit", "[reliability]") {
  using frontend::FileKind;
  CHECK(frontend::max_file_size(FileKind::Spec) == rpmspec::kMaxSpecSize);
  CHECK(frontend::max_file_size(FileKind::SuseChanges) == 8u * 1024u * 1024u);
  CHECK(frontend::max_file_size(FileKind::DebianControl) == 4u * 1024u * 1024u);
  CHECK(frontend::max_file_size(FileKind::Unknown) == ir::SourceManager::kMaxFileSize);
  CHECK(ir::format_size(2u * 1024u * 1024u) == "2 MiB");
}

TEST_CASE("%include and %{load:} refuse special files and stop at a total size", "[reliability]") {
  TempDir dir;
  const auto fifo = dir.path / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string big(rpmspec::kMaxSpecSize / 2 + 1, '#');
  dir.write("big.inc", big + "\n");
  const auto spec = dir.write("x.spec", kHead + "%include pipe\n%include /dev/zero\n%{load:/dev/zero}\n"
                                                "%include big.inc\n%include big.inc\n%files\n");
  ir::SourceManager sources;
  std::string error;
  const auto id = sources.load(spec.string(), error);
  REQUIRE(id);
  ir::DiagnosticSink sink;
  frontend::AnalyzeOptions options;
  (void)frontend::evaluate_spec_file(sources, *id, options, sink);
  std::vector<std::string> messages;
  for (const auto& d : sink.diagnostics())
    if (d.rule == "missing-include" || d.rule == "macro-load-failed") messages.push_back(d.message);
  REQUIRE(messages.size() == 4);
  CHECK(messages[0] == "unable to open pipe: not a regular file");
  CHECK(messages[1] == "unable to open /dev/zero: not a regular file");
  CHECK(messages[2] == "failed to load macro file /dev/zero");
  CHECK(messages[3] == "unable to open big.inc: the included files would exceed 2 MiB in all");
}

TEST_CASE("dependencies stop at the per-field and per-file limits", "[reliability]") {
  std::string field;
  for (std::size_t i = 0; i < rpmspec::kMaxDependenciesPerField + 10; ++i) field += "a ";
  ir::DiagnosticSink sink;
  const auto deps = rpmspec::parse_dependencies(field, ir::DepKind::Requires, {}, {}, sink);
  CHECK(deps.size() == rpmspec::kMaxDependenciesPerField);
  CHECK(has_rule(sink, "too-many-dependencies"));

  std::string text = kHead;
  for (int line = 0; line < 6; ++line) text += "Requires: " + field.substr(0, 2 * 9999) + "\n";
  text += "%files\n";
  ir::SourceManager sources;
  const auto id = sources.add("many.spec", text);
  ir::DiagnosticSink file_sink;
  const auto package = frontend::evaluate_spec_file(sources, id, frontend::AnalyzeOptions{}, file_sink);
  REQUIRE_FALSE(package.packages.empty());
  CHECK(package.packages[0].dependencies.size() == rpmspec::kMaxDependenciesPerFile);
  std::size_t reports = 0;
  for (const auto& d : file_sink.diagnostics()) reports += d.rule == "too-many-dependencies";
  CHECK(reports == 1);
}

TEST_CASE("thousands of subpackages are found by name", "[reliability]") {
  std::string text = kHead;
  for (int i = 0; i < 3000; ++i) text += "%package p" + std::to_string(i) + "\nSummary: s\n%description p" + std::to_string(i) + "\nd\n";
  text += "%package p17\nSummary: again\n%files\n";
  ir::SourceManager sources;
  const auto id = sources.add("many.spec", text);
  ir::DiagnosticSink sink;
  const auto package = frontend::evaluate_spec_file(sources, id, frontend::AnalyzeOptions{}, sink);
  CHECK(package.packages.size() == 3001);
  CHECK(has_rule(sink, "duplicate-package"));
}

TEST_CASE("node_at finds the deepest node, as a walk down from the root does", "[reliability]") {
  const fs::path corpus = fs::path(KATALINT_CORPUS_DIR) / "real-specs" / "fedora" / "specs";
  std::vector<fs::path> specs;
  if (fs::is_directory(corpus))
    for (const auto& e : fs::directory_iterator(corpus))
      if (e.path().extension() == ".spec" && specs.size() < 40) specs.push_back(e.path());
  specs.push_back(fs::path(KATALINT_SOURCE_DIR) / "tests" / "hostile" / "inputs" / "unterminated.spec");
  for (const auto& path : specs) {
    ir::SourceManager sources;
    std::string error;
    const auto id = sources.load(path.string(), error);
    REQUIRE(id);
    ir::DiagnosticSink sink;
    const auto tree = rpmspec::parse_spec_syntax(sources.file(*id), sink);
    INFO(path.string());
    const auto size = static_cast<std::uint32_t>(tree.text.size());
    for (std::uint32_t offset = 0; offset <= size; offset += 3)
      REQUIRE(tree.node_at(offset) == node_at_by_descent(tree, offset));
  }
}
