// rpm 4.18's expression language (rpmio/expression.c): a recursive descent parser over
// integers (C int, wrapping), strings and versions, evaluated while it parses. Operands of
// a short-circuited branch are read in "discard" mode: their macros are not expanded.
#include "frontend/rpmspec/expression.hpp"

#include <fmt/core.h>

#include <cstdint>
#include <limits>
#include <utility>

#include "frontend/rpmspec/macro_internal.hpp"

namespace katalint::rpmspec {
namespace {

using detail::is_alnum;
using detail::is_alpha;
using detail::is_digit;
using detail::kNpos;

// rpm's rpmvercmp(): alternating numeric and alphabetic segments; '~' sorts before
// everything, '^' after the end of a version but before anything else.
int rpmvercmp(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  const std::size_t na = a.size();
  const std::size_t nb = b.size();
  std::size_t i = 0;
  std::size_t j = 0;
  auto sep = [](char c) { return !is_alnum(c) && c != '~' && c != '^'; };
  while (i < na || j < nb) {
    while (i < na && sep(a[i])) ++i;
    while (j < nb && sep(b[j])) ++j;
    const char ca = i < na ? a[i] : '\0';
    const char cb = j < nb ? b[j] : '\0';
    if (ca == '~' || cb == '~') {
      if (ca != '~') return 1;
      if (cb != '~') return -1;
      ++i;
      ++j;
      continue;
    }
    if (ca == '^' || cb == '^') {
      if (i >= na) return -1;
      if (j >= nb) return 1;
      if (ca != '^') return 1;
      if (cb != '^') return -1;
      ++i;
      ++j;
      continue;
    }
    if (!(i < na && j < nb)) break;
    const std::size_t si = i;
    const std::size_t sj = j;
    const bool numeric = is_digit(a[i]);
    if (numeric) {
      while (i < na && is_digit(a[i])) ++i;
      while (j < nb && is_digit(b[j])) ++j;
    } else {
      while (i < na && is_alpha(a[i])) ++i;
      while (j < nb && is_alpha(b[j])) ++j;
    }
    if (si == i) return -1;  // cannot happen: a segment starts here
    if (sj == j) return numeric ? 1 : -1;  // numeric segments are newer than alphabetic ones
    std::string_view sa = a.substr(si, i - si);
    std::string_view sb = b.substr(sj, j - sj);
    if (numeric) {
      while (!sa.empty() && sa.front() == '0') sa.remove_prefix(1);
      while (!sb.empty() && sb.front() == '0') sb.remove_prefix(1);
      if (sa.size() != sb.size()) return sa.size() > sb.size() ? 1 : -1;
    }
    const int rc = sa.compare(sb);
    if (rc) return rc < 0 ? -1 : 1;
  }
  if (i >= na && j >= nb) return 0;
  return i >= na ? -1 : 1;
}

struct Evr {
  std::optional<std::string_view> epoch;
  std::string_view version;
  std::optional<std::string_view> release;
};

// rpm's parseEVR(): [epoch:]version[-release], the release after the last '-'.
Evr parse_evr(std::string_view evr) {
  Evr r;
  std::size_t s = 0;
  while (s < evr.size() && is_digit(evr[s])) ++s;
  const std::size_t dash = evr.rfind('-');
  std::size_t vbegin = 0;
  if (s < evr.size() && evr[s] == ':') {
    r.epoch = s == 0 ? std::string_view("0") : evr.substr(0, s);
    vbegin = s + 1;
  }
  std::size_t vend = evr.size();
  if (dash != std::string_view::npos && dash >= vbegin) {
    r.release = evr.substr(dash + 1);
    vend = dash;
  }
  r.version = evr.substr(vbegin, vend - vbegin);
  return r;
}

int compare_optional(std::optional<std::string_view> a, std::optional<std::string_view> b) {
  if (!a && !b) return 0;
  if (a && !b) return 1;
  if (!a && b) return -1;
  return rpmvercmp(*a, *b);
}

// rpm's rpmverCmp(): a missing epoch is 0, a missing release sorts first.
int compare_evr(std::string_view a, std::string_view b) {
  const Evr x = parse_evr(a);
  const Evr y = parse_evr(b);
  int rc = rpmvercmp(x.epoch.value_or("0"), y.epoch.value_or("0"));
  if (!rc) rc = rpmvercmp(x.version, y.version);
  if (!rc) rc = compare_optional(x.release, y.release);
  return rc;
}

// rpm's rpmverEVR(): how a version value prints.
std::string format_evr(std::string_view text) {
  const Evr e = parse_evr(text);
  std::string out;
  if (e.epoch) {
    out += *e.epoch;
    out += ':';
  }
  out += e.version;
  if (e.release) {
    out += '-';
    out += *e.release;
  }
  return out;
}

using Type = ExprValue::Type;

struct Value {
  Type type = Type::Integer;
  std::int32_t i = 0;
  std::string s;  // string, or a version as [E:]V[-R]
  bool opaque = false;
};

bool boolify(const Value& v) {
  if (v.type == Type::Integer) return v.i != 0;
  if (v.type == Type::String) return !v.s.empty();
  return false;  // rpm: versions are never true
}

// C int arithmetic as rpm's compiler does it: two's complement wrap-around.
std::int32_t wrap(std::int64_t v) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(v)); }

// atoi() of glibc: strtol() saturating at the long range, then truncated to int.
std::int32_t c_atoi(std::string_view s) {
  std::size_t p = 0;
  while (p < s.size() && detail::is_space(s[p])) ++p;
  bool neg = false;
  if (p < s.size() && (s[p] == '-' || s[p] == '+')) neg = s[p++] == '-';
  std::int64_t v = 0;
  bool saturated = false;
  for (; p < s.size() && is_digit(s[p]); ++p) {
    const int d = s[p] - '0';
    if (v > (std::numeric_limits<std::int64_t>::max() - d) / 10) {
      saturated = true;
      break;
    }
    v = v * 10 + d;
  }
  if (saturated) return neg ? wrap(std::numeric_limits<std::int64_t>::min()) : wrap(std::numeric_limits<std::int64_t>::max());
  return wrap(neg ? -v : v);
}

bool wellformed_integer(std::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// Nesting across nested evaluations (an expression whose macros hold expressions...), so
// that deep input cannot exhaust the stack.
thread_local int g_nesting = 0;
constexpr int kMaxNesting = 256;

class Parser {
 public:
  Parser(std::string_view expr, detail::ExprMacroExpander* expander, std::string& error)
      : s_(expr), ex_(expander), error_(error) {}

  std::optional<Value> run() {
    if (!next()) return std::nullopt;
    auto v = ternary();
    if (!v) return std::nullopt;
    if (tok_ != Tok::Eof) return err("syntax error in expression");
    return v;
  }

 private:
  enum class Tok {
    Eof, Integer, String, Add, Minus, Multiply, Divide, Open, Close,
    Eq, Neq, Lt, Le, Gt, Ge, Not, And, Or, Cond, Alt, Comma, Function
  };

  struct Nest {
    explicit Nest(bool& ok) {
      ok = ++g_nesting <= kMaxNesting;
    }
    ~Nest() { --g_nesting; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
  };

  std::nullopt_t err(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return std::nullopt;
  }

  bool token_error(std::string message) {
    err(std::move(message));
    return false;
  }

  // The text of a token, expanded unless in a discarded branch (where it is empty).
  std::optional<std::string> value_text(std::size_t p, std::size_t size) {
    if (discard_) return std::string();
    std::string text(s_.substr(p, size));
    if (size && ex_) {
      auto expanded = ex_->expand_token(text);
      if (!expanded) {
        if (error_.empty()) error_ = "macro expansion failed";
        return std::nullopt;
      }
      return expanded;
    }
    return text;
  }

  // `q` is just after a '%'; the index after that macro call.
  std::size_t skip_macro(std::size_t q) const {
    if (q < s_.size() && s_[q] == '%') return q + 1;  // %%
    const std::size_t e = detail::find_macro_end(s_, q);
    return e == kNpos ? s_.size() : e;
  }

  // The index after the opaque segment at `q`, or kNpos.
  std::size_t skip_opaque(std::size_t q) const { return detail::opaque_end(s_, q); }

  bool next() {
    const std::size_t n = s_.size();
    const bool expand = ex_ != nullptr;
    std::size_t p = p_;
    while (p < n && detail::is_space(s_[p])) ++p;
    if (p >= n) {
      tok_ = Tok::Eof;
      p_ = n;
      return true;
    }
    const char c = s_[p];
    const char c1 = p + 1 < n ? s_[p + 1] : '\0';
    Tok t = Tok::Eof;
    switch (c) {
      case '+': t = Tok::Add; break;
      case '-': t = Tok::Minus; break;
      case '*': t = Tok::Multiply; break;
      case '/': t = Tok::Divide; break;
      case '(': t = Tok::Open; break;
      case ')': t = Tok::Close; break;
      case '=':
        if (c1 != '=') return token_error(("syntax error while parsing =="));
        t = Tok::Eq;
        ++p;
        break;
      case '!':
        if (c1 == '=') {
          t = Tok::Neq;
          ++p;
        } else {
          t = Tok::Not;
        }
        break;
      case '<':
        if (c1 == '=') {
          t = Tok::Le;
          ++p;
        } else {
          t = Tok::Lt;
        }
        break;
      case '>':
        if (c1 == '=') {
          t = Tok::Ge;
          ++p;
        } else {
          t = Tok::Gt;
        }
        break;
      case '&':
        if (c1 != '&') return token_error(("syntax error while parsing &&"));
        t = Tok::And;
        ++p;
        break;
      case '|':
        if (c1 != '|') return token_error(("syntax error while parsing ||"));
        t = Tok::Or;
        ++p;
        break;
      case '?': t = Tok::Cond; break;
      case ':': t = Tok::Alt; break;
      case ',': t = Tok::Comma; break;
      default:
        if (is_digit(c) || (c == '%' && expand) ||
            (c == kOpaqueBegin && skip_opaque(p) != kNpos)) {
          std::size_t ts = 0;
          for (; p + ts < n; ++ts) {
            const char d = s_[p + ts];
            if (d == '%' && expand) {
              ts = skip_macro(p + ts + 1) - p - 1;
            } else if (d == kOpaqueBegin && skip_opaque(p + ts) != kNpos) {
              ts = skip_opaque(p + ts) - p - 1;
            } else if (!is_digit(d)) {
              break;
            }
          }
          auto text = value_text(p, ts);
          if (!text) return false;
          const bool opaque = contains_opaque(*text);
          if (expand && !opaque && !wellformed_integer(*text)) {
            const char* what = !text->empty() && is_alpha(text->front())
                                   ? "macro expansion returned a bare word, please use \"...\""
                                   : "macro expansion did not return an integer";
            return token_error((fmt::format("{} (expanded string: {})", what, *text)));
          }
          value_ = Value{Type::Integer, opaque ? 0 : c_atoi(*text), {}, opaque};
          t = Tok::Integer;
          p += ts - 1;
        } else if (c == '"' || (c == 'v' && c1 == '"')) {
          const bool version = c == 'v';
          p += version ? 2 : 1;
          std::size_t ts = 0;
          for (; p + ts < n; ++ts) {
            const char d = s_[p + ts];
            if (d == '%' && expand) {
              ts = skip_macro(p + ts + 1) - p - 1;
            } else if (d == kOpaqueBegin && skip_opaque(p + ts) != kNpos) {
              ts = skip_opaque(p + ts) - p - 1;
            } else if (d == '"') {
              break;
            }
          }
          if (p + ts >= n || s_[p + ts] != '"') return token_error(("unterminated string in expression"));
          auto text = value_text(p, ts);
          if (!text) return false;
          p += ts;
          const bool opaque = contains_opaque(*text);
          if (!version) {
            value_ = Value{Type::String, 0, std::move(*text), opaque};
          } else {
            if (discard_) *text = "0";
            if (!opaque && text->empty()) return token_error(("invalid version"));
            value_ = Value{Type::Version, 0, opaque ? std::string() : format_evr(*text), opaque};
          }
          t = Tok::String;
        } else if (is_alpha(c)) {
          std::size_t q = p + 1;
          while (q < n && (is_alnum(s_[q]) || s_[q] == '_' || s_[q] == '.' || s_[q] == ':')) ++q;
          if (q < n && s_[q] == '(') {  // name(args): rpm only knows lua:name(...)
            value_ = Value{Type::String, 0, std::string(s_.substr(p, q - p)), false};
            t = Tok::Function;
            p = q;
          } else {
            return token_error(("bare words are no longer supported, please use \"...\""));
          }
        } else {
          return token_error(("parse error in expression"));
        }
        break;
    }
    tok_ = t;
    p_ = p + 1;
    return true;
  }

  std::optional<Value> function() {
    const std::string name = value_.s;
    if (!next()) return std::nullopt;
    bool bad_arg = false;
    while (tok_ != Tok::Close) {
      auto v = ternary();
      if (!v) return std::nullopt;
      if (v->type == Type::Version) bad_arg = true;
      if (tok_ == Tok::Close) break;
      if (tok_ != Tok::Comma) return err("syntax error in expression");
      if (!next()) return std::nullopt;
      if (tok_ == Tok::Close) return err("syntax error in expression");
    }
    if (!next()) return std::nullopt;
    if (name.substr(0, 4) != "lua:") return err("unsupported function");
    if (discard_) return Value{Type::String, 0, {}, false};
    if (bad_arg) return err("unsupported function argument type");
    return Value{Type::String, 0, {}, true};  // Lua is never run
  }

  std::optional<Value> primary() {
    bool ok = false;
    Nest nest(ok);
    if (!ok) return err("expression is nested too deeply");
    std::optional<Value> v;
    switch (tok_) {
      case Tok::Function:
        return function();
      case Tok::Open:
        if (!next()) return std::nullopt;
        v = ternary();
        if (!v) return std::nullopt;
        if (tok_ != Tok::Close) return err("unmatched (");
        if (!next()) return std::nullopt;
        return v;
      case Tok::Integer:
      case Tok::String:
        v = std::move(value_);
        if (!next()) return std::nullopt;
        return v;
      case Tok::Minus:
        if (!next()) return std::nullopt;
        v = primary();
        if (!v) return std::nullopt;
        if (v->type != Type::Integer) return err("- only on numbers");
        v->i = wrap(-static_cast<std::int64_t>(v->i));
        return v;
      case Tok::Not: {
        if (!next()) return std::nullopt;
        v = primary();
        if (!v) return std::nullopt;
        const bool opaque = v->opaque;
        return Value{Type::Integer, boolify(*v) ? 0 : 1, {}, opaque};
      }
      case Tok::Eof:
        return err("unexpected end of expression");
      default:
        return err("syntax error in expression");
    }
  }

  std::optional<Value> multiply_divide() {
    auto v1 = primary();
    if (!v1) return std::nullopt;
    while (tok_ == Tok::Multiply || tok_ == Tok::Divide) {
      const Tok op = tok_;
      if (!next()) return std::nullopt;
      auto v2 = primary();
      if (!v2) return std::nullopt;
      if (v1->type != v2->type) return err("types must match");
      if (v1->type == Type::Integer) {
        if (discard_) continue;  // rpm keeps v1
        if (v2->opaque || v1->opaque) {
          *v1 = Value{Type::Integer, 0, {}, true};
          continue;
        }
        if (v2->i == 0 && op == Tok::Divide) return err("division by zero");
        if (op == Tok::Multiply) {
          v1->i = wrap(static_cast<std::int64_t>(v1->i) * v2->i);
        } else {
          // INT_MIN / -1 traps in C; rpm would crash, katalint wraps.
          v1->i = v2->i == -1 ? wrap(-static_cast<std::int64_t>(v1->i)) : v1->i / v2->i;
        }
      } else if (v1->type == Type::Version) {
        return err("* and / not supported for versions");
      } else {
        return err("* and / not supported for strings");
      }
    }
    return v1;
  }

  std::optional<Value> add_subtract() {
    auto v1 = multiply_divide();
    if (!v1) return std::nullopt;
    while (tok_ == Tok::Add || tok_ == Tok::Minus) {
      const Tok op = tok_;
      if (!next()) return std::nullopt;
      auto v2 = multiply_divide();
      if (!v2) return std::nullopt;
      if (v1->type != v2->type) return err("types must match");
      const bool opaque = v1->opaque || v2->opaque;
      if (v1->type == Type::Integer) {
        v1->i = op == Tok::Add ? wrap(static_cast<std::int64_t>(v1->i) + v2->i)
                               : wrap(static_cast<std::int64_t>(v1->i) - v2->i);
      } else if (v1->type == Type::Version) {
        return err("+ and - not supported for versions");
      } else {
        if (op == Tok::Minus) return err("- not supported for strings");
        v1->s += v2->s;
      }
      v1->opaque = opaque;
    }
    return v1;
  }

  std::optional<Value> relational() {
    auto v1 = add_subtract();
    if (!v1) return std::nullopt;
    while (tok_ == Tok::Eq || tok_ == Tok::Neq || tok_ == Tok::Lt || tok_ == Tok::Le ||
           tok_ == Tok::Gt || tok_ == Tok::Ge) {
      const Tok op = tok_;
      if (!next()) return std::nullopt;
      auto v2 = add_subtract();
      if (!v2) return std::nullopt;
      if (v1->type != v2->type) return err("types must match");
      int cmp = 0;
      if (v1->type == Type::Integer)
        cmp = wrap(static_cast<std::int64_t>(v1->i) - v2->i);  // rpm subtracts, overflow included
      else if (v1->type == Type::Version)
        cmp = compare_evr(v1->s, v2->s);
      else
        cmp = v1->s.compare(v2->s);
      bool r = false;
      switch (op) {
        case Tok::Eq: r = cmp == 0; break;
        case Tok::Neq: r = cmp != 0; break;
        case Tok::Lt: r = cmp < 0; break;
        case Tok::Le: r = cmp <= 0; break;
        case Tok::Gt: r = cmp > 0; break;
        default: r = cmp >= 0; break;
      }
      const bool opaque = v1->opaque || v2->opaque;
      *v1 = Value{Type::Integer, r ? 1 : 0, {}, opaque};
    }
    return v1;
  }

  std::optional<Value> logical() {
    auto v1 = relational();
    if (!v1) return std::nullopt;
    const bool saved = discard_;
    while (tok_ == Tok::And || tok_ == Tok::Or) {
      const Tok op = tok_;
      const bool b1 = boolify(*v1);
      const bool unknown = v1->opaque;
      if (!unknown && ((op == Tok::And && !b1) || (op == Tok::Or && b1))) discard_ = true;
      if (!next()) {
        discard_ = saved;
        return std::nullopt;
      }
      auto v2 = relational();
      if (!v2) {
        discard_ = saved;
        return std::nullopt;
      }
      if (v1->type != v2->type) {
        discard_ = saved;
        return err("types must match");
      }
      if (unknown) {
        *v1 = std::move(*v2);
        v1->opaque = true;
      } else if ((op == Tok::And && b1) || (op == Tok::Or && !b1)) {
        *v1 = std::move(*v2);
      }
      discard_ = saved;
    }
    return v1;
  }

  std::optional<Value> ternary() {
    bool ok = false;
    Nest nest(ok);
    if (!ok) return err("expression is nested too deeply");
    auto v1 = logical();
    if (!v1) return std::nullopt;
    if (tok_ != Tok::Cond) return v1;
    const bool cond = boolify(*v1);
    const bool unknown = v1->opaque;
    const bool saved = discard_;
    if (!unknown && !cond) discard_ = true;
    auto restore = [&] { discard_ = saved; };
    if (!next()) return restore(), std::nullopt;
    v1 = ternary();
    if (!v1) return restore(), std::nullopt;
    if (tok_ != Tok::Alt) return restore(), err("syntax error in expression");
    discard_ = saved;
    if (!unknown && cond) discard_ = true;
    if (!next()) return restore(), std::nullopt;
    auto v2 = ternary();
    restore();
    if (!v2) return std::nullopt;
    if (v1->type != v2->type) return err("types must match");
    if (unknown) {
      v1->opaque = true;
      return v1;
    }
    return cond ? v1 : v2;
  }

  std::string_view s_;
  detail::ExprMacroExpander* ex_;
  std::string& error_;
  std::size_t p_ = 0;
  Tok tok_ = Tok::Eof;
  Value value_;
  bool discard_ = false;
};

}  // namespace

bool ExprValue::truthy() const {
  if (opaque) return false;
  if (type == Type::Integer) return integer != 0;
  if (type == Type::String) return !text.empty();
  return false;
}

int compare_versions(std::string_view a, std::string_view b) { return compare_evr(a, b); }

namespace detail {

std::optional<ExprValue> evaluate(std::string_view expr, ExprMacroExpander* expander, std::string& error) {
  error.clear();
  Parser parser(expr, expander, error);
  auto v = parser.run();
  if (!v) {
    if (error.empty()) error = "syntax error in expression";
    return std::nullopt;
  }
  ExprValue out;
  out.type = v->type;
  out.integer = v->i;
  out.text = std::move(v->s);
  out.opaque = v->opaque;
  return out;
}

std::string to_output(const ExprValue& value) {
  if (value.type == ExprValue::Type::Integer) return std::to_string(value.integer);
  return value.text;
}

}  // namespace detail
}  // namespace katalint::rpmspec
