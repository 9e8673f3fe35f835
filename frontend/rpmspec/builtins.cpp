// rpm 4.18's built-in macros (the builtinmacros[] table of rpmio/macro.c). Anything that
// depends on the host or runs code (%(...), %{lua:}, %{getenv:}, %{getncpus}) is opaque.
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "frontend/rpmspec/macro_internal.hpp"

namespace katalint::rpmspec::detail {
namespace {

// Built-ins that compute from their argument cannot when it is opaque: the result is.
bool opaque_result(BuiltinCall& c) {
  if (!contains_opaque(c.arg1())) return false;
  c.ex.append_opaque(c.out, c.original, true);
  return true;
}

void do_source_patch(BuiltinCall& c) {  // %{S:n}, %{P:n}
  if (opaque_result(c)) return;
  std::string name(c.me.name == "S" ? "%SOURCE" : "%PATCH");
  name += c.arg1();
  c.ex.expand_into(c.out, name);
}

void do_basename(BuiltinCall& c) {
  if (opaque_result(c)) return;
  const std::string_view a = c.arg1();
  const std::size_t slash = a.rfind('/');
  c.ex.append(c.out, slash == std::string_view::npos ? a : a.substr(slash + 1));
}

void do_dirname(BuiltinCall& c) {
  if (opaque_result(c)) return;
  const std::string_view a = c.arg1();
  const std::size_t slash = a.rfind('/');
  c.ex.append(c.out, slash == std::string_view::npos ? a : a.substr(0, slash));
}

void do_suffix(BuiltinCall& c) {
  if (opaque_result(c)) return;
  const std::string_view a = c.arg1();
  const std::size_t dot = a.rfind('.');
  if (dot != std::string_view::npos) c.ex.append(c.out, a.substr(dot + 1));
}

// Leading and trailing whitespace removed, inner runs reduced to one space.
void do_shrink(BuiltinCall& c) {
  if (opaque_result(c)) return;
  std::string out;
  char last = ' ';
  for (char ch : c.arg1()) {
    if (is_space(ch)) {
      if (last == ' ') continue;
      ch = ' ';
    }
    out.push_back(ch);
    last = ch;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  c.ex.append(c.out, out);
}

void do_quote(BuiltinCall& c) {
  std::string q;
  q.push_back(kQuoteChar);
  q += c.arg1();
  q.push_back(kQuoteChar);
  c.ex.append(c.out, q);
}

void do_shescape(BuiltinCall& c) {
  if (opaque_result(c)) return;
  std::string q = "'";
  for (char ch : c.arg1()) {
    if (ch == '\'')
      q += "'\\''";
    else
      q.push_back(ch);
  }
  q.push_back('\'');
  c.ex.append(c.out, q);
}

void do_expr(BuiltinCall& c) { c.ex.expression(c.out, c.arg1(), false, c.original); }

// rpm's urlPath(): the path part of file://, ftp://, hkp://, http:// and https:// URLs.
void do_url2path(BuiltinCall& c) {
  if (opaque_result(c)) return;
  std::string_view a = c.arg1();
  std::string_view path = a;
  for (std::string_view scheme : {"file://", "ftp://", "hkp://", "http://", "https://"}) {
    if (a.substr(0, scheme.size()) == scheme) {
      const std::string_view rest = a.substr(scheme.size());
      const std::size_t slash = rest.find('/');
      path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
      break;
    }
  }
  if (a == "-") path = {};
  c.ex.append(c.out, path.empty() ? std::string_view("/") : path);
}

void do_getconfdir(BuiltinCall& c) { c.ex.append(c.out, "/usr/lib/rpm"); }

// Host dependent: the value is unknown.
void do_host_value(BuiltinCall& c) { c.ex.append_opaque(c.out, c.original, false); }

void do_exists(BuiltinCall& c) {
  MacroEngine& eng = c.ex.engine();
  if (contains_opaque(c.arg1()) || !eng.read_file) {
    c.ex.append_opaque(c.out, c.original, true);
    return;
  }
  c.ex.append(c.out, eng.read_file(c.arg1()) ? "1" : "0");
}

void do_expand(BuiltinCall& c) {
  if (!c.arg1().empty()) c.ex.expand_into(c.out, c.arg1());
}

void do_uncompress(BuiltinCall& c) {
  if (c.arg1().empty()) return;
  c.ex.expand_into(c.out, "%__rpmuncompress ");
  c.ex.append(c.out, c.arg1());
}

void do_output(BuiltinCall& c) {  // %{echo:}, %{warn:}, %{error:}
  std::string text = strip_opaque_markers(c.arg1());
  if (c.me.name == "error") {
    c.ex.raise_error(std::move(text));
  } else if (c.me.name == "warn") {
    c.ex.report("macro-warn", ir::Severity::Warning, std::move(text));
  } else {
    c.ex.report("macro-echo", ir::Severity::Info, std::move(text));
  }
}

void do_dnl(BuiltinCall& c) {  // discards the rest of the line, newline included
  if (!c.parsed) return;
  const std::size_t nl = c.rest.find('\n');
  *c.parsed += nl == std::string_view::npos ? c.rest.size() : nl + 1;
}

void do_nothing(BuiltinCall&) {}

void do_verbose(BuiltinCall& c) {  // katalint is never verbose
  if (c.parsed || !c.args || c.args->size() < 2) c.ex.append(c.out, "0");
}

void do_macrobody(BuiltinCall& c) {
  const std::string_view name = c.arg1();
  if (name.empty()) return;
  if (opaque_result(c)) return;
  if (const MacroDefinition* me = c.ex.find_top(name)) {
    c.ex.append(c.out, me->body);
  } else {
    c.ex.fail("macro-not-found", fmt::format("no such macro: '{}'", name));
  }
}

void do_load(BuiltinCall& c) { c.ex.load(c.arg1(), c.original); }

// Lua is never run, but the macros it defines with rpm.define("NAME ...") exist afterwards:
// they get opaque values, so later uses are unknown rather than undefined.
void do_lua(BuiltinCall& c) {
  c.ex.append_opaque(c.out, c.original, false);
  std::string_view code = c.original;
  constexpr std::string_view kDefine = "rpm.define(";
  for (auto at = code.find(kDefine); at != std::string_view::npos; at = code.find(kDefine, at + 1)) {
    std::size_t p = at + kDefine.size();
    while (p < code.size() && is_space(code[p])) ++p;
    if (p >= code.size() || (code[p] != '"' && code[p] != '\'')) continue;
    ++p;
    const std::size_t name_begin = p;
    while (p < code.size() && (std::isalnum(static_cast<unsigned char>(code[p])) || code[p] == '_')) ++p;
    const std::string_view name = code.substr(name_begin, p - name_begin);
    if (name.size() < 2 || !(p < code.size() && is_space(code[p]))) continue;
    std::string body(1, kOpaqueBegin);
    body.append("%{lua: rpm.define(").append(name).append(")}");
    body.push_back(kOpaqueEnd);
    c.ex.engine().define(name, body);
  }
}

void do_undefine(BuiltinCall& c) {
  if (contains_opaque(c.arg1())) {
    c.ex.note_opaque(c.original);
    return;
  }
  c.ex.undefine(c.arg1());
}

void do_define(BuiltinCall& c) {
  const bool global = c.me.name == "global";
  const int level = global ? kLevelGlobal : c.ex.level();
  if (c.parsed)
    c.ex.define(c.rest, level, global, c.parsed);
  else
    c.ex.define(c.arg1(), level, global, nullptr);
}

// Sorted by name, as rpm's table.
constexpr std::array kBuiltins = {
    BuiltinInfo{"P", 1, 0, do_source_patch},
    BuiltinInfo{"S", 1, 0, do_source_patch},
    BuiltinInfo{"basename", 1, 0, do_basename},
    BuiltinInfo{"define", 1, kMacroParse, do_define},
    BuiltinInfo{"dirname", 1, 0, do_dirname},
    BuiltinInfo{"dnl", 1, kMacroParse, do_dnl},
    BuiltinInfo{"dump", 0, 0, do_nothing},
    BuiltinInfo{"echo", 1, 0, do_output},
    BuiltinInfo{"error", 1, 0, do_output},
    BuiltinInfo{"exists", 1, 0, do_exists},
    BuiltinInfo{"expand", 1, 0, do_expand},
    BuiltinInfo{"expr", 1, 0, do_expr},
    BuiltinInfo{"getconfdir", 0, 0, do_getconfdir},
    BuiltinInfo{"getenv", 1, 0, do_host_value},
    BuiltinInfo{"getncpus", 0, 0, do_host_value},
    BuiltinInfo{"global", 1, kMacroParse, do_define},
    BuiltinInfo{"load", 1, 0, do_load},
    BuiltinInfo{"lua", 1, kMacroParse, do_lua},
    BuiltinInfo{"macrobody", 1, 0, do_macrobody},
    BuiltinInfo{"quote", 1, 0, do_quote},
    BuiltinInfo{"shescape", 1, 0, do_shescape},
    BuiltinInfo{"shrink", 1, 0, do_shrink},
    BuiltinInfo{"suffix", 1, 0, do_suffix},
    BuiltinInfo{"trace", 0, 0, do_nothing},
    BuiltinInfo{"u2p", 1, 0, do_url2path},
    BuiltinInfo{"uncompress", 1, 0, do_uncompress},
    BuiltinInfo{"undefine", 1, 0, do_undefine},
    BuiltinInfo{"url2path", 1, 0, do_url2path},
    BuiltinInfo{"verbose", -1, kMacroParse, do_verbose},
    BuiltinInfo{"warn", 1, 0, do_output},
};

}  // namespace

std::span<const BuiltinInfo> builtins() { return kBuiltins; }

const BuiltinInfo* find_builtin(std::string_view name) {
  auto it = std::lower_bound(kBuiltins.begin(), kBuiltins.end(), name,
                             [](const BuiltinInfo& b, std::string_view n) { return b.name < n; });
  return it != kBuiltins.end() && it->name == name ? &*it : nullptr;
}

}  // namespace katalint::rpmspec::detail
