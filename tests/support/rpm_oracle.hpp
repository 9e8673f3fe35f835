// rpm itself as the test oracle: runs rpmspec (rpm 4.18) on a spec text and reads its answer
// in the shape of tools/rpm-truth.sh (portable mode). Tests skip the comparison when rpmspec
// is missing, and fail instead when KATALINT_REQUIRE_TOOLS=1.
#pragma once

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace katalint::test {

inline bool tools_required() {
  const char* v = std::getenv("KATALINT_REQUIRE_TOOLS");
  return v && std::string(v) == "1";
}

struct CommandResult {
  int rc = -1;
  std::string out;
};

// Runs a shell command, capturing stdout (stderr goes where the command sends it).
inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = pclose(pipe);
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline bool rpmspec_available() {
  static const bool available = run_command("rpmspec --version >/dev/null 2>&1").rc == 0;
  return available;
}

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

// A private directory holding one spec file, removed on destruction.
class SpecDir {
 public:
  explicit SpecDir(const std::string& spec_text) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "katalint-oracle.XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (mkdtemp(buf.data())) dir_ = buf.data();
    std::ofstream(dir_ + "/t.spec") << spec_text;
  }
  ~SpecDir() {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }
  SpecDir(const SpecDir&) = delete;
  SpecDir& operator=(const SpecDir&) = delete;

  // Runs `rpmspec ARGS t.spec` inside the directory, as rpm-truth.sh's portable mode does.
  [[nodiscard]] CommandResult rpmspec(const std::string& args) const {
    return run_command("cd " + shell_quote(dir_) +
                       " && LC_ALL=C rpmspec --define '_topdir /builddir/rpmbuild' "
                       "--define '_sourcedir .' " +
                       args + " t.spec 2>/dev/null");
  }

 private:
  std::string dir_;
};

namespace oracle_detail {
inline constexpr char kUS = '\x1f', kRS = '\x1e', kGS = '\x1d';

inline std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

inline nlohmann::ordered_json nn(const std::string& s) {
  return s == "(none)" ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

inline std::vector<std::string> arr_items(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  for (auto& item : split(s, kRS))
    if (!item.empty()) out.push_back(item);
  return out;
}

inline nlohmann::ordered_json arr(const std::string& s) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (auto& item : arr_items(s)) out.push_back(item);
  return out;
}

inline nlohmann::ordered_json deps(const std::string& names, const std::string& types) {
  auto n = arr_items(names), t = arr_items(types);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < n.size(); ++i) {
    nlohmann::ordered_json d;
    d["dep"] = n[i];
    d["type"] = i < t.size() ? nlohmann::ordered_json(t[i]) : nlohmann::ordered_json(nullptr);
    out.push_back(d);
  }
  return out;
}

inline std::vector<std::vector<std::string>> records(const std::string& s) {
  std::vector<std::vector<std::string>> out;
  for (auto& rec : split(s, kGS))
    if (!rec.empty() && rec != "\n") out.push_back(split(rec, kUS));
  return out;
}
}  // namespace oracle_detail

// {"srpm": ..., "packages": ...} exactly as rpm-truth.sh builds them; nullopt when rpmspec
// fails (or is missing).
inline std::optional<nlohmann::ordered_json> rpm_query_json(const std::string& spec_text) {
  using namespace oracle_detail;
  if (!rpmspec_available()) return std::nullopt;
  const std::string US = "\x1f", RS = "\x1e", GS = "\x1d";
  std::string srpm_qf = "%{NAME}" + US + "%{EPOCH}" + US + "%{VERSION}" + US + "%{RELEASE}" + US +
                        "%{SUMMARY}" + US + "%{LICENSE}" + US + "%{URL}" + US + "%{GROUP}" + US;
  srpm_qf += "[%{REQUIRENEVRS}" + RS + "]" + US + "[%{REQUIREFLAGS:deptype}" + RS + "]" + US +
             "[%{CONFLICTNEVRS}" + RS + "]" + US;
  srpm_qf += "[%{SOURCE}" + RS + "]" + US + "[%{PATCH}" + RS + "]" + US + "[%{NOSOURCE}" + RS +
             "]" + US;
  srpm_qf += "[%{EXCLUSIVEARCH}" + RS + "]" + US + "[%{EXCLUDEARCH}" + RS + "]" + US +
             "[%{BUILDARCHS}" + RS + "]" + GS;
  std::string pkg_qf = "%{NAME}" + US + "%{EPOCH}" + US + "%{VERSION}" + US + "%{RELEASE}" + US +
                       "%{ARCH}" + US + "%{SUMMARY}" + US + "%{LICENSE}" + US + "%{URL}" + US +
                       "%{GROUP}" + US;
  pkg_qf += "[%{REQUIRENEVRS}" + RS + "]" + US + "[%{REQUIREFLAGS:deptype}" + RS + "]" + US +
            "[%{PROVIDENEVRS}" + RS + "]" + US;
  pkg_qf += "[%{CONFLICTNEVRS}" + RS + "]" + US + "[%{OBSOLETENEVRS}" + RS + "]" + US +
            "[%{RECOMMENDNEVRS}" + RS + "]" + US;
  pkg_qf += "[%{SUGGESTNEVRS}" + RS + "]" + US + "[%{SUPPLEMENTNEVRS}" + RS + "]" + US +
            "[%{ENHANCENEVRS}" + RS + "]" + US + "%{DESCRIPTION}" + GS;

  SpecDir dir(spec_text);
  auto srpm_out = dir.rpmspec("-q --srpm --qf " + shell_quote(srpm_qf));
  auto pkgs_out = dir.rpmspec("-q --qf " + shell_quote(pkg_qf));
  if (srpm_out.rc != 0 || pkgs_out.rc != 0) return std::nullopt;

  nlohmann::ordered_json out;
  auto srecs = records(srpm_out.out);
  if (srecs.empty() || srecs[0].size() < 17) return std::nullopt;
  const auto& s = srecs[0];
  nlohmann::ordered_json srpm;
  srpm["name"] = s[0];
  srpm["epoch"] = nn(s[1]);
  srpm["version"] = s[2];
  srpm["release"] = s[3];
  srpm["summary"] = nn(s[4]);
  srpm["license"] = nn(s[5]);
  srpm["url"] = nn(s[6]);
  srpm["group"] = nn(s[7]);
  srpm["buildrequires"] = deps(s[8], s[9]);
  srpm["buildconflicts"] = arr(s[10]);
  auto reversed = [](nlohmann::ordered_json a) {
    std::reverse(a.begin(), a.end());
    return a;
  };
  srpm["sources"] = reversed(arr(s[11]));
  srpm["patches"] = reversed(arr(s[12]));
  srpm["nosource"] = arr(s[13]);
  srpm["exclusivearch"] = arr(s[14]);
  srpm["excludearch"] = arr(s[15]);
  srpm["buildarchs"] = arr(s[16]);
  out["srpm"] = srpm;

  nlohmann::ordered_json packages = nlohmann::ordered_json::array();
  for (const auto& p : records(pkgs_out.out)) {
    if (p.size() < 19) continue;
    nlohmann::ordered_json j;
    j["name"] = p[0];
    j["epoch"] = nn(p[1]);
    j["version"] = p[2];
    j["release"] = p[3];
    j["arch"] = p[4];
    j["summary"] = nn(p[5]);
    j["license"] = nn(p[6]);
    j["url"] = nn(p[7]);
    j["group"] = nn(p[8]);
    j["requires"] = deps(p[9], p[10]);
    j["provides"] = arr(p[11]);
    j["conflicts"] = arr(p[12]);
    j["obsoletes"] = arr(p[13]);
    j["recommends"] = arr(p[14]);
    j["suggests"] = arr(p[15]);
    j["supplements"] = arr(p[16]);
    j["enhances"] = arr(p[17]);
    j["description"] = nn(p[18]);
    packages.push_back(j);
  }
  out["packages"] = packages;
  return out;
}

}  // namespace katalint::test
