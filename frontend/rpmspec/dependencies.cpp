#include "frontend/rpmspec/dependencies.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <tuple>
#include <utility>

#include "frontend/rpmspec/macro_engine.hpp"

namespace katalint::rpmspec {
namespace {

constexpr std::string_view kRule = "invalid-dependency";

// rpm's risspace(): the C locale's whitespace.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool is_white(char c) { return is_space(c) || c == ','; }
bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool has_opaque(std::string_view s) {
  return s.find(kOpaqueBegin) != std::string_view::npos ||
         s.find(kOpaqueEnd) != std::string_view::npos;
}

// Rich dependency operators, in rpm's rpmrichOp order.
enum class RichOp { None, Single, And, Or, If, Unless, Else, With, Without };

std::optional<RichOp> rich_op(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, RichOp>, 7> kOps = {{
      {"and", RichOp::And},
      {"or", RichOp::Or},
      {"if", RichOp::If},
      {"unless", RichOp::Unless},
      {"else", RichOp::Else},
      {"with", RichOp::With},
      {"without", RichOp::Without},
  }};
  for (const auto& [name, op] : kOps)
    if (name == word) return op;
  return std::nullopt;
}

std::string_view rich_op_name(RichOp op) {
  switch (op) {
    case RichOp::And: return "and";
    case RichOp::Or: return "or";
    case RichOp::If: return "if";
    case RichOp::Unless: return "unless";
    case RichOp::Else: return "else";
    case RichOp::With: return "with";
    case RichOp::Without: return "without";
    case RichOp::None:
    case RichOp::Single: break;
  }
  return "";
}

// rpm's context checks on rich operators (rpmrichParseCheck).
constexpr int kCheck = 1 << 0;
constexpr int kNoWith = 1 << 1;
constexpr int kNoAnd = 1 << 2;
constexpr int kNoOr = 1 << 3;

// Deeper nesting is refused rather than risking the stack; rpm has no limit, no real spec
// comes near it.
constexpr int kMaxRichDepth = 200;

std::string illegal_char_text(char c) {
  // rpm prints the byte as a sign-extended int, so bytes >= 0x80 show as ffffffXX.
  int value = static_cast<signed char>(c);
  bool printable = c >= 0x20 && c < 0x7f;
  char buf[64];
  std::snprintf(buf, sizeof buf, "illegal char '%c' (0x%x)", printable ? c : '?',
                static_cast<unsigned>(value));
  return buf;
}

// rpmCharCheck(): every byte alphanumeric or in `allowed`, and no "..". Returns the message
// for the last illegal byte, as rpm reports it.
std::optional<std::string> char_check(std::string_view text, std::string_view allowed) {
  std::optional<std::string> err;
  for (char c : text)
    if (!is_alnum(c) && allowed.find(c) == std::string_view::npos) err = illegal_char_text(c);
  if (!err && text.find("..") != std::string_view::npos) err = "illegal sequence \"..\"";
  return err;
}

// checkDep(): the checks rpm makes on every simple dependency, also inside rich ones.
std::optional<std::string> check_dep(std::string_view name, std::optional<std::string_view> evr) {
  if (name.empty() || has_opaque(name) || (evr && has_opaque(*evr))) return std::nullopt;
  unsigned char first = static_cast<unsigned char>(name[0]);
  // Only ASCII is checked: rpm does not know the spec's encoding.
  if (first < 0x80 && !(is_alnum(name[0]) || name[0] == '_' || name[0] == '/'))
    return "dependency tokens must begin with alpha-numeric, '_' or '/': " + std::string(name);
  if (!evr) return std::nullopt;
  if (name[0] == '/') return "versioned file name not permitted: " + std::string(name);
  if (auto err = char_check(*evr, ".-_+:%{}~^")) return *err + " in version: " + std::string(*evr);
  for (char sep : {'-', ':'}) {
    auto at = evr->find(sep);
    if (at != std::string_view::npos && evr->find(sep, at + 1) != std::string_view::npos)
      return std::string("invalid version (double separator '") + sep + "'): " + std::string(*evr);
  }
  auto colon = evr->find(':');
  if (colon != std::string_view::npos &&
      !std::all_of(evr->begin(), evr->begin() + static_cast<std::ptrdiff_t>(colon), is_digit))
    return "invalid version (epoch must be unsigned integer): " + std::string(*evr);
  return std::nullopt;
}

struct RichError {
  std::string message;
};

// One value being parsed: rpm's SKIPWHITE/SKIPNONWHITE walks over a NUL-terminated string.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s.substr(0, s.find('\0'))) {}

  [[nodiscard]] std::string_view text() const { return s_; }
  [[nodiscard]] bool at_end(std::size_t p) const { return p >= s_.size(); }
  [[nodiscard]] char at(std::size_t p) const { return p < s_.size() ? s_[p] : '\0'; }

  void skip_white(std::size_t& p) const {
    while (p < s_.size() && is_white(s_[p])) ++p;
  }
  // An opaque value (the unknown output of %(...)) is one word, whatever it contains.
  void skip_opaque(std::size_t& p) const {
    auto end = s_.find(kOpaqueEnd, p);
    p = end == std::string_view::npos ? s_.size() : end + 1;
  }
  void skip_nonwhite(std::size_t& p) const {
    while (p < s_.size() && !is_white(s_[p])) {
      if (s_[p] == kOpaqueBegin)
        skip_opaque(p);
      else
        ++p;
    }
  }
  // SKIPNONWHITEX: like skip_nonwhite, but also stops at a ')' that closes nothing.
  void skip_nonwhite_x(std::size_t& p) const {
    int depth = 0;
    while (p < s_.size() && !is_white(s_[p])) {
      char c = s_[p];
      if (c == ')' && depth-- <= 0) break;
      if (c == kOpaqueBegin) {
        skip_opaque(p);
        continue;
      }
      if (c == '(') ++depth;
      ++p;
    }
  }

 private:
  std::string_view s_;
};

class RichParser {
 public:
  explicit RichParser(const Scanner& sc) : sc_(sc) {}

  // rpmrichParseInternal(): parses the group starting at the '(' at `p`.
  std::optional<RichError> parse(std::size_t& p, int& check_io, ir::RichDep& node,
                                 std::string& text, int depth) {
    if (depth > kMaxRichDepth) return RichError{"rich dependency nested too deeply"};
    const std::size_t start = p;
    const std::size_t text_start = text.size();
    text += '(';
    ++p;
    int check = check_io;
    RichOp op = RichOp::Single, firstop = RichOp::Single, chainop = RichOp::None;
    std::vector<ir::RichDep> operands;
    std::vector<RichOp> ops;
    for (;;) {
      sc_.skip_white(p);
      if (sc_.at(p) == ')')
        return RichError{chainop != RichOp::None ? "missing argument to rich dependency op"
                                                 : "empty rich dependency"};
      ir::RichDep operand;
      if (sc_.at(p) == '(') {
        int subcheck = check & kCheck;
        if (auto err = parse(p, subcheck, operand, text, depth + 1)) return err;
        if (op == RichOp::If || op == RichOp::Unless) subcheck &= ~(kNoAnd | kNoOr);
        check |= subcheck;
      } else if (auto err = parse_simple(p, operand, text)) {
        return err;
      }
      operands.push_back(std::move(operand));
      sc_.skip_white(p);
      if (sc_.at_end(p))
        return RichError{"unterminated rich dependency: " + std::string(sc_.text().substr(start))};
      if (sc_.at(p) == ')') break;
      std::size_t pe = p;
      while (pe < sc_.text().size() && !is_space(sc_.at(pe)) && sc_.at(pe) != ')') ++pe;
      auto word = sc_.text().substr(p, pe - p);
      auto parsed = rich_op(word);
      if (!parsed) return RichError{"unknown rich dependency op '" + std::string(word) + "'"};
      op = *parsed;
      if (firstop == RichOp::Single) firstop = op;
      if (op == RichOp::Else && (chainop == RichOp::If || chainop == RichOp::Unless))
        chainop = RichOp::None;
      if (chainop != RichOp::None && op != chainop) return RichError{"cannot chain different ops"};
      if (chainop != RichOp::None && op != RichOp::And && op != RichOp::Or && op != RichOp::With)
        return RichError{"can only chain and/or/with ops"};
      text += ' ';
      text += rich_op_name(op);
      text += ' ';
      ops.push_back(op);
      chainop = op;
      p = pe;
    }
    if (auto err = check_context(firstop, check)) return err;
    if (firstop == RichOp::If) check |= kNoOr;
    if (firstop == RichOp::Unless) check |= kNoAnd;
    if (op == RichOp::And || op == RichOp::Or) check &= ~(kNoAnd | kNoOr);
    if (op != RichOp::Single && op != RichOp::With && op != RichOp::Without && op != RichOp::Or)
      check |= kNoWith;
    ++p;  // the ')'
    text += ')';
    check_io |= check;
    node = make_node(std::move(operands), ops, text.substr(text_start));
    return std::nullopt;
  }

  // rpmrichParseCheck()
  static std::optional<RichError> check_context(RichOp op, int check) {
    if ((check & kNoWith) && (op == RichOp::With || op == RichOp::Without))
      return RichError{"illegal ops in with/without"};
    if (!(check & kCheck)) return std::nullopt;
    if ((check & kNoAnd) && (op == RichOp::And || op == RichOp::If))
      return RichError{"illegal context for 'unless', please use 'or' instead"};
    if ((check & kNoOr) && (op == RichOp::Or || op == RichOp::Unless))
      return RichError{"illegal context for 'if', please use 'and' instead"};
    return std::nullopt;
  }

 private:
  // parseSimpleDep(): `name [op evr]` inside a rich dependency.
  std::optional<RichError> parse_simple(std::size_t& p, ir::RichDep& leaf, std::string& text) {
    const std::size_t n = p;
    sc_.skip_nonwhite_x(p);
    if (p == n) return RichError{"name required"};
    auto name = sc_.text().substr(n, p - n);
    sc_.skip_white(p);
    std::uint32_t sense_bits = 0;
    std::optional<std::string_view> evr;
    if (!sc_.at_end(p)) {
      std::size_t pe = p;
      sc_.skip_nonwhite_x(pe);
      sense_bits = sense_of_operator(sc_.text().substr(p, pe - p));
      if (sense_bits) {
        p = pe;
        sc_.skip_white(p);
        std::size_t e = p;
        sc_.skip_nonwhite_x(p);
        evr = sc_.text().substr(e, p - e);
      }
    }
    if (evr && evr->empty()) return RichError{"version required: " + std::string(name)};
    leaf.op = ir::RichDep::Op::Leaf;
    leaf.text = std::string(name);
    if (evr) leaf.text += " " + canonical_operator(sense_bits) + " " + std::string(*evr);
    text += leaf.text;
    if (auto err = check_dep(name, evr)) return RichError{*err};
    return std::nullopt;
  }

  static ir::RichDep make_node(std::vector<ir::RichDep> operands, const std::vector<RichOp>& ops,
                               std::string text) {
    using Op = ir::RichDep::Op;
    if (ops.empty()) return std::move(operands.front());  // "(a)" is just a
    ir::RichDep node;
    node.text = std::move(text);
    if (ops.size() == 2 && ops[1] == RichOp::Else) {
      node.op = ops[0] == RichOp::If ? Op::IfElse : Op::UnlessElse;
    } else {
      switch (ops[0]) {
        case RichOp::And: node.op = Op::And; break;
        case RichOp::Or: node.op = Op::Or; break;
        case RichOp::If: node.op = Op::If; break;
        case RichOp::Unless: node.op = Op::Unless; break;
        case RichOp::With: node.op = Op::With; break;
        case RichOp::Without: node.op = Op::Without; break;
        default:
          // rpm accepts a bare "(a else b)"; it has no meaning, so it stays one opaque leaf.
          node.op = Op::Leaf;
          return node;
      }
    }
    node.operands = std::move(operands);
    return node;
  }

  const Scanner& sc_;
};

bool allows_rich(ir::DepKind kind) {
  switch (kind) {
    case ir::DepKind::Provides:
    case ir::DepKind::Obsoletes:
    case ir::DepKind::OrderWithRequires: return false;
    default: return true;
  }
}

// Tags whose rich dependencies are "negative" (rpmrichParseForTag checks them like `or`).
bool negative_rich(ir::DepKind kind) {
  return kind == ir::DepKind::Conflicts || kind == ir::DepKind::BuildConflicts ||
         kind == ir::DepKind::Supplements || kind == ir::DepKind::Enhances;
}

bool allows_qualifiers(ir::DepKind kind) {
  return kind == ir::DepKind::Requires || kind == ir::DepKind::OrderWithRequires;
}

bool lands_in_requires(ir::DepKind kind) {
  return kind == ir::DepKind::Requires || kind == ir::DepKind::BuildRequires;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::uint32_t sense_of_operator(std::string_view op) {
  if (op == "<=" || op == "=<") return sense::kLess | sense::kEqual;
  if (op == "<") return sense::kLess;
  if (op == "==" || op == "=") return sense::kEqual;
  if (op == ">=" || op == "=>") return sense::kGreater | sense::kEqual;
  if (op == ">") return sense::kGreater;
  return 0;
}

std::string canonical_operator(std::uint32_t sense_bits) {
  std::string op;
  if (sense_bits & sense::kLess) op += '<';
  if (sense_bits & sense::kGreater) op += '>';
  if (sense_bits & sense::kEqual) op += '=';
  return op;
}

std::optional<std::uint32_t> qualifier_flags(std::span<const std::string> qualifiers) {
  static constexpr std::array<std::pair<std::string_view, std::uint32_t>, 10> kWords = {{
      {"interp", sense::kInterp},
      {"preun", sense::kScriptPreun},
      {"pre", sense::kScriptPre},
      {"postun", sense::kScriptPostun},
      {"post", sense::kScriptPost},
      {"rpmlib", sense::kRpmlib},
      {"verify", sense::kScriptVerify},
      {"pretrans", sense::kPretrans},
      {"posttrans", sense::kPosttrans},
      {"meta", sense::kMeta},
  }};
  // `Requires():` is plain Requires; any other empty word is an error, as in rpm.
  if (qualifiers.size() == 1 && qualifiers[0].empty()) return 0u;
  std::uint32_t bits = 0;
  for (const auto& q : qualifiers) {
    auto it = std::find_if(kWords.begin(), kWords.end(), [&](const auto& w) { return w.first == q; });
    if (it == kWords.end()) return std::nullopt;
    bits |= it->second;
  }
  return bits;
}

std::vector<ir::Dependency> parse_dependencies(std::string_view value, ir::DepKind kind,
                                               std::vector<std::string> qualifiers,
                                               ir::Range range, ir::DiagnosticSink& sink) {
  std::vector<ir::Dependency> out;
  auto fail = [&](std::string message) {
    sink.report(std::string(kRule), ir::Severity::Error, range, std::move(message));
    return out;
  };

  if (!qualifiers.empty() && !(qualifiers.size() == 1 && qualifiers[0].empty())) {
    if (!allows_qualifiers(kind))
      return fail("qualifiers are not allowed on " + std::string(ir::to_string(kind)));
    if (!qualifier_flags(qualifiers)) {
      std::string joined;
      for (const auto& q : qualifiers) joined += (joined.empty() ? "" : ",") + q;
      return fail("bad " + std::string(ir::to_string(kind)) + " qualifiers: " + joined);
    }
  } else {
    qualifiers.clear();
  }

  const Scanner sc(value);
  const std::string_view s = sc.text();
  std::size_t r = 0;
  for (;;) {
    sc.skip_white(r);
    if (sc.at_end(r)) break;
    if (out.size() >= kMaxDependenciesPerField) {
      sink.report("too-many-dependencies", ir::Severity::Warning, range,
                  fmt::format("more than {} dependencies in one field; the rest are not read", kMaxDependenciesPerField));
      break;
    }

    ir::Dependency dep;
    dep.range = range;
    dep.kind = kind;
    dep.qualifiers = qualifiers;

    if (s[r] == '(') {
      if (!allows_rich(kind))
        return fail("no rich dependencies allowed for " + std::string(ir::to_string(kind)));
      RichParser parser(sc);
      int check = kCheck;
      ir::RichDep node;
      std::string text;
      auto err = parser.parse(r, check, node, text, 0);
      if (!err)
        err = RichParser::check_context(negative_rich(kind) ? RichOp::Or : RichOp::And, check);
      if (err) return fail(std::move(err->message));
      dep.name = std::move(text);
      dep.rich = std::move(node);
      out.push_back(std::move(dep));
      continue;
    }

    std::size_t re = r;
    sc.skip_nonwhite(re);
    std::string_view name = s.substr(r, re - r);
    std::size_t v = re;
    sc.skip_white(v);
    std::size_t ve = v;
    sc.skip_nonwhite(ve);
    re = v;  // the next item starts here unless a version follows
    std::optional<std::string_view> evr;
    if (ve > v) {
      if (std::uint32_t bits = sense_of_operator(s.substr(v, ve - v))) {
        dep.op = canonical_operator(bits);
        v = ve;
        sc.skip_white(v);
        ve = v;
        sc.skip_nonwhite(ve);
        if (ve == v) return fail("version required: " + std::string(name) + " " + dep.op);
        evr = s.substr(v, ve - v);
        re = ve;
      }
    }
    if (auto err = check_dep(name, evr)) return fail(std::move(*err));
    if (kind == ir::DepKind::Obsoletes && !has_opaque(name)) {
      if (auto err = char_check(name, ".-_+%{}"))
        return fail("only package names are allowed in Obsoletes: " + *err + " in " +
                    std::string(name));
    }
    if (starts_with(name, "rpmlib(") && kind == ir::DepKind::Provides)
      return fail("rpmlib() dependencies are not allowed in Provides: " + std::string(name));
    dep.name = std::string(name);
    if (evr) dep.evr = std::string(*evr);
    out.push_back(std::move(dep));
    r = re;
  }
  return out;
}

std::string render_dependency(const ir::Dependency& dep) {
  if (dep.rich || dep.op.empty()) return dep.name;
  std::uint32_t bits = sense_of_operator(dep.op);
  std::string op = bits ? canonical_operator(bits) : dep.op;
  return dep.name + " " + op + " " + dep.evr;
}

std::uint32_t dependency_flags(const ir::Dependency& dep) {
  std::uint32_t bits = dep.rich ? 0u : sense_of_operator(dep.op);
  if (lands_in_requires(dep.kind) || dep.kind == ir::DepKind::OrderWithRequires) {
    // Unknown words were reported by parse_dependencies; they add nothing here.
    if (auto q = qualifier_flags(dep.qualifiers)) bits |= *q;
  }
  // rpm marks every rpmlib() name; only Provides and Obsoletes drop the bit again.
  if (dep.kind != ir::DepKind::Provides && dep.kind != ir::DepKind::Obsoletes &&
      starts_with(dep.name, "rpmlib("))
    bits |= sense::kRpmlib;
  return bits;
}

std::string deptype(std::uint32_t flags) {
  static constexpr std::array<std::pair<std::uint32_t, std::string_view>, 14> kWords = {{
      {sense::kScriptPre, "pre"},
      {sense::kScriptPost, "post"},
      {sense::kScriptPreun, "preun"},
      {sense::kScriptPostun, "postun"},
      {sense::kScriptVerify, "verify"},
      {sense::kInterp, "interp"},
      {sense::kRpmlib, "rpmlib"},
      {sense::kFindRequires | sense::kFindProvides, "auto"},
      {sense::kPrereq, "prereq"},
      {sense::kPretrans, "pretrans"},
      {sense::kPosttrans, "posttrans"},
      {sense::kConfig, "config"},
      {sense::kMissingOk, "missingok"},
      {sense::kMeta, "meta"},
  }};
  std::string out;
  for (const auto& [bit, word] : kWords) {
    if (!(flags & bit)) continue;
    if (!out.empty()) out += ',';
    out += word;
  }
  return out.empty() ? "manual" : out;
}

void sort_dependencies(std::vector<const ir::Dependency*>& deps) {
  struct Keyed {
    std::uint32_t flags;
    const ir::Dependency* dep;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(deps.size());
  for (const ir::Dependency* d : deps) keyed.push_back({dependency_flags(*d), d});
  static const std::string kNoEvr;
  auto key = [](const Keyed& k) {
    // A rich dependency is stored with its whole text as the name and no EVR.
    const std::string& evr = k.dep->rich ? kNoEvr : k.dep->evr;
    return std::tie(k.dep->name, evr, k.flags);
  };
  std::stable_sort(keyed.begin(), keyed.end(),
                   [&](const Keyed& a, const Keyed& b) { return key(a) < key(b); });
  keyed.erase(std::unique(keyed.begin(), keyed.end(),
                          [&](const Keyed& a, const Keyed& b) { return key(a) == key(b); }),
              keyed.end());
  deps.clear();
  for (const Keyed& k : keyed) deps.push_back(k.dep);
}

void sort_dependencies(std::vector<ir::Dependency>& deps) {
  std::vector<const ir::Dependency*> order;
  order.reserve(deps.size());
  for (const ir::Dependency& d : deps) order.push_back(&d);
  sort_dependencies(order);
  std::vector<ir::Dependency> sorted;
  sorted.reserve(order.size());
  for (const ir::Dependency* d : order) sorted.push_back(*d);
  deps = std::move(sorted);
}

}  // namespace katalint::rpmspec
