#include "frontend/package/compare.hpp"

#include <algorithm>
#include <vector>

#include "frontend/rpmspec/macro_engine.hpp"

namespace katalint::frontend {
namespace {

bool is_key_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9'); }

// Length of the @KEY@ token at s[i], or 0 (the same token syntax fill_placeholders reads).
std::size_t placeholder_at(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size() || s[i] != '@' || !is_key_start(s[i + 1])) return 0;
  std::size_t j = i + 1;
  while (j < s.size() && is_key_char(s[j])) ++j;
  return j < s.size() && s[j] == '@' ? j + 1 - i : 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A pattern piece: literal text, or a placeholder standing for one or more bytes.
struct Piece {
  bool wildcard;
  std::string_view text;
};

std::vector<Piece> pieces_of(std::string_view s) {
  std::vector<Piece> out;
  std::size_t lit = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = placeholder_at(s, i); n != 0) {
      if (i > lit) out.push_back({false, s.substr(lit, i - lit)});
      out.push_back({true, s.substr(i, n)});
      i += n;
      lit = i;
    } else {
      ++i;
    }
  }
  if (lit < s.size()) out.push_back({false, s.substr(lit)});
  return out;
}

// Longest text the matcher accepts; longer values are not versions or names.
constexpr std::size_t kMaxMatchLength = 1024;

// Whether some non-empty values of the pattern's placeholders turn it into `text`.
// Dynamic programming over (piece, offset), O(pieces x length).
std::optional<bool> can_match(std::string_view pattern, std::string_view text) {
  if (pattern.size() > kMaxMatchLength || text.size() > kMaxMatchLength) return std::nullopt;
  const auto pieces = pieces_of(pattern);
  const std::size_t n = text.size();
  std::vector<char> reach(n + 1, 0), next(n + 1, 0);
  reach[0] = 1;
  for (const Piece& p : pieces) {
    std::fill(next.begin(), next.end(), 0);
    if (p.wildcard) {
      // Any j > i is reachable from a reachable i.
      bool seen = false;
      for (std::size_t j = 0; j <= n; ++j) {
        if (seen) next[j] = 1;
        if (reach[j]) seen = true;
      }
    } else {
      for (std::size_t j = 0; j + p.text.size() <= n; ++j) {
        if (reach[j] && text.substr(j, p.text.size()) == p.text) next[j + p.text.size()] = 1;
      }
    }
    reach.swap(next);
  }
  return reach[n] != 0;
}

}  // namespace

bool has_placeholder(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (placeholder_at(s, i) != 0) return true;
  }
  return false;
}

std::optional<std::string> symbolic_value(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == rpmspec::kOpaqueEnd) return std::nullopt;  // unbalanced
    if (c != rpmspec::kOpaqueBegin) {
      out.push_back(c);
      continue;
    }
    const std::size_t close = value.find(rpmspec::kOpaqueEnd, i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view inner = value.substr(i + 1, close - i - 1);
    if (inner.empty() || placeholder_at(inner, 0) != inner.size()) return std::nullopt;
    out.append(inner);
    i = close;
  }
  return std::string(trim(out));
}

Agreement compare_symbolic(std::string_view a, std::string_view b) {
  if (a == b) return Agreement::Same;
  const bool ta = has_placeholder(a);
  const bool tb = has_placeholder(b);
  if (ta == tb) return Agreement::Different;
  const auto match = ta ? can_match(a, b) : can_match(b, a);
  if (!match) return Agreement::Unknown;
  return *match ? Agreement::Unknown : Agreement::Different;
}

DebianVersion split_debian_version(std::string_view v) {
  DebianVersion out;
  v = trim(v);
  if (const auto colon = v.find(':'); colon != std::string_view::npos) {
    out.epoch.assign(v.substr(0, colon));
    v.remove_prefix(colon + 1);
  }
  if (const auto dash = v.rfind('-'); dash != std::string_view::npos) {
    out.revision.assign(v.substr(dash + 1));
    v = v.substr(0, dash);
  }
  out.upstream.assign(v);
  return out;
}

}  // namespace katalint::frontend
