// changelog-bogus-date: a %changelog entry whose weekday does not match its date, an
// unreadable date, or entries not in descending date order.
#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

struct Date {
  int weekday = -1;  // as written
  long days = 0;     // the date
  std::size_t weekday_len = 0;
};

std::optional<Date> parse(std::string_view text) {
  std::array<std::string_view, 4> w;
  std::size_t words = 0;
  for (std::size_t i = 0; i < text.size() && words < w.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > b) w[words++] = text.substr(b, i - b);
  }
  if (words < w.size()) return std::nullopt;
  Date out;
  const auto day_at = std::find(kDays.begin(), kDays.end(), w[0]);
  if (day_at != kDays.end()) out.weekday = static_cast<int>(day_at - kDays.begin());
  int month = -1;
  const auto month_at = std::find(kMonths.begin(), kMonths.end(), w[1]);
  if (month_at != kMonths.end()) month = static_cast<int>(month_at - kMonths.begin()) + 1;
  const auto num = [](std::string_view s) {
    long n = 0;
    if (s.empty() || s.size() > 4) return -1L;
    for (char c : s) {
      if (c < '0' || c > '9') return -1L;
      n = n * 10 + (c - '0');
    }
    return n;
  };
  const long day = num(w[2]), year = num(w[3]);
  if (out.weekday < 0 || month < 0 || day < 1 || day > 31 || year < 1970) return std::nullopt;
  out.days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  out.weekday_len = w[0].size();
  return out;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for (NodeId section_header : section_headers(ctx, "changelog")) {
    const NodeId section = tree.node(section_header).parent;
    std::optional<long> previous;
    for (NodeId h : tree.all_of(SyntaxKind::ChangelogHeader, section)) {
      const NodeId date_node = tree.child(h, SyntaxKind::ChangelogDate);
      if (date_node == rpmspec::kNoNode) continue;
      const std::string_view text = tree.text_of(date_node);
      if (text.find('%') != std::string_view::npos) continue;
      const auto date = parse(text);
      if (!date) {
        out.report(tree.range(date_node), fmt::format("'{}' is not a date rpm reads (Day Mon DD YYYY)", trim(text)));
        continue;
      }
      const int actual = static_cast<int>(((date->days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
      if (actual != date->weekday) {
        const std::uint32_t at = tree.node(date_node).begin + static_cast<std::uint32_t>(text.find(kDays[static_cast<std::size_t>(date->weekday)]));
        const ir::Range weekday{tree.file, at, at + 3};
        out.report(weekday, fmt::format("{} was a {}, not a {}; rpm warns about a bogus date", trim(text),
                                        kDays[static_cast<std::size_t>(actual)], kDays[static_cast<std::size_t>(date->weekday)]))
            .fix(fmt::format("use {}", kDays[static_cast<std::size_t>(actual)]), ir::Applicability::Safe,
                 {{weekday, std::string(kDays[static_cast<std::size_t>(actual)])}});
      }
      if (previous && date->days > *previous)
        out.report(tree.range(date_node), "this entry is newer than the one above it; rpm expects the newest first");
      previous = date->days;
    }
  }
}

}  // namespace

extern const RuleInfo changelog_bogus_date;  // listed in rules/rules.def
constinit const RuleInfo changelog_bogus_date{
    .id = "changelog-bogus-date",
    .severity = ir::Severity::Warning,
    .summary = "a %changelog date whose weekday is wrong, or entries out of order",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports, in `%changelog` (any branch): a date whose weekday does not match the day, a date rpm cannot read, and an entry dated after the one above it.)md",
            .why = R"md(rpmbuild warns "bogus date in %changelog" for a wrong weekday and rejects unreadable dates; tools that read the changelog (and `%source_date_epoch_from_changelog`, which sets the timestamps of reproducible builds) take the first entry as the newest.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%changelog
* Mon Jan 02 2024 Jane Doe <jane@example.org> - 1.0-0
- Initial package
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%changelog
* Tue Jan 02 2024 Jane Doe <jane@example.org> - 1.0-0
- Initial package
)md",
            .fix_safety = R"md(Safe for the weekday: the date stays and the weekday becomes the one of that date, which is what rpm computes. Order and unreadable dates have no fix.)md",
            .reference = R"md(rpm (rpmbuild: "bogus date in %changelog"); rpmlint passes it on as `specfile-warning`.)md"},
    .check = check,
};

}  // namespace katalint::rules
