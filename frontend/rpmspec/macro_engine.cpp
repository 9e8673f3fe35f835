// rpm 4.18's macro expansion (rpmio/macro.c), without running shell or Lua code.
#include "frontend/rpmspec/macro_engine.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <utility>

#include "frontend/rpmspec/expression.hpp"
#include "frontend/rpmspec/macro_internal.hpp"
#include "frontend/rpmspec/scan.hpp"

namespace katalint::rpmspec {

bool contains_opaque(std::string_view text) { return text.find(kOpaqueBegin) != std::string_view::npos; }

std::string strip_opaque_markers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text)
    if (c != kOpaqueBegin && c != kOpaqueEnd) out.push_back(c);
  return out;
}

namespace detail {
namespace {

// Work units charged per macro call (see ExpansionLimits::max_work).
constexpr std::size_t kCallCost = 64;

std::string join(const std::vector<std::string>& v, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < v.size(); ++i) {
    if (i > from) out.push_back(' ');
    out += v[i];
  }
  return out;
}

// rpm's splitQuoted(): splits on blanks; kQuoteChar pairs protect blanks and keep empty
// arguments. Opaque segments stay inside one argument.
void split_quoted(std::vector<std::string>& args, std::string_view s) {
  std::string cur;
  bool quoted = false;
  bool have = false;  // a quoted (possibly empty) argument is pending
  auto flush = [&] {
    if (!cur.empty() || have) args.push_back(std::move(cur));
    cur.clear();
    have = false;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == kOpaqueBegin) {
      const std::size_t e = opaque_end(s, i);
      if (e != kNpos) {
        cur.append(s.substr(i, e - i));
        i = e - 1;
        continue;
      }
    }
    if (c == kQuoteChar) {
      quoted = !quoted;
      have = true;
      continue;
    }
    if (!quoted && is_blank(c)) {
      flush();
      continue;
    }
    cur.push_back(c);
  }
  flush();
}

// glibc getopt() as rgetopt() drives it: options may follow operands (argv is permuted),
// "--" ends the options. Returns the offending option character on error.
struct Options {
  std::vector<std::pair<char, std::optional<std::string>>> given;
  std::vector<std::string> operands;
  char bad = 0;
};

Options parse_options(const std::vector<std::string>& argv, std::string_view opts) {
  Options r;
  bool in_order = false;
  if (!opts.empty() && (opts.front() == '+' || opts.front() == '-')) {
    in_order = opts.front() == '+';
    opts.remove_prefix(1);
  }
  for (std::size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") {
      for (++i; i < argv.size(); ++i) r.operands.push_back(argv[i]);
      break;
    }
    if (a.size() < 2 || a[0] != '-') {
      if (in_order) {
        for (; i < argv.size(); ++i) r.operands.push_back(argv[i]);
        break;
      }
      r.operands.push_back(a);
      continue;
    }
    for (std::size_t j = 1; j < a.size(); ++j) {
      const char c = a[j];
      const std::size_t pos = opts.find(c);
      if (pos == std::string_view::npos || c == ':' || c == ';') {
        r.bad = c;
        return r;
      }
      if (pos + 1 < opts.size() && opts[pos + 1] == ':') {
        const bool optional = pos + 2 < opts.size() && opts[pos + 2] == ':';
        if (j + 1 < a.size()) {
          r.given.emplace_back(c, a.substr(j + 1));
        } else if (optional) {
          r.given.emplace_back(c, std::nullopt);
        } else if (i + 1 < argv.size()) {
          r.given.emplace_back(c, argv[++i]);
        } else {
          r.bad = c;
          return r;
        }
        break;
      }
      r.given.emplace_back(c, std::nullopt);
    }
  }
  return r;
}

// A short form of a macro call for messages.
std::string display(std::string_view text) {
  std::string s = strip_opaque_markers(text);
  const std::size_t nl = s.find('\n');
  if (nl != std::string::npos) s = s.substr(0, nl) + "...";
  if (s.size() > 80) s = s.substr(0, 77) + "...";
  return s;
}

}  // namespace

std::size_t opaque_end(std::string_view text, std::size_t i) {
  const std::size_t e = text.find(kOpaqueEnd, i + 1);
  return e == kNpos ? kNpos : e + 1;
}

std::size_t match_char(std::string_view text, std::size_t p, char pl, char pr, std::size_t* scanned) {
  const std::size_t start = p;
  const std::size_t n = text.size();
  int lvl = 0;
  while (p < n) {
    const char c = text[p++];
    if (c == '\\') {
      ++p;
      continue;
    }
    if (c == kOpaqueBegin) {
      const std::size_t e = opaque_end(text, p - 1);
      if (e != kNpos) {
        p = e;
        continue;
      }
    }
    if (c == pr) {
      if (--lvl <= 0) {
        if (scanned) *scanned += p - start;
        return p;
      }
    } else if (c == pl) {
      ++lvl;
    }
  }
  if (scanned) *scanned += n - start;
  return kNpos;
}

std::size_t find_macro_end(std::string_view text, std::size_t s, std::size_t* scanned) {
  const std::size_t n = text.size();
  if (s >= n) return s;
  switch (text[s]) {
    case '(': return match_char(text, s, '(', ')', scanned);
    case '{': return match_char(text, s, '{', '}', scanned);
    case '[': return match_char(text, s, '[', ']', scanned);
    default: break;
  }
  while (s < n && (text[s] == '?' || text[s] == '!')) ++s;
  if (s < n && text[s] == '-') ++s;  // %-f
  while (s < n && (is_alnum(text[s]) || text[s] == '_')) ++s;
  if (s + 1 < n && text[s] == '*' && text[s + 1] == '*') {
    s += 2;  // %**
  } else if (s < n && (text[s] == '*' || text[s] == '#')) {
    ++s;  // %* and %#
  }
  return s;
}

Expander::Expander(MacroEngine& engine, std::string_view top_text, ir::Range origin)
    : eng_(engine), top_(top_text), origin_(origin), level_(engine.level_) {
  maps_ = origin.valid() && origin.size() == top_text.size();
}

void Expander::run(std::string& out) {
  out.clear();
  expand_into(out, top_);
  // Quote marks left at the top level are invisible in rpm's output; drop them.
  if (out.find(kQuoteChar) != std::string::npos) std::erase(out, kQuoteChar);
}

std::optional<std::string> Expander::expand_token(std::string_view text) {
  std::string result;
  if (!expand_this(text, result)) return std::nullopt;
  return result;
}

ir::Range Expander::diag_range() const {
  if (maps_ && have_span_) {
    return {origin_.file, origin_.begin + static_cast<std::uint32_t>(span_begin_),
            origin_.begin + static_cast<std::uint32_t>(span_end_)};
  }
  return origin_;
}

void Expander::report(std::string_view rule, ir::Severity severity, std::string message) {
  if (eng_.sink_) eng_.sink_->report(std::string(rule), severity, diag_range(), std::move(message));
}

void Expander::fail(std::string_view rule, std::string message) {
  if (failed_) return;  // rpm stops at the first error
  report(rule, ir::Severity::Error, std::move(message));
  failed_ = true;
}

void Expander::raise_error(std::string message) {
  eng_.error_raised_ = true;
  fail("macro-error", std::move(message));
}

void Expander::note_opaque(std::string_view original) {
  if (opaque_reported_) return;
  opaque_reported_ = true;
  report("opaque-macro-value", ir::Severity::Info,
         fmt::format("the value of '{}' depends on shell or lua output, or on the build host, "
                     "which katalint does not compute",
                     display(original)));
}

bool Expander::charge(std::size_t units) {
  work_ += units;
  if (work_ <= eng_.limits_.max_work) return true;
  if (!limit_reported_) {
    limit_reported_ = true;
    fail("macro-expansion-too-large",
         "macro expansion needs too much work (likely exponential macro growth); expansion stopped");
  }
  failed_ = true;
  return false;
}

void Expander::append(std::string& out, std::string_view text) {
  if (text.empty() || !charge(text.size())) return;
  const std::size_t cap = eng_.limits_.max_output;
  if (out.size() + text.size() > cap) {
    out.append(text.substr(0, cap > out.size() ? cap - out.size() : 0));
    if (!limit_reported_) {
      limit_reported_ = true;
      fail("macro-expansion-too-large",
           fmt::format("macro expansion is larger than {} bytes; expansion stopped", cap));
    }
    failed_ = true;
    return;
  }
  out.append(text);
}

void Expander::append_opaque(std::string& out, std::string_view original, bool matters) {
  if (matters) note_opaque(original);
  std::string v;
  v.reserve(original.size() + 2);
  v.push_back(kOpaqueBegin);
  // The original text is only shown in messages; keeping it on one line keeps the unknown
  // value inside the line it stands in.
  for (char c : original)
    if (c != kOpaqueBegin && c != kOpaqueEnd) v.push_back(c == '\n' ? ' ' : c);
  v.push_back(kOpaqueEnd);
  append(out, v);
}

namespace {
// Names only a parametric call defines: %0, %1..., %#, %*, %**, %-f, %-f*.
bool is_argument_name(std::string_view name) {
  return !name.empty() && (is_digit(name[0]) || name[0] == '-' || name == "*" || name == "**" || name == "#");
}
}  // namespace

void Expander::ArgFrame::add(std::string_view name, std::string_view body, int level, ir::Range where) {
  if (size == args.size()) args.emplace_back();
  MacroDefinition& def = args[size++];
  def.name.assign(name);
  def.body.assign(body);
  def.level = level;
  def.where = where;
  def.flags = kMacroAuto | kMacroLiteral;
}

const MacroDefinition* Expander::ArgFrame::find(std::string_view name) const {
  for (std::size_t i = 0; i < size; ++i)
    if (args[i].name == name) return &args[i];
  return nullptr;
}

Expander::ArgFrame& Expander::push_frame() {
  if (frame_depth_ == frames_.size()) frames_.emplace_back();
  ArgFrame& frame = frames_[frame_depth_++];
  frame.size = 0;
  return frame;
}

const MacroDefinition* Expander::find_argument(std::string_view name) const {
  return frame_depth_ ? frames_[frame_depth_ - 1].find(name) : nullptr;
}

const MacroDefinition* Expander::find_top(std::string_view name) const {
  return is_argument_name(name) ? find_argument(name) : eng_.lookup(name);
}

bool Expander::expand_this(std::string_view src, std::string& result) {
  result.clear();
  return expand_into(result, src);
}

bool Expander::expand_into(std::string& out, std::string_view src) {
  if (failed_) return false;
  if (!charge(src.size())) return false;
  if (depth_ + 1 > eng_.limits_.max_depth) {
    fail("macro-recursion-limit",
         "too many levels of recursion in macro expansion (likely a recursive macro definition)");
    return false;
  }
  ++depth_;
  const bool top = depth_ == 1 && src.data() == top_.data();
  const std::size_t n = src.size();
  std::size_t i = 0;
  while (!failed_ && i < n) {
    const std::size_t j = find_either(src, '%', kOpaqueBegin, i);
    if (j == kNpos) {
      append(out, src.substr(i));
      break;
    }
    if (j > i) {
      append(out, src.substr(i, j - i));
      i = j;
      if (failed_) break;
    }
    if (src[i] == kOpaqueBegin) {
      const std::size_t e = opaque_end(src, i);
      const std::size_t stop = e == kNpos ? i + 1 : e;
      append(out, src.substr(i, stop - i));
      i = stop;
      continue;
    }
    ++i;  // past '%'
    if (i >= n) {
      append(out, "%");
      break;
    }
    if (src[i] == '%') {
      append(out, "%");
      ++i;
      continue;
    }
    i = expand_one(out, src, i, top);
  }
  --depth_;
  return !failed_;
}

// A copy of a definition for the length of one call, in a buffer the engine reuses.
class Pin {
 public:
  explicit Pin(MacroEngine& engine) : pool_(engine.pinned_) {}
  Pin(const Pin&) = delete;
  Pin& operator=(const Pin&) = delete;
  ~Pin() {
    if (held_) --pool_.used;
  }
  const MacroDefinition& copy(const MacroDefinition& def) {
    if (pool_.used == pool_.slots.size()) pool_.slots.push_back(std::make_unique<MacroDefinition>());
    MacroDefinition& slot = *pool_.slots[pool_.used++];
    held_ = true;
    slot.name.assign(def.name);
    slot.options = def.options;
    slot.body.assign(def.body);
    slot.level = def.level;
    slot.where = def.where;
    slot.flags = def.flags;
    return slot;
  }

 private:
  MacroEngine::DefinitionPool& pool_;
  bool held_ = false;
};

// One macro call; `s` is just after its '%'. Returns where scanning resumes.
std::size_t Expander::expand_one(std::string& out, std::string_view src, std::size_t s, bool top) {
  const std::size_t n = src.size();
  const std::size_t start = s - 1;
  std::size_t scanned = 0;
  std::size_t se = find_macro_end(src, s, &scanned);
  if (!charge(scanned)) return n;
  if (top) {
    have_span_ = true;
    span_begin_ = start;
    span_end_ = se == kNpos ? n : se;
  }
  if (se == kNpos) {
    fail("unbalanced-macro-brace",
         fmt::format("unterminated {}: {}", src[s], display(src.substr(s))));
    return n;
  }

  bool negate = false;
  int chkexist = 0;
  auto negate_and_check = [&](std::size_t p) {
    while (p < n && (src[p] == '?' || src[p] == '!')) {
      if (src[p] == '!')
        negate = !negate;
      else
        ++chkexist;
      ++p;
    }
    return p;
  };

  std::size_t f = 0;
  std::size_t fe = 0;
  std::size_t resume = s;  // where text is copied from when no macro is expanded
  std::size_t g = kNpos;
  std::size_t ge = kNpos;
  std::size_t lastc = kNpos;
  switch (src[s]) {
    case '(': {  // %(shell): never run; the command is still expanded, as rpm does first
      std::string cmd;
      if (expand_this(src.substr(s + 1, se - 1 - (s + 1)), cmd)) {
        if (auto result = contains_opaque(cmd) ? std::nullopt : evaluate_pure_shell(cmd, eng_.shell))
          append(out, *result);
        else
          append_opaque(out, src.substr(start, se - start), false);
      }
      return se;
    }
    case '[':  // %[expression]
      expression(out, src.substr(s + 1, se - 1 - (s + 1)), true, src.substr(start, se - start));
      return se;
    case '{': {
      f = negate_and_check(s + 1);
      fe = f;
      while (fe < n && src[fe] != ' ' && src[fe] != ':' && src[fe] != '}') ++fe;
      const char c = fe < n ? src[fe] : '\0';
      if (c == ':') {
        g = fe + 1;
        ge = se - 1;
      } else if (c == ' ') {
        lastc = se - 1;
      }
      break;
    }
    default:
      f = negate_and_check(s);
      resume = f;  // rpm drops the ? and ! of "%?x" / "%!x" here
      fe = se;
      if (fe < n && is_blank(src[fe])) {  // "%name args" runs to the end of the line
        lastc = src.find('\n', fe);
        if (lastc == kNpos) lastc = n;
      }
      break;
  }

  if (fe <= f) {  // a '%' that starts no macro is kept
    append(out, "%");
    return resume;
  }
  if (!charge(kCallCost)) return n;

  const std::string_view name = src.substr(f, fe - f);
  // The table may change while a body or its arguments expand (a body may redefine its own
  // macro), so a local definition is expanded from a copy. The shared base never changes,
  // and arguments are literal.
  Pin pin(eng_);
  bool local = false;
  const MacroDefinition* found = is_argument_name(name) ? find_argument(name) : eng_.lookup_for_use(name, local);
  if (found && local) found = &pin.copy(*found);

  // %{?name}, %{!?name}, %{?name:x}, %{-f}, %{-f*}, %{!-f:x}...
  if (src[f] == '-' || chkexist) {
    if ((found == nullptr && !negate) || (found != nullptr && negate)) return se;
    if (g != kNpos && g < ge) {
      expand_into(out, src.substr(g, ge - g));
    } else if (found) {
      do_macro(out, *found, nullptr, {}, nullptr, src.substr(start, se - start));
    }
    return se;
  }

  if (found == nullptr) {  // unknown macros are left as they are
    append(out, "%");
    return resume;
  }

  const MacroDefinition& me = *found;
  if (!me.options && !(me.flags & kMacroBuiltin)) {
    do_macro(out, me, nullptr, {}, nullptr, src.substr(start, se - start));
    return se;
  }
  if (!me.options && fe == se) lastc = kNpos;  // "%name" of a built-in without arguments

  std::vector<std::string> args;
  args.push_back(me.name);
  if ((me.flags & kMacroParse) && fe == se) {
    // Free-field built-ins (%define, %global, %dnl...) read the rest of the text.
    std::size_t fwd = 0;
    if (top) span_end_ = std::min(n, src.find('\n', se));
    do_macro(out, me, &args, src.substr(se), &fwd, src.substr(start, se - start));
    return std::min(n, se + fwd);
  }
  if (g != kNpos)
    se = grab_args(me, args, src, g, ge, false);
  else if (lastc != kNpos)
    se = grab_args(me, args, src, fe, lastc, true);
  if (failed_) return n;
  do_macro(out, me, &args, {}, nullptr, src.substr(start, se - start));
  return se;
}

std::size_t Expander::grab_args(const MacroDefinition& me, std::vector<std::string>& args,
                                std::string_view src, std::size_t begin, std::size_t lastc, bool split) {
  const std::string_view raw = src.substr(begin, lastc - begin);
  if (me.flags & kMacroParse) {
    args.emplace_back(raw);  // unsplit and unexpanded
  } else {
    std::string s;
    expand_this(raw, s);
    if (split)
      split_quoted(args, s);
    else
      args.push_back(std::move(s));
  }
  // A line's newline stays in the output, unless escaped by a backslash.
  if (lastc >= src.size() || (src[lastc] == '\n' && src[lastc - 1] != '\\')) return lastc;
  return lastc + 1;
}

void Expander::do_macro(std::string& out, const MacroDefinition& me,
                        const std::vector<std::string>* args, std::string_view rest,
                        std::size_t* parsed, std::string_view original) {
  if (failed_) return;
  if (me.flags & kMacroBuiltin) {
    const BuiltinInfo* b = find_builtin(me.name);
    if (!b) return;
    const int nargs = parsed ? 1 : (args && !args->empty() ? static_cast<int>(args->size()) - 1 : 0);
    const bool need = b->nargs != 0;
    const bool have = nargs > 0;
    if (b->nargs >= 0 && need != have) {
      fail("macro-builtin-arguments",
           fmt::format("%{}: {}", me.name, need ? "argument expected" : "unexpected argument"));
      return;
    }
    BuiltinCall call{*this, out, me, args, rest, parsed, original};
    b->fn(call);
  } else if (me.flags & kMacroLiteral) {
    append(out, me.body);
  } else if (!me.body.empty()) {
    if (args) setup_args(me, *args);
    expand_into(out, me.body);
    if (args) free_args();
  }
}

void Expander::setup_args(const MacroDefinition& me, const std::vector<std::string>& args) {
  ++level_;
  scope_marks_.push_back(eng_.scoped_names_.size());
  const ir::Range where = diag_range();
  ArgFrame& frame = push_frame();
  frame.add("0", me.name, level_, where);
  frame.add("**", join(args, 1), level_, where);

  const std::string_view opts = me.options ? std::string_view(*me.options) : std::string_view();
  const Options parsed = parse_options(args, opts);
  for (const auto& [c, arg] : parsed.given) {
    const std::string flag{'-', c};
    frame.add(flag, arg ? flag + " " + *arg : flag, level_, where);
    if (arg) frame.add(flag + "*", *arg, level_, where);
  }
  if (parsed.bad) {
    fail("macro-unknown-option",
         fmt::format("unknown option {} in {}({})", parsed.bad, me.name, opts));
    return;
  }
  frame.add("#", std::to_string(parsed.operands.size()), level_, where);
  for (std::size_t i = 0; i < parsed.operands.size(); ++i)
    frame.add(std::to_string(i + 1), parsed.operands[i], level_, where);
  frame.add("*", join(parsed.operands, 0), level_, where);
}

void Expander::free_args() {
  --frame_depth_;
  const std::size_t mark = scope_marks_.back();
  scope_marks_.pop_back();
  auto& names = eng_.scoped_names_;
  for (std::size_t i = mark; i < names.size(); ++i) {
    if (!eng_.writable_stack(names[i], false)) continue;
    auto it = eng_.table_.find(names[i]);
    auto& stack = it->second;
    if (!stack.empty() && stack.back().level >= level_ &&
        !(stack.back().flags & (kMacroAuto | kMacroUsed))) {
      const bool was_failed = failed_;
      report("macro-unused-in-scope",
             ir::Severity::Warning,
             fmt::format("macro %{} defined but not used within scope", stack.back().name));
      failed_ = was_failed;
    }
    while (!stack.empty() && stack.back().level >= level_) stack.pop_back();
    eng_.prune(it);
  }
  names.resize(mark);
  --level_;
}

void Expander::define(std::string_view text, int level, bool expand_body, std::size_t* parsed) {
  const std::size_t n = text.size();
  std::size_t s = 0;
  while (s < n && is_blank(text[s])) ++s;
  const std::size_t name_begin = s;
  while (s < n && (is_alnum(text[s]) || text[s] == '_')) ++s;
  const std::string name(text.substr(name_begin, s - name_begin));
  auto consumed = [&](std::size_t count) {
    if (parsed) *parsed += count;
  };

  std::optional<std::string> opts;
  if (s < n && text[s] == '(') {
    ++s;
    const std::size_t close = text.find(')', s);
    if (close == kNpos) {
      fail("macro-unterminated-definition", fmt::format("macro %{} has unterminated opts", name));
      consumed(n);
      return;
    }
    opts = std::string(text.substr(s, close - s));
    s = close + 1;
  }

  const std::size_t sbody = s;
  while (s < n && is_blank(text[s])) ++s;
  std::string body;
  if (!parsed) {
    body.assign(text.substr(s));
    s = n;
  } else if (s < n && text[s] == '{') {  // %define name {body}
    const std::size_t e = match_char(text, s, '{', '}');
    if (e == kNpos) {
      fail("macro-unterminated-definition", fmt::format("macro %{} has unterminated body", name));
      consumed(n);
      return;
    }
    body.assign(text.substr(s + 1, e - 1 - (s + 1)));
    s = e;
  } else {  // free field: to the end of the line, escaped newlines and open %{ %( included
    int bc = 0, pc = 0, xc = 0;
    while (s < n && (bc || pc || !is_eol(text[s]))) {
      const char c = text[s];
      if (c == kOpaqueBegin) {
        const std::size_t e = opaque_end(text, s);
        if (e != kNpos) {
          body.append(text.substr(s, e - s));
          s = e;
          continue;
        }
      }
      switch (c) {
        case '\\':
          if (s + 1 < n) ++s;
          break;
        case '%':
          if (s + 1 < n) {
            switch (text[s + 1]) {
              case '{': body.push_back(text[s++]); ++bc; break;
              case '(': body.push_back(text[s++]); ++pc; break;
              case '[': body.push_back(text[s++]); ++xc; break;
              case '%': body.push_back(text[s++]); break;
              default: break;
            }
          }
          break;
        case '{': if (bc > 0) ++bc; break;
        case '}': if (bc > 0) --bc; break;
        case '(': if (pc > 0) ++pc; break;
        case ')': if (pc > 0) --pc; break;
        case '[': if (xc > 0) ++xc; break;
        case ']': if (xc > 0) --xc; break;
        default: break;
      }
      body.push_back(text[s++]);
    }
    if (bc || pc || xc) {
      fail("macro-unterminated-definition", fmt::format("macro %{} has unterminated body", name));
      consumed(n);
      return;
    }
    while (!body.empty() && (is_blank(body.back()) || is_eol(body.back()))) body.pop_back();
  }
  while (s < n && is_eol(text[s])) ++s;  // the newline ending a definition is consumed
  consumed(s);

  const char* action = expand_body ? "%global" : "%define";
  if (name.empty() || !(is_alpha(name[0]) || (name[0] == '_' && name.size() > 1))) {
    fail("macro-illegal-name", fmt::format("macro %{} has illegal name ({})", name, action));
    return;
  }
  if (const MacroDefinition* old = find_top(name); old && (old->flags & (kMacroBuiltin | kMacroAuto))) {
    fail("macro-illegal-name", fmt::format("macro %{} is a built-in ({})", name, action));
    return;
  }
  if (body.empty()) {
    fail("macro-empty-body", fmt::format("macro %{} has empty body", name));
    return;
  }
  if (!(sbody < n && is_blank(text[sbody])) &&
      !(sbody + 1 < n && text[sbody] == '\\' && is_eol(text[sbody + 1])))
    report("macro-missing-whitespace", ir::Severity::Warning,
           fmt::format("macro %{} needs whitespace before body", name));
  if (expand_body) {
    std::string expanded;
    if (!expand_this(body, expanded)) {
      failed_ = false;
      fail("macro-definition-failed", fmt::format("macro %{} failed to expand", name));
      return;
    }
    body = std::move(expanded);
  }
  eng_.push(name, opts ? std::optional<std::string_view>(*opts) : std::nullopt, std::move(body), level,
            0, diag_range());
}

void Expander::undefine(std::string_view name) {
  if (name.empty() || !(is_alpha(name[0]) || (name[0] == '_' && name.size() > 1))) {
    fail("macro-illegal-name", fmt::format("macro %{} has illegal name (%undefine)", display(name)));
    return;
  }
  if (const MacroDefinition* old = find_top(name); old && (old->flags & (kMacroBuiltin | kMacroAuto))) {
    fail("macro-illegal-name", fmt::format("macro %{} is a built-in (%undefine)", name));
    return;
  }
  eng_.pop(name);
}

void Expander::expression(std::string& out, std::string_view expr, bool expand,
                          std::string_view original) {
  std::string error;
  const auto value = evaluate(expr, expand ? this : nullptr, error);
  if (!value) {
    // A failed macro inside was reported already.
    if (!failed_) fail("expression-error", fmt::format("{}: {}", error, display(expr)));
    failed_ = true;
    return;
  }
  if (value->opaque) {
    append_opaque(out, original, true);
    return;
  }
  append(out, to_output(*value));
}

void Expander::load(std::string_view path, std::string_view original) {
  if (contains_opaque(path) || !eng_.read_file) {
    note_opaque(original);
    return;
  }
  const auto text = eng_.read_file(path);
  if (!text) {
    fail("macro-load-failed", fmt::format("failed to load macro file {}", path));
    return;
  }
  eng_.load_text(*text, ir::kNoFile, diag_range());
}

}  // namespace detail

namespace {

// The built-ins, made once per process and shared by every engine as its first base.
const std::shared_ptr<const MacroEngine::Stacks>& builtin_table() {
  static const std::shared_ptr<const MacroEngine::Stacks> table = [] {
    auto t = std::make_shared<MacroEngine::Stacks>();
    for (const detail::BuiltinInfo& b : detail::builtins()) {
      MacroDefinition def;
      def.name = std::string(b.name);
      if (b.nargs != 0) def.options = std::string();
      def.body = "<builtin>";
      def.level = kLevelBuiltin;
      def.flags = kMacroBuiltin | b.flags;
      (*t)[def.name].push_back(std::move(def));
    }
    return t;
  }();
  return table;
}

}  // namespace

MacroEngine::MacroEngine(ir::DiagnosticSink* sink, ExpansionLimits limits)
    : sink_(sink), limits_(limits), base_(builtin_table()) {}

std::vector<MacroDefinition>* MacroEngine::writable_stack(std::string_view name, bool create) {
  if (auto it = table_.find(name); it != table_.end()) return &it->second;
  if (base_) {
    if (auto b = base_->find(name); b != base_->end())
      return &table_.emplace(b->first, b->second).first->second;
  }
  if (!create) return nullptr;
  return &table_.emplace(std::string(name), std::vector<MacroDefinition>{}).first->second;
}

void MacroEngine::prune(Stacks::iterator it) {
  if (it->second.empty() && !(base_ && base_->count(it->first))) table_.erase(it);
}

MacroEngine::Table MacroEngine::table() const {
  Table merged;
  if (base_) merged.insert(base_->begin(), base_->end());
  for (const auto& [name, stack] : table_) merged[name] = stack;
  for (auto it = merged.begin(); it != merged.end();) it = it->second.empty() ? merged.erase(it) : std::next(it);
  return merged;
}

void MacroEngine::freeze() {
  // The local stacks move into a copy of the base; their nodes are reused, not copied.
  Stacks merged = base_ ? *base_ : Stacks{};
  while (!table_.empty()) {
    auto node = table_.extract(table_.begin());
    if (auto it = merged.find(node.key()); it != merged.end())
      it->second = std::move(node.mapped());
    else
      merged.insert(std::move(node));
  }
  std::erase_if(merged, [](const auto& entry) { return entry.second.empty(); });
  base_ = std::make_shared<const Stacks>(std::move(merged));
}

void MacroEngine::restore_base(std::vector<MacroDefinition> definitions) {
  Stacks stacks = base_ ? *base_ : Stacks{};
  for (const auto& [name, stack] : table_) stacks[name] = stack;
  stacks.reserve(stacks.size() + definitions.size());
  std::vector<MacroDefinition>* stack = nullptr;
  for (auto& def : definitions) {
    if (!stack || stack->back().name != def.name) stack = &stacks[def.name];  // a name's stack is contiguous
    stack->push_back(std::move(def));
  }
  std::erase_if(stacks, [](const auto& entry) { return entry.second.empty(); });
  base_ = std::make_shared<const Stacks>(std::move(stacks));
  table_.clear();
}

void MacroEngine::push(std::string_view name, std::optional<std::string_view> options, std::string body,
                       int level, unsigned flags, ir::Range where) {
  auto& stack = *writable_stack(name, true);
  MacroDefinition def;
  def.name = std::string(name);
  if (options) def.options = std::string(*options);
  def.body = std::move(body);
  def.level = level;
  def.where = where;
  def.flags = flags;
  stack.push_back(std::move(def));
  if (level > 0) scoped_names_.emplace_back(name);
}

void MacroEngine::pop(std::string_view name) {
  if (!writable_stack(name, false)) return;
  auto it = table_.find(name);
  if (!it->second.empty()) it->second.pop_back();
  prune(it);
}

void MacroEngine::define(std::string_view name, std::string_view body,
                         std::optional<std::string_view> options, ir::Range where) {
  push(name, options, std::string(body), level_, 0, where);
}

void MacroEngine::undefine(std::string_view name) {
  const MacroDefinition* top = lookup(name);
  if (top && (top->flags & kMacroBuiltin)) return;
  pop(name);
}

const MacroDefinition* MacroEngine::lookup(std::string_view name) const {
  const HashedName key{name, NameHash{}(name)};
  if (auto it = table_.find(key); it != table_.end()) return it->second.empty() ? nullptr : &it->second.back();
  if (base_) {
    if (auto b = base_->find(key); b != base_->end() && !b->second.empty()) return &b->second.back();
  }
  return nullptr;
}

const MacroDefinition* MacroEngine::lookup_for_use(std::string_view name, bool& local) {
  const HashedName key{name, NameHash{}(name)};
  local = false;
  if (auto it = table_.find(key); it != table_.end()) {
    local = true;
    if (it->second.empty()) return nullptr;
    // Only local definitions are ever checked for use (scoped ones), so the shared base is
    // never copied just to mark it.
    it->second.back().flags |= kMacroUsed;
    return &it->second.back();
  }
  if (base_) {
    if (auto b = base_->find(key); b != base_->end() && !b->second.empty()) return &b->second.back();
  }
  return nullptr;
}

std::string MacroEngine::expand(std::string_view text, ir::Range origin) {
  std::string out;
  expand(text, out, origin);
  return out;
}

void MacroEngine::expand(std::string_view text, std::string& out, ir::Range origin) {
  detail::Expander ex(*this, text, origin);
  ex.run(out);
  last_failed_ = ex.failed();
}

bool MacroEngine::define_line(std::string_view definition, ir::Range where) {
  detail::Expander ex(*this, definition, where);
  std::size_t parsed = 0;
  ex.define(definition, kLevelCommandLine, false, &parsed);
  return !ex.failed();
}

void MacroEngine::load_macro_file(std::string_view text) { load_text(text, ir::kNoFile, {}); }

void MacroEngine::load_macro_file(std::string_view text, ir::FileId file) { load_text(text, file, {}); }

// rpm's loadMacroFile() with rdcl(): a definition continues over lines ending in a
// backslash or while a %{, %( or %[ is open; the newlines stay in the body.
void MacroEngine::load_text(std::string_view text, ir::FileId file, ir::Range fallback) {
  using detail::is_blank;
  using detail::is_eol;
  std::size_t pos = 0;
  std::string buf;
  while (pos < text.size()) {
    const std::size_t begin = pos;
    buf.clear();
    bool first = true;
    int bc = 0, pc = 0, xc = 0;
    std::size_t scan = 0;
    while (pos < text.size()) {
      const std::size_t eol = text.find('\n', pos);
      const bool had_newline = eol != std::string_view::npos;
      std::string_view line = text.substr(pos, (had_newline ? eol : text.size()) - pos);
      pos = had_newline ? eol + 1 : text.size();
      while (!line.empty() && is_eol(line.back())) line.remove_suffix(1);
      buf.append(line);
      if (!had_newline) break;
      if (first) {
        first = false;
        std::size_t p = 0;
        while (p < buf.size() && is_blank(buf[p])) ++p;
        if (p >= buf.size() || buf[p] != '%') break;  // only definitions continue
        scan = p;
      }
      for (std::size_t p = scan; p < buf.size(); ++p) {
        switch (buf[p]) {
          case '\\':
            if (p + 1 < buf.size()) ++p;
            break;
          case '%':
            if (p + 1 < buf.size()) {
              switch (buf[p + 1]) {
                case '{': ++p; ++bc; break;
                case '(': ++p; ++pc; break;
                case '[': ++p; ++xc; break;
                case '%': ++p; break;
                default: break;
              }
            }
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
      const bool continued = (!line.empty() && line.back() == '\\') || bc || pc || xc;
      if (!continued) break;
      buf.push_back('\n');
      scan = buf.size();
    }

    std::size_t p = 0;
    while (p < buf.size() && is_blank(buf[p])) ++p;
    if (p >= buf.size() || buf[p] != '%') continue;
    const ir::Range where = file != ir::kNoFile
                                ? ir::Range{file, static_cast<std::uint32_t>(begin),
                                            static_cast<std::uint32_t>(pos)}
                                : fallback;
    const std::string_view entry = std::string_view(buf).substr(p + 1);
    detail::Expander ex(*this, entry, where);
    std::size_t parsed = 0;
    ex.define(entry, kLevelMacroFiles, false, &parsed);
  }
}

std::optional<ExprValue> evaluate_expression(std::string_view expr, MacroEngine* engine, std::string& error) {
  if (!engine) return detail::evaluate(expr, nullptr, error);
  detail::Expander ex(*engine, expr, {});
  return detail::evaluate(expr, &ex, error);
}

}  // namespace katalint::rpmspec
