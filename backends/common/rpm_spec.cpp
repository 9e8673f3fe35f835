#include "backends/common/rpm_spec.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include <fmt/core.h>

namespace katalint::backends {
namespace {

using ir::Severity;

// Macros that only tell distributions apart: a conditional that tests nothing else is
// decided by the target and folded away.
const std::set<std::string, std::less<>> kDistroMacros = {
    "suse_version", "sle_version", "is_opensuse", "leap_version", "sles_version", "suse_python",
    "fedora", "fedora_version", "rhel", "rhel_version", "centos", "centos_version", "rhl",
    "el5", "el6", "el7", "el8", "el9", "el10", "amzn", "mageia", "mdkversion", "mandriva_version",
    "ubuntu", "debian", "openEuler", "opensuse_bs", "scientificlinux_version", "redhat_version"};

// Literal paths and the macros every rpm distribution defines for them, longest first.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kPathMacros = {{
    {"/usr/lib/systemd/system", "%{_unitdir}"},
    {"/usr/share/man", "%{_mandir}"},
    {"/usr/share/doc", "%{_docdir}"},
    {"/usr/share/info", "%{_infodir}"},
    {"/usr/share", "%{_datadir}"},
    {"/usr/libexec", "%{_libexecdir}"},
    {"/usr/lib64", "%{_libdir}"},
    {"/usr/include", "%{_includedir}"},
    {"/usr/sbin", "%{_sbindir}"},
    {"/usr/bin", "%{_bindir}"},
    {"/usr/lib", "%{_prefix}/lib"},
    {"/usr", "%{_prefix}"},
    {"/etc", "%{_sysconfdir}"},
    {"/var/lib", "%{_sharedstatedir}"},
    {"/var", "%{_localstatedir}"},
}};

// Directories the base system owns: a package's %files must not list them (the same list
// as the owns-system-directory rule).
const std::set<std::string, std::less<>> kSystemDirectories = {
    "/", "/etc", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec",
    "/usr/include", "/usr/share", "/usr/share/doc", "/usr/share/doc/packages", "/usr/share/info",
    "/usr/share/licenses", "/usr/share/locale", "/usr/share/man", "/usr/share/man/man1",
    "/usr/share/man/man5", "/usr/share/man/man8", "/usr/share/pkgconfig", "/usr/lib/systemd",
    "/usr/lib/systemd/system", "/usr/lib/tmpfiles.d", "/usr/lib/sysusers.d", "/usr/share/bash-completion",
    "/usr/share/bash-completion/completions", "/var", "/var/lib", "/var/log", "/run", "/opt"};

// Macro definitions that switch off a build check. The first group is dropped; the
// second is kept (Go binaries and prebuilt payloads carry no GNU build id) behind a
// suppression that says so.
const std::set<std::string, std::less<>> kDroppedCheckSwitches = {
    "__strip", "__os_install_post", "_unpackaged_files_terminate_build"};
const std::set<std::string, std::less<>> kKeptCheckSwitches = {"debug_package", "_missing_build_ids_terminate_build"};

const std::set<std::string, std::less<>> kSections = {
    "package", "description", "prep", "build", "install", "check", "clean", "files", "changelog",
    "pre", "post", "preun", "postun", "pretrans", "posttrans", "preuntrans", "postuntrans",
    "verifyscript", "triggerin", "triggerun", "triggerpostun", "triggerprein", "filetriggerin",
    "filetriggerun", "filetriggerpostun", "transfiletriggerin", "transfiletriggerun",
    "transfiletriggerpostun", "conf", "generate_buildrequires", "sourcelist", "patchlist"};

const std::set<std::string, std::less<>> kDependencyTags = {
    "Requires", "BuildRequires", "Recommends", "Suggests", "Supplements", "Enhances",
    "Conflicts", "BuildConflicts", "Provides", "Obsoletes", "OrderWithRequires"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Macro names a conditional expression refers to (%name, %{name}, %{?name}, %{!?name}).
std::vector<std::string> macro_names(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') continue;
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '{') ++j;
    while (j < text.size() && (text[j] == '!' || text[j] == '?')) ++j;
    std::size_t k = j;
    while (k < text.size() && (std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '_')) ++k;
    if (k > j) names.emplace_back(text.substr(j, k - j));
    i = k > i ? k - 1 : i;
  }
  return names;
}

bool tests_only_distribution(std::string_view condition) {
  const auto names = macro_names(condition);
  if (names.empty()) return false;
  return std::all_of(names.begin(), names.end(), [](const std::string& n) { return kDistroMacros.count(n) != 0; });
}

bool path_boundary_before(std::string_view s, std::size_t pos) {
  if (pos == 0) return true;
  const char c = s[pos - 1];
  return c == ' ' || c == '\t' || c == '=' || c == '"' || c == '\'' || c == '}' || c == ':' || c == '(';
}
bool path_boundary_after(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return true;
  const char c = s[pos];
  return c == '/' || c == ' ' || c == '\t' || c == '"' || c == '\'' || c == ';' || c == ')' || c == '*';
}

// Literal FHS paths replaced by their macros; URLs are left alone.
std::string with_path_macros(std::string_view line) {
  std::string out;
  std::size_t i = 0;
  while (i < line.size()) {
    bool replaced = false;
    if (line[i] == '/' && path_boundary_before(line, i) && !(i >= 2 && line.substr(i - 1, 1) == "/")) {
      for (const auto& [path, macro] : kPathMacros) {
        if (line.substr(i, path.size()) == path && path_boundary_after(line, i + path.size())) {
          out += macro;
          i += path.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += line[i++];
  }
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
  return s;
}

// A dependency tag's value split into entries: `a >= 1, b c` -> ["a >= 1", "b", "c"].
std::vector<std::string> split_dependencies(std::string_view value) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == ',')) ++i;
    if (i >= value.size()) break;
    std::size_t j = i;
    int depth = 0;
    while (j < value.size()) {
      const char c = value[j];
      if (c == '(' || c == '{') ++depth;
      if (c == ')' || c == '}') --depth;
      if (depth <= 0 && (c == ' ' || c == '\t' || c == ',')) break;
      ++j;
    }
    tokens.emplace_back(value.substr(i, j - i));
    i = j;
  }
  std::vector<std::string> deps;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const std::string& tok = tokens[t];
    const bool is_op = tok == "<" || tok == "<=" || tok == "=" || tok == ">=" || tok == ">" || tok == "==";
    if (is_op && !deps.empty() && t + 1 < tokens.size()) {
      deps.back() += " " + tok + " " + tokens[t + 1];
      ++t;
    } else {
      deps.push_back(tok);
    }
  }
  return deps;
}

struct Line {
  std::uint32_t number = 0;  // 1-based line in the input; 0 for added lines
  std::string text;
  bool removed = false;
};

ir::Range line_range(const ir::SourceFile& file, std::uint32_t line) {
  const auto begin = file.line_start(line);
  return {file.id(), begin, begin + static_cast<std::uint32_t>(file.line_text(line).size())};
}

// The @KEY@ placeholders of one line replaced by their values; unbound ones stay.
std::string fill_line(std::string_view text, const frontend::PlaceholderValues& values,
                      std::vector<std::string>* unbound) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '@') {
      std::size_t j = i + 1;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
      if (j > i + 1 && j < text.size() && text[j] == '@' &&
          !std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
        const std::string_view key = text.substr(i + 1, j - i - 1);
        auto it = values.find(key);
        if (it != values.end()) {
          out += it->second;
          i = j + 1;
          continue;
        }
        if (unbound) unbound->emplace_back(key);
      }
    }
    out += text[i++];
  }
  return out;
}

struct SectionHeader {
  std::string name;  // "files", "post", ... ; "" when the line is no section header
  std::string args;  // the rest of the line
};

SectionHeader section_of(std::string_view line) {
  if (line.empty() || line.front() != '%') return {};
  std::size_t j = 1;
  while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) || line[j] == '_')) ++j;
  const std::string_view word = line.substr(1, j - 1);
  if (j < line.size() && line[j] != ' ' && line[j] != '\t') return {};
  if (kSections.count(word) == 0) return {};
  return {std::string(word), std::string(trim(line.substr(j)))};
}

// The binary package a section header names: "" for the main package.
std::string package_of(const std::string& args, const std::string& main_name) {
  std::string_view a = args;
  const auto dashdash = a.find(" -- ");
  if (dashdash != std::string_view::npos) a = a.substr(0, dashdash);
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < a.size()) {
    while (i < a.size() && a[i] == ' ') ++i;
    std::size_t j = i;
    while (j < a.size() && a[j] != ' ') ++j;
    if (j > i) words.emplace_back(a.substr(i, j - i));
    i = j;
  }
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (words[w] == "-n" && w + 1 < words.size()) return words[w + 1];
    if (words[w] == "-f" || words[w] == "-p") { ++w; continue; }
    if (!words[w].empty() && words[w][0] != '-') return main_name + "-" + words[w];
  }
  return {};
}

struct TagLine {
  std::string tag;
  std::string qualifier;  // with parentheses
  std::string value;
};

std::optional<TagLine> tag_of(std::string_view line) {
  static const std::regex re(R"(^([A-Za-z][A-Za-z0-9]*)(\([^)]*\))?\s*:\s*(.*)$)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(line.begin(), line.end(), m, re)) return std::nullopt;
  return TagLine{m[1].str(), m[2].str(), std::string(trim(m[3].str()))};
}

bool is_go_toolchain_line(std::string_view line) {
  static const std::regex tarball(R"(go(%\{GO_VERSION\}|[0-9][0-9.]*)\.linux-[^ ]*\.tar\.gz)");
  if (std::regex_search(line.begin(), line.end(), tarball)) return true;
  const std::string_view t = trim(line);
  if (starts_with(t, "export GOROOT=") && t.find("local/go") != std::string_view::npos) return true;
  if (starts_with(t, "export PATH=") && t.find("local/go/bin") != std::string_view::npos) return true;
  return false;
}

// The macro a %define/%global/%undefine line sets, or "".
std::string defined_macro(std::string_view line) {
  const std::string_view t = trim(line);
  for (std::string_view kw : {"%define", "%global", "%undefine"}) {
    if (!starts_with(t, kw)) continue;
    std::string_view rest = trim(t.substr(kw.size()));
    std::size_t n = 0;
    while (n < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[n])) || rest[n] == '_')) ++n;
    return std::string(rest.substr(0, n));
  }
  return {};
}

// '%' in a shell comment doubled, so rpm does not expand a macro there.
std::string escape_comment_macros(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '%' && i + 1 < line.size() && line[i + 1] == '%') {
      out += "%%";
      ++i;
      continue;
    }
    out += line[i];
    if (line[i] == '%') out += '%';
  }
  return out;
}

std::string leading_tabs_as_spaces(std::string_view line) {
  std::size_t n = 0;
  std::string out;
  while (n < line.size() && (line[n] == '\t' || line[n] == ' ')) {
    out += line[n] == '\t' ? "    " : " ";
    ++n;
  }
  return out + std::string(line.substr(n));
}

std::string summary_style(std::string value) {
  while (!value.empty() && value.back() == '.') value.pop_back();
  if (!value.empty() && std::islower(static_cast<unsigned char>(value.front())))
    value.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(value.front())));
  return value;
}

}  // namespace

std::string guest_image_spec(const RpmTargetStyle& style, std::string_view name, std::string_view version,
                             std::string_view go_version) {
  const bool suse = style.flavor == RpmFlavor::Suse;
  const std::string kernel = rpm_macro_package("@guest-kernel", style.flavor);
  std::string t = style.header;
  t += "%define kata_modules_required 9p 9pnet_virtio\n\n";
  t += style.tag_line("Name", name) + "\n";
  t += style.tag_line("Version", version) + "\n";
  t += style.tag_line("Release", style.release) + "\n";
  t += style.tag_line("Summary", fmt::format("Kata Containers guest initrd built from {} packages", style.display_name)) + "\n";
  t += style.tag_line("License", "Apache-2.0") + "\n";
  if (style.keeps_group) t += style.tag_line("Group", "System/Management") + "\n";
  t += style.tag_line("URL", "https://github.com/kata-containers/osbuilder") + "\n";
  if (suse) {
    t += "# katalint: disable=source-without-url made by the services in _service\n";
    t += style.tag_line("Source0", "osbuilder-%{version}.tar.gz") + "\n";
    t += "# katalint: disable=source-without-url made by the services in _service\n";
    t += style.tag_line("Source1", "agent-%{version}.tar.gz") + "\n";
  } else {
    t += style.tag_line("Source0", "%{url}/archive/%{version}/osbuilder-%{version}.tar.gz") + "\n";
    t += style.tag_line("Source1", "https://github.com/kata-containers/agent/archive/%{version}/agent-%{version}.tar.gz") + "\n";
  }
  t += style.tag_line("BuildRequires", rpm_macro_package("@dracut", style.flavor)) + "\n";
  const std::string go = rpm_macro_package("@go-toolchain", style.flavor);
  t += style.tag_line("BuildRequires", go_version.empty() ? go : go + " >= " + std::string(go_version)) + "\n";
  if (const std::string m = rpm_macro_package("@go-macros", style.flavor); !m.empty())
    t += style.tag_line("BuildRequires", m) + "\n";
  t += style.tag_line("BuildRequires", kernel) + "\n";
  t += style.tag_line("BuildRequires", "make") + "\n";
  t += fmt::format(
      "\n%description\n"
      "The initrd that Kata Containers boots as its guest VM, built with dracut from\n"
      "the {0} kernel and the Kata agent.\n"
      "\n%prep\n"
      "%setup -q -n osbuilder-%{{version}} -b1\n"
      "\n%build\n"
      "export GOPATH=%{{_builddir}}/go\n"
      "mkdir -p %{{_builddir}}/go/src/github.com/kata-containers\n"
      "ln -sfn %{{_builddir}}/agent-%{{version}} %{{_builddir}}/go/src/github.com/kata-containers/agent\n"
      "# Minimal set of drivers to start containers\n"
      "echo 'drivers=\"%{{kata_modules_required}}\"' > dracut/dracut.conf.d/10-drivers.conf\n"
      "kversion=\"$(find /boot -name 'vmlinuz-*' | sed 's,/boot/vmlinuz-,,' | sort | tail -n 1)\"\n"
      "echo \"${{kversion}}\" > %{{_builddir}}/kversion\n"
      "%make_build BUILD_METHOD=dracut DRACUT_KVERSION=\"${{kversion}}\" initrd\n"
      "\n%install\n"
      "read kversion < %{{_builddir}}/kversion\n"
      "install -m 0644 -D kata-containers-initrd.img %{{buildroot}}%{{_datadir}}/kata-containers/kata-containers-initrd-${{kversion}}.img\n"
      "ln -sf kata-containers-initrd-${{kversion}}.img %{{buildroot}}%{{_datadir}}/kata-containers/kata-containers-initrd.img\n"
      "\n%files\n"
      "%dir %{{_datadir}}/kata-containers\n"
      "%{{_datadir}}/kata-containers/kata-containers-initrd.img\n"
      "%{{_datadir}}/kata-containers/kata-containers-initrd-*.img\n"
      "%license LICENSE\n"
      "\n%changelog\n",
      style.display_name);
  t += style.changelog_body;
  return t;
}

std::string go_release(std::string_view version) {
  static const std::regex re(R"(^(?:go)?([0-9]+)\.([0-9]+))");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(version.begin(), version.end(), m, re)) return {};
  return m[1].str() + "." + m[2].str();
}

std::string format_utc(std::int64_t time, const char* format) {
  const std::time_t t = static_cast<std::time_t>(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::array<char, 128> buf{};
  const std::size_t n = std::strftime(buf.data(), buf.size(), format, &tm);
  return std::string(buf.data(), n);
}

RpmSpecResult convert_rpm_spec(const ConvertInput& input, const ConvertOptions& options,
                               const RpmTargetStyle& style, ir::DiagnosticSink& sink) {
  RpmSpecResult result;
  const ir::Package& spec = *input.package.spec;
  const ir::SourceFile& file = input.sources.file(spec.file);
  const std::uint32_t lines = file.line_count();
  result.name = spec.name;
  result.version = spec.version;

  auto line_of = [&](std::uint32_t offset) { return file.position(offset).line; };

  // 1. Conditionals that only tell distributions apart keep the target's branch.
  std::vector<bool> removed(lines + 2, false);
  for (const auto& c : spec.conditionals) {
    if (c.range.file != spec.file || c.branches.empty() || c.directive != "if") continue;
    bool foldable = true;
    for (const auto& b : c.branches) {
      const std::string_view text = file.line_text(line_of(b.begin));
      if (starts_with(trim(text), "%else")) continue;
      const auto space = text.find_first_of(" \t");
      if (space == std::string_view::npos || !tests_only_distribution(text.substr(space))) foldable = false;
    }
    if (!foldable) continue;
    const std::uint32_t endif_line = line_of(c.range.end > c.range.begin ? c.range.end - 1 : c.range.begin);
    for (std::size_t i = 0; i < c.branches.size(); ++i) {
      const std::uint32_t first = line_of(c.branches[i].begin);
      const std::uint32_t last = i + 1 < c.branches.size() ? line_of(c.branches[i + 1].begin) : endif_line;
      removed[first] = true;
      if (static_cast<int>(i) != c.taken)
        for (std::uint32_t l = first + 1; l < last; ++l) removed[l] = true;
    }
    removed[endif_line] = true;
    const std::uint32_t head = line_of(c.branches[0].begin);
    sink.report("convert-conditional-folded", Severity::Info, line_range(file, head),
                c.taken >= 0
                    ? fmt::format("'{}' tests only the distribution: folded for {}, keeping the branch at line {}",
                                  trim(file.line_text(head)), style.display_name, line_of(c.branches[c.taken].begin))
                    : fmt::format("'{}' tests only the distribution: no branch applies to {}, dropped",
                                  trim(file.line_text(head)), style.display_name));
  }

  // Sources whose file is the licence text are copied into the build directory.
  std::string license_file = "LICENSE";
  if (auto it = input.values.find("LICENSE_FILE"); it != input.values.end() && !it->second.empty())
    license_file = it->second;
  std::optional<int> license_source;
  for (const auto& s : spec.sources) {
    const auto slash = s.value.rfind('/');
    const std::string base = slash == std::string::npos ? s.value : s.value.substr(slash + 1);
    if (!s.is_patch && (base == "LICENSE" || base == "COPYING")) {
      license_source = s.number;
      license_file = base;
    }
  }

  // %files lines that list a directory the base system owns, and the source numbers by
  // file name (so %{_sourcedir}/NAME can become %{SOURCEn}).
  std::set<std::uint32_t> system_directory_lines;
  for (const auto& p : spec.packages)
    for (const auto& list : p.files)
      for (const auto& e : list.entries) {
        std::string path = e.path;
        while (path.size() > 1 && path.back() == '/') path.pop_back();
        if (e.range.file == spec.file && kSystemDirectories.count(path) != 0)
          system_directory_lines.insert(line_of(e.range.begin));
      }
  std::map<std::string, int, std::less<>> source_numbers;
  for (const auto& src : spec.sources) {
    if (src.is_patch) continue;
    const auto slash = src.value.rfind('/');
    source_numbers.emplace(slash == std::string::npos ? src.value : src.value.substr(slash + 1), src.number);
  }
  // Whole-file facts.
  bool has_setup = false, has_image_payload = false, has_url = false;
  for (std::uint32_t l = 1; l <= lines; ++l) {
    const std::string_view t = file.line_text(l);
    if (is_go_toolchain_line(t)) result.bundled_go = true;
    if (t.find("GOPATH") != std::string_view::npos || t.find("go build") != std::string_view::npos)
      result.uses_go = true;
    if (t.find("%setup") != std::string_view::npos || t.find("%autosetup") != std::string_view::npos)
      has_setup = true;
    if (t.find(".img") != std::string_view::npos || t.find(".initrd") != std::string_view::npos)
      has_image_payload = true;
  }
  result.uses_go = result.uses_go || result.bundled_go;
  if (auto it = input.values.find("GO_VERSION"); it != input.values.end()) result.go_version = go_release(it->second);

  // 2. The lines, rewritten.
  std::vector<Line> out;
  std::string section;       // "" = main preamble
  std::string section_pkg;   // binary package of the current section
  std::size_t main_preamble_end = 0;  // index in `out` after the main preamble's last tag
  bool main_preamble_done = false;
  std::optional<std::size_t> first_files;  // index of the first %files line in `out`
  std::map<std::string, std::vector<std::string>> units;  // package -> unit files
  std::map<std::string, std::string> files_header_args;   // package -> %files arguments
  std::optional<std::size_t> main_files_end;
  bool main_files_has_license = false;
  std::optional<std::size_t> prep_end;
  std::optional<std::size_t> last_build_requires;
  std::optional<std::size_t> after_license;  // index in `out` after the main License: line
  int kept_conditional_depth = 0;              // %if blocks the rewrite keeps, around the current line
  std::set<std::string> unconditional_dependencies;  // "package|Tag: entry" outside any %if  // index in `out` after the main preamble's last one
  std::set<std::string> reported_unbound;
  bool dropping_section = false;

  auto close_section = [&]() {
    if (section == "files" && section_pkg.empty()) main_files_end = out.size();
    if (section == "prep") prep_end = out.size();
  };

  for (std::uint32_t l = 1; l <= lines; ++l) {
    if (removed[l]) continue;
    const std::string_view raw = file.line_text(l);
    std::vector<std::string> unbound;
    std::string text = fill_line(raw, input.values, &unbound);
    const bool was_placeholder_only = !raw.empty() && trim(raw).front() == '@' && trim(text).empty();
    if (was_placeholder_only) continue;

    // Inline distribution tests: %{?suse_version:...} / %{!?el7:...} on a line of their own.
    {
      const std::string_view t = trim(text);
      if (starts_with(t, "%{") && t.back() == '}' && t.find(':') != std::string_view::npos) {
        const auto colon = t.find(':');
        if (tests_only_distribution(t.substr(0, colon))) {
          bool kept = false;
          for (const auto& d : spec.build_dependencies)
            if (d.range.file == spec.file && line_of(d.range.begin) == l) kept = true;
          for (const auto& p : spec.packages)
            for (const auto& d : p.dependencies)
              if (d.range.file == spec.file && line_of(d.range.begin) == l) kept = true;
          sink.report("convert-conditional-folded", Severity::Info, line_range(file, l),
                      fmt::format("inline distribution test folded for {}: {}", style.display_name,
                                  kept ? "its text applies and is kept" : "it does not apply and is dropped"));
          if (!kept) continue;
          text = std::string(trim(t.substr(colon + 1, t.size() - colon - 2)));
        }
      }
    }

    for (const auto& key : unbound) {
      if (!reported_unbound.insert(key).second) continue;
      sink.report("convert-unbound-placeholder", Severity::Warning, line_range(file, l),
                  fmt::format("placeholder '@{}@' has no value and is copied as written: give it in --values "
                              "or --set {}=VALUE",
                              key, key));
    }

    if (text.find("%{lua:") != std::string::npos || text.find("<lua>") != std::string::npos)
      sink.report("convert-lua-macro", Severity::Warning, line_range(file, l),
                  fmt::format("Lua is copied as written: katalint does not run it, so a human must check it "
                              "on {}",
                              style.display_name));

    // Switches that turn off rpm's build checks.
    if (const std::string macro = defined_macro(text); !macro.empty()) {
      if (kDroppedCheckSwitches.count(macro) != 0) {
        sink.report("convert-build-check-restored", Severity::Info, line_range(file, l),
                    fmt::format("'{}' turned off an rpm build check: dropped", trim(text)));
        continue;
      }
      if (kKeptCheckSwitches.count(macro) != 0) {
        sink.report("convert-build-check-kept", Severity::Info, line_range(file, l),
                    fmt::format("'{}' is kept: decide whether {} can build debug information", trim(text),
                                spec.name));
        out.push_back({0, "# katalint: disable=build-checks-disabled kept from the input packaging"});
      }
    }
    if (trim(text) == "#!BuildIgnore: post-build-checks") {
      sink.report("convert-build-check-restored", Severity::Info, line_range(file, l),
                  "'#!BuildIgnore: post-build-checks' turned off the build's package checks: dropped");
      continue;
    }

    {
      const std::string_view t = trim(text);
      if (starts_with(t, "%if")) ++kept_conditional_depth;
      if (starts_with(t, "%endif") && kept_conditional_depth > 0) --kept_conditional_depth;
    }

    const SectionHeader header = section_of(text);
    if (!header.name.empty()) {
      close_section();
      if (!main_preamble_done) {
        main_preamble_done = true;
        if (main_preamble_end == 0) main_preamble_end = out.size();
      }
      section = header.name;
      section_pkg = package_of(header.args, spec.name);
      if (section == "package") section_pkg = package_of(header.args, spec.name);
      dropping_section = false;
      if (section == "clean") {
        sink.report("convert-clean-dropped", Severity::Info, line_range(file, l),
                    fmt::format("%clean is dropped: {} cleans the build root itself", style.display_name));
        dropping_section = true;
        continue;
      }
      if (section == "changelog") {
        dropping_section = true;
        continue;
      }
      if (section == "files") {
        if (!first_files) first_files = out.size();
        files_header_args.emplace(section_pkg, header.args);
      }
      out.push_back({l, with_path_macros(text)});
      continue;
    }
    if (dropping_section) continue;

    const bool in_preamble = section.empty() || section == "package";
    if (in_preamble) {
      if (auto tag = tag_of(text)) {
        const std::string& name = tag->tag;
        if (name == "BuildRoot") {
          sink.report("convert-buildroot-dropped", Severity::Info, line_range(file, l),
                      "BuildRoot: is dropped: rpm sets the build root itself");
          continue;
        }
        if (name == "Packager" || (name == "Vendor" && style.drops_vendor)) {
          sink.report("convert-tag-dropped", Severity::Info, line_range(file, l),
                      fmt::format("{}: is dropped: the build service sets it", name));
          continue;
        }
        if (name == "Group" && !style.keeps_group) continue;
        if (name == "Release") {
          out.push_back({l, style.tag_line("Release", style.release)});
          if (section.empty()) main_preamble_end = out.size();
          continue;
        }
        if (name == "License") {
          std::vector<std::string> unknown;
          const std::string spdx = spdx_license(tag->value, unknown);
          for (const auto& u : unknown)
            sink.report("convert-license-unknown", Severity::Warning, line_range(file, l),
                        fmt::format("licence '{}' is not an SPDX identifier: a human must name it", u));
          out.push_back({l, style.tag_line("License", spdx)});
          if (section.empty()) main_preamble_end = out.size(), after_license = out.size();
          continue;
        }
        if (kDependencyTags.count(name) != 0) {
          const bool maps = name != "Provides" && name != "Obsoletes";
          for (const auto& dep : split_dependencies(tag->value)) {
            std::string entry = dep;
            if (maps && !dep.empty() && dep.front() != '(') {
              const auto space = dep.find(' ');
              const std::string dep_name = dep.substr(0, space);
              const bool sibling =
                  std::any_of(options.sibling_packages.begin(), options.sibling_packages.end(),
                              [&](const std::string& s) { return dep_name == s || starts_with(dep_name, s + "-"); });
              bool own = dep_name == spec.name;
              for (const auto& p : spec.packages) own = own || p.name == dep_name;
              if (!sibling && !own) {
                const MappedName mapped = map_rpm_dependency(dep_name, style.flavor);
                switch (mapped.kind) {
                  case MappedName::Kind::Same:
                    break;
                  case MappedName::Kind::Renamed:
                    entry = mapped.name + (space == std::string::npos ? "" : dep.substr(space));
                    sink.report("convert-dependency-renamed", Severity::Info, line_range(file, l),
                                fmt::format("'{}' is called '{}' on {}", dep_name, mapped.name, style.display_name));
                    break;
                  case MappedName::Kind::Dropped:
                    sink.report("convert-dependency-dropped", Severity::Warning, line_range(file, l),
                                fmt::format("'{}' does not exist on {} and is dropped", dep_name, style.display_name));
                    entry.clear();
                    break;
                  case MappedName::Kind::Unmapped:
                    sink.report("convert-dependency-unmapped", Severity::Warning, line_range(file, l),
                                fmt::format("no {} name is known for '{}' (data/backends/rpm-names.tsv): kept as "
                                            "written, a human must check it",
                                            style.display_name, dep_name));
                    break;
                }
              }
            }
            if (!entry.empty() && kept_conditional_depth == 0 &&
                !unconditional_dependencies.insert(section_pkg + "|" + name + tag->qualifier + ": " + entry).second) {
              sink.report("convert-dependency-duplicate", Severity::Info, line_range(file, l),
                          fmt::format("'{}' is already listed: the repeat is dropped", entry));
              entry.clear();
            }
            if (!entry.empty()) out.push_back({l, style.tag_line(name + tag->qualifier, entry)});
          }
          if (section.empty() && name == "BuildRequires") last_build_requires = out.size();
          if (section.empty()) main_preamble_end = out.size();
          continue;
        }
        std::string tag_name = name;
        std::string value = tag->value;
        if (tag_name == "Url") tag_name = "URL";
        if (tag_name == "URL" && section.empty()) has_url = true;
        if (tag_name == "Summary") value = summary_style(value);
        if (tag_name == "Source0" || tag_name == "Source") {
          if (!style.source_url_prefix.empty() && value.find("://") == std::string::npos) {
            sink.report("convert-source-url", Severity::Info, line_range(file, l),
                        "Source0 gets the upstream archive URL: check that %setup finds the directory it unpacks");
            value = style.source_url_prefix + value;
          }
          if (style.flavor == RpmFlavor::Suse && input.package.service && value.find("://") == std::string::npos)
            out.push_back({0, "# katalint: disable=source-without-url made by the services in _service"});
        } else if (starts_with(tag_name, "Source") && value.find("://") == std::string::npos &&
                   value.find(".tar") != std::string::npos) {
          sink.report("convert-local-source", Severity::Info, line_range(file, l),
                      fmt::format("'{}' was made by the home project's scripts: commit it beside the spec", value));
          out.push_back({0, "# katalint: disable=source-without-url made by the home project's scripts, committed"});
        }
        out.push_back({l, style.tag_line(tag_name + tag->qualifier, value)});
        if (section.empty()) main_preamble_end = out.size();
        continue;
      }
      // %global / %define and comments keep their text, with path macros.
      const std::string_view t = trim(text);
      if (starts_with(t, "%global") || starts_with(t, "%define"))
        text = with_path_macros(replace_all(text, "$HOME/rpmbuild/BUILD", "%{_builddir}"));
      out.push_back({l, text});
      continue;
    }

    if (section == "description" || section.rfind("trigger", 0) == 0) {
      out.push_back({l, text});
      continue;
    }

    // Build sections, scriptlets and file lists.
    if (is_go_toolchain_line(text) || (result.bundled_go && section == "prep" && trim(text) == "mkdir local")) {
      sink.report("convert-go-toolchain-dropped", Severity::Info, line_range(file, l),
                  fmt::format("the bundled Go toolchain is replaced by {}'s own Go", style.display_name));
      continue;
    }
    if (section == "files" && system_directory_lines.count(l) != 0) {
      sink.report("convert-system-directory-dropped", Severity::Info, line_range(file, l),
                  fmt::format("'{}' is a directory the base system owns: dropped from %files", trim(text)));
      continue;
    }
    text = replace_all(text, "$HOME/rpmbuild/BUILD", "%{_builddir}");
    for (std::string_view v : {"${RPM_SOURCE_DIR}", "$RPM_SOURCE_DIR"}) text = replace_all(text, v, "%{_sourcedir}");
    for (std::string_view v : {"${RPM_BUILD_ROOT}", "$RPM_BUILD_ROOT"}) text = replace_all(text, v, "%{buildroot}");
    for (const auto& [base, number] : source_numbers)
      text = replace_all(text, "%{_sourcedir}/" + base, fmt::format("%{{SOURCE{}}}", number));
    text = with_path_macros(text);
    text = leading_tabs_as_spaces(text);
    if (!trim(text).empty() && trim(text).front() == '#') text = escape_comment_macros(text);
    if (section == "install") {
      static const std::regex make_install(R"(^(\s*)make install (.*)DESTDIR=%\{buildroot\} ?(.*)$)");
      std::smatch m;
      if (std::regex_match(text, m, make_install)) {
        std::string rest = std::string(trim(m[2].str() + m[3].str()));
        text = m[1].str() + "%make_install" + (rest.empty() ? "" : " " + rest);
      }
    }
    if (section == "build" || section == "install" || section == "check") {
      static const std::regex cflags(R"((^|[\s"])((?:CFLAGS|CXXFLAGS)=)(["']?))");
      std::smatch m;
      if (text.find("optflags") == std::string::npos && std::regex_search(text, m, cflags)) {
        const auto at = static_cast<std::size_t>(m.position(2) + m.length(2) + m.length(3));
        text.insert(at, "%{optflags} ");
        sink.report("convert-optflags-added", Severity::Info, line_range(file, l),
                    fmt::format("{} keeps the distribution's %{{optflags}} in front of the input's flags",
                                m[2].str().substr(0, m[2].str().size() - 1)));
      }
    }
    if (section == "install") {
      const std::string_view t = trim(text);
      if (t == "rm -rf %{buildroot}" || t == "%{__rm} -rf %{buildroot}" || t == "rm -fr %{buildroot}") {
        sink.report("convert-rm-buildroot-dropped", Severity::Info, line_range(file, l),
                    "rpm creates an empty build root before %install: the rm -rf is dropped");
        continue;
      }
    }
    if (section == "build") {
      const std::string_view t = trim(text);
      if (t == "make" || starts_with(t, "make ") || starts_with(t, "make\t")) {
        const auto pos = text.find("make");
        text = text.substr(0, pos) + "%make_build" + text.substr(pos + 4);
        // %make_build passes the job count itself.
        text = replace_all(text, " %{?_smp_mflags}", "");
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
      }
    }
    if (section == "files") {
      const std::string_view t = trim(text);
      if (starts_with(t, "%defattr")) {
        sink.report("convert-defattr-dropped", Severity::Info, line_range(file, l),
                    "%defattr(-,root,root) is rpm's default and is dropped");
        continue;
      }
      if (starts_with(t, "%license") && section_pkg.empty()) main_files_has_license = true;
      static const std::regex unit(R"(%\{_unitdir\}/([^ /]+\.(service|socket|timer)))");
      std::match_results<std::string::const_iterator> m;
      if (std::regex_search(text.cbegin(), text.cend(), m, unit)) units[section_pkg].push_back(m[1].str());
    }
    out.push_back({l, text});
  }
  close_section();
  if (!main_preamble_done) main_preamble_end = out.size();

  // 3. Additions, from the end of the file backwards so earlier indices stay valid.
  struct Insert {
    std::size_t at;
    std::vector<std::string> lines;
  };
  std::vector<Insert> inserts;

  if (!main_files_has_license && main_files_end) {
    std::size_t at = *main_files_end;
    while (at > 0 && trim(out[at - 1].text).empty()) --at;
    inserts.push_back({at, {"%license " + license_file}});
    if (license_source && prep_end) {
      std::size_t prep_at = *prep_end;
      while (prep_at > 0 && trim(out[prep_at - 1].text).empty()) --prep_at;
      inserts.push_back({prep_at, {fmt::format("cp -p %{{SOURCE{}}} .", *license_source)}});
    }
    sink.report("convert-license-added", Severity::Info, {spec.file, 0, 0},
                fmt::format("%license {} added to %files{}", license_file,
                            license_source || has_setup ? "" : ": the file must be in the build directory"));
  }

  std::vector<std::string> preamble_additions;
  if (result.uses_go) {
    const std::string go = rpm_macro_package("@go-toolchain", style.flavor);
    if (!result.go_version.empty())
      preamble_additions.push_back(style.tag_line("BuildRequires", go + " >= " + result.go_version));
    else
      preamble_additions.push_back(style.tag_line("BuildRequires", go));
    const std::string macros = rpm_macro_package("@go-macros", style.flavor);
    if (!macros.empty()) preamble_additions.push_back(style.tag_line("BuildRequires", macros));
  }
  bool any_units = false;
  std::vector<std::string> scriptlet_lines;
  for (const auto& [pkg, names] : units) {
    bool existing = false;
    for (const auto& p : spec.packages)
      if ((pkg.empty() ? p.name == spec.name : p.name == pkg))
        for (const auto& s : p.scripts)
          for (const auto& [kind, macro] : style.unit_scriptlets) existing = existing || s.kind == kind;
    if (existing) {
      sink.report("convert-scriptlet-needs-human", Severity::Warning, {spec.file, 0, 0},
                  fmt::format("{} already has install scriptlets: add the {} systemd macros for {} by hand",
                              pkg.empty() ? spec.name : pkg, style.display_name, names.front()));
      continue;
    }
    any_units = true;
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : " ") + n;
    const std::string suffix = pkg.empty() ? "" : " -n " + pkg;
    for (const auto& [kind, macro] : style.unit_scriptlets) {
      scriptlet_lines.push_back("%" + kind + suffix);
      scriptlet_lines.push_back(macro + " " + joined);
      scriptlet_lines.emplace_back();
    }
  }
  if (any_units) {
    preamble_additions.push_back(style.tag_line("BuildRequires", rpm_macro_package("@systemd-macros", style.flavor)));
    preamble_additions.push_back(style.unit_requires);
    if (first_files) inserts.push_back({*first_files, scriptlet_lines});
  }
  if (!has_url && !style.homepage.empty())
    inserts.push_back({after_license.value_or(main_preamble_end), {style.tag_line("URL", style.homepage)}});
  if (!preamble_additions.empty())
    inserts.push_back({last_build_requires.value_or(main_preamble_end), preamble_additions});

  std::stable_sort(inserts.begin(), inserts.end(), [](const Insert& a, const Insert& b) { return a.at > b.at; });
  for (const auto& ins : inserts) {
    std::vector<Line> add;
    for (const auto& s : ins.lines) add.push_back({0, s, false});
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(ins.at), add.begin(), add.end());
  }

  if (!has_setup && has_image_payload && !spec.sources.empty()) {
    result.prebuilt_image = true;
    sink.report("convert-prebuilt-image", Severity::Warning, spec.sources.front().range,
                fmt::format("'{}' is a prebuilt guest image: replaced by an initrd that dracut builds from {}'s "
                            "kernel; check that the runtime's configuration uses an initrd",
                            spec.sources.front().value, style.display_name));
    result.text = guest_image_spec(style, spec.name, spec.version, result.go_version);
    return result;
  }

  // The toolchain's own macros go when nothing uses them any more.
  if (result.bundled_go) {
    for (auto& line : out) {
      const std::string macro = defined_macro(line.text);
      if (macro != "GO_VERSION" && macro != "GO_ARCH" && macro != "GO_CHECKSUM") continue;
      bool used = false;
      for (const auto& other : out)
        if (&other != &line && (other.text.find("%{" + macro + "}") != std::string::npos ||
                                other.text.find("%" + macro) != std::string::npos))
          used = true;
      if (used) continue;
      sink.report("convert-go-toolchain-dropped", Severity::Info, line_range(file, line.number),
                  fmt::format("'%{{{}}}' only served the bundled Go toolchain: dropped", macro));
      line.removed = true;
    }
  }

  // 4. Text: header, lines with runs of blank lines collapsed, the changelog.
  std::string text = style.header;
  bool last_blank = true;
  for (const auto& line : out) {
    if (line.removed) continue;
    const bool blank = trim(line.text).empty();
    if (blank && last_blank) continue;
    text += blank ? std::string() : line.text;
    text += '\n';
    last_blank = blank;
  }
  if (!last_blank) text += '\n';
  text += "%changelog\n";
  text += style.changelog_body;
  result.text = std::move(text);
  return result;
}

namespace {

std::optional<std::int64_t> parse_time(const std::string& text, const char* format) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), format, &tm);
  if (end == nullptr) return std::nullopt;
  const long offset = tm.tm_gmtoff;
  return static_cast<std::int64_t>(timegm(&tm)) - offset;
}

}  // namespace

std::vector<ChangeEntry> collect_changelog(const ConvertInput& input, const ConvertOptions& options,
                                           std::string_view target, ir::DiagnosticSink& sink) {
  std::vector<ChangeEntry> entries;
  ChangeEntry own;
  own.time = options.timestamp;
  own.author = options.packager;
  own.lines.push_back(fmt::format("- Package {} for {}, converted from its home-project packaging",
                                  input.package.merged.name, target));
  entries.push_back(own);

  const auto& pd = input.package;
  if (pd.spec && !pd.spec->changelog.empty()) {
    for (const auto& e : pd.spec->changelog) {
      ChangeEntry c;
      c.author = e.author;
      c.version = e.version;
      c.has_time_of_day = false;
      if (auto t = parse_time(e.date, "%a %b %d %Y")) c.time = *t;
      else
        sink.report("convert-changelog-date", ir::Severity::Warning, e.header_range.valid() ? e.header_range : e.range,
                    fmt::format("changelog date '{}' does not parse: the entry is dated 1970", e.date));
      for (const auto& line : e.lines) {
        if (line.empty()) continue;
        c.lines.push_back(line.front() == '-' || line.front() == ' ' || line.front() == '*' ? line : "- " + line);
      }
      entries.push_back(std::move(c));
    }
    sink.report("convert-changelog-lossy", ir::Severity::Info, pd.spec->changelog.front().range,
                fmt::format("%changelog entries carry no time of day: the {} entries are dated at 00:00 UTC", target));
  } else if (pd.debian_changelog && !pd.debian_changelog->entries.empty()) {
    for (const auto& e : pd.debian_changelog->entries) {
      ChangeEntry c;
      c.author = e.author;
      c.version = e.version;
      if (auto t = parse_time(e.date, "%a, %d %b %Y %H:%M:%S %z")) c.time = *t;
      else
        sink.report("convert-changelog-date", ir::Severity::Warning, e.trailer_range.valid() ? e.trailer_range : e.range,
                    fmt::format("changelog date '{}' does not parse: the entry is dated 1970", e.date));
      for (const auto& line : e.lines) {
        std::string_view t = line;
        if (trim(t).empty()) continue;
        const std::string_view body = trim(t);
        if (body.front() == '*' || body.front() == '-')
          c.lines.push_back("- " + std::string(trim(body.substr(1))));
        else if (body.front() == '[')
          c.lines.push_back("- " + std::string(body));
        else
          c.lines.push_back("  " + std::string(body));
      }
      entries.push_back(std::move(c));
    }
    sink.report("convert-changelog-lossy", ir::Severity::Info, pd.debian_changelog->entries.front().range,
                fmt::format("Debian changelog distributions and urgencies have no place in the {} changelog", target));
  }
  return entries;
}

}  // namespace katalint::backends
