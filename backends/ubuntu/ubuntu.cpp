#include "backends/ubuntu/ubuntu.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "backends/suse/style/style.hpp"
#include "backends/ubuntu/depmap.hpp"
#include "rules/debian/support.hpp"
#include "rules/readiness/spdx.hpp"

namespace katalint::backends::ubuntu {
namespace {

using ir::Severity;

constexpr std::string_view kStandardsVersion = "4.6.2";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t eol = text.find('\n', start);
    if (eol == std::string_view::npos) {
      if (start < text.size()) lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, eol - start));
    start = eol + 1;
  }
  return lines;
}

std::string basename_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Debian package names: lower case, [a-z0-9][a-z0-9+.-]+.
std::string debian_package_name(std::string_view name) {
  std::string out;
  for (char c : lower(name)) {
    const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (out.empty() && !alnum) continue;  // a name starts with a letter or digit
    out += alnum || c == '+' || c == '.' || c == '-' ? c : '-';
  }
  if (out.empty()) out = "unnamed";
  if (out.size() < 2) out += "-pkg";
  return out;
}

// Characters a Debian upstream version or revision may not hold become '.'.
std::string debian_version_part(std::string_view part, bool revision) {
  std::string out;
  for (char c : part)
    out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '~' || (!revision && c == '-') ? c
                                                                                                                    : '.';
  return out;
}

// RPM's ISA names -> Debian architectures.
std::optional<std::string> debian_arch(std::string_view rpm_arch) {
  static constexpr std::pair<std::string_view, std::string_view> kArches[] = {
      {"x86_64", "amd64"}, {"amd64", "amd64"},     {"aarch64", "arm64"}, {"ppc64le", "ppc64el"},
      {"s390x", "s390x"},  {"i386", "i386"},       {"i586", "i386"},     {"i686", "i386"},
      {"armv7hl", "armhf"}, {"riscv64", "riscv64"}, {"ppc64", "ppc64"},  {"noarch", "all"},
      {"%{ix86}", "i386"}};
  for (const auto& [from, to] : kArches)
    if (from == rpm_arch) return std::string(to);
  return std::nullopt;
}

// A Debian version ([epoch:]upstream[-revision]) or a substvar standing for one.
bool debian_version_ok(const std::string& evr) {
  static const std::regex kDebianVersion(R"(^(\d+:)?[0-9][A-Za-z0-9.+~-]*$|^\$\{[A-Za-z0-9:-]+\}$)");
  return std::regex_match(evr, kDebianVersion);
}

std::string make_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '$') out += '$';
  }
  return out;
}

class Emitter {
 public:
  Emitter(const ir::Package& package, const ir::SourceManager& sources, const Options& options, ir::DiagnosticSink& sink)
      : pkg_(package), sources_(sources), options_(options), sink_(sink) {}

  EmittedFiles run();

 private:
  // A diagnostic at the IR node's range, or at the package's file when the node has none.
  void report(std::string rule, Severity severity, ir::Range range, std::string message) {
    if (!range.valid() && pkg_.file != ir::kNoFile) range = {pkg_.file, 0, 0};
    sink_.report(std::move(rule), severity, range, std::move(message));
  }

  void pick_release();
  void read_identity();
  void scan_go();
  void scan_prebuilt_images();
  void scan_lua();
  void report_conditionals();
  std::vector<std::string> relation_atoms(const ir::Dependency& dep, bool build);
  std::string version_clause(const ir::Dependency& dep, const std::string& debian_name, bool build);
  std::string control();
  std::string dsc();
  std::string rules();
  std::string changelog();
  std::string copyright();
  std::string translate_body(const ir::BuildSection& section);
  std::string description(const ir::BinaryPackage& b, const std::string& name);
  void emit_package_files(EmittedFiles& files, std::string_view prefix);
  std::string path(std::string_view name) const {
    return options_.obs_layout ? "debian." + std::string(name) : "debian/" + std::string(name);
  }

  const ir::Package& pkg_;
  const ir::SourceManager& sources_;
  const Options& options_;
  ir::DiagnosticSink& sink_;

  Release release_{};
  std::string source_;
  std::string version_;  // [epoch:]upstream-revision
  std::string maintainer_;
  std::set<std::string> binaries_;
  bool go_ = false;
  int go_minor_ = 0;  // minimum Go 1.<minor>, 0 when unknown
  std::vector<std::string> build_depends_;
  bool scratch_ = false;  // the recipes use debian/build for rpm's %_builddir
};

void Emitter::pick_release() {
  if (const Release* r = find_release(options_.release)) {
    release_ = *r;
    return;
  }
  release_ = *find_release("noble");
  report("unknown-release", Severity::Error, {},
         fmt::format("unknown Ubuntu release '{}'; the files are written for noble", options_.release));
}

void Emitter::read_identity() {
  source_ = debian_package_name(pkg_.name);
  if (pkg_.name.empty())
    report("lossy-conversion", Severity::Error, {}, "the spec has no Name: the Debian source is called 'unnamed'");
  else if (pkg_.name.find('%') != std::string::npos)
    report("lossy-conversion", Severity::Error, {},
           "the spec's Name holds a macro katalint cannot expand; the Debian source name is made from its text");
  else if (source_ != pkg_.name)
    report("lossy-conversion", Severity::Info, {}, fmt::format("the source is named '{}' in Debian spelling", source_));
  std::string upstream = debian_version_part(pkg_.version.empty() ? "0" : pkg_.version, false);
  if (upstream.empty() || !std::isdigit(static_cast<unsigned char>(upstream[0]))) upstream = "0~" + upstream;
  std::string revision = pkg_.release.empty() ? "1" : debian_version_part(pkg_.release, true);
  if (revision == "0") {  // openSUSE's `Release: 0` (OBS counts builds); a Debian revision starts at 1
    revision = "1";
    report("lossy-conversion", Severity::Info, {}, "Release 0 becomes the Debian revision 1 (revision 0 is not allowed)");
  }
  version_ = (pkg_.epoch ? *pkg_.epoch + ":" : "") + upstream + "-" + revision;
  for (const auto& b : pkg_.packages) binaries_.insert(debian_package_name(b.name));

  // `Name <address>`, written with exactly one blank before the address.
  static const std::regex kContact(R"(^([^<>]*[^<>\s])\s*<([^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)>$)");
  auto contact = [](const std::string& text) -> std::string {
    std::smatch m;
    const std::string t = trim(text);
    return std::regex_match(t, m, kContact) ? m.str(1) + " <" + m.str(2) + ">" : std::string();
  };
  for (const auto& entry : pkg_.changelog)
    if (maintainer_.empty()) maintainer_ = contact(entry.author);
  auto packager = [&](const std::vector<ir::Field>& fields) {
    for (const auto& f : fields)
      if (maintainer_.empty() && f.name == "Packager") maintainer_ = contact(f.value);
  };
  packager(pkg_.fields);
  if (!pkg_.packages.empty()) packager(pkg_.packages.front().fields);
  if (maintainer_.empty()) maintainer_ = contact(options_.maintainer);
  if (maintainer_.empty()) {
    maintainer_ = "Unknown Maintainer <maintainer@example.org>";
    report("lossy-conversion", Severity::Warning, {},
           "the spec names no maintainer (no Packager, no %changelog author): set Maintainer in debian/control "
           "and the debian/changelog trailer");
  }
}

// Go: a toolchain in BuildRequires, or the prebuilt upstream toolchain Kata-style specs unpack.
void Emitter::scan_go() {
  static const std::regex kMinor(R"(^(?:\d+:)?1\.(\d+))");
  for (const auto& dep : pkg_.build_dependencies) {
    if (debian_name_for(dep.name).kind != DebianName::Kind::GoToolchain) continue;
    go_ = true;
    std::smatch m;
    if ((dep.op == ">=" || dep.op == ">" || dep.op == "=") && std::regex_search(dep.evr, m, kMinor))
      go_minor_ = std::max(go_minor_, std::stoi(m[1]));
    if (dep.name.rfind("go1.", 0) == 0) go_minor_ = std::max(go_minor_, std::atoi(dep.name.c_str() + 4));
  }
  static const std::regex kTarball(R"(go(1\.(\d+))(\.\d+)?\.(linux|src)-?[A-Za-z0-9_@]*\.tar\.gz)");
  for (const auto& s : pkg_.sources) {
    std::smatch m;
    if (std::regex_search(s.value, m, kTarball)) {
      go_ = true;
      go_minor_ = std::max(go_minor_, std::stoi(m[2]));
      report("prebuilt-toolchain-source", Severity::Warning, s.range,
             fmt::format("the source '{}' is a Go toolchain: the Ubuntu package build-depends on a packaged Go "
                         "instead and does not ship it",
                         basename_of(s.value)));
    }
  }
  for (const auto& section : pkg_.build_sections) {
    std::smatch m;
    if (std::regex_search(section.body, m, kTarball)) {
      go_ = true;
      go_minor_ = std::max(go_minor_, std::stoi(m[2]));
      report("prebuilt-toolchain-source", Severity::Warning, section.range,
             fmt::format("%{} unpacks the prebuilt Go toolchain {}: the Ubuntu build uses a packaged Go "
                         "(GOTOOLCHAIN=local) and drops these commands",
                         section.name, m.str(0)));
    }
    if (section.body.find("go build") != std::string::npos || section.body.find("GOPATH") != std::string::npos)
      go_ = true;
  }
}

// A source archive that the spec only unpacks and installs disk images from.
void Emitter::scan_prebuilt_images() {
  static const std::regex kImageFile(R"(\.(img|qcow2|iso|initrd|raw|vmdk)\b)");
  static const std::regex kImageName(R"(\.(img|qcow2|iso|initrd|raw|vmdk)(\.(gz|xz|bz2|zst))?$)");
  for (const auto& s : pkg_.sources) {
    if (s.is_patch) continue;
    const std::string name = basename_of(s.value);
    bool prebuilt = std::regex_search(name, kImageName);
    for (const auto& section : pkg_.build_sections) {
      if (prebuilt || name.empty()) break;
      for (const auto& line : split_lines(section.body))
        if (line.find("tar ") != std::string::npos && line.find(name) != std::string::npos &&
            std::regex_search(section.body, kImageFile)) {
          prebuilt = true;
          break;
        }
    }
    if (prebuilt)
      report("prebuilt-image-source", Severity::Warning, s.range,
             fmt::format("the source '{}' holds prebuilt disk images: an Ubuntu source package builds what it "
                         "ships from source",
                         name));
  }
}

void Emitter::scan_lua() {
  if (pkg_.file == ir::kNoFile) return;
  const auto text = sources_.file(pkg_.file).text();
  for (std::size_t at = text.find("%{lua:"); at != std::string_view::npos; at = text.find("%{lua:", at + 1))
    report("lua-macro-not-converted", Severity::Warning,
           {pkg_.file, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 6)},
           "a Lua macro: katalint never runs Lua, so the Ubuntu files carry no value for it");
  for (const auto& b : pkg_.packages)
    for (const auto& s : b.scripts)
      if (s.interpreter == "<lua>")
        report("lua-macro-not-converted", Severity::Warning, s.range,
               fmt::format("the %{} scriptlet is Lua: dpkg maintainer scripts are shell, so it is not converted", s.kind));
}

void Emitter::report_conditionals() {
  for (const auto& c : pkg_.conditionals) {
    const std::string taken = c.taken < 0 ? "no branch" : fmt::format("branch {} of {}", c.taken + 1, c.branches.size());
    report("dropped-conditional", Severity::Info, c.branches.empty() ? c.range : c.branches.front(),
           fmt::format("%{} evaluated for the spec's target ({} taken): the Ubuntu files keep only that branch",
                       c.directive, taken));
  }
}

std::string go_dependency(const Release& release, int minor) {
  if (minor > release.go_minor) return fmt::format("golang-1.{}-go", minor);
  if (minor > 0) return fmt::format("golang-go (>= 2:1.{}~)", minor);
  return "golang-go";
}

// ` (op version)` for one dependency, "" when unversioned.
std::string Emitter::version_clause(const ir::Dependency& dep, const std::string& debian_name, bool build) {
  if (dep.op.empty() || dep.evr.empty()) return {};
  std::string op = dep.op == "<" ? "<<" : dep.op == ">" ? ">>" : dep.op == "==" ? "=" : dep.op;
  std::string evr = dep.evr;
  if (!build && binaries_.count(debian_name) && (evr == pkg_.version || evr == pkg_.version + "-" + pkg_.release))
    return op == "=" ? " (= ${binary:Version})" : fmt::format(" ({} ${{binary:Version}})", op);
  if (!debian_version_ok(evr)) {
    report("lossy-conversion", Severity::Warning, dep.range,
           fmt::format("'{}' is not a Debian version; the dependency on {} is written without it", evr, debian_name));
    return {};
  }
  if (op == "=" && evr.find('-') == std::string::npos && evr.rfind("${", 0) != 0) {
    report("lossy-conversion", Severity::Info, dep.range,
           fmt::format("'{} = {}' pins an upstream version; Debian versions carry a revision, so it becomes '>= {}'",
                       dep.name, evr, evr));
    op = ">=";
  }
  return fmt::format(" ({} {})", op, evr);
}

// The Debian atoms for one RPM dependency; empty when it is dropped (and reported).
std::vector<std::string> Emitter::relation_atoms(const ir::Dependency& dep, bool build) {
  if (dep.rich) {
    report("unmapped-dependency", Severity::Warning, dep.range,
           fmt::format("the rich dependency '{}' has no Debian form; it is not converted", dep.name));
    return {};
  }
  if (!dep.name.empty() && dep.name.front() == '/') {
    report("unmapped-dependency", Severity::Warning, dep.range,
           fmt::format("the file dependency '{}' has no Debian form; depend on the package that ships it", dep.name));
    return {};
  }
  if (dep.name == "build-essential") {
    report("lossy-conversion", Severity::Info, dep.range, "build-essential is always installed on Debian; the dependency is dropped");
    return {};
  }
  DebianName mapped = debian_name_for(dep.name);
  if (binaries_.count(debian_package_name(dep.name))) mapped = {DebianName::Kind::Package, debian_package_name(dep.name), "built here"};
  const auto& siblings = options_.sibling_packages;
  if (std::find(siblings.begin(), siblings.end(), dep.name) != siblings.end())
    mapped = {DebianName::Kind::Package, debian_package_name(dep.name), "built by the same project"};
  switch (mapped.kind) {
    case DebianName::Kind::Drop:
      report("lossy-conversion", Severity::Info, dep.range,
             fmt::format("'{}' is not needed on Ubuntu ({})", dep.name, mapped.why));
      return {};
    case DebianName::Kind::GoToolchain:
      return {};  // one toolchain dependency for the whole package, see scan_go()
    case DebianName::Kind::Unmapped:
      if (mapped.name.empty()) {
        report("unmapped-dependency", Severity::Warning, dep.range,
               fmt::format("no Debian package is known for '{}' (tables: {}); it is not converted", dep.name,
                           tables_release()));
        return {};
      }
      report("unmapped-dependency", Severity::Warning, dep.range,
             fmt::format("no Debian package is known for '{}' (tables: {}); kept as '{}'", dep.name, tables_release(),
                         mapped.name));
      break;
    case DebianName::Kind::Package:
      break;
  }
  if (const auto replacement = rules::debian_support::obsolete_replacement(mapped.name)) {
    report("lossy-conversion", Severity::Info, dep.range,
           fmt::format("'{}' is obsolete in Debian; '{}' replaces it", mapped.name, *replacement));
    mapped.name = std::string(*replacement);
  }
  const std::string version = version_clause(dep, mapped.name, build);
  // Essential and build-essential packages are always there; only a version says anything.
  if (version.empty() && (rules::debian_support::is_essential(mapped.name) ||
                          (build && rules::debian_support::is_build_essential(mapped.name)))) {
    report("lossy-conversion", Severity::Info, dep.range,
           fmt::format("'{}' is always installed on Debian; the dependency is dropped", mapped.name));
    return {};
  }
  return {mapped.name + version};
}

void append_unique(std::vector<std::string>& list, std::vector<std::string> atoms) {
  for (auto& a : atoms)
    if (std::find(list.begin(), list.end(), a) == list.end()) list.push_back(std::move(a));
}

std::string folded_field(std::string_view name, const std::vector<std::string>& atoms) {
  if (atoms.empty()) return {};
  std::string out = std::string(name) + ":\n";
  for (const auto& a : atoms) out += " " + a + ",\n";
  return out;
}

constexpr std::size_t kDebianLineWidth = 80;  // lintian's limit for description lines

using rules::debian_support::code_points;  // counted as lintian counts line lengths

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// `text` broken at blanks into lines of at most `width` code points; a longer word stays whole.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  std::vector<std::string> out;
  std::string line;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j == i) break;
    const std::string_view word = text.substr(i, j - i);
    if (!line.empty() && code_points(line) + 1 + code_points(word) > width) {
      out.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + std::string(word);
    i = j;
  }
  if (!line.empty() || out.empty()) out.push_back(line);
  return out;
}

// Lowercase, trimmed, without a final full stop: how lintian compares synopses and lines.
std::string comparable(std::string_view text) {
  std::string out = lower(trim(text));
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  return out;
}

// The Description field. lintian errors avoided: a synopsis that is the package name
// (description-is-pkg-name) and an extended description whose first line repeats the
// synopsis (description-synopsis-is-duplicated).
std::string Emitter::description(const ir::BinaryPackage& b, const std::string& name) {
  std::string synopsis = trim(b.summary);
  std::replace(synopsis.begin(), synopsis.end(), '\t', ' ');
  std::vector<std::string> lines = split_lines(b.description);
  auto strip_blank_ends = [&lines] {
    while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
    while (!lines.empty() && trim(lines.front()).empty()) lines.erase(lines.begin());
  };
  strip_blank_ends();
  const std::string as_name = rules::debian_support::fuzzy_name(name);
  if (synopsis.empty() || rules::debian_support::fuzzy_name(synopsis) == as_name) {
    if (!lines.empty() && trim(lines.front()).size() < 80 && rules::debian_support::fuzzy_name(comparable(lines.front())) != as_name) {
      synopsis = trim(lines.front());
      if (!synopsis.empty() && synopsis.back() == '.') synopsis.pop_back();
      lines.erase(lines.begin());
    } else {
      synopsis = synopsis.empty() ? "summary missing from the spec" : synopsis + " package";
    }
    report("lossy-conversion", Severity::Info, b.description_range.valid() ? b.description_range : b.range,
           fmt::format("the summary of {} is empty or its name; the Debian synopsis is '{}'", name, synopsis));
  }
  const ir::Range where = b.description_range.valid() ? b.description_range : b.range;
  // Package lists show the name beside the synopsis (description-starts-with-package-name).
  if (synopsis.size() > name.size() && comparable(synopsis.substr(0, name.size())) == name &&
      !is_word_char(synopsis[name.size()])) {
    std::string rest = trim(synopsis.substr(name.size()));
    while (!rest.empty() && std::string_view("-:,;").find(rest.front()) != std::string_view::npos)
      rest = trim(rest.substr(1));
    if (!rest.empty()) {
      rest[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rest[0])));
      report("lossy-conversion", Severity::Info, where,
             fmt::format("the summary of {} starts with its name; the Debian synopsis is '{}'", name, rest));
      synopsis = rest;
    }
  }
  strip_blank_ends();
  if (!lines.empty() && comparable(lines.front()) == comparable(synopsis)) lines.erase(lines.begin());
  strip_blank_ends();
  // A synopsis fits in 80 columns (synopsis-too-long); the whole summary opens the description.
  if (code_points(synopsis) > kDebianLineWidth) {
    lines.insert(lines.begin(), {synopsis, ""});
    synopsis = wrap_words(synopsis, kDebianLineWidth - 4).front();
    while (!synopsis.empty() && std::string_view(" ,;:-").find(synopsis.back()) != std::string_view::npos)
      synopsis.pop_back();
    report("lossy-conversion", Severity::Info, where,
           fmt::format("the summary of {} is longer than {} characters; the Debian synopsis is '{}'", name,
                       kDebianLineWidth, synopsis));
  }
  if (lines.empty()) lines.push_back(fmt::format("This package is part of {}.", source_));
  std::string out = "Description: " + synopsis + "\n";
  for (auto line : lines) {
    std::replace(line.begin(), line.end(), '\t', ' ');
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.empty()) {
      out += " .\n";
    } else if (line.front() == '.') {
      out += "  " + line + "\n";  // ` .x` is reserved; two blanks make it a verbatim line
    } else if (line.front() == ' ') {
      out += " " + line + "\n";  // indented lines are verbatim and keep their layout
    } else {
      // A word too long to wrap (a URL) goes on a verbatim line, which lintian does not measure.
      for (const auto& part : wrap_words(line, kDebianLineWidth))
        out += (code_points(part) > kDebianLineWidth ? "  " : " ") + part + "\n";
    }
  }
  return out;
}

std::string Emitter::control() {
  build_depends_ = {fmt::format("debhelper-compat (= {})", release_.debhelper_compat)};
  if (go_) build_depends_.push_back(go_dependency(release_, go_minor_));
  for (const auto& dep : pkg_.build_dependencies) {
    if (dep.kind != ir::DepKind::BuildRequires) continue;
    append_unique(build_depends_, relation_atoms(dep, true));
  }
  std::vector<std::string> build_conflicts;
  for (const auto& dep : pkg_.build_dependencies)
    if (dep.kind == ir::DepKind::BuildConflicts) append_unique(build_conflicts, relation_atoms(dep, true));

  std::string out = "Source: " + source_ + "\nSection: misc\nPriority: optional\nMaintainer: " + maintainer_ + "\n";
  out += folded_field("Build-Depends", build_depends_);
  out += folded_field("Build-Conflicts", build_conflicts);
  out += fmt::format("Standards-Version: {}\n", kStandardsVersion);
  if (pkg_.url.rfind("http://", 0) == 0 || pkg_.url.rfind("https://", 0) == 0) out += "Homepage: " + pkg_.url + "\n";
  out += "Rules-Requires-Root: no\n";

  // Architecture: BuildArch noarch -> all; ExclusiveArch -> the list.
  std::string source_arch = "any";
  if (!pkg_.exclusive_arch.empty()) {
    std::set<std::string> arches;
    for (const auto& a : pkg_.exclusive_arch)
      if (auto d = debian_arch(a); d && *d != "all") arches.insert(*d);
    if (!arches.empty()) {
      source_arch.clear();
      for (const auto& a : arches) source_arch += (source_arch.empty() ? "" : " ") + a;
    }
  }
  if (!pkg_.exclude_arch.empty())
    report("lossy-conversion", Severity::Info, {},
           "ExcludeArch has no Debian form (Architecture lists where a package builds); the package builds on any");

  for (const auto& b : pkg_.packages) {
    const std::string name = debian_package_name(b.name);
    std::string arch = source_arch;
    if (b.arch == "noarch" || (b.arch.empty() && std::find(pkg_.build_arch.begin(), pkg_.build_arch.end(), "noarch") !=
                                                     pkg_.build_arch.end()))
      arch = "all";
    std::vector<std::string> depends, pre_depends, recommends, suggests, enhances, conflicts, breaks, replaces, provides;
    if (arch != "all") depends.push_back("${shlibs:Depends}");
    depends.push_back("${misc:Depends}");
    for (const auto& dep : b.dependencies) {
      switch (dep.kind) {
        case ir::DepKind::Requires:
          append_unique(depends, relation_atoms(dep, false));
          break;
        case ir::DepKind::Recommends:
          append_unique(recommends, relation_atoms(dep, false));
          break;
        case ir::DepKind::Suggests:
          append_unique(suggests, relation_atoms(dep, false));
          break;
        case ir::DepKind::Enhances:
        case ir::DepKind::Supplements:
          append_unique(enhances, relation_atoms(dep, false));
          break;
        case ir::DepKind::Conflicts:
          append_unique(conflicts, relation_atoms(dep, false));
          break;
        case ir::DepKind::Obsoletes: {
          auto atoms = relation_atoms(dep, false);
          append_unique(breaks, atoms);
          append_unique(replaces, atoms);
          break;
        }
        case ir::DepKind::Provides:
          if (dep.name.find('(') != std::string::npos) {
            report("lossy-conversion", Severity::Info, dep.range,
                   fmt::format("Debian has no virtual package '{}'; the Provides is not converted", dep.name));
          } else if (!dep.op.empty() && dep.op != "=") {
            report("lossy-conversion", Severity::Info, dep.range, "a Debian Provides may only carry '='");
          } else {
            std::string atom = debian_package_name(dep.name);
            if (!dep.evr.empty() && debian_version_ok(dep.evr))
              atom += " (= " + dep.evr + ")";
            else if (!dep.evr.empty())
              report("lossy-conversion", Severity::Warning, dep.range,
                     fmt::format("'{}' is not a Debian version; the Provides is written without it", dep.evr));
            append_unique(provides, {atom});
          }
          break;
        case ir::DepKind::PreDepends:
          append_unique(pre_depends, relation_atoms(dep, false));
          break;
        case ir::DepKind::Breaks:
          append_unique(breaks, relation_atoms(dep, false));
          break;
        case ir::DepKind::Replaces:
          append_unique(replaces, relation_atoms(dep, false));
          break;
        default:
          report("lossy-conversion", Severity::Info, dep.range,
                 fmt::format("{} has no Debian form; '{}' is not converted", ir::to_string(dep.kind), dep.name));
          break;
      }
    }
    out += "\nPackage: " + name + "\nArchitecture: " + arch + "\n";
    auto one_line = [](std::string_view field, const std::vector<std::string>& atoms) {
      std::string joined;
      for (const auto& a : atoms) joined += (joined.empty() ? "" : ", ") + a;
      return atoms.empty() ? std::string() : std::string(field) + ": " + joined + "\n";
    };
    out += one_line("Pre-Depends", pre_depends) + one_line("Depends", depends) + one_line("Recommends", recommends) +
           one_line("Suggests", suggests) + one_line("Enhances", enhances) + one_line("Conflicts", conflicts) +
           one_line("Breaks", breaks) + one_line("Replaces", replaces) + one_line("Provides", provides);
    out += description(b, name);
  }
  return out;
}

std::string Emitter::dsc() {
  std::string binaries, tarball;
  for (const auto& b : pkg_.packages) binaries += (binaries.empty() ? "" : ", ") + debian_package_name(b.name);
  for (const auto& s : pkg_.sources)
    if (!s.is_patch) {
      tarball = basename_of(s.value);
      break;
    }
  std::string depends;
  for (const auto& a : build_depends_) depends += (depends.empty() ? "" : ", ") + a;
  std::string out = "Format: 3.0 (quilt)\nSource: " + source_ + "\nBinary: " + binaries + "\nArchitecture: any\nVersion: " +
                    version_ + "\nMaintainer: " + maintainer_ + "\n";
  if (pkg_.url.rfind("http", 0) == 0) out += "Homepage: " + pkg_.url + "\n";
  out += fmt::format("Standards-Version: {}\nBuild-Depends: {}\n", kStandardsVersion, depends);
  if (!tarball.empty()) out += "Debtransform-Tar: " + tarball + "\n";
  else
    report("lossy-conversion", Severity::Warning, {}, "the spec has no Source: the .dsc names no Debtransform-Tar");
  if (std::any_of(pkg_.sources.begin(), pkg_.sources.end(), [](const auto& s) { return s.is_patch; }))
    out += "Debtransform-Series: debian.series\n";
  return out;
}

// A spec section body as a recipe: rpm's paths become the Debian build's, `$` is escaped for
// make, and the commands that fetch or unpack a prebuilt Go toolchain are left out.
std::string Emitter::translate_body(const ir::BuildSection& section) {
  static const std::regex kBuildroot(R"([^\s"'=]*/BUILDROOT/[^\s"'/]+)");
  static const std::regex kSourcedir(R"([^\s"'=]*/rpmbuild/SOURCES)");
  std::string quoted_name;  // the package name as a literal inside the pattern
  for (char c : pkg_.name) {
    if (std::string_view(R"(\^$.|?*+()[]{})").find(c) != std::string_view::npos) quoted_name += '\\';
    quoted_name += c;
  }
  const std::regex kBuilddir(R"([^\s"'=]*/rpmbuild/BUILD/)" + quoted_name + R"([^\s"'/]*)");
  static const std::regex kBuildtop(R"([^\s"'=]*/rpmbuild/BUILD(?![A-Z]))");
  static const std::regex kToolchain(R"(go1\.\d+(\.\d+)?\.linux-|\bGOROOT=|local/go/bin)");
  std::string out;
  std::size_t dropped = 0;
  for (const auto& raw : split_lines(section.body)) {
    std::string line = raw;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.pop_back();
    if (trim(line).empty()) continue;
    // std::regex recurses per character: very long lines (embedded data) are copied as they are.
    if (line.size() > 4096) {
      out += "\t" + make_escape(line) + "\n";
      continue;
    }
    if (std::regex_search(line, kToolchain)) {
      ++dropped;
      continue;
    }
    line = make_escape(line);
    line = std::regex_replace(line, kBuildroot, "$$(CURDIR)/debian/tmp");
    line = std::regex_replace(line, kSourcedir, "$$(CURDIR)/debian");
    line = std::regex_replace(line, kBuilddir, "$$(CURDIR)");
    if (std::regex_search(line, kBuildtop)) {
      line = std::regex_replace(line, kBuildtop, "$$(CURDIR)/debian/build");
      scratch_ = true;
    }
    out += "\t" + line + "\n";
  }
  if (dropped)
    report("lossy-conversion", Severity::Info, section.range,
           fmt::format("{} line(s) of %{} set up the prebuilt Go toolchain and are left out", dropped, section.name));
  return out;
}

std::string Emitter::rules() {
  std::string out = "#!/usr/bin/make -f\n";
  out += fmt::format("# Converted from the {} spec by katalint.\n\n", source_);
  out += "# Each target's commands run in one shell that stops at the first failing command,\n"
         "# as rpm runs a spec section.\n.ONESHELL:\n.SHELLFLAGS := -ec\n\n";
  if (go_) {
    if (go_minor_ > release_.go_minor)
      out += fmt::format("# {}'s default Go is 1.{}; the build needs 1.{}.\nexport PATH := /usr/lib/go-1.{}/bin:$(PATH)\n",
                         release_.name, release_.go_minor, go_minor_, go_minor_);
    out += "# Never download a Go toolchain during the build.\nexport GOTOOLCHAIN := local\n\n";
  }
  out += "%:\n\tdh $@\n";
  const ir::BuildSection* prep = nullptr;
  std::map<std::string, const ir::BuildSection*> sections;
  for (const auto& s : pkg_.build_sections) {
    if (s.name == "prep") prep = &s;
    sections[s.name] = &s;
  }
  if (prep)
    report("lossy-conversion", Severity::Info, prep->range,
           "%prep is not converted: dpkg-source unpacks the upstream tarball and applies debian/patches");
  if (sections.count("clean"))
    report("lossy-conversion", Severity::Info, sections["clean"]->range, "%clean is not converted: dh_clean does its work");
  static constexpr std::pair<std::string_view, std::string_view> kTargets[] = {
      {"conf", "override_dh_auto_configure"}, {"build", "override_dh_auto_build"},
      {"check", "override_dh_auto_test"}, {"install", "override_dh_auto_install"}};
  for (const auto& [section, target] : kTargets) {
    out += "\n" + std::string(target) + ":\n";
    auto it = sections.find(std::string(section));
    if (it == sections.end()) continue;
    const std::string body = translate_body(*it->second);
    if (body.empty()) continue;
    if (section == "check")
      out += "ifeq (,$(filter nocheck,$(DEB_BUILD_OPTIONS)))\n" + body + "endif\n";
    else
      out += body;
  }
  if (scratch_) out += "\nexecute_after_dh_clean:\n\trm -rf debian/build\n";
  return out;
}

std::string rfc2822_date() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = static_cast<std::time_t>(std::atoll(epoch));
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buffer;
}

std::string Emitter::changelog() {
  std::vector<std::string> items;
  if (!pkg_.changelog.empty()) {
    for (const auto& line : pkg_.changelog.front().lines) {
      std::string item = trim(line);
      if (!item.empty() && (item.front() == '-' || item.front() == '*')) item = trim(item.substr(1));
      if (!item.empty()) items.push_back(item);
    }
    if (pkg_.changelog.size() > 1)
      report("lossy-conversion", Severity::Info, pkg_.changelog[1].range,
             "only the newest %changelog entry is converted; older ones stay in the spec's history");
  }
  if (items.empty()) items.push_back(fmt::format("Converted from the {} spec.", source_));
  std::string out = fmt::format("{} ({}) {}; urgency=medium\n\n", source_, version_, release_.name);
  for (const auto& item : items) out += "  * " + item + "\n";
  out += fmt::format("\n -- {}  {}\n", maintainer_, rfc2822_date());
  return out;
}

// SPDX -> DEP-5 short names (copyright-format 1.0, "License specification").
std::string dep5_license(std::string_view spdx) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"MIT", "Expat"},          {"BSD-2-Clause", "BSD-2-clause"}, {"BSD-3-Clause", "BSD-3-clause"},
      {"BSD-4-Clause", "BSD-4-clause"}, {"BSD-4-Clause-UC", "BSD-4-clause-UC"}, {"Artistic-1.0", "Artistic"},
      {"Artistic-1.0-Perl", "Artistic"}, {"Zlib", "Zlib"}, {"SUSE-Public-Domain", "public-domain"},
      // A bare "BSD" says nothing of the clauses; DEP-5 has no name for it.
      {"BSD", "BSD-3-clause"}};
  for (const auto& [from, to] : kNames)
    if (spdx == from) return std::string(to);
  static const std::regex kGnu(R"(^(A?GPL|LGPL|GFDL)-(\d+(?:\.\d+)?)(-only|-or-later|\+)?$)");
  std::cmatch m;
  if (std::regex_match(spdx.begin(), spdx.end(), m, kGnu)) {
    std::string version = m[2];
    if (m[1] != "GFDL" && version.size() > 2 && version.substr(version.size() - 2) == ".0") version.resize(version.size() - 2);
    return m.str(1) + "-" + version + (m[3] == "-or-later" || m[3] == "+" ? "+" : "");
  }
  return std::string(spdx);
}

std::string common_license_file(std::string_view name) {
  static constexpr std::string_view kFiles[] = {"Apache-2.0", "Artistic", "CC0-1.0", "GFDL-1.2", "GFDL-1.3", "GPL-1",
                                                "GPL-2",      "GPL-3",    "LGPL-2",  "LGPL-2.1", "LGPL-3",   "MPL-1.1",
                                                "MPL-2.0"};
  std::string base(name);
  if (!base.empty() && base.back() == '+') base.pop_back();
  for (auto f : kFiles)
    if (f == base) return base;
  return {};
}

// Splits a License: value into DEP-5 words: short names and the operators "and", "or" and
// "with". Legacy names (one or more words: "ASL 2.0") become SPDX first. Names listed without
// an operator are joined with "and" when each looks like a license id, and otherwise read as
// one name with blanks turned into '-' ("Distributable with permission").
std::vector<std::string> dep5_license_words(std::string_view license, bool& grouped) {
  const std::string spdx = suse_style::spdx_license(license);
  auto known = [](const std::string& id) {
    std::string base = id;
    if (!base.empty() && base.back() == '+') base.pop_back();
    return rules::spdx::find_license(base) != nullptr || id == "SUSE-Public-Domain" || id == "BSD";
  };
  // "BSD-3-Clause-Kata", "LGPL-2.0+", "WTFPL" name a license; "Public" or "domain" alone do not.
  auto license_shaped = [&known](const std::string& id) {
    if (known(id) || id.find_first_of("0123456789-") != std::string::npos) return true;
    return id.size() > 1 && std::all_of(id.begin(), id.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '+'; });
  };
  std::vector<std::string> out, run;
  auto flush_run = [&] {
    std::vector<std::string> ids;
    bool all_licenses = true;
    for (std::size_t i = 0; i < run.size();) {
      std::size_t span = std::min<std::size_t>(3, run.size() - i);
      std::string id;
      for (; span > 0; --span) {
        std::string words;
        for (std::size_t k = i; k < i + span; ++k) words += (words.empty() ? "" : " ") + run[k];
        id = suse_style::spdx_license(words);
        if (known(id) || span == 1) break;
      }
      all_licenses = all_licenses && license_shaped(id);
      ids.push_back(id);
      i += span;
    }
    if (all_licenses) {
      for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) out.emplace_back("and");
        out.push_back(dep5_license(ids[i]));
      }
    } else if (!run.empty()) {
      std::string joined;
      for (const auto& w : run) joined += (joined.empty() ? "" : "-") + w;
      out.push_back(dep5_license(joined));
    }
    run.clear();
  };
  std::string token;
  auto end_token = [&] {
    if (token.empty()) return;
    const std::string word = lower(token);
    if (word == "and" || word == "or" || word == "with") {
      flush_run();
      out.push_back(word);
    } else {
      run.push_back(token);
    }
    token.clear();
  };
  for (char c : spdx) {
    if (c == '(' || c == ')') grouped = true;
    if (c == '(' || c == ')' || c == ' ' || c == '\t' || c == ',')
      end_token();
    else
      token += c;
  }
  end_token();
  flush_run();
  return out;
}

std::string Emitter::copyright() {
  std::string expression;
  std::vector<std::string> names;
  bool grouped = false;
  // "X with Y" is one license name in DEP-5, with a License paragraph of its own.
  std::vector<std::string> words = dep5_license_words(pkg_.license, grouped);
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    while (i + 2 < words.size() && words[i + 1] == "with") {
      word += " with " + words[i + 2];
      i += 2;
    }
    expression += (expression.empty() ? "" : " ") + word;
    if (word != "and" && word != "or" && word != "with" && std::find(names.begin(), names.end(), word) == names.end())
      names.push_back(word);
  }
  if (grouped)
    report("lossy-conversion", Severity::Info, {}, "the License expression's parentheses have no DEP-5 form; check debian/copyright");
  if (expression.empty()) {
    expression = "NOASSERTION";  // SPDX's word for "not stated"; lintian rejects "unknown"
    names = {"NOASSERTION"};
    report("lossy-conversion", Severity::Warning, {}, "the spec has no License: debian/copyright says NOASSERTION");
  }
  std::string out = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: " + source_ + "\n";
  if (pkg_.url.rfind("http", 0) == 0) out += "Source: " + pkg_.url + "\n";
  out += "\nFiles: *\nCopyright: the " + source_ + " authors\nLicense: " + expression + "\n";
  std::vector<std::string> without_text;
  for (const auto& name : names) {
    out += "\nLicense: " + name + "\n";
    if (const std::string file = common_license_file(name); !file.empty()) {
      out += fmt::format(" On Debian systems, the full text of the {} license can be found in\n /usr/share/common-licenses/{}.\n",
                         name, file);
    } else {
      out += " The full text of this license is in the upstream source.\n";
      without_text.push_back(name);
    }
  }
  std::string list;
  for (const auto& n : without_text) list += (list.empty() ? "" : ", ") + n;
  if (!list.empty())
    report("lossy-conversion", Severity::Info, {},
           fmt::format("debian/copyright needs the full text of {} (not in /usr/share/common-licenses)", list));
  report("lossy-conversion", Severity::Info, {},
         "the spec names no copyright holders: complete the Copyright field of debian/copyright");
  return out;
}

constexpr std::pair<std::string_view, std::string_view> kScriptNames[] = {
    {"pre", "preinst"}, {"post", "postinst"}, {"preun", "prerm"}, {"postun", "postrm"}};

void Emitter::emit_package_files(EmittedFiles& files, std::string_view prefix) {
  for (const auto& b : pkg_.packages) {
    const std::string name = debian_package_name(b.name);
    std::string install, dirs, docs;
    bool attr_reported = false;
    for (const auto& list : b.files) {
      for (const auto& f : list.list_files)
        report("lossy-conversion", Severity::Warning, list.range,
               fmt::format("%files -f {}: the list is made during the build; add its paths to debian/{}.install", f, name));
      for (const auto& entry : list.entries) {
        auto has = [&](std::string_view d) {
          return std::any_of(entry.directives.begin(), entry.directives.end(),
                             [&](const std::string& x) { return x.rfind(std::string(d), 0) == 0; });
        };
        if ((entry.mode || entry.user || entry.group || list.default_mode || list.default_user) && !attr_reported &&
            (entry.mode || (list.default_mode && *list.default_mode != "-"))) {
          attr_reported = true;
          report("lossy-conversion", Severity::Info, entry.range,
                 "%attr modes are not converted: dh_fixperms sets Debian's defaults (override_dh_fixperms for others)");
        }
        if (has("%ghost") || has("%exclude")) {
          report("lossy-conversion", Severity::Info, entry.range,
                 fmt::format("'{}' is %ghost or %exclude: nothing is installed for it", entry.path));
          continue;
        }
        if (has("%license")) continue;  // debian/copyright
        std::string p = entry.path;
        if (p.empty()) continue;
        if (p.front() != '/') {
          if (has("%doc")) docs += p + "\n";
          continue;
        }
        while (p.size() > 1 && p.back() == '/') p.pop_back();
        p = p.substr(1);
        if (has("%dir"))
          dirs += p + "\n";
        else
          install += p + "\n";
      }
    }
    if (!install.empty()) files.push_back({std::string(prefix) + name + ".install", install, false});
    if (!dirs.empty()) files.push_back({std::string(prefix) + name + ".dirs", dirs, false});
    if (!docs.empty()) files.push_back({std::string(prefix) + name + ".docs", docs, false});

    for (const auto& s : b.scripts) {
      std::string_view debian;
      for (const auto& [rpm, deb] : kScriptNames)
        if (rpm == s.kind) debian = deb;
      if (debian.empty()) {
        report("scriptlet-without-equivalent", Severity::Warning, s.range,
               fmt::format("%{} has no dpkg maintainer-script equivalent; it is not converted", s.kind));
        continue;
      }
      if (s.interpreter == "<lua>") continue;  // reported by scan_lua()
      if (!s.interpreter.empty() && s.interpreter != "/bin/sh" && s.interpreter != "/bin/bash") {
        report("scriptlet-without-equivalent", Severity::Info, s.range,
               fmt::format("%{} -p {}: debhelper's triggers do this on Debian; it is not converted", s.kind, s.interpreter));
        continue;
      }
      if (s.body.find("$1") != std::string::npos)
        report("scriptlet-without-equivalent", Severity::Warning, s.range,
               fmt::format("%{} tests $1: rpm passes an instance count, dpkg an action (configure, remove, "
                           "upgrade, ...); review debian/{}.{}",
                           s.kind, name, debian));
      std::string body = s.body;
      while (!body.empty() && body.back() == '\n') body.pop_back();
      files.push_back({std::string(prefix) + name + "." + std::string(debian),
                       "#!/bin/sh\nset -e\n\n" + body + "\n\n#DEBHELPER#\n", false});
    }
  }
}

EmittedFiles Emitter::run() {
  pick_release();
  read_identity();
  scan_go();
  scan_prebuilt_images();
  scan_lua();
  report_conditionals();

  EmittedFiles files;
  const std::string control_text = control();
  files.push_back({path("control"), control_text, false});
  files.push_back({path("rules"), rules(), true});
  files.push_back({path("changelog"), changelog(), false});
  files.push_back({path("copyright"), copyright(), false});
  std::string series;
  for (const auto& s : pkg_.sources) {
    if (s.is_patch) {
      series += basename_of(s.value) + "\n";
      report("lossy-conversion", Severity::Info, s.range,
             fmt::format("copy {} into {}", basename_of(s.value), options_.obs_layout ? "the package directory" : "debian/patches/"));
    } else if (&s != &pkg_.sources.front() || s.number != 0) {
      report("lossy-conversion", Severity::Info, s.range,
             fmt::format("Source{} ({}) is not the upstream tarball: ship it in debian/ or as a component tarball",
                         s.number, basename_of(s.value)));
    }
  }
  if (options_.obs_layout) {
    if (!series.empty()) files.push_back({"debian.series", series, false});
    emit_package_files(files, "debian.");
    files.push_back({source_ + ".dsc", dsc(), false});
  } else {
    files.push_back({"debian/source/format", "3.0 (quilt)\n", false});
    if (!series.empty()) files.push_back({"debian/patches/series", series, false});
    emit_package_files(files, "debian/");
  }
  std::sort(files.begin(), files.end(), [](const EmittedFile& a, const EmittedFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace

EmittedFiles emit(const ir::Package& package, const ir::SourceManager& sources, const Options& options,
                  ir::DiagnosticSink& sink) {
  return Emitter(package, sources, options, sink).run();
}

EmittedFiles emit_converted(const ConvertInput& input, const ConvertOptions& convert, ir::DiagnosticSink& sink) {
  const auto& dir = input.package;
  Options options;
  options.sibling_packages = convert.sibling_packages;
  if (convert.packager != ConvertOptions{}.packager) options.maintainer = convert.packager;  // given by the user
  return emit(dir.spec ? *dir.spec : dir.merged, input.sources, options, sink);
}

}  // namespace katalint::backends::ubuntu
