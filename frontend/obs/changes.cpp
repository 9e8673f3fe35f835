#include "frontend/obs/changes.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/core.h>

#include "frontend/debian/query.hpp"
#include "frontend/debian/text.hpp"

namespace katalint::frontend::obs {
namespace {

using debian::RangeMap;

constexpr std::array<std::string_view, 7> kWeekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

bool separator_line(std::string_view s) {
  const std::string_view t = debian::trim_right(s);
  return t.size() >= 20 && t.find_first_not_of('-') == std::string_view::npos;
}

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool blanks() {  // one or more spaces/tabs
    const std::size_t b = i_;
    while (i_ < s_.size() && debian::is_blank(s_[i_])) ++i_;
    return i_ > b;
  }
  void opt_blanks() { blanks(); }
  std::string_view take(std::size_t n) {
    const auto r = s_.substr(i_, n);
    i_ += r.size();
    return r;
  }
  std::string_view digits(std::size_t min, std::size_t max) {
    std::size_t n = 0;
    while (i_ + n < s_.size() && n < max && is_digit(s_[i_ + n])) ++n;
    return n >= min ? take(n) : std::string_view();
  }
  std::string_view upper_word() {
    std::size_t n = 0;
    while (i_ + n < s_.size() && is_upper(s_[i_ + n])) ++n;
    return take(n);
  }
  [[nodiscard]] char peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }
  [[nodiscard]] std::size_t pos() const { return i_; }
  void seek(std::size_t p) { i_ = p; }
  [[nodiscard]] std::string_view rest() const { return s_.substr(i_); }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

// Www Mmm [ D]D HH:MM:SS [AM|PM] [ZONE] YYYY - author
// Returns the length of the date part (0 when the line does not parse).
std::size_t parse_header(std::string_view line, ChangesDate& d, std::string_view& author) {
  Cursor c(line);
  const auto wd = c.take(3);
  if (std::find(kWeekdays.begin(), kWeekdays.end(), wd) == kWeekdays.end() || !c.blanks()) return 0;
  const auto mon = c.take(3);
  if (std::find(kMonths.begin(), kMonths.end(), mon) == kMonths.end() || !c.blanks()) return 0;
  const auto day = c.digits(1, 2);
  if (day.empty() || !c.blanks()) return 0;
  const std::size_t tb = c.pos();
  if (c.digits(1, 2).empty() || c.take(1) != ":" || c.digits(2, 2).empty() || c.take(1) != ":" ||
      c.digits(2, 2).empty())
    return 0;
  const std::string_view time = line.substr(tb, c.pos() - tb);
  if (!c.blanks()) return 0;
  std::string_view zone;
  std::string_view year = c.digits(4, 4);
  if (year.empty()) {
    zone = c.upper_word();  // also AM/PM
    if (zone.empty() && (c.peek() == '+' || c.peek() == '-')) {
      const std::size_t zb = c.pos();
      c.take(1);
      if (c.digits(4, 4).empty()) return 0;
      zone = line.substr(zb, c.pos() - zb);
    }
    if (zone.empty() || !c.blanks()) return 0;
    if (zone == "AM" || zone == "PM") {
      const auto z = c.upper_word();
      if (!z.empty() && !c.blanks()) return 0;
      if (!z.empty()) zone = line.substr(zone.data() - line.data(), z.data() + z.size() - zone.data());
    }
    year = c.digits(4, 4);
    if (year.empty()) return 0;
  }
  const std::size_t date_end = c.pos();
  c.opt_blanks();
  if (c.take(1) != "-") return 0;
  c.opt_blanks();
  author = debian::trim(c.rest());
  if (author.empty()) return 0;
  const int dd = std::stoi(std::string(day));
  const int hh = std::stoi(std::string(time.substr(0, time.find(':'))));
  if (dd < 1 || dd > 31 || hh > 23) return 0;
  d = {std::string(wd), std::string(mon), std::string(day), std::string(time), std::string(zone),
       std::string(year)};
  return date_end;
}

void split_author(std::string_view author, std::string& name, std::string& email) {
  const auto lt = author.find('<');
  const auto gt = author.rfind('>');
  if (lt != std::string_view::npos && gt != std::string_view::npos && gt > lt) {
    name.assign(debian::trim(author.substr(0, lt)));
    email.assign(debian::trim(author.substr(lt + 1, gt - lt - 1)));
  } else {
    name.clear();
    email.assign(author);
  }
}

}  // namespace

SuseChanges parse_suse_changes(const ir::SourceFile& file, std::string_view text,
                               const FilledTemplate* map, ir::DiagnosticSink& sink) {
  SuseChanges out;
  out.file = file.id();
  out.map = map;
  const RangeMap ranges(file.id(), map);
  if (debian::reject_oversized(text, ranges, sink)) return out;
  out.text.assign(text);
  const std::string_view t = out.text;
  debian::check_text_bytes(t, ranges, sink);
  const auto lines = debian::split_lines(t);
  out.lines.reserve(lines.size());

  enum class State { BeforeFirst, ExpectHeader, Body } state = State::BeforeFirst;
  bool reported_before = false;
  std::size_t pending_blanks = 0;
  for (const auto& l : lines) {
    const std::string_view s = t.substr(l.begin, l.end - l.begin);
    const bool blank = debian::trim(s).empty();
    ChangesLineKind kind = ChangesLineKind::Body;
    if (separator_line(s)) {
      kind = ChangesLineKind::Separator;
      if (s.size() != kChangesSeparatorLength) {
        sink.report("changes-separator-length", ir::Severity::Warning, ranges.range(l.begin, l.end),
                    fmt::format("separator line has {} characters, expected {} dashes", s.size(),
                                kChangesSeparatorLength))
            .fix = ir::Fix{"use 67 dashes", ir::Applicability::Safe,
                           {ir::Edit{ranges.range(l.begin, l.end),
                                     std::string(kChangesSeparatorLength, '-')}}};
      }
      state = State::ExpectHeader;
    } else if (state == State::ExpectHeader) {
      if (blank) {
        kind = ChangesLineKind::Blank;
        sink.report("changes-bad-date-line", ir::Severity::Error, ranges.range(l.begin, l.next),
                    "blank line between the separator and the date line");
      } else {
        kind = ChangesLineKind::Header;
        ir::ChangelogEntry e;
        e.range = e.header_range = ranges.range(l.begin, l.end);
        ChangesDate d;
        std::string_view author;
        const std::size_t date_len = parse_header(s, d, author);
        if (date_len == 0) {
          sink.report("changes-bad-date-line", ir::Severity::Error, ranges.range(l.begin, l.end),
                      "entry header is not 'Www Mmm DD HH:MM:SS ZONE YYYY - Name <email>'");
          e.date.assign(s);
        } else {
          e.date.assign(s.substr(0, date_len));
          e.author.assign(author);
          std::string name;
          split_author(author, name, e.email);
          if (author.find('@') == std::string_view::npos) {
            const auto ab = static_cast<std::uint32_t>(author.data() - t.data());
            sink.report("changes-bad-date-line", ir::Severity::Error,
                        ranges.range(ab, ab + static_cast<std::uint32_t>(author.size())),
                        "entry header has no e-mail address");
          }
        }
        out.entries.push_back(std::move(e));
        out.dates.push_back(std::move(d));
        pending_blanks = 0;
        state = State::Body;
      }
    } else if (state == State::Body) {
      auto& e = out.entries.back();
      if (blank) {
        kind = ChangesLineKind::Blank;
        if (!e.lines.empty()) ++pending_blanks;
      } else {
        for (; pending_blanks > 0; --pending_blanks) e.lines.emplace_back();
        e.lines.emplace_back(debian::trim_right(s));
        e.range.end = ranges.range(l.begin, l.end).end;
      }
    } else if (blank) {
      kind = ChangesLineKind::Blank;
    } else {
      kind = ChangesLineKind::Invalid;
      if (!reported_before) {
        sink.report("changes-missing-separator", ir::Severity::Error, ranges.range(l.begin, l.end),
                    "text before the first separator line");
        reported_before = true;
      }
    }
    out.lines.push_back({kind, l.begin, l.end, l.next});
  }
  if (state == State::ExpectHeader) {
    const auto end = static_cast<std::uint32_t>(t.size());
    sink.report("changes-bad-date-line", ir::Severity::Error, ranges.range(end, end),
                "separator line without an entry after it");
  }
  return out;
}

SuseChanges parse_suse_changes(const ir::SourceFile& file, ir::DiagnosticSink& sink) {
  return parse_suse_changes(file, file.text(), nullptr, sink);
}

ir::Range SuseChanges::range(std::uint32_t begin, std::uint32_t end) const {
  return RangeMap(file, map).range(begin, end);
}

std::optional<ChangesTime> changes_time(const ChangesDate& date) {
  const auto month = std::find(kMonths.begin(), kMonths.end(), date.month);
  if (month == kMonths.end() || date.year.size() != 4 || date.day.empty() || date.time.size() < 7) return std::nullopt;
  const auto num = [](std::string_view s) {
    long n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
  };
  // Howard Hinnant's days_from_civil.
  const auto m = static_cast<unsigned>(month - kMonths.begin()) + 1;
  long y = num(date.year) - (m <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(num(date.day)) - 1;
  const long days = era * 146097 + static_cast<long>(yoe * 365 + yoe / 4 - yoe / 100 + doy) - 719468;

  // time is H:MM:SS or HH:MM:SS (the parser checked the digits).
  const std::string_view t = date.time;
  const std::size_t colon = t.find(':');
  long hour = num(t.substr(0, colon));
  const long minute = num(t.substr(colon + 1, 2));
  const long second = num(t.substr(colon + 4, 2));
  std::string_view zone = date.zone;
  if (zone.substr(0, 2) == "AM" || zone.substr(0, 2) == "PM") {
    hour = hour % 12 + (zone[0] == 'P' ? 12 : 0);
    zone = debian::trim(zone.substr(2));
  }
  ChangesTime out;
  long offset = 0;  // minutes east of UTC
  if (!zone.empty() && (zone[0] == '+' || zone[0] == '-') && zone.size() == 5) {
    offset = (num(zone.substr(1, 2)) * 60 + num(zone.substr(3, 2))) * (zone[0] == '-' ? -1 : 1);
  } else {
    // Zones whose offset is not in doubt; CST, IST and AST each name several.
    static constexpr std::array<std::pair<std::string_view, int>, 24> kZones = {{
        {"UTC", 0},    {"GMT", 0},    {"UT", 0},     {"Z", 0},      {"WET", 0},    {"WEST", 60},
        {"BST", 60},   {"CET", 60},   {"MET", 60},   {"MEZ", 60},   {"CEST", 120}, {"MEST", 120},
        {"MESZ", 120}, {"EET", 120},  {"EEST", 180}, {"MSK", 180},  {"EST", -300}, {"EDT", -240},
        {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}, {"JST", 540},
    }};
    const auto z = std::find_if(kZones.begin(), kZones.end(), [&](const auto& p) { return p.first == zone; });
    if (z == kZones.end()) {
      out.exact = false;
    } else {
      offset = z->second;
    }
  }
  out.seconds = ((days * 24 + hour) * 60 + minute - offset) * 60 + second;
  return out;
}

std::string reprint(const SuseChanges& changes) {
  std::string out;
  out.reserve(changes.text.size());
  for (const auto& l : changes.lines) out.append(changes.text, l.begin, l.next - l.begin);
  return out;
}

nlohmann::ordered_json changes_query_json(const SuseChanges& changes) {
  using debian::to_valid_utf8;
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const auto& e : changes.entries) {
    std::string name, email;
    split_author(e.author, name, email);
    nlohmann::ordered_json lines = nlohmann::ordered_json::array();
    for (const auto& l : e.lines) lines.push_back(to_valid_utf8(l));
    entries.push_back({{"date", to_valid_utf8(e.date)},
                       {"author", to_valid_utf8(name)},
                       {"email", to_valid_utf8(email)},
                       {"lines", std::move(lines)}});
  }
  nlohmann::ordered_json out;
  out["entries"] = std::move(entries);
  return out;
}

}  // namespace katalint::frontend::obs
