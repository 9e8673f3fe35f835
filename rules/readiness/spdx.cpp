// Reads the embedded SPDX list once and checks license expressions against it.
#include "rules/readiness/spdx.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <utility>

namespace katalint::rules::spdx {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive three-way comparison, as for ASCII identifiers.
int icompare(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = lower(a[i]), y = lower(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : a.size() < b.size() ? -1 : 1;
}

struct List {
  std::string_view version;
  std::vector<Entry> entries;       // in the list's order
  std::vector<std::size_t> by_id;  // indices into entries, sorted by id without case
};

// Lines: comments ('#'), "version X", then "ID" or "ID deprecated".
List parse(std::string_view text) {
  List list;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t space = line.find(' ');
    const std::string_view first = line.substr(0, space);
    const std::string_view rest = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    if (first == "version") {
      list.version = rest;
      continue;
    }
    list.by_id.push_back(list.entries.size());
    list.entries.push_back({first, rest == "deprecated"});
  }
  // The list comes sorted, so this is mostly one pass; stable, so that of two spellings that
  // differ only in case the first wins.
  const auto by_id = [&](std::size_t a, std::size_t b) { return icompare(list.entries[a].id, list.entries[b].id) < 0; };
  if (!std::is_sorted(list.by_id.begin(), list.by_id.end(), by_id))
    std::stable_sort(list.by_id.begin(), list.by_id.end(), by_id);
  return list;
}

const List& license_list() {
  static const List list = parse(embedded_licenses());
  return list;
}
const List& exception_list() {
  static const List list = parse(embedded_exceptions());
  return list;
}

const Entry* find(const List& list, std::string_view id) {
  const auto it = std::lower_bound(list.by_id.begin(), list.by_id.end(), id, [&](std::size_t e, std::string_view key) {
    return icompare(list.entries[e].id, key) < 0;
  });
  return it != list.by_id.end() && icompare(list.entries[*it].id, id) == 0 ? &list.entries[*it] : nullptr;
}

bool iequals(std::string_view a, std::string_view b) { return a.size() == b.size() && icompare(a, b) == 0; }
bool starts_with_i(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && iequals(s.substr(0, p.size()), p);
}

// idstring = 1*(ALPHA / DIGIT / "-" / ".")
bool is_idstring(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

// ["DocumentRef-" idstring ":"] "LicenseRef-" idstring
bool is_license_ref(std::string_view s) {
  if (starts_with_i(s, "DocumentRef-")) {
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || !is_idstring(s.substr(12, colon - 12))) return false;
    s = s.substr(colon + 1);
  }
  return starts_with_i(s, "LicenseRef-") && is_idstring(s.substr(11));
}

struct Token {
  enum Kind { Open, Close, And, Or, With, Word } kind;
  std::size_t begin, end;
  std::string_view text;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Token::Open : Token::Close, i, i + 1, text.substr(i, 1)});
      ++i;
    } else {
      const std::size_t b = i;
      while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r' &&
             text[i] != '(' && text[i] != ')')
        ++i;
      const std::string_view w = text.substr(b, i - b);
      Token::Kind kind = Token::Word;
      if (iequals(w, "AND")) kind = Token::And;
      if (iequals(w, "OR")) kind = Token::Or;
      if (iequals(w, "WITH")) kind = Token::With;
      out.push_back({kind, b, i, w});
    }
  }
  return out;
}

// Fedora's old (Callaway) short names written as one word, and their SPDX ids.
constexpr std::pair<std::string_view, std::string_view> kLegacyNames[] = {
    {"GPL+", "GPL-1.0-or-later"},       {"GPLv2", "GPL-2.0-only"},          {"GPLv2+", "GPL-2.0-or-later"},
    {"GPLv3", "GPL-3.0-only"},          {"GPLv3+", "GPL-3.0-or-later"},     {"LGPLv2", "LGPL-2.0-only"},
    {"LGPLv2+", "LGPL-2.0-or-later"},   {"LGPLv2.1", "LGPL-2.1-only"},      {"LGPLv2.1+", "LGPL-2.1-or-later"},
    {"LGPLv3", "LGPL-3.0-only"},        {"LGPLv3+", "LGPL-3.0-or-later"},   {"AGPLv3", "AGPL-3.0-only"},
    {"AGPLv3+", "AGPL-3.0-or-later"},   {"MPLv1.1", "MPL-1.1"},             {"MPLv2.0", "MPL-2.0"},
    {"ASL2.0", "Apache-2.0"},           {"CC0", "CC0-1.0"},                 {"Boost", "BSL-1.0"},
};

std::string_view legacy_name(std::string_view token) {
  for (const auto& [old_name, spdx] : kLegacyNames)
    if (token == old_name) return spdx;
  return {};
}

class Checker {
 public:
  Checker(std::string_view text, const ExpressionOptions& options)
      : text_(text), options_(options), tokens_(tokenize(text)) {}

  std::vector<Problem> run() {
    if (tokens_.empty()) {
      problem(0, text_.size(), "the license expression is empty");
      return std::move(problems_);
    }
    expression();
    while (pos_ < tokens_.size()) {
      const Token& t = tokens_[pos_];
      if (t.kind == Token::Close) {
        problem(t.begin, t.end, "')' has no matching '('");
        ++pos_;
      } else {
        if (t.kind == Token::Word || t.kind == Token::Open) missing_operator(t);
        expression();
      }
    }
    return std::move(problems_);
  }

 private:
  void problem(std::size_t b, std::size_t e, std::string message) { problems_.push_back({b, e, std::move(message)}); }

  // Ids listed one after the other without AND or OR: reported once, at the first gap.
  void missing_operator(const Token& t) {
    if (reported_missing_operator_) return;
    reported_missing_operator_ = true;
    problem(t.begin, t.end, fmt::format("'{}' follows '{}' without AND or OR between them", t.text, previous_text()));
  }

  std::string_view previous_text() const { return pos_ > 0 ? tokens_[pos_ - 1].text : std::string_view(); }

  // expression = term *((AND / OR) term)
  void expression() {
    term();
    while (pos_ < tokens_.size()) {
      const Token& t = tokens_[pos_];
      if (t.kind == Token::And || t.kind == Token::Or) {
        ++pos_;
        if (pos_ >= tokens_.size() || tokens_[pos_].kind == Token::Close) {
          problem(t.begin, t.end, fmt::format("'{}' has nothing after it", t.text));
          return;
        }
        term();
      } else if (t.kind == Token::Word || t.kind == Token::Open) {
        missing_operator(t);
        term();
      } else {
        return;  // ')' or a stray WITH: the caller decides
      }
    }
  }

  // term = "(" expression ")" / simple ["WITH" exception]
  void term() {
    // Operators where a license belongs: reported once, then skipped.
    if (pos_ < tokens_.size() && tokens_[pos_].kind != Token::Open && tokens_[pos_].kind != Token::Close &&
        tokens_[pos_].kind != Token::Word) {
      const Token& op = tokens_[pos_];
      problem(op.begin, op.end, fmt::format("'{}' has no license before it", op.text));
      while (pos_ < tokens_.size() && tokens_[pos_].kind != Token::Open && tokens_[pos_].kind != Token::Close &&
             tokens_[pos_].kind != Token::Word)
        ++pos_;
    }
    if (pos_ >= tokens_.size()) return;
    const Token& t = tokens_[pos_];
    if (t.kind == Token::Open) {
      ++pos_;
      if (++depth_ > kMaxDepth) {
        // A hostile value must not exhaust the stack: skip to the end.
        problem(t.begin, t.end, "the license expression nests parentheses too deeply");
        pos_ = tokens_.size();
        aborted_ = true;
        return;
      }
      expression();
      --depth_;
      if (aborted_) return;
      if (pos_ < tokens_.size() && tokens_[pos_].kind == Token::Close) {
        ++pos_;
      } else {
        problem(t.begin, t.end, "'(' is never closed");
      }
    } else if (t.kind == Token::Word) {
      ++pos_;
      simple(t);
    } else {
      return;  // ')': the caller reports it
    }
    if (pos_ < tokens_.size() && tokens_[pos_].kind == Token::With) {
      const Token& with = tokens_[pos_++];
      if (pos_ >= tokens_.size() || tokens_[pos_].kind != Token::Word) {
        problem(with.begin, with.end, "WITH is not followed by a license exception");
        return;
      }
      const Token& e = tokens_[pos_++];
      if (find_exception(e.text) == nullptr)
        problem(e.begin, e.end,
                fmt::format("'{}' is not a license exception of the SPDX License List {}", e.text, list_version()));
    }
  }

  void simple(const Token& t) {
    std::string_view id = t.text;
    if (id.size() > 1 && id.back() == '+') id.remove_suffix(1);
    // Fedora's LicenseRef-Callaway-LGPLv2+ keeps the old name's '+'.
    if (is_license_ref(id) || is_license_ref(t.text)) return;
    if (find_license(id) != nullptr) return;
    if (options_.allow_suse_ids && starts_with_i(id, "SUSE-") && id.size() > 5) return;
    if (find_exception(id) != nullptr) {
      problem(t.begin, t.end, fmt::format("'{}' is a license exception; it follows WITH", t.text));
      return;
    }
    std::string message = fmt::format("'{}' is not a license id of the SPDX License List {}", t.text, list_version());
    if (const auto spdx = legacy_name(t.text); !spdx.empty()) message += fmt::format("; SPDX calls it '{}'", spdx);
    problem(t.begin, t.end, std::move(message));
  }

  std::string_view text_;
  ExpressionOptions options_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  bool reported_missing_operator_ = false;
  static constexpr int kMaxDepth = 64;
  int depth_ = 0;
  bool aborted_ = false;  // gave up on a hostile value: report nothing more
  std::vector<Problem> problems_;
};

}  // namespace

std::string_view list_version() { return license_list().version; }
const std::vector<Entry>& licenses() { return license_list().entries; }
const std::vector<Entry>& exceptions() { return exception_list().entries; }
const Entry* find_license(std::string_view id) { return find(license_list(), id); }
const Entry* find_exception(std::string_view id) { return find(exception_list(), id); }

std::vector<Problem> check_expression(std::string_view text, const ExpressionOptions& options) {
  return Checker(text, options).run();
}

}  // namespace katalint::rules::spdx
