// A port of dpkg 1.21's Dpkg::Changelog::Debian::parse and Entry::Debian (header and trailer
// regexes, find_closes), written as plain matchers so long lines cannot blow a regex stack.
#include "frontend/debian/changelog.hpp"

#include <algorithm>
#include <array>
#include <regex>

#include <fmt/core.h>

#include "frontend/debian/text.hpp"

namespace katalint::frontend::debian {
namespace {

bool perl_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool digit(char c) { return c >= '0' && c <= '9'; }
bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '-' || c == '+' ||
         c == '.';
}

std::string_view perl_rtrim(std::string_view s) {
  while (!s.empty() && perl_space(s.back())) s.remove_suffix(1);
  return s;
}

struct Heading {
  std::string_view name, version, dists, options;
};

// ^(\w[-+0-9a-z.]*) \(([^\(\) \t]+)\)((?:\s+[-+0-9a-z.]+)+)\;(.*?)\s*$  (case-insensitive)
bool match_heading(std::string_view s, Heading& h) {
  std::size_t i = 0;
  if (s.empty() || !word_char(s[0])) return false;
  ++i;
  while (i < s.size() && name_char(s[i])) ++i;
  h.name = s.substr(0, i);
  if (s.substr(i, 2) != " (") return false;
  i += 2;
  const std::size_t vb = i;
  while (i < s.size() && s[i] != '(' && s[i] != ')' && s[i] != ' ' && s[i] != '\t') ++i;
  if (i == vb || i >= s.size() || s[i] != ')') return false;
  h.version = s.substr(vb, i - vb);
  ++i;
  const std::size_t db = i;
  std::size_t groups = 0;
  while (true) {
    std::size_t j = i;
    while (j < s.size() && perl_space(s[j])) ++j;
    if (j == i) break;
    const std::size_t nb = j;
    while (j < s.size() && name_char(s[j])) ++j;
    if (j == nb) break;
    i = j;
    ++groups;
  }
  if (groups == 0 || i >= s.size() || s[i] != ';') return false;
  h.dists = s.substr(db, i - db);
  h.options = perl_rtrim(s.substr(i + 1));
  return true;
}

struct Trailer {
  std::string_view name, email, blanks, date, weekday, month;
  std::string_view day, year, time, zone;
};

// \s*$ from i
bool rest_blank(std::string_view s, std::size_t i) {
  while (i < s.size() && perl_space(s[i])) ++i;
  return i == s.size();
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && perl_space(s[i])) ++i;
  return i;
}

// \d{1,2}\s+(\w+)\s+\d{4}\s+\d{1,2}:\d\d:\d\d\s+[-+]\d{4} then \s*$
bool match_date_core(std::string_view s, std::size_t i, Trailer& t) {
  const std::size_t b = i;
  std::size_t j = i;
  while (j < s.size() && j - b < 2 && digit(s[j])) ++j;
  if (j == b) return false;
  t.day = s.substr(b, j - b);
  std::size_t k = skip_spaces(s, j);
  if (k == j) return false;
  j = k;
  const std::size_t mb = j;
  while (j < s.size() && word_char(s[j])) ++j;
  if (j == mb) return false;
  t.month = s.substr(mb, j - mb);
  k = skip_spaces(s, j);
  if (k == j) return false;
  j = k;
  if (j + 4 > s.size() || !std::all_of(s.begin() + static_cast<std::ptrdiff_t>(j),
                                       s.begin() + static_cast<std::ptrdiff_t>(j + 4), digit))
    return false;
  t.year = s.substr(j, 4);
  j += 4;
  k = skip_spaces(s, j);
  if (k == j) return false;
  j = k;
  const std::size_t tb = j;
  std::size_t h = j;
  while (h < s.size() && h - j < 2 && digit(s[h])) ++h;
  if (h == j) return false;
  j = h;
  for (int part = 0; part < 2; ++part) {
    if (j + 3 > s.size() || s[j] != ':' || !digit(s[j + 1]) || !digit(s[j + 2])) return false;
    j += 3;
  }
  t.time = s.substr(tb, j - tb);
  k = skip_spaces(s, j);
  if (k == j) return false;
  j = k;
  if (j + 5 > s.size() || (s[j] != '+' && s[j] != '-')) return false;
  for (std::size_t d = 1; d <= 4; ++d) {
    if (!digit(s[j + d])) return false;
  }
  t.zone = s.substr(j, 5);
  j += 5;
  t.date = s.substr(b, j - b);
  return rest_blank(s, j);
}

// (\ \ ?)(((\w+)\,\s*)?(date core))\s*$ at position i.
bool match_trailer_tail(std::string_view s, std::size_t i, Trailer& t) {
  for (std::size_t blanks : {std::size_t{2}, std::size_t{1}}) {
    if (i + blanks > s.size() || s.substr(i, blanks) != std::string_view("  ", blanks)) continue;
    const std::size_t d = i + blanks;
    // With the week day first (greedy), then without.
    std::size_t j = d;
    while (j < s.size() && word_char(s[j])) ++j;
    if (j > d && j < s.size() && s[j] == ',') {
      const std::size_t core = skip_spaces(s, j + 1);
      if (match_date_core(s, core, t)) {
        t.weekday = s.substr(d, j - d);
        t.blanks = s.substr(i, blanks);
        t.date = s.substr(d, t.date.data() + t.date.size() - (s.data() + d));
        return true;
      }
    }
    if (match_date_core(s, d, t)) {
      t.weekday = {};
      t.blanks = s.substr(i, blanks);
      return true;
    }
  }
  return false;
}

// ^ \-\- (.*) \<(.*)\>(\ \ ?)(...)\s*$ with Perl's greedy backtracking order.
bool match_trailer(std::string_view s, Trailer& t) {
  if (s.substr(0, 4) != " -- ") return false;
  if (s.size() > 4096) return false;  // a trailer is one short line
  for (std::size_t p = s.size(); p-- > 4;) {
    if (s[p] != ' ' || p + 1 >= s.size() || s[p + 1] != '<') continue;
    for (std::size_t q = s.size(); q-- > p + 2;) {
      if (s[q] != '>') continue;
      if (match_trailer_tail(s, q + 1, t)) {
        t.name = s.substr(4, p - 4);
        t.email = s.substr(p + 2, q - p - 2);
        return true;
      }
    }
  }
  return false;
}

// dpkg's $ancient_delimiter_re. std::regex backtracks (quadratic on its `.*` pairs) and
// recurses, so only short lines are tried, and only a bounded number per file.
constexpr std::size_t kAncientMaxLine = 256;
constexpr std::size_t kAncientMaxTries = 200;

bool match_ancient(std::string_view s) {
  if (s.size() > kAncientMaxLine) return false;
  static const std::regex re(
      R"(^(?:(?:\w+\s+\w+\s+\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}\s+[\w\s]*\d{4})\s+(?:.*)\s+[<\(](?:.*)[\)>])"
      R"(|(?:\w+\s+\w+\s+\d{1,2},?\s*\d{4})\s+(?:.*)\s+[<\(](?:.*)[\)>])"
      R"(|(?:\w[-+0-9a-z.]*) \((?:[^\(\) \t]+)\);?)"
      R"(|(?:[\w.+-]+)[- ](?:\S+) Debian (?:\S+))"
      R"(|Changes from version (?:.*) to (?:.*):)"
      R"(|Changes for [\w.+-]+-[\w.+-]+:?\s*$)"
      R"(|Old Changelog:\s*$)"
      R"(|(?:\d+:)?\w[\w.+~-]*:?\s*$))",
      std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
  return std::regex_search(s.begin(), s.end(), re, std::regex_constants::match_continuous);
}

bool istarts_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && iequals(s.substr(0, p.size()), p);
}

// dpkg's Dpkg::Version::version_check.
std::string version_problem(std::string_view v) {
  if (v.empty()) return "version number is empty";
  std::string_view upstream = v;
  std::string_view epoch;
  if (const auto c = v.find(':'); c != std::string_view::npos) {
    epoch = v.substr(0, c);
    upstream = v.substr(c + 1);
    if (epoch.empty()) return "epoch part of the version number is empty";
  }
  std::string_view revision;
  if (const auto d = upstream.rfind('-'); d != std::string_view::npos) {
    revision = upstream.substr(d + 1);
    upstream = upstream.substr(0, d);
    if (revision.empty()) return "revision number is empty";
  }
  if (upstream.empty()) return "upstream version is empty";
  if (!digit(upstream.front())) return "version number does not start with digit";
  for (char c : v) {
    if (!(name_char(c) || c == ':' || c == '~'))
      return fmt::format("version number contains illegal character '{}'", c);
  }
  if (!std::all_of(epoch.begin(), epoch.end(), digit)) return "epoch part of the version number is not a number";
  return {};
}

// ^X[BCS]+-  (case-insensitive)
bool user_key(std::string_view key) {
  if (key.empty() || (key[0] != 'X' && key[0] != 'x')) return false;
  std::size_t i = 1;
  while (i < key.size() && std::string_view("BCSbcs").find(key[i]) != std::string_view::npos) ++i;
  return i > 1 && i < key.size() && key[i] == '-';
}

std::string_view week_days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
std::string_view month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};

std::vector<std::string> sorted_unique_numbers(std::vector<std::string> v) {
  for (auto& n : v) {
    const auto nz = n.find_first_not_of('0');
    n = nz == std::string::npos ? "0" : n.substr(nz);
  }
  std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// `\#?\s?\d+` at i; returns the end or npos.
std::size_t closes_number(std::string_view s, std::size_t j) {
  if (j < s.size() && s[j] == '#') ++j;
  std::size_t k = j;
  if (k < s.size() && perl_space(s[k])) ++k;  // \s? is greedy
  for (std::size_t start : {k, j}) {
    std::size_t e = start;
    while (e < s.size() && digit(s[e])) ++e;
    if (e > start) return e;
  }
  return std::string_view::npos;
}

// `(?:bug)?\#?\s?\d+` at i; returns the end or npos.
std::size_t closes_item(std::string_view s, std::size_t i) {
  if (istarts_with(s.substr(std::min(i, s.size())), "bug")) {
    const std::size_t r = closes_number(s, i + 3);
    if (r != std::string_view::npos) return r;
  }
  return closes_number(s, i);
}

void digit_runs(std::string_view s, std::vector<std::string>& out) {
  for (std::size_t i = 0; i < s.size();) {
    if (!digit(s[i])) {
      ++i;
      continue;
    }
    const std::size_t b = i;
    while (i < s.size() && digit(s[i])) ++i;
    out.emplace_back(s.substr(b, i - b));
  }
}

}  // namespace

std::vector<std::string> find_closes(std::string_view s) {
  // closes:\s*(?:bug)?\#?\s?\d+(?:,\s*(?:bug)?\#?\s?\d+)*   (case-insensitive)
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 7 <= s.size();) {
    if (!istarts_with(s.substr(i), "closes:")) {
      ++i;
      continue;
    }
    std::size_t j = skip_spaces(s, i + 7);
    std::size_t end = closes_item(s, j);
    if (end == std::string_view::npos) {
      ++i;
      continue;
    }
    while (end < s.size() && s[end] == ',') {
      const std::size_t next = closes_item(s, skip_spaces(s, end + 1));
      if (next == std::string_view::npos) break;
      end = next;
    }
    digit_runs(s.substr(i, end - i), out);
    i = end;
  }
  return sorted_unique_numbers(std::move(out));
}

std::vector<std::string> find_launchpad_bugs(std::string_view s) {
  // lp:\s+\#\d+(?:,\s*\#\d+)*   (case-insensitive)
  std::vector<std::string> out;
  auto item = [&](std::size_t j) -> std::size_t {
    if (j >= s.size() || s[j] != '#') return std::string_view::npos;
    std::size_t e = j + 1;
    while (e < s.size() && digit(s[e])) ++e;
    return e > j + 1 ? e : std::string_view::npos;
  };
  for (std::size_t i = 0; i + 3 <= s.size();) {
    if (!istarts_with(s.substr(i), "lp:")) {
      ++i;
      continue;
    }
    const std::size_t j = skip_spaces(s, i + 3);
    std::size_t end = j > i + 3 ? item(j) : std::string_view::npos;
    if (end == std::string_view::npos) {
      ++i;
      continue;
    }
    while (end < s.size() && s[end] == ',') {
      const std::size_t next = item(skip_spaces(s, end + 1));
      if (next == std::string_view::npos) break;
      end = next;
    }
    digit_runs(s.substr(i, end - i), out);
    i = end;
  }
  return sorted_unique_numbers(std::move(out));
}

namespace {

class ChangelogParser {
 public:
  ChangelogParser(DebianChangelog& cl, const RangeMap& map, ir::DiagnosticSink& sink)
      : cl_(cl), map_(map), sink_(sink) {}

  void run() {
    const std::string_view text = cl_.text;
    check_text_bytes(text, map_, sink_);
    const auto lines = split_lines(text);
    cl_.lines.reserve(lines.size());
    bool tail = false;
    for (const TextLine& l : lines) {
      const std::string_view s = text.substr(l.begin, l.end - l.begin);
      ChangelogLineKind kind = ChangelogLineKind::Invalid;
      if (tail) {
        kind = ChangelogLineKind::Tail;
      } else {
        kind = classify(l, s, tail);
      }
      cl_.lines.push_back({kind, l.begin, l.end, l.next});
    }
    if (expect_ != Expect::NextOrEof) {
      const auto end = static_cast<std::uint32_t>(text.size());
      syntax(end, end, fmt::format("found end of file where expected {}", name(expect_)));
    }
    push_entry();
  }

 private:
  enum class Expect { FirstHeading, NextOrEof, StartChanges, ChangesOrTrailer };

  static std::string_view name(Expect e) {
    switch (e) {
      case Expect::FirstHeading: return "first heading";
      case Expect::NextOrEof: return "next heading or end of file";
      case Expect::StartChanges: return "start of change data";
      case Expect::ChangesOrTrailer: return "more change data or trailer";
    }
    return "";
  }

  void syntax(std::uint32_t b, std::uint32_t e, std::string message) {
    sink_.report("syntax-error-in-debian-changelog", ir::Severity::Warning, map_.range(b, e),
                 std::move(message));
  }

  ChangelogLineKind classify(const TextLine& l, std::string_view s, bool& tail) {
    Heading h;
    Trailer t;
    if (match_heading(s, h)) {
      if (expect_ != Expect::FirstHeading && expect_ != Expect::NextOrEof)
        syntax(l.begin, l.end, fmt::format("found start of entry where expected {}", name(expect_)));
      push_entry();
      start_entry(l, h);
      expect_ = Expect::StartChanges;
      blanks_ = 0;
      return ChangelogLineKind::Heading;
    }
    {
      // ^(?:;;\s*)?Local variables:  and  ^vim:  end the parsed part of the file.
      std::string_view rest = s;
      if (rest.substr(0, 2) == ";;") {
        rest.remove_prefix(2);
        while (!rest.empty() && perl_space(rest.front())) rest.remove_prefix(1);
      }
      if (istarts_with(rest, "local variables:") || istarts_with(s, "vim:")) {
        tail = true;
        return ChangelogLineKind::Tail;
      }
    }
    if (s.size() >= 2 && s[0] == '$' && word_char(s[1])) {
      // ^\$\w+:.*\$  (RCS keyword)
      std::size_t i = 1;
      while (i < s.size() && word_char(s[i])) ++i;
      if (i < s.size() && s[i] == ':' && s.find('$', i + 1) != std::string_view::npos)
        return ChangelogLineKind::Comment;
    }
    if (s.substr(0, 2) == "# ") return ChangelogLineKind::Comment;
    if (s.substr(0, 2) == "/*" && s.find("*/", 2) != std::string_view::npos)
      return ChangelogLineKind::Comment;
    if (!s.empty() && !perl_space(s[0]) && ancient_tries_ < kAncientMaxTries &&
        (++ancient_tries_, match_ancient(s))) {
      tail = true;
      return ChangelogLineKind::Tail;
    }
    if (!s.empty() && !perl_space(s[0])) {
      syntax(l.begin, l.end, "badly formatted heading line");
      return ChangelogLineKind::Invalid;
    }
    if (match_trailer(s, t)) {
      if (expect_ != Expect::ChangesOrTrailer)
        syntax(l.begin, l.end, fmt::format("found trailer where expected {}", name(expect_)));
      set_trailer(l, t);
      expect_ = Expect::NextOrEof;
      blanks_ = 0;
      return ChangelogLineKind::Trailer;
    }
    if (s.substr(0, 3) == " --") {
      sink_.report("debian-changelog-malformed-trailer", ir::Severity::Error,
                   map_.range(l.begin, l.end),
                   "badly formatted trailer line: expected ' -- Name <email>  Day, dd Mon yyyy "
                   "hh:mm:ss +zzzz'");
      return ChangelogLineKind::Trailer;
    }
    const std::size_t lead = s.find_first_not_of(" \t\n\r\f\v");
    if (lead != std::string_view::npos && lead >= 2) {
      if (expect_ != Expect::StartChanges && expect_ != Expect::ChangesOrTrailer) {
        syntax(l.begin, l.end, fmt::format("found change data where expected {}", name(expect_)));
        if (expect_ == Expect::NextOrEof && has_entry_) {
          // dpkg assumes a missed heading line.
          push_entry();
          ir::ChangelogEntry e;
          e.package = "unknown";
          e.version = fmt::format("unknown{}", unknown_++);
          e.distribution = "unknown";
          e.urgency = "unknown";
          e.range = map_.range(l.begin, l.end);
          entry_ = std::move(e);
          has_entry_ = true;
        }
      }
      add_change(l, s);
      expect_ = Expect::ChangesOrTrailer;
      return ChangelogLineKind::Change;
    }
    if (lead == std::string_view::npos) {
      if (expect_ == Expect::StartChanges || expect_ == Expect::NextOrEof)
        return ChangelogLineKind::Blank;
      if (expect_ != Expect::ChangesOrTrailer)
        syntax(l.begin, l.end, fmt::format("found blank line where expected {}", name(expect_)));
      ++blanks_;
      return ChangelogLineKind::Blank;
    }
    syntax(l.begin, l.end, "unrecognized line");
    if (expect_ != Expect::StartChanges && expect_ != Expect::ChangesOrTrailer) {
      add_change(l, s);
      expect_ = Expect::ChangesOrTrailer;
    }
    return ChangelogLineKind::Invalid;
  }

  void start_entry(const TextLine& l, const Heading& h) {
    ir::ChangelogEntry e;
    e.range = map_.range(l.begin, l.end);
    e.header_range = e.range;
    e.package.assign(h.name);
    e.version.assign(h.version);
    if (auto problem = version_problem(h.version); !problem.empty()) {
      const auto vb = static_cast<std::uint32_t>(h.version.data() - cl_.text.data());
      sink_.report("malformed-debian-changelog-version", ir::Severity::Error,
                   map_.range(vb, vb + static_cast<std::uint32_t>(h.version.size())),
                   fmt::format("version '{}' is invalid: {}", h.version, problem));
    }
    // Distributions: split ' ' and joined with one space, as dpkg prints them.
    std::string_view d = h.dists;
    while (!d.empty()) {
      while (!d.empty() && perl_space(d.front())) d.remove_prefix(1);
      std::size_t n = 0;
      while (n < d.size() && !perl_space(d[n])) ++n;
      if (n == 0) break;
      if (!e.distribution.empty()) e.distribution.push_back(' ');
      e.distribution.append(d.substr(0, n));
      d.remove_prefix(n);
    }
    std::string_view opts = h.options;
    while (!opts.empty() && perl_space(opts.front())) opts.remove_prefix(1);
    // split(/\s*,\s*/)
    std::vector<std::string_view> parts;
    while (!opts.empty()) {
      const std::size_t comma = opts.find(',');
      parts.push_back(perl_rtrim(opts.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      opts.remove_prefix(comma + 1);
      while (!opts.empty() && perl_space(opts.front())) opts.remove_prefix(1);
    }
    while (!parts.empty() && parts.back().empty()) parts.pop_back();  // Perl drops them
    for (std::string_view opt : parts) {
      std::size_t k = 0;
      while (k < opt.size() && (name_char(opt[k]) && opt[k] != '+' && opt[k] != '.')) ++k;
      if (k == 0 || k >= opt.size() || opt[k] != '=' || trim(opt.substr(k + 1)).empty()) {
        syntax(l.begin, l.end, fmt::format("bad key-value after ';': '{}'", opt));
        continue;
      }
      std::string_view value = opt.substr(k + 1);
      while (!value.empty() && perl_space(value.front())) value.remove_prefix(1);
      const std::string_view key = opt.substr(0, k);
      bool repeated = false;
      for (const auto& [ek, ev] : e.options) repeated = repeated || iequals(ek, key);
      if (repeated) {
        syntax(l.begin, l.end, fmt::format("repeated key-value {}", key));
        continue;
      }
      e.options.emplace_back(std::string(key), std::string(value));
      if (iequals(key, "urgency")) {
        std::string u(value.substr(0, std::min(value.size(), value.find_first_of(" \t\n\r\f\v"))));
        for (char& c : u) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        e.urgency = std::move(u);
      } else if (!iequals(key, "binary-only") && !user_key(key)) {
        syntax(l.begin, l.end, fmt::format("unknown key-value {}", key));
      }
    }
    entry_ = std::move(e);
    has_entry_ = true;
    change_text_.clear();
  }

  void add_change(const TextLine& l, std::string_view s) {
    if (!has_entry_) {
      entry_ = ir::ChangelogEntry{};
      entry_.range = map_.range(l.begin, l.end);
      has_entry_ = true;
    }
    for (; blanks_ > 0; --blanks_) entry_.lines.emplace_back();
    entry_.lines.emplace_back(perl_rtrim(s));
    if (!change_text_.empty()) change_text_.push_back('\n');
    change_text_.append(s);
    entry_.range.end = map_.range(l.begin, l.end).end;
  }

  void set_trailer(const TextLine& l, const Trailer& t) {
    if (!has_entry_) {
      entry_ = ir::ChangelogEntry{};
      entry_.range = map_.range(l.begin, l.end);
      has_entry_ = true;
    }
    blanks_ = 0;
    entry_.trailer_range = map_.range(l.begin, l.end);
    entry_.range.end = entry_.trailer_range.end;
    entry_.author = fmt::format("{} <{}>", t.name, t.email);
    entry_.email.assign(t.email);
    entry_.date.assign(t.date);
    const auto off = [&](std::string_view part) {
      return static_cast<std::uint32_t>(part.data() - cl_.text.data());
    };
    if (t.blanks != "  ") {
      const auto b = off(t.blanks);
      sink_.report("debian-changelog-trailer-spacing", ir::Severity::Warning, map_.range(b, b + 1),
                   "badly formatted trailer line: use two spaces between the e-mail address and "
                   "the date")
          .fix = ir::Fix{"insert a space", ir::Applicability::Safe,
                         {ir::Edit{map_.range(b, b), " "}}};
    }
    const auto date_range = map_.range(off(t.date), off(t.date) + static_cast<std::uint32_t>(t.date.size()));
    if (!t.weekday.empty() &&
        std::find(std::begin(week_days), std::end(week_days), t.weekday) == std::end(week_days)) {
      sink_.report("invalid-date-in-debian-changelog", ir::Severity::Error, date_range,
                   fmt::format("invalid week day '{}'", t.weekday));
    }
    if (std::find(std::begin(months), std::end(months), t.month) == std::end(months)) {
      const auto full = std::find(std::begin(month_names), std::end(month_names), t.month);
      sink_.report("invalid-date-in-debian-changelog", ir::Severity::Error, date_range,
                   full != std::end(month_names)
                       ? fmt::format("uses full '{}' instead of abbreviated month name '{}'", t.month,
                                     months[full - std::begin(month_names)])
                       : fmt::format("invalid abbreviated month name '{}'", t.month));
    } else {
      const int day = std::stoi(std::string(t.day));
      const int hour = std::stoi(std::string(t.time.substr(0, t.time.find(':'))));
      const std::string_view ms = t.time.substr(t.time.find(':') + 1);
      const int minute = std::stoi(std::string(ms.substr(0, 2)));
      const int second = std::stoi(std::string(ms.substr(3, 2)));
      if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        sink_.report("invalid-date-in-debian-changelog", ir::Severity::Error, date_range,
                     fmt::format("cannot parse non-conformant date '{}'", t.date));
      }
    }
  }

  void push_entry() {
    if (!has_entry_) return;
    entry_.closes = find_closes(change_text_);
    entry_.launchpad_bugs = find_launchpad_bugs(change_text_);
    cl_.entries.push_back(std::move(entry_));
    entry_ = ir::ChangelogEntry{};
    has_entry_ = false;
    change_text_.clear();
    blanks_ = 0;
  }

  DebianChangelog& cl_;
  const RangeMap& map_;
  ir::DiagnosticSink& sink_;
  Expect expect_ = Expect::FirstHeading;
  ir::ChangelogEntry entry_;
  bool has_entry_ = false;
  std::string change_text_;  // raw change lines joined with "\n", for find_closes
  std::size_t blanks_ = 0;   // blank lines seen since the last change line
  int unknown_ = 1;
  std::size_t ancient_tries_ = 0;
};

}  // namespace

DebianChangelog parse_debian_changelog(const ir::SourceFile& file, std::string_view text,
                                       const FilledTemplate* map, ir::DiagnosticSink& sink) {
  DebianChangelog cl;
  cl.file = file.id();
  const RangeMap ranges(file.id(), map);
  if (reject_oversized(text, ranges, sink)) return cl;
  cl.text.assign(text);
  ChangelogParser(cl, ranges, sink).run();
  return cl;
}

DebianChangelog parse_debian_changelog(const ir::SourceFile& file, ir::DiagnosticSink& sink) {
  return parse_debian_changelog(file, file.text(), nullptr, sink);
}

std::string reprint(const DebianChangelog& changelog) {
  std::string out;
  out.reserve(changelog.text.size());
  for (const auto& l : changelog.lines) out.append(changelog.text, l.begin, l.next - l.begin);
  return out;
}

}  // namespace katalint::frontend::debian
