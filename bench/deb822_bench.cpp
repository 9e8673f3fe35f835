// Times the deb822 reader on one file (bench/deb822.sh builds a full-size Sources index).
//   katalint_bench_deb822 FILE [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "frontend/debian/deb822.hpp"
#include "frontend/debian/query.hpp"

using namespace katalint;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [ROUNDS]\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  const ir::SourceFile file(0, argv[1], ss.str());
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  double best = 1e9;
  std::size_t paragraphs = 0, fields = 0, tokens = 0, diagnostics = 0;
  for (int r = 0; r < rounds; ++r) {
    ir::DiagnosticSink sink;
    const auto t0 = std::chrono::steady_clock::now();
    const auto doc = frontend::debian::parse_deb822(file, frontend::debian::Deb822Flavor::Index, sink);
    const auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    paragraphs = doc.paragraphs.size();
    fields = 0;
    for (const auto& p : doc.paragraphs) fields += p.fields.size();
    tokens = doc.tokens.size();
    diagnostics = sink.diagnostics().size();
    if (frontend::debian::reprint(doc) != file.text()) {
      std::fprintf(stderr, "reprint differs from the input\n");
      return 1;
    }
  }
  const double mb = static_cast<double>(file.text().size()) / 1e6;
  std::printf("deb822: %zu paragraphs, %zu fields, %zu tokens, %.1f MB, %zu diagnostics\n",
              paragraphs, fields, tokens, mb, diagnostics);
  std::printf("deb822: best of %d: %.3f s, %.0f paragraphs/s, %.1f MB/s\n", rounds, best,
              static_cast<double>(paragraphs) / best, mb / best);
  if (std::getenv("KATALINT_BENCH_NO_VIEW") != nullptr) return 0;
  const auto t0 = std::chrono::steady_clock::now();
  const auto json = frontend::debian::deb822_python_view(file.text());
  const auto t1 = std::chrono::steady_clock::now();
  std::printf("python3-debian view: %zu paragraphs in %.3f s\n", json["paragraphs"].size(),
              std::chrono::duration<double>(t1 - t0).count());
  return 0;
}
