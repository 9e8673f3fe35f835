#include "frontend/rpmspec/evaluator.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

#include "frontend/rpmspec/dependencies.hpp"
#include "frontend/rpmspec/profile.hpp"
#include "frontend/rpmspec/scan.hpp"

namespace katalint::rpmspec {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != lower(prefix[i])) return false;
  return true;
}

bool iequals(std::string_view a, std::string_view b) { return a.size() == b.size() && iequals_prefix(a, b); }

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view trim(std::string_view s) {
  s = skip_space(s);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// popt's poptParseArgvString: whitespace-separated words with quotes and backslashes.
std::optional<std::vector<std::string>> split_argv(std::string_view s) {
  std::vector<std::string> argv;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < s.size()) {
        if (s[i + 1] != '"') cur += '\\';
        cur += s[++i];
      } else {
        cur += c;
      }
      continue;
    }
    if (is_space(c)) {
      if (in_word) argv.push_back(std::move(cur)), cur.clear(), in_word = false;
      continue;
    }
    in_word = true;
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '\\') {
      if (i + 1 >= s.size()) return std::nullopt;
      cur += s[++i];
    } else {
      cur += c;
    }
  }
  if (quote) return std::nullopt;
  if (in_word) argv.push_back(std::move(cur));
  return argv;
}

// Sections, as rpm 4.18's partList orders them (first prefix match wins).
enum class Part {
  None, Error, Preamble, Prep, BuildRequires, Build, Install, Check, Clean, Preun, Postun,
  Pretrans, Posttrans, Pre, Post, Files, Changelog, Description, TriggerPostun, TriggerPrein,
  TriggerUn, TriggerIn, VerifyScript, Policies, FileTriggerIn, FileTriggerUn, FileTriggerPostun,
  TransFileTriggerIn, TransFileTriggerUn, TransFileTriggerPostun, Empty, PatchList, SourceList,
  BuildArchitectures,
};

struct PartRec {
  Part part;
  std::string_view token;
};

constexpr std::array kParts = {
    PartRec{Part::Preamble, "%package"},
    PartRec{Part::Prep, "%prep"},
    PartRec{Part::BuildRequires, "%generate_buildrequires"},
    PartRec{Part::Build, "%build"},
    PartRec{Part::Install, "%install"},
    PartRec{Part::Check, "%check"},
    PartRec{Part::Clean, "%clean"},
    PartRec{Part::Preun, "%preun"},
    PartRec{Part::Postun, "%postun"},
    PartRec{Part::Pretrans, "%pretrans"},
    PartRec{Part::Posttrans, "%posttrans"},
    PartRec{Part::Pre, "%pre"},
    PartRec{Part::Post, "%post"},
    PartRec{Part::Files, "%files"},
    PartRec{Part::Changelog, "%changelog"},
    PartRec{Part::Description, "%description"},
    PartRec{Part::TriggerPostun, "%triggerpostun"},
    PartRec{Part::TriggerPrein, "%triggerprein"},
    PartRec{Part::TriggerUn, "%triggerun"},
    PartRec{Part::TriggerIn, "%triggerin"},
    PartRec{Part::TriggerIn, "%trigger"},
    PartRec{Part::VerifyScript, "%verifyscript"},
    PartRec{Part::Policies, "%sepolicy"},
    PartRec{Part::FileTriggerIn, "%filetriggerin"},
    PartRec{Part::FileTriggerIn, "%filetrigger"},
    PartRec{Part::FileTriggerUn, "%filetriggerun"},
    PartRec{Part::FileTriggerPostun, "%filetriggerpostun"},
    PartRec{Part::TransFileTriggerIn, "%transfiletriggerin"},
    PartRec{Part::TransFileTriggerIn, "%transfiletrigger"},
    PartRec{Part::TransFileTriggerUn, "%transfiletriggerun"},
    PartRec{Part::TransFileTriggerPostun, "%transfiletriggerpostun"},
    PartRec{Part::Empty, "%end"},
    PartRec{Part::PatchList, "%patchlist"},
    PartRec{Part::SourceList, "%sourcelist"},
};

Part is_part(std::string_view line) {
  if (line.size() < 2 || line.front() != '%') return Part::None;
  const char first = lower(line[1]);
  for (const auto& p : kParts) {
    if (p.token[1] != first || !iequals_prefix(line, p.token)) continue;
    if (line.size() == p.token.size() || is_space(line[p.token.size()])) return p.part;
  }
  return Part::None;
}

std::string_view script_kind(Part part) {
  switch (part) {
    case Part::Pre: return "pre";
    case Part::Post: return "post";
    case Part::Preun: return "preun";
    case Part::Postun: return "postun";
    case Part::Pretrans: return "pretrans";
    case Part::Posttrans: return "posttrans";
    case Part::VerifyScript: return "verifyscript";
    case Part::TriggerPrein: return "triggerprein";
    case Part::TriggerIn: return "triggerin";
    case Part::TriggerUn: return "triggerun";
    case Part::TriggerPostun: return "triggerpostun";
    case Part::FileTriggerIn: return "filetriggerin";
    case Part::FileTriggerUn: return "filetriggerun";
    case Part::FileTriggerPostun: return "filetriggerpostun";
    case Part::TransFileTriggerIn: return "transfiletriggerin";
    case Part::TransFileTriggerUn: return "transfiletriggerun";
    case Part::TransFileTriggerPostun: return "transfiletriggerpostun";
    default: return "";
  }
}

// Conditional line types (rpm's lineTypes; the order matters for prefix matching).
enum LineType : unsigned {
  kLineNone = 0,
  kLineIf = 1u << 0,
  kLineIfArch = 1u << 1,
  kLineIfNArch = 1u << 2,
  kLineIfOs = 1u << 3,
  kLineIfNOs = 1u << 4,
  kLineElse = 1u << 5,
  kLineEndif = 1u << 6,
  kLineInclude = 1u << 7,
  kLineElif = 1u << 8,
  kLineElifArch = 1u << 9,
  kLineElifOs = 1u << 10,
};
constexpr unsigned kLineIfAny = kLineIf | kLineIfArch | kLineIfNArch | kLineIfOs | kLineIfNOs;
constexpr unsigned kLineElifAny = kLineElif | kLineElifArch | kLineElifOs;

struct LineTypeRec {
  unsigned id;
  std::string_view text;
  bool with_args;
  bool conditional;
  unsigned wrong_precursors;
};

constexpr std::array kLineTypes = {
    LineTypeRec{kLineEndif, "%endif", false, true, kLineEndif},
    LineTypeRec{kLineElse, "%else", false, true, kLineEndif | kLineElse},
    LineTypeRec{kLineIfNArch, "%ifnarch", true, true, 0},
    LineTypeRec{kLineIfNOs, "%ifnos", true, true, 0},
    LineTypeRec{kLineIfArch, "%ifarch", true, true, 0},
    LineTypeRec{kLineIfOs, "%ifos", true, true, 0},
    LineTypeRec{kLineElifArch, "%elifarch", true, true, kLineEndif | kLineElse},
    LineTypeRec{kLineElifOs, "%elifos", true, true, kLineEndif | kLineElse},
    LineTypeRec{kLineElif, "%elif", true, true, kLineEndif | kLineElse},
    LineTypeRec{kLineIf, "%if", true, true, 0},
    LineTypeRec{kLineInclude, "%include", true, false, 0},
};

const LineTypeRec* parse_line_type(std::string_view s) {
  // Every line type starts with "%e" or "%i".
  if (s.size() < 3 || s[0] != '%' || (s[1] != 'e' && s[1] != 'i')) return nullptr;
  for (const auto& t : kLineTypes) {
    if (s.substr(0, t.text.size()) != t.text) continue;
    const bool at_end = s.size() == t.text.size();
    const char next = at_end ? '\0' : s[t.text.size()];
    if (t.with_args ? (at_end || is_blank(next) || next == '\n') : (at_end || !is_alpha(next)))
      return &t;
  }
  return nullptr;
}

constexpr int kStripNothing = 0;
constexpr int kStripTrailingSpace = 1;
constexpr int kStripComments = 2;

constexpr int kMaxIncludeDepth = 32;
constexpr std::size_t kMaxLogicalLine = 8u * 1024u * 1024u;

// One file on the %include stack.
struct Input {
  ir::FileId file;
  std::string_view text;
  const frontend::FilledTemplate* map = nullptr;
  std::uint32_t pos = 0;
};

// A line after expansion, with the source range it came from.
struct Line {
  std::string text;
  ir::Range range;
};

struct ReadLevel {
  bool reading = true;
  bool readable = false;
  unsigned last = kLineEndif;
  ir::Range range;
  int conditional = -1;  // index into Package::conditionals
  int branch = 0;
};

struct PreambleRec {
  std::string_view token;
  int type;  // 0 plain, 1 language, 2 qualifiers
  bool is_macro;
  ir::DepKind dep_kind;
  bool is_dep;
};

using ir::DepKind;
// rpm's preambleList: a longer tag that starts with a shorter one comes first.
constexpr std::array kPreamble = {
    PreambleRec{"name", 0, true, DepKind::Requires, false},
    PreambleRec{"version", 0, true, DepKind::Requires, false},
    PreambleRec{"release", 0, true, DepKind::Requires, false},
    PreambleRec{"epoch", 0, true, DepKind::Requires, false},
    PreambleRec{"summary", 1, true, DepKind::Requires, false},
    PreambleRec{"license", 0, true, DepKind::Requires, false},
    PreambleRec{"distribution", 0, true, DepKind::Requires, false},
    PreambleRec{"disturl", 0, true, DepKind::Requires, false},
    PreambleRec{"vendor", 0, true, DepKind::Requires, false},
    PreambleRec{"group", 1, true, DepKind::Requires, false},
    PreambleRec{"packager", 0, true, DepKind::Requires, false},
    PreambleRec{"url", 0, true, DepKind::Requires, false},
    PreambleRec{"vcs", 0, true, DepKind::Requires, false},
    PreambleRec{"source", 0, false, DepKind::Requires, false},
    PreambleRec{"patch", 0, false, DepKind::Requires, false},
    PreambleRec{"nosource", 0, false, DepKind::Requires, false},
    PreambleRec{"nopatch", 0, false, DepKind::Requires, false},
    PreambleRec{"excludearch", 0, false, DepKind::Requires, false},
    PreambleRec{"exclusivearch", 0, false, DepKind::Requires, false},
    PreambleRec{"excludeos", 0, false, DepKind::Requires, false},
    PreambleRec{"exclusiveos", 0, false, DepKind::Requires, false},
    PreambleRec{"icon", 0, false, DepKind::Requires, false},
    PreambleRec{"provides", 0, false, DepKind::Provides, true},
    PreambleRec{"requires", 2, false, DepKind::Requires, true},
    PreambleRec{"recommends", 2, false, DepKind::Recommends, true},
    PreambleRec{"suggests", 2, false, DepKind::Suggests, true},
    PreambleRec{"supplements", 2, false, DepKind::Supplements, true},
    PreambleRec{"enhances", 2, false, DepKind::Enhances, true},
    PreambleRec{"prereq", 2, false, DepKind::Requires, true},
    PreambleRec{"conflicts", 0, false, DepKind::Conflicts, true},
    PreambleRec{"obsoletes", 0, false, DepKind::Obsoletes, true},
    PreambleRec{"prefixes", 0, true, DepKind::Requires, false},
    PreambleRec{"prefix", 0, true, DepKind::Requires, false},
    PreambleRec{"buildroot", 0, false, DepKind::Requires, false},
    PreambleRec{"buildarchitectures", 0, false, DepKind::Requires, false},
    PreambleRec{"buildarch", 0, false, DepKind::Requires, false},
    PreambleRec{"buildconflicts", 0, false, DepKind::BuildConflicts, true},
    PreambleRec{"buildprereq", 0, false, DepKind::BuildRequires, true},
    PreambleRec{"buildrequires", 0, false, DepKind::BuildRequires, true},
    PreambleRec{"autoreqprov", 0, false, DepKind::Requires, false},
    PreambleRec{"autoreq", 0, false, DepKind::Requires, false},
    PreambleRec{"autoprov", 0, false, DepKind::Requires, false},
    PreambleRec{"docdir", 0, false, DepKind::Requires, false},
    PreambleRec{"disttag", 0, true, DepKind::Requires, false},
    PreambleRec{"bugurl", 0, true, DepKind::Requires, false},
    PreambleRec{"translationurl", 0, true, DepKind::Requires, false},
    PreambleRec{"upstreamreleases", 0, true, DepKind::Requires, false},
    PreambleRec{"orderwithrequires", 2, false, DepKind::OrderWithRequires, true},
    PreambleRec{"removepathpostfixes", 0, true, DepKind::Requires, false},
    PreambleRec{"modularitylabel", 0, true, DepKind::Requires, false},
};

// The known name closest to `word` (case-insensitive edit distance at most 2, and less than
// half the word), for a "did you mean" hint; empty when none is close.
template <typename Names>
std::string_view nearest_name(std::string_view word, const Names& names) {
  if (word.size() > 40) return {};
  std::string_view best;
  std::size_t best_distance = std::min<std::size_t>(3, (word.size() + 1) / 2);
  std::array<std::size_t, 64> row{};
  for (std::string_view name : names) {
    // The distance is at least the difference in length.
    const std::size_t longer = std::max(name.size(), word.size());
    if (name.size() > 60 || longer - std::min(name.size(), word.size()) >= best_distance) continue;
    for (std::size_t j = 0; j <= name.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= word.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= name.size(); ++j) {
        const std::size_t above = row[j];
        const bool same = lower(word[i - 1]) == lower(name[j - 1]);
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
        diagonal = above;
      }
    }
    if (row[name.size()] < best_distance) {
      best_distance = row[name.size()];
      best = name;
    }
  }
  return best;
}

// Canonical spelling of a tag for the IR.
std::string canonical_tag(std::string_view token) {
  static constexpr std::array<std::string_view, 20> kSpelled = {
      "BuildRequires", "BuildConflicts", "BuildPreReq", "BuildArch", "BuildArchitectures",
      "BuildRoot", "ExcludeArch", "ExclusiveArch", "ExcludeOS", "ExclusiveOS", "NoSource",
      "NoPatch", "AutoReqProv", "AutoReq", "AutoProv", "DocDir", "BugURL", "OrderWithRequires",
      "PreReq", "URL"};
  for (auto s : kSpelled)
    if (iequals(s, token)) return std::string(s);
  std::string out(token);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 99;
    if (extra == 99 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) return false;
    for (std::size_t k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += extra + 1;
  }
  return true;
}

// Whitespace outside opaque segments: an unknown value counts as one token.
bool has_multiple_tokens(std::string_view s) {
  bool in_opaque = false;
  for (char c : s) {
    if (c == kOpaqueBegin) in_opaque = true;
    else if (c == kOpaqueEnd) in_opaque = false;
    else if (!in_opaque && is_space(c)) return true;
  }
  return false;
}

// The first character outside opaque segments that `allowed` rejects, if any.
template <typename Allowed>
std::optional<char> first_illegal(std::string_view s, Allowed allowed) {
  bool in_opaque = false;
  for (char c : s) {
    if (c == kOpaqueBegin) in_opaque = true;
    else if (c == kOpaqueEnd) in_opaque = false;
    else if (!in_opaque && !allowed(c)) return c;
  }
  return std::nullopt;
}

// True when `s` holds opaque segments and nothing else but whitespace.
bool is_only_opaque(std::string_view s) {
  bool any = false, in_opaque = false;
  for (char c : s) {
    if (c == kOpaqueBegin) in_opaque = any = true;
    else if (c == kOpaqueEnd) in_opaque = false;
    else if (!in_opaque && !is_space(c)) return false;
  }
  return any;
}

class Evaluator {
 public:
  Evaluator(ir::SourceManager& sources, const ir::SourceFile& file, std::string_view text,
            const frontend::FilledTemplate* filled, MacroEngine engine, const EvaluateOptions& options,
            ir::DiagnosticSink& sink, bool recursing)
      : sources_(sources), file_(file), engine_(std::move(engine)), options_(options), sink_(sink),
        recursing_(recursing) {
    inputs_.push_back({file.id(), text, filled, 0});
    engine_.set_sink(&sink_);
    engine_.read_file = [this](std::string_view path) {
      std::string why;
      return read_relative(path, why);
    };
    read_stack_.push_back({});
    pkg_.file = file.id();
  }

  ir::Package run();
  [[nodiscard]] const std::vector<std::string>& build_archs() const { return build_archs_; }

 private:
  // -- reading -------------------------------------------------------------
  ir::Range source_range(const Input& in, std::uint32_t begin, std::uint32_t end) const {
    if (in.map) return {in.file, in.map->to_source(begin), in.map->to_source(end)};
    return {in.file, begin, end};
  }
  // Reads a file for %include or %{load:}; all of them together stay under kMaxSpecSize.
  std::optional<std::string> read_relative(std::string_view path, std::string& why);
  int read_line(int strip);  // 0 line read, 1 EOF, -1 error
  int fill_pending();
  void error(ir::Range range, std::string message, std::string rule = "spec-parse-error");

  // -- sections --------------------------------------------------------------
  Part parse_preamble(bool initial);
  Part parse_description();
  Part parse_script(Part part);
  Part parse_files();
  Part parse_changelog();
  bool is_autochangelog(const Line& l) const;
  Part parse_simple_section(std::string_view name);
  Part parse_list(bool patches);
  Part parse_empty(Part previous);
  // Reads the lines up to the next section: appended to `out` (each with '\n') and kept in
  // `lines`. `body` holds the section's header line on entry, and on return the extent of the
  // lines after it (the header itself when there are none).
  Part parse_lines(int strip, std::string* out, std::vector<Line>* lines = nullptr,
                   ir::Range* body = nullptr);
  // The same loop, handing each line to `each` as it is read.
  template <typename Each>
  Part for_each_line(int strip, Each&& each);
  // One %changelog line; `open` is true once an entry takes the lines that follow. False for
  // a line that is no entry.
  bool changelog_line(const Line& l, bool& open);

  bool handle_tag(const PreambleRec& rec, std::string_view lang, ir::BinaryPackage& pkg, bool main);
  bool add_source(bool patch, std::optional<std::uint32_t> number, std::string_view value, ir::Range range);
  ir::BinaryPackage* lookup_package(const std::optional<std::string>& name, bool full_name);
  // Adds a package, or renames one (a Name: tag), keeping package_index_ current.
  void add_package(ir::BinaryPackage package);
  void rename_package(ir::BinaryPackage& package, std::string name);
  std::string main_name() const { return pkg_.packages.empty() ? std::string() : pkg_.packages[0].name; }
  void push_tag_macro(std::string_view token, std::string_view value, bool main);

  ir::SourceManager& sources_;
  const ir::SourceFile& file_;
  MacroEngine engine_;
  const EvaluateOptions& options_;
  ir::DiagnosticSink& sink_;
  bool recursing_;

  std::vector<Input> inputs_;
  std::vector<ReadLevel> read_stack_;
  // The last expanded buffer and the lines in it not yet consumed; lines are copied out one
  // at a time into line_, whose storage is reused.
  struct PendingLine {
    std::uint32_t begin, end;
    ir::Range range;
  };
  std::string expanded_;
  std::string_view pending_text_;  // the buffer pending_ indexes: expanded_, or the input itself
  std::vector<PendingLine> pending_;
  std::size_t pending_pos_ = 0;
  Line line_;                  // the current line
  bool failed_ = false;

  ir::Package pkg_;
  std::vector<std::string> build_archs_;
  int autonum_source_ = -1;
  int autonum_patch_ = -1;
  bool main_has_group_ = false;
  std::vector<std::string> sections_seen_;
  // Package indices by name, ascending: lookups stay fast with thousands of %package sections.
  std::map<std::string, std::vector<std::size_t>, std::less<>> package_index_;
  std::size_t included_bytes_ = 0;
  std::size_t dependencies_read_ = 0;
};

std::optional<std::string> Evaluator::read_relative(std::string_view path, std::string& why) {
  std::filesystem::path p(path);
  if (p.is_relative() && !options_.source_dir.empty()) p = std::filesystem::path(options_.source_dir) / p;
  const std::size_t left = kMaxSpecSize - std::min(kMaxSpecSize, included_bytes_);
  auto text = ir::read_regular_file(p.string(), left, why);
  if (!text) {
    if (why.find("larger than") != std::string::npos)
      why = fmt::format("the included files would exceed {} in all", ir::format_size(kMaxSpecSize));
    return std::nullopt;
  }
  included_bytes_ += text->size();
  return text;
}

void Evaluator::error(ir::Range range, std::string message, std::string rule) {
  sink_.report(std::move(rule), ir::Severity::Error, range, strip_opaque_markers(message));
  failed_ = true;
}

// Reads the next logical buffer (physical lines joined while a `%{`, `%(` or `%[` is open or a
// line ends in a backslash), expands it when the branch is live, and splits the result into lines.
int Evaluator::fill_pending() {
  pending_.clear();
  pending_pos_ = 0;
  while (!inputs_.empty()) {
    Input& in = inputs_.back();
    if (in.pos >= in.text.size()) {
      inputs_.pop_back();
      continue;
    }
    const std::uint32_t begin = in.pos;
    int pc = 0, bc = 0, xc = 0, nc = 0;
    std::uint32_t p = begin;
    const std::uint32_t size = static_cast<std::uint32_t>(in.text.size());
    bool complete = false;
    bool plain_only = true;  // every physical line so far had no '%' or '\\'
    int physical_lines = 0;
    while (p < size) {
      // One physical line.
      ++physical_lines;
      const char* const base = in.text.data();
      const void* nl = std::memchr(base + p, '\n', size - p);
      const std::uint32_t eol = nl ? static_cast<std::uint32_t>(static_cast<const char*>(nl) - base) + 1 : size;
      // With nothing open, a line without '%' or '\\' cannot open anything.
      const std::string_view physical = in.text.substr(p, eol - p);
      const bool plain = !(pc || bc || xc) && find_either(physical, '%', '\\') == std::string_view::npos;
      if (plain) nc = 0;
      plain_only = plain_only && plain;
      for (std::uint32_t i = plain ? eol : p; i < eol; ++i) {
        if (!(pc || bc || xc)) {
          // Nothing open: up to the newline, only a '%' or a '\\' can change the state.
          const std::size_t k = find_either(physical, '%', '\\', i - p);
          if (k == std::string_view::npos) {
            if (in.text[eol - 1] == '\n') nc = 0;
            break;
          }
          i = p + static_cast<std::uint32_t>(k);
        }
        const char c = in.text[i];
        const char next = i + 1 < eol ? in.text[i + 1] : '\0';
        switch (c) {
          case '\\':
            if (next == '\n') ++i, nc = 1;
            else if (next != '\0') ++i;
            break;
          case '\n': nc = 0; break;
          case '%':
            if (next == '{') ++i, ++bc;
            else if (next == '(') ++i, ++pc;
            else if (next == '[') ++i, ++xc;
            else if (next == '%') ++i;
            break;
          case '{': if (bc > 0) ++bc; break;
          case '}': if (bc > 0) --bc; break;
          case '(': if (pc > 0) ++pc; break;
          case ')': if (pc > 0) --pc; break;
          case '[': if (xc > 0) ++xc; break;
          case ']': if (xc > 0) --xc; break;
          default: break;
        }
      }
      p = eol;
      if (!(pc || bc || xc || nc)) {
        complete = true;
        break;
      }
      if (p - begin > kMaxLogicalLine) break;
    }
    in.pos = p;
    const ir::Range range = source_range(in, begin, p);
    if (!complete) {
      error({range.file, range.begin, range.begin}, "unclosed macro or bad line continuation",
            "unbalanced-macro-brace");
      return -1;
    }
    std::string_view raw = in.text.substr(begin, p - begin);

    // Expand unless in a dead branch (an %elif is expanded while a later branch may still match).
    std::string_view lead = skip_space(raw);
    const LineTypeRec* type = parse_line_type(lead);
    const ReadLevel& top = read_stack_.back();
    const bool expand = (type && (type->id & kLineElifAny)) ? top.readable : top.reading;
    // Text with nothing to expand, or in a dead branch, is read where it is.
    std::string_view text = raw;
    if (expand && !plain_only && raw.find('%') != std::string_view::npos) {
      engine_.expand(raw, expanded_, range);
      if (engine_.last_expansion_failed() || engine_.error_raised()) {
        failed_ = true;
        return -1;
      }
      text = expanded_;
    }
    pending_text_ = text;
    // Split into lines; each keeps its newline, as rpm's line buffer does.
    std::size_t start = 0;
    const bool single = text.data() == raw.data() || text == raw;
    if (single && physical_lines == 1) {  // one line as it was read: nothing to split
      pending_.push_back({0, static_cast<std::uint32_t>(text.size()), range});
      start = text.size();
    }
    while (start < text.size()) {
      std::size_t nl = text.find('\n', start);
      const std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
      PendingLine line{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), range};
      if (single) {
        // Unexpanded text keeps exact per-line ranges.
        line.range = source_range(in, begin + static_cast<std::uint32_t>(start),
                                  begin + static_cast<std::uint32_t>(end));
      }
      pending_.push_back(line);
      start = end;
    }
    if (pending_.empty()) pending_.push_back({0, 0, range});
    return 0;
  }
  return 1;
}

int Evaluator::read_line(int strip) {
  for (;;) {
    if (pending_pos_ >= pending_.size()) {
      const int rc = fill_pending();
      if (rc > 0) {
        if (read_stack_.size() > 1) {
          const ReadLevel& open = read_stack_.back();
          error(open.range, "unclosed %if", "unterminated-if");
          return -1;
        }
        return 1;
      }
      if (rc < 0) return -1;
    }
    const PendingLine& next = pending_[pending_pos_++];
    line_.text.assign(pending_text_.substr(next.begin, next.end - next.begin));
    line_.range = next.range;
    std::string& s = line_.text;

    std::size_t lead = 0;
    while (lead < s.size() && s[lead] != '\n' && is_space(s[lead])) ++lead;
    const LineTypeRec* type = parse_line_type(std::string_view(s).substr(lead));
    if (type) {
      // For conditionals and %include, a trailing backslash-newline joins lines.
      for (std::size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == '\\' && s[i + 1] == '\n' && i + 2 < s.size()) s[i] = ' ', s[i + 1] = ' ';
    }
    // Drop the newline, then apply the strip flags.
    if (!s.empty() && s.back() == '\n') s.pop_back();
    if (strip & kStripComments) {
      std::size_t i = 0;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i < s.size() && s[i] == '#') s.resize(i);
    }
    if (strip & kStripTrailingSpace) {
      while (!s.empty() && is_space(s.back())) s.pop_back();
    }

    if (!type) {
      if (!read_stack_.back().reading) s.clear();
      return 0;
    }

    ReadLevel& top = read_stack_.back();
    if (type->conditional && (top.last & type->wrong_precursors)) {
      if (top.last == kLineEndif)
        error(line_.range, fmt::format("{} with no %if", type->text), "unmatched-conditional");
      else
        error(line_.range, fmt::format("{} after {}", type->text,
                                       top.last == kLineElse ? "%else" : "%elif"),
              "duplicate-else");
      return -1;
    }

    std::string_view rest = std::string_view(s).substr(lead);
    bool match = false;
    auto arg_match = [&](std::string_view macro) -> bool {
      std::string_view args = rest;
      while (!args.empty() && !is_blank(args.front())) args.remove_prefix(1);
      args = skip_space(args);
      if (args.empty()) {
        error(line_.range, fmt::format("argument expected for {}", type->text), "malformed-conditional");
        return false;
      }
      const std::string target = engine_.expand(macro);
      while (!args.empty()) {
        args = skip_space(args);
        std::size_t n = 0;
        while (n < args.size() && !is_space(args[n])) ++n;
        if (n == 0) break;
        if (iequals(args.substr(0, n), target)) match = true;
        args.remove_prefix(n);
      }
      return true;
    };

    if (type->id & (kLineIfArch | kLineElifArch | kLineIfNArch)) {
      if (!arg_match("%{_target_cpu}")) return -1;
      if (type->id == kLineIfNArch) match = !match;
    } else if (type->id & (kLineIfOs | kLineElifOs | kLineIfNOs)) {
      if (!arg_match("%{_target_os}")) return -1;
      if (type->id == kLineIfNOs) match = !match;
    } else if (type->id & (kLineIf | kLineElif)) {
      const bool check = type->id == kLineIf ? top.reading : top.readable;
      if (check) {
        const std::string_view expr = rest.substr(type->text.size());
        if (contains_opaque(expr)) {
          sink_.report("shell-in-condition", ir::Severity::Info, line_.range,
                       "the condition depends on a shell or lua expansion that katalint does not run; "
                       "assuming it is false");
          match = false;
        } else {
          std::string message;
          const auto value = evaluate_expression(expr, nullptr, message);
          if (!value) {
            error(line_.range, fmt::format("bad {} condition: {}", type->text, message), "bad-condition");
            return -1;
          }
          match = value->truthy();
        }
      }
    } else if (type->id == kLineElse) {
      top.last = kLineElse;
      const bool outer = read_stack_[read_stack_.size() - 2].reading;
      top.reading = outer && top.readable;
      if (top.conditional >= 0) {
        auto& c = pkg_.conditionals[static_cast<std::size_t>(top.conditional)];
        c.branches.push_back(line_.range);
        if (top.reading) c.taken = static_cast<int>(c.branches.size()) - 1;
      }
      s.clear();
    } else if (type->id == kLineEndif) {
      if (top.conditional >= 0) {
        auto& c = pkg_.conditionals[static_cast<std::size_t>(top.conditional)];
        if (c.range.file == line_.range.file) c.range.end = line_.range.end;
      }
      read_stack_.pop_back();
      s.clear();
    } else if (type->id == kLineInclude && top.reading) {
      std::string_view name = trim(rest.substr(8));
      if (name.empty()) {
        error(line_.range, "malformed %include statement", "malformed-include");
        return -1;
      }
      // rpm takes the last word as the file name.
      const auto last_space = name.find_last_of(" \t");
      if (last_space != std::string_view::npos) name = name.substr(last_space + 1);
      if (inputs_.size() >= static_cast<std::size_t>(kMaxIncludeDepth)) {
        error(line_.range, fmt::format("%include nesting is deeper than {} (does '{}' include itself?)",
                                       kMaxIncludeDepth, name),
              "include-recursion");
        return -1;
      }
      std::string why;
      auto content = read_relative(name, why);
      if (!content) {
        // rpm stops here; katalint reports it and reads on, so later problems show too.
        error(line_.range, fmt::format("unable to open {}: {}", name, why), "missing-include");
        s.clear();
        return 0;
      }
      const ir::FileId id = sources_.add(std::string(name), std::move(*content));
      inputs_.push_back({id, sources_.file(id).text(), nullptr, 0});
      s.clear();
      // rpm discards whatever else this buffer expanded to and reads the included file.
      pending_.clear();
      pending_pos_ = 0;
      continue;
    }

    if (type->id & kLineIfAny) {
      ReadLevel level;
      level.reading = top.reading && match;
      level.readable = !level.reading && top.reading;
      level.last = type->id;
      level.range = line_.range;
      ir::Conditional c;
      c.range = line_.range;
      c.directive = std::string(type->text.substr(1));
      c.branches.push_back(line_.range);
      if (level.reading) c.taken = 0;
      pkg_.conditionals.push_back(std::move(c));
      level.conditional = static_cast<int>(pkg_.conditionals.size()) - 1;
      read_stack_.push_back(level);
      s.clear();
    } else if (type->id & kLineElifAny) {
      top.reading = top.readable && match;
      if (top.reading) top.readable = false;
      if (top.conditional >= 0) {
        auto& c = pkg_.conditionals[static_cast<std::size_t>(top.conditional)];
        c.branches.push_back(line_.range);
        if (top.reading) c.taken = static_cast<int>(c.branches.size()) - 1;
      }
      s.clear();
    }
    if (!read_stack_.back().reading) s.clear();
    return 0;
  }
}

template <typename Each>
Part Evaluator::for_each_line(int strip, Each&& each) {
  int rc = read_line(strip);
  if (rc > 0) return Part::None;
  if (rc < 0) return Part::Error;
  for (;;) {
    const Part next = is_part(line_.text);
    if (next != Part::None) return next;
    each(line_);
    rc = read_line(strip);
    if (rc > 0) return Part::None;
    if (rc < 0) return Part::Error;
  }
}

Part Evaluator::parse_lines(int strip, std::string* out, std::vector<Line>* lines, ir::Range* body) {
  const ir::Range header = body ? *body : ir::Range{};
  return for_each_line(strip, [&](const Line& l) {
    if (out) {
      out->append(l.text);
      out->push_back('\n');
    }
    if (lines) lines->push_back(l);
    if (body) *body = {header.file, header.end, l.range.end};
  });
}

void strip_trailing_blanks(std::string& s) {
  while (!s.empty() && is_space(s.back())) s.pop_back();
}

ir::BinaryPackage* Evaluator::lookup_package(const std::optional<std::string>& name, bool full_name) {
  if (!name) return pkg_.packages.empty() ? nullptr : &pkg_.packages[0];
  const std::string wanted = full_name ? *name : main_name() + "-" + *name;
  const auto it = package_index_.find(wanted);
  return it == package_index_.end() || it->second.empty() ? nullptr : &pkg_.packages[it->second.front()];
}

void Evaluator::add_package(ir::BinaryPackage package) {
  package_index_[package.name].push_back(pkg_.packages.size());
  pkg_.packages.push_back(std::move(package));
}

void Evaluator::rename_package(ir::BinaryPackage& package, std::string name) {
  const auto index = static_cast<std::size_t>(&package - pkg_.packages.data());
  auto& old = package_index_[package.name];
  old.erase(std::find(old.begin(), old.end(), index));
  auto& now = package_index_[name];
  now.insert(std::upper_bound(now.begin(), now.end(), index), index);
  package.name = std::move(name);
}

void Evaluator::push_tag_macro(std::string_view token, std::string_view value, bool main) {
  engine_.define(token, value);
  if (main) {
    std::string upper(token);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    engine_.define(upper, value);
  }
}

bool Evaluator::add_source(bool patch, std::optional<std::uint32_t> number, std::string_view value,
                           ir::Range range) {
  int& autonum = patch ? autonum_patch_ : autonum_source_;
  std::uint32_t num;
  if (!number) {
    num = static_cast<std::uint32_t>(++autonum);
  } else {
    num = *number;
    if (static_cast<int>(num) > autonum) autonum = static_cast<int>(num);
  }
  for (const auto& s : pkg_.sources) {
    if (s.is_patch == patch && s.number == static_cast<int>(num)) {
      error(range, fmt::format("{} {} defined multiple times", patch ? "patch" : "source", num),
            "duplicate-source");
      return false;
    }
  }
  ir::SourceEntry entry;
  entry.range = range;
  entry.is_patch = patch;
  entry.number = static_cast<int>(num);
  entry.value = std::string(value);
  pkg_.sources.push_back(entry);

  // rpm's basename: after the last '/', and after a '=' following it (URL#/name forms).
  std::string_view base = value;
  if (const auto slash = base.rfind('/'); slash != std::string_view::npos) {
    base = base.substr(slash);
    if (const auto eq = base.rfind('='); eq != std::string_view::npos) base = base.substr(eq);
    base.remove_prefix(1);
  }
  const std::string path = engine_.expand("%{_sourcedir}/") + std::string(base);
  engine_.define(fmt::format("{}{}", patch ? "PATCH" : "SOURCE", num), path);
  engine_.define(fmt::format("{}URL{}", patch ? "PATCH" : "SOURCE", num), value);
  return true;
}

bool Evaluator::handle_tag(const PreambleRec& rec, std::string_view lang, ir::BinaryPackage& pkg,
                           bool main) {
  std::string_view line = line_.text;
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    error(line_.range, fmt::format("malformed tag: {}", line), "malformed-tag");
    return false;
  }
  std::string_view field = trim(line.substr(colon + 1));
  if (field.empty()) {
    error(line_.range, fmt::format("empty tag: {}", line), "empty-tag");
    return false;
  }
  const bool multi_token = has_multiple_tokens(field);
  auto single_token = [&]() {
    if (multi_token) error(line_.range, fmt::format("tag takes single token only: {}", line), "malformed-tag");
    return !multi_token;
  };

  ir::Field f;
  f.range = line_.range;
  f.value_range = line_.range;
  f.name = canonical_tag(rec.token);
  f.qualifier = std::string(lang);
  f.raw = std::string(field);
  f.value = std::string(field);
  const std::string_view token = rec.token;
  const bool c_locale = lang.empty() || lang == "C";

  if (rec.is_dep) {
    std::vector<std::string> qualifiers;
    if (rec.type == 2 && !lang.empty()) {
      // rpm's parseBits: comma-separated words from a fixed set.
      static constexpr std::array<std::string_view, 12> kBits = {
          "interp", "meta", "preun", "pre", "postun", "post", "rpmlib", "verify",
          "pretrans", "posttrans", "preuntrans", "postuntrans"};
      std::string_view q = lang;
      while (true) {
        q = skip_space(q);
        std::size_t n = 0;
        while (n < q.size() && is_alpha(q[n])) ++n;
        const std::string_view word = q.substr(0, n);
        if (word.empty() || std::find(kBits.begin(), kBits.end(), word) == kBits.end()) {
          error(line_.range, fmt::format("bad {}: qualifiers: {}", f.name, line), "bad-qualifier");
          return false;
        }
        qualifiers.emplace_back(word);
        q = skip_space(q.substr(n));
        if (q.empty()) break;
        if (q.front() != ',') {
          error(line_.range, fmt::format("bad {}: qualifiers: {}", f.name, line), "bad-qualifier");
          return false;
        }
        q.remove_prefix(1);
      }
    }
    // PreReq means Requires(pre,preun) to rpm 4.18.
    if (token == "prereq") qualifiers = {"pre", "preun"};
    if (token == "prereq" || token == "buildprereq")
      sink_.report("deprecated-tag", ir::Severity::Warning, line_.range,
                   fmt::format("{} is deprecated", f.name));
    auto deps = parse_dependencies(field, rec.dep_kind, qualifiers, line_.range, sink_);
    const bool build = rec.dep_kind == DepKind::BuildRequires || rec.dep_kind == DepKind::BuildConflicts;
    auto& target = build ? pkg_.build_dependencies : pkg.dependencies;
    for (auto& d : deps) {
      if (dependencies_read_ >= kMaxDependenciesPerFile) {
        if (dependencies_read_++ == kMaxDependenciesPerFile)  // reported once
          sink_.report("too-many-dependencies", ir::Severity::Warning, line_.range,
                       fmt::format("more than {} dependencies in the file; the rest are not read",
                                   kMaxDependenciesPerFile));
        break;
      }
      ++dependencies_read_;
      target.push_back(std::move(d));
    }
    (build ? pkg_.fields : pkg.fields).push_back(std::move(f));
    return true;
  }

  if (token == "name") {
    if (!single_token()) return false;
    rename_package(pkg, std::string(field));
  } else if (token == "version" || token == "release") {
    if (!single_token()) return false;
    // OBS replaces <CI_CNT> and <B_CNT> in Release with its counters before rpm reads the spec.
    std::string checked(field);
    if (token == "release")
      for (std::string_view counter : {std::string_view("<CI_CNT>"), std::string_view("<B_CNT>")})
        for (std::size_t at = checked.find(counter); at != std::string::npos; at = checked.find(counter))
          checked.replace(at, counter.size(), "1");
    const auto bad = first_illegal(checked, [](char c) {
      return is_alnum(c) || std::string_view("._+%{}~^").find(c) != std::string_view::npos;
    });
    if (bad) {
      const char c = *bad;
      error(line_.range, fmt::format("illegal char '{}' (0x{:x}) in: {}", c, static_cast<unsigned char>(c), line),
            "illegal-character");
      return false;
    }
    if (checked.find("..") != std::string::npos) {
      error(line_.range, fmt::format("illegal sequence \"..\" in: {}", line), "illegal-character");
      return false;
    }
    (token == "version" ? pkg.version : pkg.release) = std::string(field);
  } else if (token == "epoch") {
    if (!single_token()) return false;
    if (contains_opaque(field)) {
      pkg.epoch = std::string(field);
    } else if (!std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      error(line_.range, fmt::format("epoch field must be an unsigned number: {}", line), "bad-epoch");
      return false;
    } else {
      std::string_view digits = field;
      while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
      pkg.epoch = std::string(digits);
    }
  } else if (token == "url" || token == "disttag" || token == "bugurl" || token == "modularitylabel" ||
             token == "vcs") {
    if (!single_token()) return false;
    if (token == "url") pkg.url = std::string(field);
  } else if (token == "summary" || token == "group" || token == "license" || token == "distribution" ||
             token == "vendor" || token == "packager") {
    if (c_locale) {
      if (token == "summary") pkg.summary = std::string(field);
      if (token == "group") pkg.group = std::string(field), main_has_group_ = main_has_group_ || main;
      if (token == "license") pkg.license = std::string(field);
    }
  } else if (token == "source" || token == "patch") {
    // The number sits between the tag name and the colon.
    std::string_view rest = skip_space(line).substr(token.size());
    std::size_t n = 0;
    while (n < rest.size() && rest[n] != ':' && !is_blank(rest[n])) ++n;
    std::optional<std::uint32_t> number;
    if (n > 0) {
      std::uint32_t v = 0;
      for (char c : rest.substr(0, n)) {
        if (c < '0' || c > '9' || v > 100000000u) {
          error(line_.range, fmt::format("bad {} number: {}", token, line), "bad-source-number");
          return false;
        }
        v = v * 10 + static_cast<std::uint32_t>(c - '0');
      }
      number = v;
    }
    f.name = fmt::format("{}{}", token == "source" ? "Source" : "Patch", n > 0 ? rest.substr(0, n) : "");
    if (!add_source(token == "patch", number, field, line_.range)) return false;
  } else if (token == "nosource" || token == "nopatch") {
    const bool patch = token == "nopatch";
    std::string_view list = field;
    while (!list.empty()) {
      while (!list.empty() && (is_space(list.front()) || list.front() == ',')) list.remove_prefix(1);
      std::size_t n = 0;
      while (n < list.size() && !is_space(list[n]) && list[n] != ',') ++n;
      if (n == 0) break;
      const std::string_view num = list.substr(0, n);
      list.remove_prefix(n);
      int value = -1;
      if (std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; }) && num.size() < 9)
        value = std::stoi(std::string(num));
      auto it = std::find_if(pkg_.sources.begin(), pkg_.sources.end(), [&](const ir::SourceEntry& s) {
        return s.is_patch == patch && s.number == value;
      });
      if (it == pkg_.sources.end()) {
        error(line_.range, fmt::format("bad no{} number: {}", patch ? "patch" : "source", num),
              "bad-source-number");
        return false;
      }
      it->nosource = true;
    }
  } else if (token == "excludearch" || token == "exclusivearch" || token == "excludeos" ||
             token == "exclusiveos") {
    auto words = split_argv(field);
    if (!words) {
      error(line_.range, fmt::format("error parsing tag field: {}", line), "malformed-tag");
      return false;
    }
    if (token == "excludearch") pkg_.exclude_arch.insert(pkg_.exclude_arch.end(), words->begin(), words->end());
    if (token == "exclusivearch")
      pkg_.exclusive_arch.insert(pkg_.exclusive_arch.end(), words->begin(), words->end());
  } else if (token == "buildarch" || token == "buildarchitectures") {
    auto words = split_argv(field);
    if (!words) {
      error(line_.range, fmt::format("bad BuildArchitecture format: {}", line), "malformed-tag");
      return false;
    }
    if (main) {
      if (!build_archs_.empty()) {
        error(line_.range, fmt::format("duplicate BuildArch entry: {}", line), "duplicate-tag");
        return false;
      }
      build_archs_ = *words;
      pkg_.build_arch = *words;
      if (!words->empty()) pkg.arch = (*words)[0];
    } else {
      if (words->size() != 1 || (*words)[0] != "noarch") {
        error(line_.range, fmt::format("only noarch subpackages are supported: {}", line), "malformed-tag");
        return false;
      }
      pkg.arch = "noarch";
    }
  } else if (token == "docdir") {
    if (!single_token()) return false;
    if (field.front() != '/') {
      error(line_.range, fmt::format("docdir must begin with '/': {}", line), "malformed-tag");
      return false;
    }
    engine_.undefine("_docdir");
    engine_.define("_docdir", field);
  }
  // buildroot, icon, autoreq*, prefixes, removepathpostfixes: recorded as fields only.

  if (rec.is_macro) push_tag_macro(token, field, main);
  pkg.fields.push_back(std::move(f));
  return true;
}

Part Evaluator::parse_preamble(bool initial) {
  if (!initial) {
    // %package [-n] NAME
    std::vector<std::string> words;
    {
      std::string_view s = line_.text;
      while (true) {
        s = skip_space(s);
        if (s.empty()) break;
        std::size_t n = 0;
        while (n < s.size() && !is_space(s[n])) ++n;
        words.emplace_back(s.substr(0, n));
        s.remove_prefix(n);
      }
    }
    bool full = false;
    std::optional<std::string> name;
    std::size_t i = 1;
    if (i < words.size() && words[i] == "-n") full = true, ++i;
    if (i < words.size()) name = words[i++];
    if (!name || i != words.size()) {
      error(line_.range, fmt::format("bad package specification: {}", line_.text), "bad-package-spec");
      return Part::Error;
    }
    if (lookup_package(name, full)) {
      error(line_.range, fmt::format("package already exists: {}", line_.text), "duplicate-package");
      return Part::Error;
    }
    ir::BinaryPackage sub;
    sub.range = line_.range;
    sub.name = full ? *name : main_name() + "-" + *name;
    add_package(std::move(sub));
  } else {
    ir::BinaryPackage main;
    main.range = {file_.id(), 0, 0};
    add_package(std::move(main));
  }
  const std::size_t index = pkg_.packages.size() - 1;

  int rc = read_line(kStripTrailingSpace | kStripComments);
  Part next = Part::None;
  if (rc < 0) return Part::Error;
  if (rc == 0) {
    while ((next = is_part(line_.text)) == Part::None) {
      std::string_view s = skip_space(line_.text);
      if (is_only_opaque(s)) {
        // Lua or shell output, or an unbound placeholder, standing alone: usually it
        // defines macros or tags katalint cannot know; skip it rather than guess.
        sink_.report("opaque-macro-value", ir::Severity::Info, line_.range,
                     fmt::format("the preamble line '{}' is only shell, lua or placeholder output; "
                                 "katalint skips it",
                                 strip_opaque_markers(s)));
        s = {};
      }
      if (!s.empty()) {
        const PreambleRec* found = nullptr;
        const char first = lower(s.front());
        for (const auto& rec : kPreamble) {
          if (rec.token.front() == first && iequals_prefix(s, rec.token)) {
            found = &rec;
            break;
          }
        }
        std::string lang;
        bool ok = found != nullptr;
        if (ok) {
          std::string_view t = skip_space(s.substr(found->token.size()));
          if (found->type == 0) {
            if (found->token != "source" && found->token != "patch" && (t.empty() || t.front() != ':'))
              ok = false;
          } else if (!t.empty() && t.front() == ':') {
            lang = found->type == 1 ? "C" : "";
          } else if (!t.empty() && t.front() == '(') {
            t = skip_space(t.substr(1));
            std::size_t n = 0;
            while (n < t.size() && !is_space(t[n]) && t[n] != ')') ++n;
            lang = std::string(t.substr(0, n));
            t = skip_space(t.substr(n));
            if (t.empty() || t.front() != ')') ok = false;
            else {
              t = skip_space(t.substr(1));
              if (t.empty() || t.front() != ':') ok = false;
            }
          } else {
            ok = false;
          }
        }
        if (!ok) {
          if (s.front() == '%') {
            std::size_t n = 1;
            while (n < s.size() && !is_space(s[n])) ++n;
            std::string message =
                fmt::format("unknown section or undefined macro '{}' in the preamble", s.substr(0, n));
            std::vector<std::string_view> sections;
            for (const auto& part : kParts) sections.push_back(part.token);
            if (auto near = nearest_name(s.substr(0, n), sections); !near.empty())
              message += fmt::format("; did you mean '{}'?", near);
            error(line_.range, message, "unknown-tag-or-section");
          } else {
            std::size_t n = 0;
            while (n < s.size() && (std::isalnum(static_cast<unsigned char>(s[n])) != 0)) ++n;
            std::string message = fmt::format("unknown tag: {}", line_.text);
            std::vector<std::string_view> tags;
            for (const auto& rec : kPreamble) tags.push_back(rec.token);
            if (auto near = nearest_name(s.substr(0, n), tags); !near.empty())
              message += fmt::format("; did you mean '{}'?", canonical_tag(near));
            error(line_.range, message, "unknown-tag-or-section");
          }
          return Part::Error;
        }
        if (!handle_tag(*found, lang, pkg_.packages[index], initial)) return Part::Error;
      }
      rc = read_line(kStripTrailingSpace | kStripComments);
      if (rc > 0) {
        next = Part::None;
        break;
      }
      if (rc < 0) return Part::Error;
    }
  }

  ir::BinaryPackage& p = pkg_.packages[index];
  if (initial) {
    for (auto [value, tag] : {std::pair{&p.name, "Name"}, {&p.version, "Version"}, {&p.release, "Release"},
                              {&p.summary, "Summary"}, {&p.license, "License"}}) {
      if (value->empty()) {
        error({file_.id(), 0, 0}, fmt::format("{} field must be present in package: (main package)", tag),
              "required-tag-missing");
        return Part::Error;
      }
    }
    if (!build_archs_.empty() && !recursing_) return Part::BuildArchitectures;
    if (p.group.empty()) p.group = "Unspecified";
  } else {
    const ir::BinaryPackage& m = pkg_.packages[0];
    if (p.summary.empty()) {
      error(p.range, fmt::format("Summary field must be present in package: {}", p.name), "required-tag-missing");
      return Part::Error;
    }
    if (!p.epoch) p.epoch = m.epoch;
    if (p.version.empty()) p.version = m.version;
    if (p.release.empty()) p.release = m.release;
    if (p.license.empty()) p.license = m.license;
    if (p.url.empty()) p.url = m.url;
    if (p.group.empty()) p.group = m.group;
  }
  return next;
}

Part Evaluator::parse_description() {
  auto argv = split_argv(line_.text);
  if (!argv) {
    error(line_.range, fmt::format("error parsing %description: {}", line_.text), "bad-section-header");
    return Part::Error;
  }
  std::optional<std::string> name;
  std::optional<std::string> lang;
  bool full = false;
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < argv->size(); ++i) {
    const std::string& a = (*argv)[i];
    if ((a == "-n" || a == "-l") && i + 1 < argv->size()) {
      (a == "-n" ? name : lang) = (*argv)[++i];
      if (a == "-n") full = true;
    } else if (a.size() > 2 && (a.rfind("-n", 0) == 0 || a.rfind("-l", 0) == 0)) {
      (a[1] == 'n' ? name : lang) = a.substr(2);
      if (a[1] == 'n') full = true;
    } else if (!a.empty() && a[0] == '-') {
      error(line_.range, fmt::format("bad option {}: {}", a, line_.text), "bad-section-header");
      return Part::Error;
    } else {
      positional.push_back(a);
    }
  }
  if (!positional.empty()) {
    if (!name) name = positional[0];
    if (positional.size() > 1) {
      error(line_.range, fmt::format("too many names: {}", line_.text), "bad-section-header");
      return Part::Error;
    }
  }
  ir::BinaryPackage* pkg = lookup_package(name, full);
  if (!pkg) {
    error(line_.range, fmt::format("package does not exist: {}", line_.text), "unknown-package");
    return Part::Error;
  }
  const std::size_t index = static_cast<std::size_t>(pkg - pkg_.packages.data());
  const ir::Range header = line_.range;
  std::string text;
  ir::Range body = header;
  const Part next = parse_lines(kStripTrailingSpace | kStripComments, &text, nullptr, &body);
  if (next == Part::Error) return next;
  strip_trailing_blanks(text);
  ir::BinaryPackage& p = pkg_.packages[index];
  if (!lang || *lang == "C") {
    if (p.has_description)
      sink_.report("duplicate-description", ir::Severity::Warning, header, "second %description");
    p.description = std::move(text);
    p.has_description = true;
    p.description_range = body;
  }
  return next;
}

Part Evaluator::parse_script(Part part) {
  const ir::Range header = line_.range;
  std::string_view line = line_.text;
  std::string condition;
  const bool trigger = part == Part::TriggerPrein || part == Part::TriggerIn || part == Part::TriggerUn ||
                       part == Part::TriggerPostun || part >= Part::FileTriggerIn;
  if (trigger) {
    const auto dashes = line.find("--");
    if (dashes != std::string_view::npos) {
      condition = std::string(trim(line.substr(dashes + 2)));
      line = line.substr(0, dashes);
    }
  }
  auto argv = split_argv(line);
  if (!argv) {
    error(header, fmt::format("error parsing {}", line_.text), "bad-section-header");
    return Part::Error;
  }
  std::optional<std::string> name;
  bool full = false;
  std::string interpreter;
  bool expand = false;
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < argv->size(); ++i) {
    const std::string& a = (*argv)[i];
    if (a == "-p" || a == "-n" || a == "-f" || a == "-P") {
      if (i + 1 >= argv->size()) {
        error(header, fmt::format("bad option {}: {}", a, line_.text), "bad-section-header");
        return Part::Error;
      }
      const std::string& v = (*argv)[++i];
      if (a == "-p") interpreter = v;
      if (a == "-n") name = v, full = true;
    } else if (a == "-e" || a == "-q") {
      expand = true;
    } else if (!a.empty() && a[0] == '-') {
      error(header, fmt::format("bad option {}: {}", a, line_.text), "bad-section-header");
      return Part::Error;
    } else {
      positional.push_back(a);
    }
  }
  if (!positional.empty() && !name) name = positional[0];
  ir::BinaryPackage* pkg = lookup_package(name, full);
  if (!pkg) {
    error(header, fmt::format("package does not exist: {}", line_.text), "unknown-package");
    return Part::Error;
  }
  const std::size_t index = static_cast<std::size_t>(pkg - pkg_.packages.data());
  ir::Script script;
  script.range = header;
  script.kind = std::string(script_kind(part));
  script.package = index == 0 ? std::string() : pkg->name;
  script.interpreter = interpreter;
  script.condition = condition;
  script.expand = expand;
  script.body_range = header;
  const Part next = parse_lines(kStripNothing, &script.body, nullptr, &script.body_range);
  if (next == Part::Error) return next;
  pkg_.packages[index].scripts.push_back(std::move(script));
  return next;
}

Part Evaluator::parse_files() {
  const ir::Range header = line_.range;
  auto argv = split_argv(line_.text);
  if (!argv) {
    error(header, fmt::format("error parsing %files: {}", line_.text), "bad-section-header");
    return Part::Error;
  }
  ir::FileList list;
  list.range = header;
  std::optional<std::string> name;
  bool full = false;
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < argv->size(); ++i) {
    const std::string& a = (*argv)[i];
    if ((a == "-n" || a == "-f") && i + 1 < argv->size()) {
      if (a == "-n") name = (*argv)[++i], full = true;
      else list.list_files.push_back((*argv)[++i]);
    } else if (!a.empty() && a[0] == '-') {
      error(header, fmt::format("bad option {}: {}", a, line_.text), "bad-section-header");
      return Part::Error;
    } else {
      positional.push_back(a);
    }
  }
  if (!positional.empty() && !name) name = positional[0];
  ir::BinaryPackage* pkg = lookup_package(name, full);
  if (!pkg) {
    error(header, fmt::format("package does not exist: {}", line_.text), "unknown-package");
    return Part::Error;
  }
  const std::size_t index = static_cast<std::size_t>(pkg - pkg_.packages.data());
  list.package = index == 0 ? std::string() : pkg->name;
  std::vector<Line> lines;
  const Part next = parse_lines(kStripTrailingSpace | kStripComments, nullptr, &lines);
  if (next == Part::Error) return next;
  for (const auto& l : lines) {
    std::string_view s = trim(l.text);
    if (s.empty()) continue;
    ir::FileEntry entry;
    entry.range = l.range;
    // Directives are %word or %word(args); what remains is the path list.
    while (!s.empty() && s.front() == '%') {
      std::size_t n = 1;
      while (n < s.size() && (is_alnum(s[n]) || s[n] == '_')) ++n;
      if (n < s.size() && s[n] == '(') {
        const auto close = s.find(')', n);
        n = close == std::string_view::npos ? s.size() : close + 1;
      }
      const std::string directive(s.substr(0, n));
      if (directive.rfind("%defattr(", 0) == 0 || directive.rfind("%attr(", 0) == 0) {
        const auto open = directive.find('(');
        std::string args = directive.substr(open + 1, directive.size() - open - 2);
        std::vector<std::string> parts;
        std::size_t start = 0;
        while (start <= args.size()) {
          auto comma = args.find(',', start);
          if (comma == std::string::npos) comma = args.size();
          parts.emplace_back(trim(std::string_view(args).substr(start, comma - start)));
          start = comma + 1;
        }
        auto get = [&](std::size_t k) -> std::optional<std::string> {
          return k < parts.size() && parts[k] != "-" && !parts[k].empty() ? std::optional(parts[k]) : std::nullopt;
        };
        if (directive[1] == 'd') {
          list.default_mode = get(0), list.default_user = get(1), list.default_group = get(2),
          list.default_dir_mode = get(3);
        } else {
          entry.mode = get(0), entry.user = get(1), entry.group = get(2);
        }
      }
      entry.directives.push_back(directive);
      s = skip_space(s.substr(n));
    }
    entry.path = std::string(s);
    list.entries.push_back(std::move(entry));
  }
  pkg_.packages[index].files.push_back(std::move(list));
  return next;
}

// rpmautospec's %autochangelog fills the section from git at build time (a Lua macro
// katalint does not run): a line holding only it is no malformed entry.
bool Evaluator::is_autochangelog(const Line& l) const {
  if (l.range.file != file_.id() || l.range.end <= l.range.begin) return false;
  std::string_view raw = file_.text().substr(l.range.begin, l.range.end - l.range.begin);
  while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r' || raw.back() == ' ' || raw.back() == '\t'))
    raw.remove_suffix(1);
  raw = trim(raw);
  return raw == "%autochangelog" || raw == "%{autochangelog}";
}

Part Evaluator::parse_changelog() {
  // rpm reads the whole section before it parses the entries, so an error in reading it
  // (an unclosed %if, say) wins over a malformed entry, and no entry is kept.
  const std::size_t first = pkg_.changelog.size();
  bool open = false;
  std::optional<ir::Range> bad;  // the first line that is no entry
  const Part next = for_each_line(kStripComments, [&](const Line& l) {
    if (!bad && !changelog_line(l, open)) bad = l.range;
  });
  if (next == Part::Error) {
    pkg_.changelog.resize(first);
    return next;
  }
  if (bad) {
    error(*bad, "%changelog entries must start with *", "changelog-syntax");
    return Part::Error;
  }
  return next;
}

bool Evaluator::changelog_line(const Line& l, bool& open) {
  std::string_view s = l.text;
  ir::ChangelogEntry* current = open ? &pkg_.changelog.back() : nullptr;
  if (!s.empty() && s.front() == '*') {
    ir::ChangelogEntry entry;
    entry.range = l.range;
    std::string_view rest = trim(s.substr(1));
    // "* Www Mmm DD YYYY Name <email> - version"
    std::string_view r = rest;
    for (int k = 0; k < 4; ++k) {
      r = skip_space(r);
      std::size_t n = 0;
      while (n < r.size() && !is_space(r[n])) ++n;
      r.remove_prefix(n);
    }
    entry.date = std::string(trim(rest.substr(0, static_cast<std::size_t>(r.data() - rest.data()))));
    std::string_view who = trim(r);
    if (const auto dash = who.rfind(" - "); dash != std::string_view::npos) {
      entry.version = std::string(trim(who.substr(dash + 3)));
      who = trim(who.substr(0, dash));
    } else if (const auto gt = who.rfind('>'); gt != std::string_view::npos && gt + 1 < who.size()) {
      entry.version = std::string(trim(who.substr(gt + 1)));
      if (!entry.version.empty() && entry.version.front() == '-') entry.version = std::string(trim(std::string_view(entry.version).substr(1)));
      who = trim(who.substr(0, gt + 1));
    }
    entry.author = std::string(who);
    pkg_.changelog.push_back(std::move(entry));
    open = true;
  } else if (current) {
    const std::string_view t = trim(s);
    if (!t.empty()) current->lines.emplace_back(t);
    current->range.end = l.range.end;
  } else if (!trim(s).empty() && !is_autochangelog(l)) {
    return false;
  }
  return true;
}

Part Evaluator::parse_simple_section(std::string_view name) {
  const ir::Range header = line_.range;
  std::string_view rest = skip_space(std::string_view(line_.text).substr(1 + name.size()));
  if (!rest.empty() && name != "prep") {
    // rpm 4.18 accepts no arguments on build sections.
    error(header, fmt::format("%{} does not take arguments: {}", name, line_.text), "bad-section-header");
    return Part::Error;
  }
  if (std::find(sections_seen_.begin(), sections_seen_.end(), name) != sections_seen_.end()) {
    error(header, fmt::format("second %{}", name), "duplicate-section");
    return Part::Error;
  }
  sections_seen_.emplace_back(name);
  ir::BuildSection section;
  section.range = header;
  section.name = std::string(name);
  section.body_range = header;
  const Part next = parse_lines(kStripNothing, &section.body, nullptr, &section.body_range);
  if (next == Part::Error) return next;
  pkg_.build_sections.push_back(std::move(section));
  return next;
}

Part Evaluator::parse_list(bool patches) {
  std::vector<Line> lines;
  const Part next = parse_lines(kStripTrailingSpace | kStripComments, nullptr, &lines);
  if (next == Part::Error) return next;
  for (const auto& l : lines) {
    const std::string_view s = trim(l.text);
    if (s.empty()) continue;
    if (!add_source(patches, std::nullopt, s, l.range)) return Part::Error;
  }
  return next;
}

Part Evaluator::parse_empty(Part previous) {
  if (!trim(std::string_view(line_.text).substr(4)).empty()) {
    error(line_.range, fmt::format("%end doesn't take any arguments: {}", line_.text), "bad-section-header");
    return Part::Error;
  }
  if (previous == Part::Empty) {
    error(line_.range, fmt::format("%end not expected here, no section to close: {}", line_.text),
          "bad-section-header");
    return Part::Error;
  }
  for (;;) {
    const int rc = read_line(kStripTrailingSpace | kStripComments);
    if (rc > 0) return Part::None;
    if (rc < 0) return Part::Error;
    const Part next = is_part(line_.text);
    if (next != Part::None) return next;
    if (!trim(line_.text).empty()) {
      error(line_.range, fmt::format("line doesn't belong to any section: {}", line_.text), "orphan-line");
      return Part::Error;
    }
  }
}

ir::Package Evaluator::run() {
  engine_.define("_docdir", "%{_defaultdocdir}");
  engine_.define("_licensedir", "%{_defaultlicensedir}");

  Part part = Part::Preamble;
  Part previous = Part::Empty;
  bool initial = true;
  while (part != Part::None) {
    const Part current = part;
    switch (part) {
      case Part::Preamble:
        part = parse_preamble(initial);
        initial = false;
        break;
      case Part::Empty: part = parse_empty(previous); break;
      case Part::PatchList: part = parse_list(true); break;
      case Part::SourceList: part = parse_list(false); break;
      case Part::Prep: part = parse_simple_section("prep"); break;
      case Part::BuildRequires: part = parse_simple_section("generate_buildrequires"); break;
      case Part::Build: part = parse_simple_section("build"); break;
      case Part::Install: part = parse_simple_section("install"); break;
      case Part::Check: part = parse_simple_section("check"); break;
      case Part::Clean: part = parse_simple_section("clean"); break;
      case Part::Changelog: part = parse_changelog(); break;
      case Part::Description: part = parse_description(); break;
      case Part::Files: part = parse_files(); break;
      case Part::Policies: part = parse_lines(kStripNothing, nullptr); break;
      case Part::BuildArchitectures:
      case Part::Error:
      case Part::None: break;
      default: part = parse_script(part); break;
    }
    previous = current;
    if (part == Part::Error || part == Part::BuildArchitectures) break;
  }

  if (part == Part::Error || failed_) {
    pkg_.parse_failed = true;
  } else if (part != Part::BuildArchitectures) {
    for (auto& p : pkg_.packages) {
      if (!p.has_description) {
        error(p.range, fmt::format("package has no %description: {}", p.name), "required-tag-missing");
        pkg_.parse_failed = true;
        break;
      }
    }
    const std::string target_cpu = engine_.expand("%{_target_cpu}");
    for (auto& p : pkg_.packages)
      if (p.arch.empty()) p.arch = target_cpu;
    for (const auto& p : pkg_.packages) {
      for (const std::string* s : {&p.summary, &p.description, &p.license, &p.group, &p.url}) {
        if (!valid_utf8(*s)) {
          error(p.range, fmt::format("package {}: invalid utf-8 encoding", p.name), "invalid-encoding");
          pkg_.parse_failed = true;
          break;
        }
      }
    }
  }

  if (!pkg_.packages.empty()) {
    const ir::BinaryPackage& m = pkg_.packages[0];
    pkg_.name = m.name;
    pkg_.epoch = m.epoch;
    pkg_.version = m.version;
    pkg_.release = m.release;
    pkg_.summary = m.summary;
    pkg_.license = m.license;
    pkg_.url = m.url;
    pkg_.group = m.group;
  }
  pkg_.facts["_isa"] = engine_.expand("%{?_isa}");
  pkg_.facts["_target_cpu"] = engine_.expand("%{_target_cpu}");
  pkg_.facts["_target_os"] = engine_.expand("%{_target_os}");
  return std::move(pkg_);
}

// rpm's build-arch compatibility for an x86_64 build host.
bool compatible_build_arch(std::string_view arch) {
  return arch == "noarch" || arch == "x86_64" || arch == "amd64" || arch == "em64t";
}

}  // namespace

ir::Package evaluate_spec(ir::SourceManager& sources, const ir::SourceFile& file, std::string_view text,
                          const frontend::FilledTemplate* filled, std::string_view target,
                          const EvaluateOptions& options, ir::DiagnosticSink& sink) {
  // The profile's engine with the command-line definitions on top.
  auto make_engine = [&](MacroEngine& engine, std::string& error) {
    if (!profile_engine(target, engine, error)) return false;
    for (const auto& d : options.defines) {
      const auto sep = d.find_first_of(" \t");
      const std::string name = d.substr(0, sep);
      const std::string body = sep == std::string::npos ? std::string() : std::string(trim(d.substr(sep)));
      engine.define(name, body);
    }
    for (const auto& w : options.with) engine.define("_with_" + w, "--with-" + w);
    for (const auto& w : options.without) engine.define("_without_" + w, "--without-" + w);
    return true;
  };
  MacroEngine engine;
  if (std::string error; !make_engine(engine, error)) {
    sink.report("unknown-target", ir::Severity::Error, {}, error);
    ir::Package failed;
    failed.file = file.id();
    failed.parse_failed = true;
    return failed;
  }

  ir::DiagnosticSink first_sink;
  Evaluator first(sources, file, text, filled, std::move(engine), options, first_sink, false);
  ir::Package package = first.run();
  if (package.parse_failed || first.build_archs().empty()) {
    for (auto& d : first_sink.diagnostics()) sink.add(std::move(d));
    return package;
  }

  // BuildArch in the main package: rpm parses the spec again for the first compatible arch.
  const auto& archs = first.build_archs();
  auto it = std::find_if(archs.begin(), archs.end(), [](const std::string& a) { return compatible_build_arch(a); });
  if (it == archs.end()) {
    sink.report("spec-parse-error", ir::Severity::Error, {file.id(), 0, 0},
                "no compatible architectures found for build");
    package.parse_failed = true;
    return package;
  }
  // A fresh engine: the first pass changed the one it was given.
  MacroEngine pristine;
  std::string error;
  if (!make_engine(pristine, error)) return package;
  pristine.define("_target_cpu", *it);
  Evaluator second(sources, file, text, filled, std::move(pristine), options, sink, true);
  ir::Package reparsed = second.run();
  reparsed.build_arch = archs;
  return reparsed;
}

}  // namespace katalint::rpmspec
