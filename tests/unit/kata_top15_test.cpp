// The Kata top 15: every file:line named in the "Top 15" table of kata-findings.md, linted on
// its own with the default rules for openSUSE Tumbleweed, has a finding. The table is read
// from the shared docs, so a new row is tested as soon as it is written;
// tests/golden/kata-top15/expected.txt keeps the findings on the named lines (regenerate with
// KATALINT_UPDATE_GOLDEN=1 and review the diff).
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/catch.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/lint_support.hpp"

namespace {

using namespace katalint;
namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(KATALINT_CORPUS_DIR);
const fs::path kFindings = kCorpus.parent_path() / "docs" / "kata-findings.md";
const fs::path kGolden = fs::path(KATALINT_SOURCE_DIR) / "tests" / "golden" / "kata-top15" / "expected.txt";

struct LineSpan {
  std::uint32_t first = 0, last = 0;
};

// One `corpus-file:lines` reference of the table, e.g. `...spec-template:8,26-34`.
struct Location {
  int row = 0;
  std::string rule_id;  // the table's id, e.g. GO-BUNDLED-SERVICE
  std::string file;     // relative to the corpus
  std::string lines;    // as written
  std::vector<LineSpan> spans;
};

std::vector<LineSpan> parse_spans(const std::string& text) {
  std::vector<LineSpan> out;
  std::stringstream ss(text);
  for (std::string part; std::getline(ss, part, ',');) {
    const auto dash = part.find('-');
    LineSpan s;
    s.first = static_cast<std::uint32_t>(std::stoul(part.substr(0, dash)));
    s.last = dash == std::string::npos ? s.first : static_cast<std::uint32_t>(std::stoul(part.substr(dash + 1)));
    out.push_back(s);
  }
  return out;
}

// The rows of the "## Top 15" table: `| # | rule id | file:line | what is wrong |`. Every
// corpus path with lines in the file:line column is a location (rows 6, 10 and 13 name two).
std::vector<Location> read_top15(const fs::path& md) {
  std::ifstream in(md);
  std::vector<Location> out;
  bool in_section = false;
  const std::regex row(R"(^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|(.*?)\|)");
  const std::regex reference(R"(`(kata-home/[^`:]+):([0-9][0-9,\-]*)`)");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0) in_section = line.rfind("## Top 15", 0) == 0;
    std::smatch m;
    if (!in_section || !std::regex_search(line, m, row)) continue;
    const std::string cell = m[3];
    for (std::sregex_iterator it(cell.begin(), cell.end(), reference), end; it != end; ++it) {
      Location l;
      l.row = std::stoi(m[1]);
      l.rule_id = m[2];
      l.file = (*it)[1];
      l.lines = (*it)[2];
      l.spans = parse_spans(l.lines);
      out.push_back(std::move(l));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("kata top 15: each file:line of the table has a finding", "[rules][kata][golden]") {
  REQUIRE(fs::exists(kFindings));
  const auto locations = read_top15(kFindings);
  // 15 rows; rows 6, 10 and 13 name two files.
  REQUIRE(locations.size() == 18);
  CHECK(locations.front().row == 1);
  CHECK(locations.back().row == 15);

  std::string golden;
  for (const Location& l : locations) {
    const fs::path path = kCorpus / l.file;
    INFO("row " << l.row << " " << l.rule_id << ": " << l.file << ":" << l.lines);
    REQUIRE(fs::exists(path));
    frontend::AnalyzeOptions options;
    options.target = "opensuse-tumbleweed";
    const auto run = testing::lint_file(path, options, l.file);
    golden += "# " + std::to_string(l.row) + " " + l.rule_id + " " + l.file + ":" + l.lines + "\n";
    std::istringstream findings(run.gcc());
    std::vector<bool> covered(l.spans.size(), false);
    // gcc lines read `file:line:col: ...`; the file is the display name given above.
    const std::string prefix = l.file + ":";
    for (std::string f; std::getline(findings, f);) {
      if (f.rfind(prefix, 0) != 0) continue;
      const auto line = static_cast<std::uint32_t>(std::stoul(f.substr(prefix.size())));
      bool inside = false;
      for (std::size_t i = 0; i < l.spans.size(); ++i) {
        if (line < l.spans[i].first || line > l.spans[i].last) continue;
        covered[i] = true;
        inside = true;
      }
      if (inside) golden += f + "\n";
    }
    for (std::size_t i = 0; i < l.spans.size(); ++i) {
      INFO("lines " << l.spans[i].first << "-" << l.spans[i].last);
      CHECK(covered[i]);
    }
  }
  KATALINT_CHECK_GOLDEN(kGolden, golden);
}
