// non-utf8-spec: a spec that is not valid UTF-8.
#include <cstdint>
#include <cstring>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xbf;  // allowed range of the second byte
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;  // no surrogates
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xbf) return 0;
  return n;
}

// True when the text is valid UTF-8. Most specs are ASCII, which is skipped eight bytes at a time.
bool valid_utf8(std::string_view text) {
  constexpr std::uint64_t kHighs = 0x8080808080808080u;
  for (std::size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      if ((w & kHighs) == 0) {
        i += 8;
        continue;
      }
    }
    const std::size_t n = utf8_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

void check(const Context& ctx, Reporter& out) {
  const std::string_view text = ctx.file.text();
  if (valid_utf8(text)) return;
  const ir::FileId file = ctx.file.id();
  std::vector<ir::Edit> latin1;  // each invalid byte read as Latin-1
  std::size_t first = std::string_view::npos;
  bool has_nul = false;
  for (std::size_t i = 0; i < text.size();) {
    has_nul = has_nul || text[i] == '\0';
    const std::size_t n = utf8_length(text, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (first == std::string_view::npos) first = i;
    const auto c = static_cast<unsigned char>(text[i]);
    const auto pos = static_cast<std::uint32_t>(i);
    latin1.push_back({{file, pos, pos + 1}, std::string{static_cast<char>(0xc0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3f))}});
    ++i;
  }
  if (first == std::string_view::npos) return;
  const auto at = static_cast<std::uint32_t>(first);
  const bool utf16 = text.size() >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') || (text[0] == '\xfe' && text[1] == '\xff'));
  auto d = out.report({file, at, at + 1},
                      utf16 ? std::string("the spec is UTF-16; rpm reads specs as UTF-8")
                            : fmt::format("byte 0x{:02x} at offset {} is not valid UTF-8; the spec must be UTF-8",
                                          static_cast<unsigned char>(text[first]), first));
  // Latin-1 is the usual other encoding; UTF-16 and files with NUL bytes are not that.
  if (!utf16 && !has_nul)
    d.fix("re-encode the invalid bytes from Latin-1", ir::Applicability::Unsafe, std::move(latin1));
}

}  // namespace

extern const RuleInfo non_utf8_spec;  // listed in rules/rules.def
constinit const RuleInfo non_utf8_spec{
    .id = "non-utf8-spec",
    .severity = ir::Severity::Error,
    .summary = "a spec that is not valid UTF-8",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Unsafe,
    .aliases = "non-utf8-spec-file",
    .doc = {.what = R"md(Reports a spec that is not valid UTF-8, at its first invalid byte (a UTF-16 file at its byte-order mark).)md",
            .why = R"md(openSUSE's specfile guidelines allow ASCII or UTF-8 only; rpm stores the text of Summary, %description and %changelog as given, so another encoding shows as garbage in every tool that reads the package.)md",
            .example = "Name:           example\nVersion:        1.0\nRelease:        0\nSummary:        Caf\xe9 example\nLicense:        MIT\nURL:            https://example.org\n\n%description\nAn example package.\n\n%files\n",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Café example
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .fix_safety = R"md(Unsafe: the fix reads every invalid byte as Latin-1 (ISO 8859-1), the usual other encoding of old specs; if the file was in another 8-bit encoding the result is wrong. UTF-16 files and files with NUL bytes get no fix.)md",
            .reference = R"md(openSUSE *Specfile guidelines*, "Specfile Encoding"; rpmlint `non-utf8-spec-file`.)md"},
    .check = check,
};

}  // namespace katalint::rules
