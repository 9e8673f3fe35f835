// The formatter follows the section model of spec-cleaner (see
// ../shared/docs/spec-cleaner-transforms.md): the file is read line by line into sections;
// the preamble and %package sections are regrouped by tag category, with comments and %if
// blocks moved together with the lines they belong to; the other sections are rewritten line
// by line. Where spec-cleaner guesses from regular expressions, this code asks the syntax
// tree: which `%name` is a macro reference, where a section starts, which lines continue a
// multi-line definition, and which macros take arguments (and so must keep their
// unbraced form, or the arguments would be lost).
#include "backends/suse/style/format.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <optional>
#include <regex>
#include <map>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "backends/suse/style/style.hpp"
#include "frontend/rpmspec/profile.hpp"
#include "frontend/rpmspec/syntax.hpp"
#include "ir/diagnostic.hpp"

namespace katalint::suse_style {

namespace {

using rpmspec::NodeId;
using rpmspec::SyntaxKind;
using rpmspec::SyntaxTree;

constexpr auto kIcase = std::regex::ECMAScript | std::regex::icase;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string rstrip(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) {
      if (!out.empty()) out += ' ';
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

void replace_first(std::string& s, std::string_view from, std::string_view to) {
  if (auto pos = s.find(from); pos != std::string::npos) s.replace(pos, from.size(), to);
}

bool search(const std::string& s, const std::regex& re) { return std::regex_search(s, re); }
bool match_prefix(const std::string& s, const std::regex& re, std::smatch& m) {
  return std::regex_search(s, m, re, std::regex_constants::match_continuous);
}
bool match_prefix(const std::string& s, const std::regex& re) {
  std::smatch m;
  return match_prefix(s, re, m);
}

// ---- Regular expressions for what the syntax tree does not classify (comment conventions,
// shell idioms) and for the text rewrites.

struct Patterns {
  std::regex if_line{R"re(^\s*(?:%\{?if\s|%\{?ifarch\s|%\{?ifnarch\s|%\{?if\S*\}?(\s.*|)$))re", kIcase};
  std::regex codeblock{R"re(^\s*((### COMMON-([a-zA-Z0-9]+)-BEGIN ###|# MANUAL BEGIN|# SECTION)(\s.*|)|# MANUAL)$)re", kIcase};
  std::regex else_elif{R"re(^\s*%(else|elif)(\s.*|)$)re", kIcase};
  std::regex endif{R"re(^\s*%endif(\s.*|)$)re", kIcase};
  std::regex endcodeblock{R"re(^\s*(### COMMON-([a-zA-Z0-9]+)-END ###|# MANUAL END|# /MANUAL|# (END|/)SECTION)(\s.*|)$)re", kIcase};
  std::regex comment{R"re(^$|^\s*#)re"};
  std::regex skip_cleaner{R"re(^#\s*nospeccleaner\s*$)re", kIcase};
  std::regex disable_file{R"re(^#\s*katalint:\s*disable-file=([\w,-]*\bfmt\b|all)\b)re"};

  std::regex name{R"re(^Name:\s*(\S*))re", kIcase};
  std::regex version{R"re(^Version:\s*(.*))re", kIcase};
  std::regex release{R"re(^Release:\s*(\S*))re", kIcase};
  std::regex license{R"re(^License:\s*(.*))re", kIcase};
  std::regex summary{R"re(^Summary:\s*(.*))re", kIcase};
  std::regex summary_localized{R"re(^Summary(\(\S+\)):\s*(.*))re", kIcase};
  std::regex url{R"re(^Url:\s*(\S*))re", kIcase};
  std::regex group{R"re(^Group:\s*(.*))re", kIcase};
  std::regex source{R"re(^Source(\d*):\s*(.*))re", kIcase};
  std::regex nosource{R"re(^NoSource:\s*(.*))re", kIcase};
  std::regex patch{R"re(^((?:#[#\s]*)?)Patch(\d*):\s*(\S*))re", kIcase};
  std::regex buildrequires{R"re(^(BuildRequires|BuildPreReq):\s*(.*))re", kIcase};
  std::regex buildconflicts{R"re(^BuildConflicts:\s*(.*))re", kIcase};
  std::regex buildignores{R"re(^#!BuildIgnore:\s*(.*))re", kIcase};
  std::regex prereq{R"re(^PreReq:\s*(.*))re", kIcase};
  std::regex requires_{R"re(^Requires:\s*(.*))re", kIcase};
  std::regex requires_phase{R"re(^Requires(\([^)]+\)):\s*(.*))re", kIcase};
  std::regex recommends{R"re(^Recommends:\s*(.*))re", kIcase};
  std::regex suggests{R"re(^Suggests:\s*(.*))re", kIcase};
  std::regex enhances{R"re(^Enhances:\s*(.*))re", kIcase};
  std::regex supplements{R"re(^Supplements:\s*(.*))re", kIcase};
  std::regex conflicts{R"re(^Conflicts:\s*(.*))re", kIcase};
  std::regex provides{R"re(^Provides:\s*(.*))re", kIcase};
  std::regex obsoletes{R"re(^Obsoletes:\s*(.*))re", kIcase};
  std::regex removepath{R"re(^\s*RemovePathPostfixes:\s*(.*))re", kIcase};
  std::regex buildroot{R"re(^\s*BuildRoot:)re", kIcase};
  std::regex buildarch{R"re(^\s*BuildArch(itectures)?:\s*(.*))re", kIcase};
  std::regex exclusivearch{R"re(^\s*ExclusiveArch(itectures)?:\s*(.*))re", kIcase};
  std::regex excludearch{R"re(^\s*ExcludeArch(itectures)?:\s*(.*))re", kIcase};
  std::regex epoch{R"re(^Epoch:\s*(.*))re", kIcase};
  std::regex icon{R"re(^\s*Icon:\s*(.*))re", kIcase};
  std::regex copyright_tag{R"re(^\s*Copyright:\s*(.*))re", kIcase};
  std::regex packager{R"re(^\s*Packager:\s*(.*))re", kIcase};
  std::regex vendor{R"re(^Vendor:\s*(.*))re", kIcase};
  std::regex autoreqprov{R"re(^\s*AutoReqProv:.*$)re", kIcase};
  std::regex define{R"re(^\s*%define\s*(.*))re", kIcase};
  std::regex global{R"re(^\s*%global\s*(.*))re", kIcase};
  std::regex bcond_with{R"re(^\s*%bcond_with(out)?\s*(.*))re", kIcase};
  std::regex bcond{R"re(^\s*%bcond\s+\S)re"};
  std::regex tag_macro{R"re(%\{?\??(name|version|release|epoch|summary|license|url)\}?\b)re"};
  std::regex bcond_test{R"re(^\s*%\{!?\?with(out)?_)re"};
  std::regex defines_macro{R"re(%(define|global)\s)re"};
  std::regex debugpkg{R"re(^%\{?(debug_package|___debug_install_post)\}?\s*$)re", kIcase};
  std::regex py_requires{R"re(^%\{?\??py_requires\}?\s*$)re", kIcase};
  std::regex mingw{R"re(^\s*%\{?_mingw.*$)re", kIcase};
  std::regex patternmacro{R"re(pattern(-\S+)?\(\))re", kIcase};
  std::regex tail_macros{R"re(^%\{?python_subpackages\}?)re"};
  std::regex head_macros{R"re(^%\{?\??(sle15_python_module_pythons|sle15allpythons)\}?)re"};
  std::regex preamble_prefix{R"re(^Prefix:\s*(.*))re", kIcase};
  std::regex rpm_command{R"re(%\(\s*(rpm|echo\s+`rpm).*--queryformat\s+'%\{?VERSION\}?'.*\))re"};
  std::regex requires_eq{R"re(^\s*(%\{\?requires_eq:\s*)?%requires_eq\s*(.*))re"};
  std::regex requires_ge{R"re(^\s*(%\{\?requires_ge:\s*)?%requires_ge\s*(.*))re"};
  std::regex onelinecond{R"re(^\s*%\{!?[^?]*\?[^:]+:[^}]+\})re"};
  std::regex letters_or_blank{R"re([a-zA-Z\s])re"};

  std::regex authors{R"re(^\s*Author(s)?:\s*)re"};

  std::regex jobs{R"re(%\{?(_smp_mflags|\?_smp_flags|\?jobs:\s*-j\s*%(jobs|\{jobs\}))\}?)re"};
  std::regex make{R"re(^(\s*)make(\s.*|)$)re"};
  std::regex optflags_quotes{R"re(=\s*\$\{?RPM_OPT_FLAGS\}?\s*$)re"};
  std::regex optflags{R"re(\$\{?RPM_OPT_FLAGS\}?)re"};
  std::regex suse_update_config{R"re(%\{?\??suse_update_config)re"};
  std::regex configure{R"re(^(|(.*\s)?)./configure(\s.*|)$)re"};
  std::regex cmake{R"re(^(|(.*\s)?)cmake(\s.*|)$)re"};
  std::regex qmake5{R"re(^(|(.*\s)?)qmake-qt5(\s.*|)$)re"};
  std::regex meson{R"re(^(|(.*\s)?)meson(\s.*|)$)re"};
  std::regex pyunittest{R"re(%python_(expand|exec)\s+(PYTHONPATH=%\{buildroot\}%\{\$?python_sitelib\}\s+)?(\$?python\s+)?-m\s+unittest(\s+discover)?)re"};
  std::regex pyunittest_arch{R"re(%python_(expand|exec)\s+(PYTHONPATH=%\{buildroot\}%\{\$?python_sitearch\}\s+)?(\$?python\s+)?-m\s+unittest(\s+discover)?)re"};
  std::regex pytest{R"re(%python_(expand|exec)\s+(PYTHONPATH=%\{buildroot\}%\{\$?python_sitelib\}\s+)?(\$?python\s+)?(%\{_bindir\}/?|-m\s+)?py\.?test(-(%\{\$?python_version\}|%\{\$?python_bin_suffix\})?)?(\s+(-v|-o addopts=-v))?)re"};
  std::regex pytest_arch{R"re(%python_(expand|exec)\s+(PYTHONPATH=%\{buildroot\}%\{\$?python_sitearch\}\s+)?(\$?python\s+)?(%\{_bindir\}/?|-m\s+)?py\.?test(-(%\{\$?python_version\}|%\{\$?python_bin_suffix\})?)?(\s+(-v|-o addopts=-v))?)re"};
  std::regex python_expand{R"re(%\{?(python_sitelib|python_sitearch|python_bin_suffix|python_version)\}?)re"};
  std::regex python_interp_expand{R"re(\s+(python)\s+)re"};
  std::regex python_module{R"re(.*\s%\{python_module\s.*\})re"};

  std::regex copyright_string{R"re(^#\s*Copyright\ \(c\)\s*(.*))re", kIcase};
  // Also the line this formatter writes, so a second run does not add another one.
  std::regex suse_copyright{R"re(SUSE (LLC\.?|LLC and contributors|LINUX (Products )?GmbH, Nuernberg, Germany\.)\s*$)re", kIcase};
  std::regex rootforbuild{R"re(^#\s*needsrootforbuild\s*$)re", kIcase};
  std::regex binariesforbuild{R"re(^#\s*needsbinariesforbuild\s*$)re", kIcase};
  std::regex nodebuginfo{R"re(^#\s*nodebuginfo\s*$)re", kIcase};
  std::regex sslcerts{R"re(^#\s*needssslcertforbuild\s*$)re", kIcase};
  std::regex icecream{R"re(^#\s*icecream\s*$)re", kIcase};
  std::regex vimmodeline{R"re(^#\s*vim:)re", kIcase};

  std::regex clean{R"re(rm\s+[-\w ]*"?(%\{buildroot\}|\$b)"?$)re"};
  std::regex install{R"re(^(DESTDIR=%\{buildroot\}|%\{\?_smp_mflags\}|\s|V=1|VERBOSE=1|-j\d+)*(%\{makeinstall\}|make(DESTDIR=%\{buildroot\}|%\{\?_smp_mflags\}|\s|V=1|VERBOSE=1|-j\d+)+install)(DESTDIR=%\{buildroot\}|%\{\?_smp_mflags\}|\s|V=1|VERBOSE=1|-j\d+)*$)re"};
  std::regex rm_la{R"re(rm\s+[-\w ]*"?(%\{buildroot\}|\$b)"?/?"?%\{_lib(dir)?\}.*\*\.la;?$)re"};
  std::regex find_la{R"re(find\s+"?(%\{buildroot\}|\$b)\S*\s*.*\s+-i?name\s+["'\\]?\*\.la($|.*[^\\]$))re"};
  std::regex find_double{R"re(-i?name)re"};
  std::regex rm_double{R"re((\.|\{)a)re"};

  std::regex patch_prep{R"re(^%patch(\d+)(\s.*|)$)re"};
  std::regex patch_bare{R"re(^%patch(\s.*|)$)re"};
  std::regex dephell_setup{R"re(\s*dephell[s]?.*convert)re"};
  std::regex setup_default_name{R"re(\s*-n\s+"?%\{name\}-%\{version\}"?($|\s))re"};
  std::regex man_compression{R"re((\d)(\.?\*|\.gz|%\{?ext_man\}?)$)re"};
  std::regex info_compression{R"re(\.info(\.?\*|\.gz|%\{?ext_info\}?)$)re"};
  std::regex defattr{R"re(^\s*%defattr\s*\(\s*-\s*,\s*root\s*,\s*root\s*(,\s*-\s*)?\)\s*)re"};
  std::regex doclicense{R"re((\S+)?(LICEN(S|C)E|COPYING)(\*|\.(\*|\S+))?($|\s))re", kIcase};
  std::regex python_sitelib_glob{R"re(^(%\{(python\d*)_(sitelib|sitearch)\})/\*$)re"};
  std::regex ldconfig{R"re(^(|(.*\s)?)%\{?run_ldconfig\}?(\s.*|)$)re", kIcase};
  std::regex ptch{R"re(%\{P:(\d+)\})re"};
  std::regex src{R"re(%\{S:(\d+)\})re"};
  std::regex egrep{R"re(\begrep\b)re"};
  std::regex fgrep{R"re(\bfgrep\b)re"};
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

// ---- Sections.

enum class Sec { Copyright, Preamble, Package, Description, Prep, Build, Install, Clean, Check, Scriptlets, Files, Changelog, Plain };

bool is_preamble_like(Sec s) { return s == Sec::Preamble || s == Sec::Package; }

std::string_view sec_name(Sec s) {
  switch (s) {
    case Sec::Scriptlets: return "RpmScriptlets";
    default: return "";
  }
}

enum Cat : int {
  kDefine, kBconds, kBcondConditions, kHead, kName, kEpoch, kVersion, kRelease, kLateDefine, kSummary, kSummaryLocalized,
  kLicense, kGroup, kUrl, kSource, kNoSource, kPatch, kPatternCodeblock, kBuildRequires,
  kBuildConflicts, kBuildIgnores, kRequires, kRequiresEq, kRequiresGe, kPrereq, kRequiresPhase,
  kRecommends, kSuggests, kEnhances, kSupplements, kConflicts, kProvidesObsoletes, kRemovePath,
  kBuildArch, kExclusiveArch, kExcludeArch, kMisc, kBuildConditions, kConditions, kTail, kCatCount
};

bool sorted_dependency_category(int c) {
  switch (c) {
    case kBuildRequires: case kBuildConflicts: case kBuildIgnores: case kPrereq: case kRequires:
    case kRequiresEq: case kRequiresGe: case kRequiresPhase: case kRecommends: case kSuggests:
    case kEnhances: case kSupplements: case kConflicts:
      return true;
    default:
      return false;
  }
}
bool dependency_category(int c) { return sorted_dependency_category(c) || c == kProvidesObsoletes; }

const char* category_key(int c) {
  switch (c) {
    case kName: return "Name";
    case kVersion: return "Version";
    case kEpoch: return "Epoch";
    case kRelease: return "Release";
    case kLicense: return "License";
    case kSummary: return "Summary";
    case kUrl: return "URL";
    case kGroup: return "Group";
    case kSource: return "Source";
    case kNoSource: return "NoSource";
    case kPatch: return "Patch";
    case kBuildRequires: return "BuildRequires";
    case kBuildConflicts: return "BuildConflicts";
    case kBuildIgnores: return "#!BuildIgnore";
    case kConflicts: return "Conflicts";
    case kPrereq: return "PreReq";
    case kRequires: return "Requires";
    case kRequiresEq: return "%requires_eq";
    case kRequiresGe: return "%requires_ge";
    case kRecommends: return "Recommends";
    case kSuggests: return "Suggests";
    case kEnhances: return "Enhances";
    case kSupplements: return "Supplements";
    case kBuildArch: return "BuildArch";
    case kExclusiveArch: return "ExclusiveArch";
    case kExcludeArch: return "ExcludeArch";
    case kRemovePath: return "RemovePathPostfixes";
    default: return "";
  }
}

// One preamble entry: the comments above it and its line, or one dependency of a tag.
struct Item {
  std::vector<std::string> comments;
  std::string line;
  bool is_dep = false;
  std::string prefix;
  Dependency dep;

  [[nodiscard]] std::string str() const { return is_dep ? prefix + dep.text() : line; }
  void flatten_into(std::vector<Item>& out) const { out.push_back(*this); }
};

struct Paragraph {
  std::array<std::vector<Item>, kCatCount> items;
  std::vector<std::string> current_group;
};

struct Context;

struct Section {
  Sec kind = Sec::Plain;
  std::vector<std::string> lines;
  std::optional<std::string> previous_line;
  bool condition = false;
  int condition_counter = 0;
  // Preamble and %package.
  std::vector<Paragraph> oldstore;
  Paragraph paragraph;
  bool multiline = false;
  bool condition_define = false;
  bool condition_bcond = false;
  bool pattern_condition = false;
  std::string modname;  // %define modname X, for PyPI source URLs
  int definition_category = kDefine;  // where the lines of the current definition go
  bool reentered = false;  // a preamble section that starts after other sections
  bool condition_late = false;  // the open block tests a macro defined from the tags
  // %description.
  bool removing_authors = false;
  bool unknown_line = false;
  // Copyright header (--copyright-header).
  std::vector<std::string> copyrights;
  std::vector<std::string> buildrules;
  std::string vimmodeline;
};

struct Context {
  const FormatOptions& options;
  const Patterns& re = patterns();
  std::vector<std::string> embraced;  // each input line with its macros braced
  std::vector<bool> continues_definition;  // per line: inside a multi-line macro definition
  std::vector<bool> inside_lua;  // per line: a later line of a multi-line %{lua:}, kept byte for byte
  std::set<std::string, std::less<>> unbraced;  // parametric macros of the target and the spec
  std::set<std::string, std::less<>> defined_plain;  // macros the spec defines without parameters
  std::set<std::string, std::less<>> late_macros;
  // Macros that a conditional block defines, and the category the block went to: a later
  // block that reads one goes no higher (gdb.spec: %if %{build_testsuite} below the block
  // that defines build_testsuite).
  std::map<std::string, int, std::less<>> defined_in_block;
  int unnumbered_patches = 0;  // Patch: lines without a number
  std::vector<std::string> redefined_directories;  // directory macros the spec defines itself
  std::set<std::string, std::less<>> unconditional_tags;  // Name, Version, ... outside %if
  std::set<std::string, std::less<>> read_tags;  // Name, Version, ... the spec reads as macros  // %global definitions that read the tags
  std::string first_license;
  bool subpackage_license = false;
  std::string out;

  explicit Context(const FormatOptions& o) : options(o) {}
};

// ---- Macro bracing, from the syntax tree.

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Names whose unbraced form is spec syntax (a section, a directive, a %files attribute):
// %{description} or %{license} is a macro expansion, %description or %license is not.
bool is_spec_keyword(std::string_view name) {
  static const std::set<std::string, std::less<>> keywords = {
      "artifact", "attr", "build", "caps", "changelog", "check", "clean", "conf", "config", "defattr",
      "define", "defverify", "description", "dev", "dir", "dnl", "doc", "docdir", "elif", "elifarch",
      "elifos", "else", "endif", "exclude", "files", "filetriggerin", "filetriggerpostun",
      "filetriggerun", "generate_buildrequires", "ghost", "global", "if", "ifarch", "ifnarch", "ifnos",
      "ifos", "include", "install", "lang", "license", "missingok", "package", "patchlist", "post",
      "postun", "postuntrans", "pre", "prep", "pretrans", "preun", "preuntrans", "posttrans", "readme",
      "sourcelist", "transfiletriggerin", "transfiletriggerpostun", "transfiletriggerun", "triggerin",
      "triggerpostun", "triggerprein", "triggerun", "undefine", "verify", "verifyscript"};
  return keywords.count(name) != 0;
}

bool keep_unbraced(const Context& ctx, std::string_view name) {
  return is_statement_macro(name) || ctx.unbraced.count(name) != 0;
}

const rpmspec::MacroEngine* target_engine(const std::string& target) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<rpmspec::MacroEngine>> engines;
  std::lock_guard lock(mutex);
  auto& slot = engines[target];
  if (!slot) {
    auto engine = std::make_unique<rpmspec::MacroEngine>();
    std::string error;
    if (!rpmspec::profile_engine(target, *engine, error)) return nullptr;
    slot = std::move(engine);
  }
  return slot.get();
}

// Braces every `%name` macro reference in the code part of each line (`%name` -> `%{name}`),
// except statements and macros that take arguments, and unbraces `%{name}` of those.
std::vector<std::string> embrace_lines(const Context& ctx, const SyntaxTree& tree,
                                       const std::vector<std::size_t>& line_starts) {
  std::string_view text = tree.text;
  const auto* engine = target_engine(ctx.options.target);
  auto parametric = [&](std::string_view name) {
    if (ctx.unbraced.count(name)) return true;
    if (!engine) return false;
    const auto* def = engine->lookup(name);
    return def && def->options.has_value();
  };
  struct Edit {
    std::size_t begin, end;
    std::string text;
  };
  std::vector<Edit> edits;
  for (NodeId id = 0; id < tree.nodes.size(); ++id) {
    if (tree.kind(id) != SyntaxKind::MacroRef) continue;
    // Inside %(...) and %{lua:...} the text is shell or Lua, where %Y (date) or % (Lua
    // patterns) is not an rpm macro the style should touch.
    bool embedded = false;
    for (NodeId up = tree.node(id).parent; up != rpmspec::kNoNode; up = tree.node(up).parent) {
      SyntaxKind k = tree.kind(up);
      if (k == SyntaxKind::ShellExpansion || k == SyntaxKind::LuaExpansion) embedded = true;
    }
    if (embedded) continue;
    std::string_view ref = tree.text_of(id);
    std::size_t begin = tree.node(id).begin;
    if (ref.size() >= 2 && ref[0] == '%' && (is_name_start(ref[1]) || (ref[1] >= '1' && ref[1] <= '9'))) {
      std::size_t n = 1;
      if (is_name_start(ref[1]))
        while (n < ref.size() && is_name_char(ref[n])) ++n;
      else
        while (n < ref.size() && std::isdigit(static_cast<unsigned char>(ref[n]))) ++n;
      if (n != ref.size()) continue;
      std::string_view name = ref.substr(1);
      if (keep_unbraced(ctx, name) || parametric(name)) continue;
      // A macro right after ':' is the value of a conditional expansion, %{?x:%y}.
      if (begin > 0 && text[begin - 1] == ':') continue;
      std::size_t end = begin + ref.size();
      // %name(...) is a call with arguments in parentheses (or a %files directive).
      if (end < text.size() && text[end] == '(') continue;
      // A macro that starts a line and is followed by words is a call with arguments: braced,
      // it would lose them (%{foo} -n bar passes nothing to foo).
      {
        std::size_t bol = begin;
        while (bol > 0 && text[bol - 1] != '\n') --bol;
        bool at_line_start = text.substr(bol, begin - bol).find_first_not_of(" \t") == std::string_view::npos;
        std::size_t after = end;
        while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
        bool has_arguments = after > end && after < text.size() && text[after] != '\n' && text[after] != '\r' &&
                             text[after] != '#';
        bool known_plain = ctx.defined_plain.count(name) != 0;
        if (!known_plain && engine) {
          const auto* def = engine->lookup(name);
          known_plain = def && !def->options.has_value();
        }
        if (at_line_start && has_arguments && !known_plain) continue;
      }
      edits.push_back({begin, end, "%{" + std::string(name) + "}"});
    } else if (ref.size() > 3 && starts_with(ref, "%{") && ref.back() == '}') {
      std::string_view name = ref.substr(2, ref.size() - 3);
      if (name.empty() || !is_name_start(name[0])) continue;
      if (!std::all_of(name.begin(), name.end(), is_name_char)) continue;
      if (!keep_unbraced(ctx, name) || is_spec_keyword(name)) continue;
      std::size_t end = begin + ref.size();
      if (end < text.size() && is_name_char(text[end])) continue;
      edits.push_back({begin, end, "%" + std::string(name)});
    }
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::vector<std::string> lines;
  std::size_t edit = 0;
  for (std::size_t i = 0; i < line_starts.size(); ++i) {
    std::size_t start = line_starts[i];
    std::size_t end = i + 1 < line_starts.size() ? line_starts[i + 1] : text.size();
    std::string_view raw = text.substr(start, end - start);
    while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r')) raw.remove_suffix(1);
    std::size_t raw_end = start + raw.size();
    // Only the part before the first '#' is code; a line with %{python_module ...} keeps its
    // spelling because that macro reads its argument text.
    std::size_t hash = raw.find('#');
    std::size_t code_end = hash == std::string_view::npos ? raw_end : start + hash;
    bool python_module = std::regex_match(std::string(raw), ctx.re.python_module);
    std::string line;
    std::size_t pos = start;
    while (edit < edits.size() && edits[edit].begin < start) ++edit;
    std::size_t e = edit;
    for (; e < edits.size() && edits[e].begin < raw_end; ++e) {
      if (raw.empty() || raw[0] == '#' || python_module || edits[e].end > code_end) continue;
      line.append(text.substr(pos, edits[e].begin - pos));
      line += edits[e].text;
      pos = edits[e].end;
    }
    edit = e;
    line.append(text.substr(pos, raw_end - pos));
    lines.push_back(std::move(line));
  }
  return lines;
}

// ---- Per-line rewrites every section applies (spec-cleaner's _complete_cleanup).

std::string replace_optflags(const Context& ctx, std::string line) {
  if (line.find("RPM_OPT_FLAGS") == std::string::npos) return line;  // both regexes need it
  // Quote a bare assignment outside quotes so the flags stay one shell word.
  std::string out;
  std::size_t pos = 0;
  while (pos <= line.size()) {
    std::size_t quote = line.find_first_of("\"'", pos);
    std::string plain = line.substr(pos, quote == std::string::npos ? std::string::npos : quote - pos);
    out += std::regex_replace(plain, ctx.re.optflags_quotes, "=\"%{optflags}\"");
    if (quote == std::string::npos) break;
    char q = line[quote];
    std::size_t close = quote + 1;
    while (close < line.size() && line[close] != q) {
      if (q == '"' && line[close] == '\\') ++close;
      ++close;
    }
    out.append(line, quote, std::min(close + 1, line.size()) - quote);
    pos = close + 1;
  }
  return std::regex_replace(out, ctx.re.optflags, "%{optflags}");
}

std::string replace_utils(const Context& ctx, std::string line, bool shell_section) {
  static const std::array<std::pair<const char*, const char*>, 9> renamed = {{
      {"id_u", "id -u"}, {"ln_s", "ln -s"}, {"lzma", "xz --format-lzma"}, {"mkdir_p", "mkdir -p"},
      {"awk", "gawk"}, {"cc", "gcc"}, {"cpp", "gcc -E"}, {"cxx", "g++"}, {"remsh", "rsh"}}};
  static const std::array<const char*, 42> tools = {
      "aclocal", "ar", "as", "autoconf", "autoheader", "automake", "bzip2", "cat", "chgrp",
      "chmod", "chown", "cp", "cpio", "file", "gpg", "grep", "gzip", "id", "install", "ld",
      "libtoolize", "make", "mkdir", "mv", "nm", "objcopy", "objdump", "patch", "perl", "python",
      "ranlib", "restorecon", "rm", "rsh", "sed", "semodule", "ssh", "strip", "tar", "unzip", "xz",
      "python3"};
  auto rewrite = [&](std::string_view name, std::string_view command) {
    replace_all(line, "%{__" + std::string(name) + "}", command);
    if (ctx.options.minimal) {
      std::string bare = "%__" + std::string(name);
      for (std::size_t pos = 0; (pos = line.find(bare, pos)) != std::string::npos;) {
        std::size_t end = pos + bare.size();
        if (end < line.size() && is_name_char(line[end])) {
          pos = end;
          continue;
        }
        line.replace(pos, bare.size(), command);
        pos += command.size();
      }
    }
  };
  if (line.find("%{__") != std::string::npos || (ctx.options.minimal && line.find("%__") != std::string::npos)) {
    for (const auto& [name, command] : renamed) rewrite(name, command);
    for (const char* tool : tools) rewrite(tool, tool);
  }
  if (shell_section && line.find("grep") != std::string::npos) {
    line = std::regex_replace(line, ctx.re.egrep, "grep -E");
    line = std::regex_replace(line, ctx.re.fgrep, "grep -F");
  }
  return line;
}

std::string replace_buildservice(std::string line) {
  for (const char* distro : {"centos", "debian", "fedora", "mandriva", "meego", "rhel", "sles", "suse", "ubuntu"}) {
    std::string braced = std::string("%{") + distro + "_version}";
    std::string guarded = std::string("0%{?") + distro + "_version}";
    replace_all(line, braced, guarded);
    replace_all(line, "0" + guarded, guarded);
  }
  return line;
}

// Applies `rewrite` to the parts of `line` outside %(...): what a shell expansion runs is
// left as written.
template <typename Rewrite>
std::string outside_shell_expansions(const std::string& line, Rewrite rewrite) {
  std::string out;
  std::size_t pos = 0;
  while (pos < line.size()) {
    std::size_t open = line.find("%(", pos);
    if (open == std::string::npos) break;
    int depth = 0;
    std::size_t close = open + 1;
    for (; close < line.size(); ++close) {
      if (line[close] == '(') ++depth;
      else if (line[close] == ')' && --depth == 0) break;
    }
    if (close >= line.size()) break;
    out += rewrite(line.substr(pos, open - pos));
    out.append(line, open, close + 1 - open);
    pos = close + 1;
  }
  out += rewrite(line.substr(pos));
  return out;
}

std::string cleanup(const Context& ctx, const std::string& raw, std::size_t index, bool shell_section = false) {
  std::string line = raw;
  if (!ctx.options.minimal && index < ctx.embraced.size() && !starts_with(raw, "#")) line = ctx.embraced[index];
  line = rstrip(std::move(line));
  replace_all(line, "\xc2\xa0", " ");
  if (starts_with(line, "#")) return line;
  line = replace_buildroot(std::move(line));
  line = replace_optflags(ctx, std::move(line));
  line = replace_known_paths(std::move(line), ctx.redefined_directories);
  line = outside_shell_expansions(line, [&](std::string part) { return replace_utils(ctx, std::move(part), shell_section); });
  line = replace_buildservice(std::move(line));
  if (line.find("%{P:") != std::string::npos) line = std::regex_replace(line, ctx.re.ptch, "%{PATCH$1}");
  if (line.find("%{S:") != std::string::npos) line = std::regex_replace(line, ctx.re.src, "%{SOURCE$1}");
  if (starts_with(line, "%python_expand") || starts_with(line, "%{python_expand")) {
    line = std::regex_replace(line, ctx.re.python_expand, "%{$$$1}");
    line = std::regex_replace(line, ctx.re.python_interp_expand, " $$python ");
  }
  return line;
}

// ---- Generic section behaviour.

void check_conditions(Context& ctx, Section& s, const std::string& line) {
  if (match_prefix(line, ctx.re.if_line) || match_prefix(line, ctx.re.codeblock)) ++s.condition_counter;
  if (match_prefix(line, ctx.re.endif) || match_prefix(line, ctx.re.endcodeblock)) --s.condition_counter;
  s.condition = s.condition_counter > 0;
}

void plain_add_cleaned(Context& ctx, Section& s, const std::string& line) {
  check_conditions(ctx, s, line);
  s.lines.push_back(line);
  s.previous_line = line;
}

void plain_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  plain_add_cleaned(ctx, s, cleanup(ctx, raw, index, s.kind != Sec::Plain && s.kind != Sec::Files));
}

void section_output(Context& ctx, Section& s, bool newline, std::string_view next) {
  auto& lines = s.lines;
  if (newline && !lines.empty()) {
    const std::string& last = lines.back();
    if (!last.empty() && last != "%changelog" && !starts_with(last, "%if") && !starts_with(last, "%pre") &&
        !starts_with(last, "%post") && !ends_with(last, "\\"))
      lines.emplace_back();
    if (next != "RpmScriptlets" && (starts_with(lines.back(), "%pre") || starts_with(lines.back(), "%post")))
      lines.emplace_back();
    if (lines.size() >= 2 && lines.back().empty() &&
        (starts_with(lines[lines.size() - 2], "%if") || starts_with(lines[lines.size() - 2], "%else")))
      lines.pop_back();
  }
  for (const auto& line : lines) {
    ctx.out += line;
    ctx.out += '\n';
  }
}

// ---- Preamble.

std::string category_prefix(int cat, const std::string& key) {
  if (cat == kTail || cat == kHead) return "";
  return aligned_tag_prefix(key.empty() ? std::string(category_key(cat)) : key);
}

void add_line_to(Section& s, int cat, Item item) {
  auto& group = s.paragraph.current_group;
  if (!group.empty()) {
    item.comments = std::move(group);
    group.clear();
  }
  s.previous_line = item.str();
  s.paragraph.items[cat].push_back(std::move(item));
}

void add_plain_line_to(Section& s, int cat, const std::string& line) {
  Item item;
  item.line = line;
  add_line_to(s, cat, std::move(item));
}

std::vector<Item> dependency_items(Context& ctx, Section& s, const std::string& value, int cat, const std::string& prefix) {
  std::vector<Item> out;
  auto keep_whole = [&] {
    Item item;
    item.line = prefix + value;
    out.push_back(std::move(item));
  };
  if (search(value, ctx.re.rpm_command)) {
    if (cat == kRequires && !(s.previous_line && starts_with(*s.previous_line, "#")) && !ctx.options.minimal)
      s.paragraph.current_group.push_back("# FIXME: Use %requires_eq macro instead");
    keep_whole();
    return out;
  }
  // What %(...) prints is not known here: splitting around it could leave a tag empty.
  auto deps = contains(value, "%(") ? std::nullopt : split_dependencies(value);
  if (!deps) {
    keep_whole();
    return out;
  }
  for (auto& dep : *deps) {
    std::vector<std::string> converted;
    if (!starts_with(dep.name, "%") && cat != kPrereq && cat != kRequiresPhase && dep.name != "pkgconfig") {
      if (ctx.options.convert_pkgconfig) converted = namespaced_names(Namespace::Pkgconfig, dep.name);
      if (converted.empty() && ctx.options.convert_perl) converted = namespaced_names(Namespace::Perl, dep.name);
      if (converted.empty() && ctx.options.convert_cmake) converted = namespaced_names(Namespace::Cmake, dep.name);
    }
    if (converted.empty()) converted.push_back(dep.name);
    for (auto& name : converted) {
      Item item;
      item.is_dep = true;
      item.prefix = prefix;
      item.dep = dep;
      item.dep.name = name;
      out.push_back(std::move(item));
    }
  }
  return out;
}

void add_line_value_to(Context& ctx, Section& s, int cat, const std::string& value, const std::string& key = "") {
  std::string prefix = category_prefix(cat, key);
  if (dependency_category(cat)) {
    for (auto& item : dependency_items(ctx, s, value, cat, prefix)) add_line_to(s, cat, std::move(item));
    return;
  }
  add_plain_line_to(s, cat, prefix + value);
}

std::vector<Item> remove_duplicates(std::vector<Item> elements) {
  std::vector<Item> results;
  for (auto& element : elements) {
    if (!element.is_dep || results.empty()) {
      results.push_back(std::move(element));
      continue;
    }
    bool matched = false;
    for (auto& item : results) {
      if (!item.is_dep) continue;
      if (item.dep.name != element.dep.name || item.prefix != element.prefix) continue;
      if (item.dep.version == element.dep.version && item.dep.op == element.dep.op) {
        item.comments.insert(item.comments.end(), element.comments.begin(), element.comments.end());
        matched = true;
        break;
      }
      if (item.dep.version.empty() && !element.dep.version.empty()) {
        element.comments.insert(element.comments.end(), item.comments.begin(), item.comments.end());
        item = std::move(element);
        matched = true;
        break;
      }
    }
    if (!matched) results.push_back(std::move(element));
  }
  return results;
}

// The number of SourceN/PatchN, for sorting; Source without a number counts as 1.
long long tag_number(const Context& ctx, const std::string& line) {
  std::smatch m;
  if (match_prefix(line, ctx.re.patch, m)) return m[2].length() ? std::stoll(m[2].str().substr(0, 15)) : 0;
  // rpm numbers a Source without a number 0 (spec-cleaner sorts it as 1).
  if (match_prefix(line, ctx.re.source, m)) return m[1].length() ? std::stoll(m[1].str().substr(0, 15)) : 0;
  return 0;
}

std::vector<std::string> flatten_output(Context& ctx, Paragraph& p, bool needs_license, bool nested) {
  auto& items = p.items;
  if (needs_license && items[kLicense].empty()) {
    Item item;
    item.line = category_prefix(kLicense, "") + spdx_license(ctx.first_license);
    items[kLicense].push_back(std::move(item));
  }
  // BuildRequires: pkgconfig when a pkgconfig() build dependency needs it.
  if (!nested) {
    bool declared = false, needed = false;
    for (const auto& item : items[kBuildRequires]) {
      if (!item.is_dep) continue;
      if (contains(item.dep.name, "pkgconfig ") || ends_with(item.dep.name, "pkgconfig")) declared = true;
      if (contains(item.dep.name, "pkgconfig(")) needed = true;
    }
    if (needed && !declared) {
      Item item;
      item.is_dep = true;
      item.prefix = category_prefix(kBuildRequires, "");
      item.dep.name = "pkgconfig";
      items[kBuildRequires].push_back(std::move(item));
    }
  }
  for (int c = 0; c < kCatCount; ++c)
    if (dependency_category(c)) items[c] = remove_duplicates(std::move(items[c]));
  std::vector<std::string> lines;
  for (int c = 0; c < kCatCount; ++c) {
    auto& list = items[c];
    if (sorted_dependency_category(c)) {
      std::stable_sort(list.begin(), list.end(), [](const Item& a, const Item& b) {
        return dependency_sort_key(a.str()) < dependency_sort_key(b.str());
      });
    }
    if (c == kSource || c == kPatch) {
      std::stable_sort(list.begin(), list.end(), [&](const Item& a, const Item& b) {
        return tag_number(ctx, a.str()) < tag_number(ctx, b.str());
      });
      std::vector<Item> unique;
      std::set<std::string> seen;
      for (auto& item : list) {
        std::string marker = item.str();
        if (seen.count(marker)) {
          if (item.comments.empty()) continue;
          auto& prev = unique.back();
          if (!prev.comments.empty() || prev.str() == marker) {
            prev.comments.insert(prev.comments.end(), item.comments.begin(), item.comments.end());
          } else {
            prev = std::move(item);
          }
          continue;
        }
        seen.insert(marker);
        unique.push_back(std::move(item));
      }
      list = std::move(unique);
    }
    std::vector<std::string> flat;
    bool has_prereq = false;
    for (const auto& item : list) {
      for (const auto& comment : item.comments) flat.push_back(comment);
      flat.push_back(item.str());
      if (item.is_dep && starts_with(item.prefix, "PreReq")) has_prereq = true;
    }
    if (c == kPrereq && !ctx.options.minimal && has_prereq) {
      static const std::string message = "# FIXME: use proper Requires(pre/post/preun/...)";
      bool present = std::any_of(flat.begin(), flat.end(), [](const std::string& l) { return starts_with(l, message); });
      if (!present) {
        auto at = std::find_if(flat.begin(), flat.end(), [](const std::string& l) { return !l.empty(); });
        flat.insert(at, message);
      }
    }
    lines.insert(lines.end(), flat.begin(), flat.end());
  }
  lines.insert(lines.end(), p.current_group.begin(), p.current_group.end());
  p.current_group.clear();
  return lines;
}

// The names of the macros a line defines (%define x, %global x) and reads (%x, %{x}, %{?x}, ...).
void macro_names(std::string_view line, std::vector<std::string>& defined, std::vector<std::string>& read) {
  auto word_at = [&](std::size_t i) {
    std::size_t end = i;
    while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) != 0 || line[end] == '_')) ++end;
    return std::string(line.substr(i, end - i));
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '%') continue;
    std::size_t at = i + 1;
    if (at < line.size() && line[at] == '%') {
      ++i;
      continue;
    }
    if (at < line.size() && line[at] == '{') ++at;
    while (at < line.size() && (line[at] == '?' || line[at] == '!')) ++at;
    std::string name = word_at(at);
    if (name.empty()) continue;
    if (name == "define" || name == "global") {
      std::size_t after = at + name.size();
      while (after < line.size() && (line[after] == ' ' || line[after] == '\t')) ++after;
      if (std::string defined_name = word_at(after); !defined_name.empty()) defined.push_back(defined_name);
    } else {
      read.push_back(std::move(name));
    }
  }
}

void start_subparagraph(Section& s) {
  s.oldstore.push_back(std::move(s.paragraph));
  s.paragraph = Paragraph{};
}

void end_subparagraph(Context& ctx, Section& s, bool endif) {
  if (s.oldstore.empty()) return;
  // A block that sets Name, Version, Release or Epoch has to come before the lines that
  // read them (%{release} in a Provides), right after the unconditional ones.
  for (int core : {kName, kEpoch, kVersion, kRelease})
    if (!s.paragraph.items[core].empty() && !ctx.unconditional_tags.count(category_key(core)) &&
        ctx.read_tags.count(category_key(core)))
      s.condition_late = true;
  if (!s.paragraph.items[kLateDefine].empty()) s.condition_late = true;
  auto lines = flatten_output(ctx, s.paragraph, false, true);
  if (!s.paragraph.items[kDefine].empty() || !s.paragraph.items[kBconds].empty()) s.condition_define = true;
  s.paragraph = std::move(s.oldstore.back());
  s.oldstore.pop_back();
  auto& conditions = s.paragraph.items[kConditions];
  for (auto& line : lines) {
    Item item;
    item.line = std::move(line);
    conditions.push_back(std::move(item));
  }
  if (!endif && s.condition) return;
  if (conditions.size() == 2 && starts_with(conditions[0].line, "%if")) conditions.clear();
  if (!ctx.options.minimal && conditions.size() == 3 && !conditions[0].comments.empty() &&
      conditions[0].comments[0] == "# bug437293" && ends_with(conditions[1].str(), "64bit"))
    conditions.clear();
  auto& items = s.paragraph.items;
  std::vector<std::string> defined, read;
  for (const auto& item : conditions) macro_names(item.line, defined, read);
  // A nested block that defines something has used up the flag; the whole block still
  // holds definitions.
  if (s.oldstore.empty() && !defined.empty()) s.condition_define = true;
  int target = kBuildConditions;
  if (s.condition_late) {
    target = kLateDefine;
    s.condition_define = false;
  } else if (s.condition_define) {
    // Below the %bcond lines when there are any, so a second run keeps the order.
    target = s.condition_bcond                                   ? kBcondConditions
             : items[kDefine].empty() || !items[kBconds].empty() ? kBconds
                                                                 : kDefine;
    // A block that holds definitions makes its enclosing block hold them too (it finds them
    // among its items), but not the blocks next to it.
    s.condition_define = false;
  } else if (s.pattern_condition) {
    target = kPatternCodeblock;
  }
  for (const auto& name : read)
    if (auto it = ctx.defined_in_block.find(name); it != ctx.defined_in_block.end()) target = std::max(target, it->second);
  if (s.oldstore.empty())
    for (const auto& name : defined) ctx.defined_in_block[name] = target;
  for (auto& item : conditions) items[target].push_back(std::move(item));
  if (s.oldstore.empty()) {
    s.condition_late = false;
    s.condition_bcond = false;
    s.pattern_condition = false;
  }
  conditions.clear();
}

// PyPI serves every source file from one canonical location; rewriting the URL to it needs
// no network access.
std::string canonical_pypi_url(const std::string& url, const std::string& modname) {
  static const std::regex parts(R"re(^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^?#]*)(.*)$)re");
  std::smatch m;
  if (!std::regex_match(url, m, parts)) return url;
  std::string host = m[2].str();
  if (host != "pypi.io" && host != "files.pythonhosted.org" && host != "pypi.python.org") return url;
  std::string path = m[3].str();
  static const std::regex type_re(R"re(^/packages/([\w|.]+))re");
  static const std::regex name_re(R"re(^([\w.\-+]+|%\{?\w+\}?)-(%\{?\w+\}?|[\d.]+))re");
  std::smatch type, name_match;
  if (!std::regex_search(path, type, type_re)) return url;
  std::string filename = path.substr(path.rfind('/') + 1);
  if (!std::regex_search(filename, name_match, name_re)) return url;
  std::string name = name_match[1].str();
  if (name[0] == '%') {
    if ((name != "%modname" && name != "%{modname}") || modname.empty()) return url;
    name = modname;
  }
  return "https://files.pythonhosted.org/packages/" + type[1].str() + "/" + name.substr(0, 1) + "/" + name + "/" +
         filename;
}

// rpm reads "Name   : x" as "Name: x"; the tag patterns below expect the colon right after the
// tag (and its qualifier), so the spaces before it go.
std::string tag_colon_closed_up(std::string line) {
  std::size_t i = 0;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) != 0 || line[i] == '_')) ++i;
  if (i == 0) return line;
  if (i < line.size() && line[i] == '(') {
    const auto close = line.find(')', i);
    if (close == std::string::npos) return line;
    i = close + 1;
  }
  std::size_t colon = i;
  while (colon < line.size() && (line[colon] == ' ' || line[colon] == '\t')) ++colon;
  if (colon == i || colon >= line.size() || line[colon] != ':') return line;
  return line.erase(i, colon - i);
}

void preamble_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  const auto& re = ctx.re;
  const bool lua = index < ctx.inside_lua.size() && ctx.inside_lua[index];
  std::string line = lua ? raw : cleanup(ctx, raw, index);
  if (index >= ctx.continues_definition.size() || !ctx.continues_definition[index]) line = tag_colon_closed_up(line);
  std::smatch m;
  if (s.condition && search(line, re.patternmacro)) s.pattern_condition = true;
  if (index < ctx.continues_definition.size() && ctx.continues_definition[index]) {
    // The tree knows where a %define body ends, also for %{expand:...} without backslashes;
    // its blank lines are part of the value.
    add_plain_line_to(s, s.definition_category, line);
    s.multiline = index + 1 < ctx.continues_definition.size() && ctx.continues_definition[index + 1];
    return;
  }
  if (!ctx.options.keep_space && line.empty()) return;
  if (s.multiline) {
    add_plain_line_to(s, s.definition_category, line);
    if (!ends_with(line, "\\")) s.multiline = false;
    return;
  }
  if (match_prefix(line, re.if_line) || match_prefix(line, re.codeblock)) {
    add_plain_line_to(s, kConditions, line);
    s.condition = true;
    if (contains(line, "%{with")) s.condition_bcond = true;
    for (const auto& name : ctx.late_macros)
      if (contains(line, "%{" + name + "}") || contains(line, "%" + name + " ") || contains(line, "%{?" + name + "}"))
        s.condition_late = true;
    start_subparagraph(s);
    s.previous_line = line;
    return;
  }
  if (match_prefix(line, re.else_elif)) {
    if (s.condition) {
      add_plain_line_to(s, kConditions, line);
      end_subparagraph(ctx, s, false);
      start_subparagraph(s);
    }
    s.previous_line = line;
    return;
  }
  if ((match_prefix(line, re.endif) || match_prefix(line, re.endcodeblock)) && !s.oldstore.empty()) {
    add_plain_line_to(s, kConditions, line);
    if (s.oldstore.size() == 1) s.condition = false;
    end_subparagraph(ctx, s, true);
    s.previous_line = line;
    return;
  }
  if (match_prefix(line, re.comment) && !match_prefix(line, re.buildignores)) {
    if (!line.empty() || (s.previous_line && !s.previous_line->empty())) {
      s.paragraph.current_group.push_back(line);
      s.previous_line = line;
    }
    return;
  }
  if (match_prefix(line, re.source, m)) {
    std::string value = m[2].str();
    if (!ctx.options.minimal) value = canonical_pypi_url(value, s.modname);
    add_line_value_to(ctx, s, kSource, value, "Source" + m[1].str());
    return;
  }
  if (match_prefix(line, re.patch, m)) {
    // rpm numbers several Patch: lines without a number one after the other; only a single
    // one is Patch0.
    bool number_it = !m[2].length() && ctx.unnumbered_patches <= 1;
    std::string key = m[1].str() + "Patch" + (number_it ? "0" : "") + m[2].str();
    add_line_value_to(ctx, s, kPatch, m[3].str(), key);
    return;
  }
  if (match_prefix(line, re.bcond_with) || match_prefix(line, re.bcond)) return add_plain_line_to(s, kBconds, line);
  // %{?with_x:BuildRequires: y} is a conditional tag, not a definition: it has to stay below
  // the %bcond it tests, so it goes with the other conditional blocks.
  if (match_prefix(line, re.onelinecond) && match_prefix(line, re.bcond_test) && !search(line, re.defines_macro) &&
      !s.multiline)
    return add_plain_line_to(s, kBuildConditions, line);
  if (match_prefix(line, re.mingw)) return add_plain_line_to(s, kDefine, line);
  if (match_prefix(line, re.requires_eq, m) || match_prefix(line, re.requires_ge, m)) {
    int cat = contains(line, "%requires_eq") ? kRequiresEq : kRequiresGe;
    std::string value = m[2].str();
    if (m[1].length() && !value.empty()) value.pop_back();
    add_line_value_to(ctx, s, cat, value);
    return;
  }
  // A %{lua:} block at the start of a line may define anything (rpm.define): it stays with
  // the definitions, above the lines that read them.
  if (match_prefix(line, re.define) || match_prefix(line, re.global) || match_prefix(line, re.onelinecond) ||
      starts_with(line, "%{lua:")) {
    if (ends_with(line, "\\") ||
        (index + 1 < ctx.continues_definition.size() && ctx.continues_definition[index + 1]))
      s.multiline = true;
    // A %global is expanded where it stands: one that reads the tags (%{version}, ...) must
    // stay below them, and so must the blocks that test it.
    if (match_prefix(line, re.global) && search(line, re.tag_macro)) {
      std::smatch g;
      static const std::regex global_name(R"re(^\s*%global\s+(\w+))re");
      if (std::regex_search(line, g, global_name)) ctx.late_macros.insert(g[1].str());
      s.definition_category = kLateDefine;
      add_plain_line_to(s, kLateDefine, line);
      return;
    }
    s.definition_category = kDefine;
    if ((starts_with(line, "%define") || starts_with(line, "%global")) && contains(line, "modname")) {
      std::istringstream words(line);
      std::string keyword, name, rest;
      words >> keyword >> name;
      std::getline(words >> std::ws, rest);
      s.modname = rest;
    }
    if (!s.multiline && contains(line, "kernel_module"))
      add_plain_line_to(s, kMisc, line);
    else
      add_plain_line_to(s, kDefine, line);
    return;
  }
  if (match_prefix(line, re.prereq, m)) return add_line_value_to(ctx, s, kPrereq, m[1].str());
  if (match_prefix(line, re.requires_phase, m))
    return add_line_value_to(ctx, s, kRequiresPhase, m[2].str(), "Requires" + m[1].str());
  if (match_prefix(line, re.provides, m)) return add_line_value_to(ctx, s, kProvidesObsoletes, m[1].str(), "Provides");
  if (match_prefix(line, re.obsoletes, m)) return add_line_value_to(ctx, s, kProvidesObsoletes, m[1].str(), "Obsoletes");
  if (match_prefix(line, re.license, m)) {
    std::string value = spdx_license(m[1].str());
    if (!(s.kind == Sec::Package && !ctx.subpackage_license)) add_line_value_to(ctx, s, kLicense, value);
    return;
  }
  if (match_prefix(line, re.release, m)) {
    std::string value = m[1].str();
    add_line_value_to(ctx, s, kRelease, search(value, re.letters_or_blank) ? value : "0");
    return;
  }
  if (match_prefix(line, re.summary_localized, m))
    return add_line_value_to(ctx, s, kSummaryLocalized, m[2].str(), "Summary" + m[1].str());
  if (match_prefix(line, re.group, m)) {
    if (ctx.options.remove_groups) return;
    std::string value = m[1].str();
    if (!ctx.options.minimal && s.previous_line && !starts_with(*s.previous_line, "# FIXME") && !is_allowed_group(value))
      s.paragraph.current_group.push_back(
          "# FIXME: use correct group or remove it, see "
          "\"https://en.opensuse.org/openSUSE:Package_group_guidelines\"");
    add_line_value_to(ctx, s, kGroup, value);
    return;
  }
  // Tags SUSE style drops: their values are either set by the build service or obsolete.
  for (const std::regex* dropped : {&re.vendor, &re.autoreqprov, &re.icon, &re.copyright_tag, &re.packager,
                                    &re.debugpkg, &re.preamble_prefix, &re.buildroot, &re.py_requires})
    if (match_prefix(line, *dropped)) return;
  const std::pair<int, const std::regex*> simple[] = {
      {kName, &re.name},
      {kVersion, &re.version},
      {kEpoch, &re.epoch},
      {kSummary, &re.summary},
      {kUrl, &re.url},
      {kNoSource, &re.nosource},
      {kBuildRequires, &re.buildrequires},
      {kBuildConflicts, &re.buildconflicts},
      {kBuildIgnores, &re.buildignores},
      {kConflicts, &re.conflicts},
      {kRequires, &re.requires_},
      {kRecommends, &re.recommends},
      {kSuggests, &re.suggests},
      {kEnhances, &re.enhances},
      {kSupplements, &re.supplements},
      {kBuildArch, &re.buildarch},
      {kExcludeArch, &re.excludearch},
      {kExclusiveArch, &re.exclusivearch},
      {kRemovePath, &re.removepath},
      {kTail, &re.tail_macros},
      {kHead, &re.head_macros},
  };
  for (const auto& [cat, regex] : simple) {
    if (!match_prefix(line, *regex, m)) continue;
    std::string value = m.size() > 1 ? m[m.size() - 1].str() : m[0].str();
    if (cat == kHead || cat == kTail) value = line;
    add_line_value_to(ctx, s, cat, value);
    return;
  }
  add_plain_line_to(s, kMisc, line);
}

void package_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  if (!s.previous_line) {
    plain_add(ctx, s, raw, index);
    return;
  }
  if (s.lines.size() == 1 && starts_with(*s.previous_line, "%") &&
      (ends_with(*s.previous_line, " lang") || ends_with(*s.previous_line, "-lang")) && !starts_with(raw, "#")) {
    if (!ctx.options.minimal) plain_add_cleaned(ctx, s, "# FIXME: consider using %%lang_package macro");
  }
  preamble_add(ctx, s, raw, index);
}

void preamble_output(Context& ctx, Section& s, bool newline, std::string_view next) {
  // Only a package gets a License; definitions that follow a later section (%global after
  // %description) are read as preamble lines too, but they do not start a package.
  bool package = s.kind == Sec::Package || !s.reentered;
  auto lines = flatten_output(ctx, s.paragraph, ctx.subpackage_license && package, false);
  s.lines.insert(s.lines.end(), lines.begin(), lines.end());
  section_output(ctx, s, newline, next);
}

// ---- The other sections.

void description_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  if (s.previous_line && !raw.empty() && raw[0] == '%') s.unknown_line = true;
  if (s.removing_authors && !s.unknown_line) return;
  if (raw.empty() && (!s.previous_line || s.previous_line->empty())) return;
  if (!ctx.options.minimal && match_prefix(raw, ctx.re.authors)) {
    s.removing_authors = true;
    return;
  }
  // A description is text the user reads: "$RPM_BUILD_ROOT" or "grep -E" in it are words, not
  // commands to rewrite. Known paths become the macros that expand to them, as spec-cleaner does.
  if (index < ctx.inside_lua.size() && ctx.inside_lua[index]) return plain_add_cleaned(ctx, s, raw);
  std::string line = !ctx.options.minimal && index < ctx.embraced.size() ? ctx.embraced[index] : raw;
  line = rstrip(std::move(line));
  replace_all(line, "\xc2\xa0", " ");
  plain_add_cleaned(ctx, s, replace_known_paths(std::move(line), ctx.redefined_directories));
}

void prep_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  std::string line = cleanup(ctx, raw, index, true);
  if (starts_with(line, "%setup")) {
    replace_all(line, " -qn", " -q -n");
    bool quiet = contains(line, " -q");
    replace_all(line, " -q", "");
    line = std::regex_replace(line, ctx.re.setup_default_name, " ");
    line = collapse_spaces(line);
    if (quiet) replace_first(line, "%setup", "%setup -q");
  }
  if (!ctx.options.minimal && starts_with(line, "%patch")) {
    std::smatch m;
    if (std::regex_match(line, m, ctx.re.patch_prep)) {
      line = "%patch -P " + m[1].str() + m[2].str();
    } else if (std::regex_match(line, ctx.re.patch_bare) && !contains(line, "-P")) {
      line = "%patch -P 0" + line.substr(6);
    }
    replace_all(line, " -p0", "");
    line = rstrip(line);
  }
  if (!ctx.options.minimal && std::regex_search(line, ctx.re.dephell_setup, std::regex_constants::match_continuous))
    line = "%dephell_gensetup";
  plain_add_cleaned(ctx, s, line);
}

void make_fixme(Context& ctx, Section& s, const std::string& line) {
  const auto& re = ctx.re;
  if (match_prefix(line, re.comment)) return;
  const char* message = nullptr;
  if (std::regex_match(line, re.configure)) message = "# FIXME: you should use the %%configure macro";
  else if (std::regex_match(line, re.cmake)) message = "# FIXME: you should use the %%cmake macros";
  else if (std::regex_match(line, re.meson)) message = "# FIXME: you should use the %%meson macros";
  else if (std::regex_match(line, re.qmake5)) message = "# FIXME: you should use the %%qmake5 macro";
  if (!message || s.lines.empty()) return;
  std::size_t position = s.lines.size();
  if (s.previous_line && ends_with(*s.previous_line, "\\")) {
    for (auto it = s.lines.rbegin(); it != s.lines.rend() && ends_with(*it, "\\"); ++it) --position;
  }
  const std::string& above = position == 0 ? s.lines.back() : s.lines[position - 1];
  if (!starts_with(above, "#")) s.lines.insert(s.lines.begin() + static_cast<std::ptrdiff_t>(position), message);
}

void check_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  std::string line = cleanup(ctx, raw, index, true);
  line = std::regex_replace(line, ctx.re.jobs, "%{?_smp_mflags}");
  if (!ctx.options.minimal) {
    std::smatch m;
    if (std::regex_match(line, m, ctx.re.make)) {
      line = m[1].str() + "%make_build" + m[2].str();
      replace_all(line, " %{?_smp_mflags}", "");
      replace_all(line, " V=1", "");
      replace_all(line, " VERBOSE=1", "");
    }
    line = std::regex_replace(line, ctx.re.pytest, "%pytest");
    line = std::regex_replace(line, ctx.re.pytest_arch, "%pytest_arch");
    line = std::regex_replace(line, ctx.re.pyunittest, "%pyunittest");
    line = std::regex_replace(line, ctx.re.pyunittest_arch, "%pyunittest_arch");
  }
  plain_add_cleaned(ctx, s, line);
}

void build_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  if (search(raw, ctx.re.suse_update_config)) return;
  if (!ctx.options.minimal) make_fixme(ctx, s, cleanup(ctx, raw, index, true));
  check_add(ctx, s, raw, index);
}

void install_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  std::string line = cleanup(ctx, raw, index, true);
  if (search(line, ctx.re.clean)) return;
  line = std::regex_replace(line, ctx.re.jobs, " %{?_smp_mflags}");
  if (!ctx.options.minimal) {
    auto count = [](const std::string& text, const std::regex& re) {
      return std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator());
    };
    if ((search(line, ctx.re.rm_la) && count(line, ctx.re.rm_double) == 0) ||
        (search(line, ctx.re.find_la) && count(line, ctx.re.find_double) == 1))
      line = "find %{buildroot} -type f -name \"*.la\" -delete -print";
    if (std::regex_match(line, ctx.re.install)) line = "%make_install";
    replace_all(line, "%makeinstall", "%make_install");
  }
  plain_add_cleaned(ctx, s, line);
}

void scriptlets_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  std::string line = cleanup(ctx, raw, index, true);
  std::smatch m;
  if (std::regex_match(line, m, ctx.re.ldconfig)) line = m[1].str() + "/sbin/ldconfig" + m[3].str();
  plain_add_cleaned(ctx, s, line);
}

void scriptlets_output(Context& ctx, Section& s, bool newline, std::string_view next) {
  if (!ctx.options.minimal) {
    while (!s.lines.empty() && s.lines.back().empty()) s.lines.pop_back();
    if (s.lines.size() == 2 && s.lines[1] == "/sbin/ldconfig") {
      std::string header = s.lines[0] + " -p /sbin/ldconfig";
      s.lines = {header};
    }
  }
  section_output(ctx, s, newline, next);
}

void files_add(Context& ctx, Section& s, const std::string& raw, std::size_t index) {
  const auto& re = ctx.re;
  std::string line = collapse_spaces(cleanup(ctx, raw, index));
  replace_first(line, "%doc %{_mandir}", "%{_mandir}");
  replace_first(line, "%doc %{_infodir}", "%{_infodir}");
  std::smatch m;
  if (starts_with(line, "%doc") && std::regex_search(line, m, re.doclicense)) {
    std::string licences;
    while (std::regex_search(line, m, re.doclicense)) {
      licences += m[0].str();
      line = m.prefix().str() + m.suffix().str();
    }
    plain_add_cleaned(ctx, s, rstrip("%license " + licences));
  }
  if (std::regex_match(line, m, re.python_sitelib_glob)) {
    std::string name = ctx.options.file_name;
    if (ends_with(name, ".spec")) name.resize(name.size() - 5);
    if (starts_with(name, "python-")) name = name.substr(7);
    if (name.empty()) name = "%{name}";
    line = m[1].str() + "/" + name + "\n" + m[1].str() + "/" + name + "-%{version}*-info";
  }
  if (line == "%doc ") return;
  line = rstrip(std::move(line));
  if (!ctx.options.minimal) {
    if (match_prefix(line, re.defattr)) return;
    if (starts_with(line, "%{_mandir}")) line = std::regex_replace(line, re.man_compression, "$1%{?ext_man}");
    if (starts_with(line, "%{_infodir}")) line = std::regex_replace(line, re.info_compression, ".info%{?ext_info}");
  }
  if (line.empty() && (!s.previous_line || s.previous_line->empty())) return;
  plain_add_cleaned(ctx, s, line);
}

void copyright_add(Context& ctx, Section& s, const std::string& raw) {
  const auto& re = ctx.re;
  if (!ctx.options.copyright_header) {
    s.lines.push_back(raw);
    return;
  }
  if (s.lines.empty() && raw.empty()) return;
  std::smatch m;
  if (match_prefix(raw, re.copyright_string, m) && !search(raw, re.suse_copyright)) {
    s.copyrights.push_back("# Copyright (c) " + m[1].str());
  } else if (match_prefix(raw, re.rootforbuild)) {
    s.buildrules.push_back("# needsrootforbuild");
  } else if (match_prefix(raw, re.binariesforbuild)) {
    s.buildrules.push_back("# needsbinariesforbuild");
  } else if (match_prefix(raw, re.nodebuginfo)) {
    s.buildrules.push_back("# nodebuginfo");
  } else if (match_prefix(raw, re.icecream)) {
    s.buildrules.push_back("# icecream");
  } else if (match_prefix(raw, re.vimmodeline)) {
    s.vimmodeline = raw;
  } else if (match_prefix(raw, re.sslcerts)) {
    s.buildrules.push_back("# needssslcertforbuild");
  }
}

void copyright_output(Context& ctx, Section& s, std::string_view next) {
  if (!ctx.options.copyright_header) {
    section_output(ctx, s, false, next);
    return;
  }
  std::vector<std::string> lines;
  if (!s.vimmodeline.empty()) lines.push_back(s.vimmodeline);
  std::string name = ctx.options.file_name;
  if (auto dot = name.rfind('.'); dot != std::string::npos && dot > 0) name.resize(dot);
  lines.push_back("#");
  lines.push_back("# spec file for package " + name);
  lines.push_back("#");
  lines.push_back("# Copyright (c) " + std::to_string(ctx.options.copyright_year) + " SUSE LLC and contributors");
  for (const auto& c : s.copyrights) lines.push_back(c);
  for (const char* l : {
           "#",
           "# All modifications and additions to the file contributed by third parties",
           "# remain the property of their copyright owners, unless otherwise agreed",
           "# upon. The license for this file, and modifications and additions to the",
           "# file, is the same license as for the pristine package itself (unless the",
           "# license for the pristine package is not an Open Source License, in which",
           "# case the license is the MIT License). An \"Open Source License\" is a",
           "# license that conforms to the Open Source Definition (Version 1.9)",
           "# published by the Open Source Initiative.",
           "",
           "# Please submit bugfixes or comments via https://bugs.opensuse.org/",
           "#"})
    lines.emplace_back(l);
  auto rules = s.buildrules;
  std::sort(rules.begin(), rules.end());
  lines.insert(lines.end(), rules.begin(), rules.end());
  lines.emplace_back();
  lines.emplace_back();
  s.lines = std::move(lines);
  section_output(ctx, s, true, next);
}

// ---- Driver.

struct LineKind {
  Sec section = Sec::Plain;  // the section a header line opens
  bool header = false;
  bool continues_definition = false;  // a later line of a multi-line %define/%global
  bool inside_lua = false;            // a later line of a multi-line %{lua:}
};

Sec section_of_keyword(std::string_view keyword) {
  std::string k(keyword);
  for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (k == "%package") return Sec::Package;
  if (k == "%description") return Sec::Description;
  if (k == "%prep") return Sec::Prep;
  if (k == "%build") return Sec::Build;
  if (k == "%install") return Sec::Install;
  if (k == "%clean") return Sec::Clean;
  if (k == "%check") return Sec::Check;
  if (k == "%files") return Sec::Files;
  if (k == "%changelog") return Sec::Changelog;
  for (const char* s : {"%pretrans", "%pre", "%post", "%verifyscript", "%preun", "%postun", "%posttrans",
                        "%filetriggerin", "%filetriggerun", "%filetriggerpostun", "%transfiletriggerin",
                        "%transfiletriggerun", "%transfiletriggerpostun", "%triggerin", "%triggerun",
                        "%triggerpostun", "%triggerprein", "%preuntrans", "%postuntrans"})
    if (k == s) return Sec::Scriptlets;
  return Sec::Plain;
}

class Formatter {
 public:
  Formatter(Context& ctx, std::vector<std::string> lines, std::vector<LineKind> kinds)
      : ctx_(ctx), lines_(std::move(lines)), kinds_(std::move(kinds)) {}

  void run() {
    current_.kind = Sec::Copyright;
    std::optional<std::string> previous_line, previous_nonempty;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const std::string& line = lines_[i];
      auto next = detect_new_section(i, previous_line);
      if (next) {
        output(current_, check_for_newline(*next, line, previous_line), sec_name(*next));
        bool after_sections = current_.kind != Sec::Copyright;
        current_ = Section{};
        current_.kind = *next;
        current_.reentered = *next == Sec::Preamble && after_sections;
        if (previous_line && previous_line->empty() && line.empty()) continue;
      }
      if (current_.kind == Sec::Clean) continue;
      if (!attached_comments_.empty()) {
        if (current_.kind == Sec::Preamble) current_.paragraph.current_group = std::move(attached_comments_);
        attached_comments_.clear();
        current_.previous_line = current_.paragraph.current_group.empty() ? std::optional<std::string>()
                                                                           : current_.paragraph.current_group.back();
      }
      add(current_, line, i);
      previous_line = line;
      if (!line.empty() && !starts_with(line, "#")) previous_nonempty = line;
    }
    output(current_, true, "");
    if (current_.kind != Sec::Changelog && previous_nonempty != std::optional<std::string>("%changelog"))
      ctx_.out += "%changelog\n";
  }

 private:
  bool condition_change(const std::string& line) const {
    return match_prefix(line, ctx_.re.endif) || match_prefix(line, ctx_.re.else_elif) ||
           match_prefix(line, ctx_.re.endcodeblock);
  }

  bool preamble_line(const std::string& line) const {
    if (is_preamble_like(current_.kind)) return false;
    if (match_prefix(line, ctx_.re.bcond_with) || match_prefix(line, ctx_.re.debugpkg)) return true;
    // In a %description a definition is read where it stands and the lines around it are the
    // text: it does not start a preamble, whose blank lines would go.
    if (current_.kind != Sec::Install && current_.kind != Sec::Check && current_.kind != Sec::Build &&
        current_.kind != Sec::Prep && current_.kind != Sec::Description &&
        (match_prefix(line, ctx_.re.define) || match_prefix(line, ctx_.re.global)))
      return true;
    return false;
  }

  std::optional<Sec> detect_new_section(std::size_t index, const std::optional<std::string>& previous_line) {
    const std::string& line = lines_[index];
    if (is_preamble_like(current_.kind) && current_.multiline) return std::nullopt;
    if (condition_change(line) ||
        (current_.kind == Sec::Plain && (match_prefix(line, ctx_.re.if_line) || match_prefix(line, ctx_.re.codeblock)))) {
      if (!current_.condition) return Sec::Plain;
    }
    if (kinds_[index].header) {
      if (current_.condition) {
        current_.condition = false;
        if (is_preamble_like(current_.kind)) end_subparagraph(ctx_, current_, true);
      }
      return kinds_[index].section;
    }
    if (current_.kind == Sec::Copyright) {
      if (!match_prefix(line, ctx_.re.comment)) {
        // Comments right above the first line belong to that line, not to the header: they
        // move with it, so a second run finds the same header.
        if (!ctx_.options.copyright_header) {
          auto& header = current_.lines;
          std::size_t keep = header.size();
          while (keep > 0 && starts_with(header[keep - 1], "#")) --keep;
          attached_comments_.assign(header.begin() + static_cast<std::ptrdiff_t>(keep), header.end());
          header.resize(keep);
        }
        return Sec::Preamble;
      }
      if (previous_line && previous_line->empty() && line.empty()) {
        copyright_add(ctx_, current_, line);
        return Sec::Preamble;
      }
    }
    if (preamble_line(line)) return Sec::Preamble;
    if (current_.kind == Sec::Clean && collapse_spaces(line).empty()) return Sec::Plain;
    return std::nullopt;
  }

  bool check_for_newline(Sec next, const std::string& line, const std::optional<std::string>& previous_line) const {
    if (next == Sec::Plain && condition_change(line)) return false;
    return !(previous_line && starts_with(*previous_line, "#"));
  }

  void add(Section& s, const std::string& line, std::size_t index) {
    switch (s.kind) {
      case Sec::Copyright: return copyright_add(ctx_, s, line);
      case Sec::Preamble: return preamble_add(ctx_, s, line, index);
      case Sec::Package: return package_add(ctx_, s, line, index);
      case Sec::Description: return description_add(ctx_, s, line, index);
      case Sec::Prep: return prep_add(ctx_, s, line, index);
      case Sec::Build: return build_add(ctx_, s, line, index);
      case Sec::Install: return install_add(ctx_, s, line, index);
      case Sec::Check: return check_add(ctx_, s, line, index);
      case Sec::Scriptlets: return scriptlets_add(ctx_, s, line, index);
      case Sec::Files: return files_add(ctx_, s, line, index);
      case Sec::Changelog:
        if (s.lines.empty()) plain_add_cleaned(ctx_, s, "%changelog");
        return;
      case Sec::Clean: return;
      case Sec::Plain: return plain_add(ctx_, s, line, index);
    }
  }

  void output(Section& s, bool newline, std::string_view next) {
    switch (s.kind) {
      case Sec::Copyright: return copyright_output(ctx_, s, next);
      case Sec::Preamble:
      case Sec::Package: return preamble_output(ctx_, s, newline, next);
      case Sec::Scriptlets: return scriptlets_output(ctx_, s, newline, next);
      case Sec::Clean: return;
      default: return section_output(ctx_, s, newline, next);
    }
  }

  Context& ctx_;
  std::vector<std::string> lines_;
  std::vector<LineKind> kinds_;
  Section current_;
  std::vector<std::string> attached_comments_;
};

}  // namespace

FormatResult format_spec(std::string_view text, const FormatOptions& options) {
  FormatResult result;
  Context ctx(options);
  const auto& re = ctx.re;

  // Physical lines, without their line ends.
  std::vector<std::size_t> starts;
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(pos, next - pos);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    starts.push_back(pos);
    lines.emplace_back(line);
    pos = next;
  }
  for (const auto& line : lines) {
    if (std::regex_search(line, re.skip_cleaner, std::regex_constants::match_continuous)) {
      result.text = std::string(text);
      result.skipped_because = "#nospeccleaner";
      return result;
    }
    if (std::regex_search(line, re.disable_file, std::regex_constants::match_continuous)) {
      result.text = std::string(text);
      result.skipped_because = "# katalint: disable-file=fmt";
      return result;
    }
  }

  ir::DiagnosticSink sink;
  SyntaxTree tree = rpmspec::parse_spec_syntax(text, ir::kNoFile, sink);

  // Where sections start, from the tree; and the macros the spec defines with parameters.
  std::vector<LineKind> kinds(lines.size());
  auto line_of = [&](std::size_t offset) {
    return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin()) - 1;
  };
  for (NodeId id = 0; id < tree.nodes.size(); ++id) {
    SyntaxKind kind = tree.kind(id);
    if (kind == SyntaxKind::SectionHeader) {
      NodeId keyword = tree.child(id, SyntaxKind::Keyword);
      if (keyword == rpmspec::kNoNode) continue;
      Sec sec = section_of_keyword(tree.text_of(keyword));
      if (sec == Sec::Plain) continue;
      std::size_t line = line_of(tree.node(id).begin);
      if (line < kinds.size() && starts[line] == tree.node(id).begin) kinds[line] = {sec, true};
    } else if (kind == SyntaxKind::MacroDefinition) {
      NodeId name = tree.child(id, SyntaxKind::MacroName);
      if (name != rpmspec::kNoNode) {
        if (tree.child(id, SyntaxKind::MacroOptions) != rpmspec::kNoNode)
          ctx.unbraced.insert(std::string(tree.text_of(name)));
        else
          ctx.defined_plain.insert(std::string(tree.text_of(name)));
      }
      const auto& node = tree.node(id);
      std::size_t first = line_of(node.begin);
      std::size_t last = node.end > node.begin ? line_of(node.end - 1) : first;
      for (std::size_t l = first + 1; l <= last && l < kinds.size(); ++l) kinds[l].continues_definition = true;
    } else if (kind == SyntaxKind::LuaExpansion) {
      const auto& node = tree.node(id);
      std::size_t first = line_of(node.begin);
      std::size_t last = node.end > node.begin ? line_of(node.end - 1) : first;
      for (std::size_t l = first + 1; l <= last && l < kinds.size(); ++l) {
        kinds[l].inside_lua = true;
        if (starts[first] == node.begin) kinds[l].continues_definition = true;
      }
    }
  }
  ctx.embraced = embrace_lines(ctx, tree, starts);
  for (const auto& name : ctx.defined_plain)
    if (starts_with(name, "_")) ctx.redefined_directories.push_back(name);
  for (const auto& kind : kinds) {
    ctx.continues_definition.push_back(kind.continues_definition);
    ctx.inside_lua.push_back(kind.inside_lua);
  }

  // Distinct License values: with more than one, every package keeps (or gets) its own.
  std::vector<std::string> licenses;
  for (const auto& line : lines) {
    std::smatch m;
    std::string trimmed = rstrip(line);
    if (!match_prefix(trimmed, re.license, m)) continue;
    if (std::find(licenses.begin(), licenses.end(), m[1].str()) == licenses.end()) licenses.push_back(m[1].str());
  }
  {
    static const std::regex core_tag(R"re(^(Name|Version|Release|Epoch)\s*:)re", kIcase);
    int depth = 0;
    std::smatch m;
    for (const auto& line : lines) {
      if (match_prefix(line, re.if_line)) ++depth;
      else if (match_prefix(line, re.endif) && depth > 0) --depth;
      else if (depth == 0 && match_prefix(line, core_tag, m)) ctx.unconditional_tags.insert(canonical_tag_name(m[1].str()));
    }
    static const std::regex tag_reference(R"re(%\{?[?!]*(name|version|release|epoch)\b)re");
    for (const auto& line : lines)
      for (std::sregex_iterator it(line.begin(), line.end(), tag_reference), end; it != end; ++it)
        ctx.read_tags.insert(canonical_tag_name((*it)[1].str()));
  }
  static const std::regex unnumbered_patch(R"re(^Patch:)re", kIcase);
  for (const auto& line : lines)
    if (std::regex_search(line, unnumbered_patch, std::regex_constants::match_continuous)) ++ctx.unnumbered_patches;
  if (licenses.size() > 1) {
    ctx.subpackage_license = true;
    ctx.first_license = licenses.front();
  }

  Formatter formatter(ctx, std::move(lines), std::move(kinds));
  formatter.run();
  result.text = std::move(ctx.out);
  return result;
}

}  // namespace katalint::suse_style
