// Agreement with python3-debian: every deb822 file of the corpus is read by
// scripts/deb822-agreement.py and by katalint; the JSON views must be equal.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "frontend/debian/deb822.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/debian/text.hpp"
#include "tests/support/catch.hpp"
#include "tests/unit/debian_agreement_support.hpp"

using namespace katalint;
using namespace katalint::frontend::debian;
namespace fs = std::filesystem;

namespace {

bool python_debian_available() {
  int status = 0;
  katalint::testing::run_command("/usr/bin/python3 -c 'import debian.deb822' 2>/dev/null", status);
  return status == 0;
}

Deb822Flavor flavor_for(const fs::path& p) {
  const std::string name = p.filename().string();
  if (name.find(".dsc") != std::string::npos) return Deb822Flavor::Dsc;
  if (name.find("Sources") != std::string::npos) return Deb822Flavor::Index;
  if (name == "copyright") return Deb822Flavor::Copyright;
  if (p.parent_path().filename() == "tests") return Deb822Flavor::TestsControl;
  return Deb822Flavor::Control;
}

std::vector<fs::path> deb822_corpus() {
  const fs::path corpus = KATALINT_CORPUS_DIR;
  std::vector<fs::path> files = katalint::testing::corpus_files(
      corpus / "real-debian", [](const fs::path& p) {
        const std::string n = p.filename().string();
        return n == "control" || n == "copyright" || n.find("Sources") != std::string::npos;
      });
  for (const char* dir : {"kata-home", "kata-distro"}) {
    auto more = katalint::testing::corpus_files(corpus / dir, [](const fs::path& p) {
      const std::string n = p.filename().string();
      return n.rfind("debian.control", 0) == 0 || n.find(".dsc") != std::string::npos;
    });
    files.insert(files.end(), more.begin(), more.end());
  }
  return files;
}

}  // namespace

TEST_CASE("deb822 agrees with python3-debian on the corpus", "[debian][deb822][agreement]") {
  if (!python_debian_available()) {
    if (katalint::testing::require_tools()) FAIL("/usr/bin/python3 lacks the debian module");
    WARN("skipped: /usr/bin/python3 lacks the debian module");
    return;
  }
  const auto files = deb822_corpus();
  REQUIRE(files.size() >= 60);
  std::size_t paragraphs = 0, agreeing = 0, tree_agreeing = 0, files_agreeing = 0;
  const std::string script = std::string(KATALINT_SOURCE_DIR) + "/scripts/deb822-agreement.py";
  // One python process for all files: it prints one JSON object per line.
  std::string command = "/usr/bin/python3 " + katalint::testing::shell_quote(script) + " --dump";
  for (const auto& path : files) command += " " + katalint::testing::shell_quote(path.string());
  int status = 0;
  const std::string out = katalint::testing::run_command(command, status);
  REQUIRE(status == 0);
  std::istringstream dumps(out);
  for (const auto& path : files) {
    std::string line;
    REQUIRE(std::getline(dumps, line));
    const auto expected = nlohmann::ordered_json::parse(line);
    ir::SourceFile file(0, path.string(), katalint::testing::read_file(path));
    ir::DiagnosticSink sink;
    const Deb822Document doc = parse_deb822(file, flavor_for(path), sink);
    CHECK(reprint(doc) == file.text());
    const auto actual = deb822_query_json(doc);
    const auto& ep = expected["paragraphs"];
    const auto& ap = actual["paragraphs"];
    bool file_ok = ep.size() == ap.size();
    for (std::size_t i = 0; i < ep.size(); ++i) {
      ++paragraphs;
      const bool same = i < ap.size() && ap[i] == ep[i];
      if (!same) {
        UNSCOPED_INFO(path.string() << ": paragraph " << i << " differs: expected "
                                    << ep[i].dump() << " got "
                                    << (i < ap.size() ? ap[i].dump() : std::string("nothing")));
      }
      agreeing += same ? 1 : 0;
      file_ok = file_ok && same;
      // The syntax tree's own field values must say the same.
      if (i < doc.paragraphs.size()) {
        nlohmann::ordered_json tree = nlohmann::ordered_json::object();
        for (const auto& f : doc.paragraphs[i].fields) {
          bool found = false;
          for (auto& [k, v] : tree.items()) {
            if (iequals(k, f.name)) {
              v = f.value;
              found = true;
            }
          }
          if (!found) tree[f.name] = f.value;
        }
        const bool tree_same = tree == ep[i];
        if (!tree_same) UNSCOPED_INFO(path.string() << ": tree paragraph " << i << " differs");
        tree_agreeing += tree_same ? 1 : 0;
      }
    }
    files_agreeing += file_ok ? 1 : 0;
  }
  const double pct = paragraphs == 0 ? 0.0 : 100.0 * static_cast<double>(agreeing) / static_cast<double>(paragraphs);
  std::cout << "deb822 agreement: " << files_agreeing << "/" << files.size() << " files, "
            << agreeing << "/" << paragraphs << " paragraphs (" << pct << "%), syntax tree "
            << tree_agreeing << "/" << paragraphs << "\n";
  CHECK(files_agreeing == files.size());
  CHECK(agreeing == paragraphs);
  CHECK(tree_agreeing == paragraphs);
}

TEST_CASE("deb822 agrees with python3-debian on tricky input", "[debian][deb822][agreement]") {
  if (!python_debian_available()) {
    if (katalint::testing::require_tools()) FAIL("/usr/bin/python3 lacks the debian module");
    WARN("skipped: /usr/bin/python3 lacks the debian module");
    return;
  }
  const std::vector<std::string> inputs = {
      "A: 1\r\nB:  two  \r\n  cont \r\n\r\nC: 3\r\n",
      "\n\n  \nA: 1\n \t\n#x\nB: 2\n\n\n\n",
      "A: 1\n#c\n continued\nfoo bar\n more\nB:\nb: again\n",
      "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nA: 1\n\nB: 2\n-----BEGIN PGP SIGNATURE-----\n"
      "\nabc\n-----END PGP SIGNATURE-----\nC: 3\n\nD: 4\n",
      "-----BEGIN PGP PUBLIC KEY BLOCK-----\nA: 1\n-----END PGP PUBLIC KEY BLOCK-----\nB: 2\n",
      "A\xc2\xa0: x\xc2\xa0\n\xc2\xa0y\n\xc2\xa0\nB: \xe3\x80\x80z\xe2\x80\x83\n",
      " orphan\n\nA: 1\n",
      "A: 1\n\n orphan only\n\nB: 2\n",
      "Key:value:with:colons\n-Dash: x\nK :v\n\x1c: y\n",
      "\r\rA: 1\n\rB: 2\r\r\n",
      "A: 1\n- B: 2\n",
      "A: \xff\xfe bytes\n",  // invalid UTF-8: python may guess another encoding
  };
  const fs::path dir = fs::temp_directory_path() / "katalint_deb822_tricky";
  fs::create_directories(dir);
  std::string command = "/usr/bin/python3 " +
                        katalint::testing::shell_quote(std::string(KATALINT_SOURCE_DIR) +
                                                       "/scripts/deb822-agreement.py") +
                        " --dump";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const fs::path p = dir / ("case" + std::to_string(i));
    std::ofstream(p, std::ios::binary) << inputs[i];
    command += " " + katalint::testing::shell_quote(p.string());
  }
  int status = 0;
  const std::string out = katalint::testing::run_command(command + " 2>/dev/null", status);
  REQUIRE(status == 0);
  std::istringstream dumps(out);
  std::size_t same = 0;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::string line;
    REQUIRE(std::getline(dumps, line));
    const auto expected = nlohmann::ordered_json::parse(line);
    const auto actual = deb822_python_view(inputs[i]);
    const bool ok = expected == actual;
    same += ok ? 1 : 0;
    if (i + 1 < inputs.size()) {  // the last case differs by design (see docs)
      INFO("case " << i << ": python " << expected.dump() << " katalint " << actual.dump());
      CHECK(ok);
    }
  }
  fs::remove_all(dir);
  std::cout << "deb822 tricky input: " << same << "/" << inputs.size() << " agree\n";
}
