#include "frontend/rpmspec/shell_lite.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <regex>
#include <vector>

namespace katalint::rpmspec {
namespace {

constexpr int kMaxDepth = 8;
constexpr std::size_t kMaxOutput = 1u << 20;

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
bool is_ifs(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Thrown for anything outside the subset; caught at the top.
struct Unsupported {};
// Thrown where the target's sh stops the script with an error; the output so far stands.
struct ShellError {};

[[noreturn]] void unsupported() { throw Unsupported{}; }

// Index just past the construct opened at `i` ('\'', '"', '`', "$(", "${", "$((").
std::size_t skip_quoted(std::string_view s, std::size_t i);
std::size_t skip_unit(std::string_view s, std::size_t i);

std::size_t skip_balanced(std::string_view s, std::size_t i, char open, char close) {
  int depth = 0;
  while (i < s.size()) {
    if (const std::size_t next = skip_unit(s, i); next != i) {
      i = next;
      continue;
    }
    const char c = s[i];
    if (c == open) ++depth;
    if (c == close && --depth == 0) return i + 1;
    ++i;
  }
  unsupported();
}

std::size_t skip_quoted(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '\'') {
    const auto e = s.find('\'', i + 1);
    if (e == std::string_view::npos) unsupported();
    return e + 1;
  }
  if (c == '"' || c == '`') {
    for (std::size_t j = i + 1; j < s.size(); ++j) {
      if (s[j] == '\\') {
        ++j;
        continue;
      }
      if (c == '"' && s[j] == '$' && j + 1 < s.size() && (s[j + 1] == '(' || s[j + 1] == '{')) {
        j = skip_quoted(s, j) - 1;
        continue;
      }
      if (c == '"' && s[j] == '`') {
        j = skip_quoted(s, j) - 1;
        continue;
      }
      if (s[j] == c) return j + 1;
    }
    unsupported();
  }
  // $( or ${
  return skip_balanced(s, i + 1, s[i + 1], s[i + 1] == '(' ? ')' : '}');
}

// Index after the unit that starts at `i` when it is an escape or a quoted construct
// ('...', "...", `...`, $(...), ${...}), or `i` itself when it is a plain character.
std::size_t skip_unit(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '\\') return std::min(i + 2, s.size());
  if (c == '\'' || c == '"' || c == '`' || (c == '$' && i + 1 < s.size() && (s[i + 1] == '(' || s[i + 1] == '{')))
    return skip_quoted(s, i);
  return i;
}

// Shell glob match for ${var#pattern} and friends: * ? and literal characters.
bool glob_match(std::string_view pat, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pat.size() && (pat[p] == '?' || (pat[p] != '*' && pat[p] == text[t]))) {
      ++p, ++t;
    } else if (p < pat.size() && pat[p] == '*') {
      star = p++, mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1, t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

class Shell {
 public:
  explicit Shell(const ShellProfile& profile) : profile_(profile) {}

  std::string output;  // everything printed at top level, kept when the shell stops early

  // Runs a command list; returns its stdout.
  std::string run(std::string_view script, int depth) {
    if (depth > kMaxDepth) unsupported();
    std::string out;
    std::size_t i = 0;
    int status = 0;
    char pending = ';';  // the operator before the next pipeline
    while (i <= script.size()) {
      const std::size_t start = i;
      // Find the end of this pipeline at top level.
      while (i < script.size()) {
        if (const std::size_t next = skip_unit(script, i); next != i) {
          i = next;
          continue;
        }
        const char c = script[i];
        if (c == ';' || c == '\n' || c == '&' || (c == '|' && i + 1 < script.size() && script[i + 1] == '|'))
          break;
        if (c == '#' && (i == start || is_ifs(script[i - 1]))) {
          while (i < script.size() && script[i] != '\n') ++i;
          break;
        }
        ++i;
      }
      const std::string_view pipeline = script.substr(start, std::min(i, script.size()) - start);
      const bool run_it = pending == ';' || (pending == '&' && status == 0) || (pending == '|' && status != 0);
      if (run_it && pipeline.find_first_not_of(" \t\n") != std::string_view::npos) {
        const std::string printed = run_pipeline(pipeline, depth, status);
        out += printed;
        if (depth == 0) output += printed;
        if (out.size() > kMaxOutput) unsupported();
      }
      if (i >= script.size()) break;
      if (script[i] == '&') {
        if (i + 1 >= script.size() || script[i + 1] != '&') unsupported();  // background jobs
        pending = '&';
        i += 2;
      } else if (script[i] == '|') {
        pending = '|';
        i += 2;
      } else {
        pending = ';';
        ++i;
      }
    }
    return out;
  }

 private:
  std::string run_pipeline(std::string_view text, int depth, int& status) {
    std::vector<std::string_view> stages;
    std::size_t i = 0, start = 0;
    while (i < text.size()) {
      if (const std::size_t next = skip_unit(text, i); next != i) {
        i = next;
        continue;
      }
      if (text[i] == '|') {
        stages.push_back(text.substr(start, i - start));
        start = i + 1;
      }
      ++i;
    }
    stages.push_back(text.substr(start));
    std::string data;
    for (const auto stage : stages) data = run_command(stage, data, depth, status);
    return data;
  }

  std::string run_command(std::string_view text, const std::string& input, int depth, int& status) {
    // Split into raw words at top-level blanks.
    std::vector<std::string_view> raw;
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && is_ifs(text[i])) ++i;
      if (i >= text.size()) break;
      const std::size_t start = i;
      while (i < text.size() && !is_ifs(text[i])) {
        if (const std::size_t next = skip_unit(text, i); next != i) {
          i = next;
          continue;
        }
        const char c = text[i];
        if (c == '<' || c == '>' || c == '(' || c == ')') unsupported();  // redirections, subshells
        ++i;
      }
      raw.push_back(text.substr(start, std::min(i, text.size()) - start));
    }
    // Leading NAME=value words are assignments.
    std::size_t first = 0;
    std::vector<std::pair<std::string, std::string>> assignments;
    for (; first < raw.size(); ++first) {
      const auto w = raw[first];
      std::size_t n = 0;
      if (w.empty() || !is_name_start(w[0])) break;
      while (n < w.size() && is_name_char(w[n])) ++n;
      if (n >= w.size() || w[n] != '=') break;
      assignments.emplace_back(std::string(w.substr(0, n)), expand_joined(w.substr(n + 1), depth));
      if (assignments.back().second.size() > kMaxOutput) unsupported();
    }
    if (first == raw.size()) {
      for (auto& [name, value] : assignments) vars_[name] = value;
      status = 0;
      return {};
    }
    if (!assignments.empty()) unsupported();  // per-command environments
    std::vector<std::string> argv;
    for (std::size_t k = first; k < raw.size(); ++k) expand_word(raw[k], depth, argv);
    if (argv.empty()) return {};
    return builtin(argv, input, depth, status);
  }

  // Word expansion with field splitting of unquoted expansions.
  void expand_word(std::string_view w, int depth, std::vector<std::string>& fields) {
    std::string cur;
    bool have = false;
    auto split_into = [&](const std::string& value) {
      for (char c : value) {
        if (is_ifs(c)) {
          if (have) fields.push_back(std::move(cur)), cur.clear(), have = false;
        } else {
          cur.push_back(c), have = true;
        }
      }
    };
    std::size_t i = 0;
    while (i < w.size()) {
      const char c = w[i];
      if (c == '\'') {
        const std::size_t e = skip_quoted(w, i);
        cur.append(w.substr(i + 1, e - i - 2));
        have = true;
        i = e;
      } else if (c == '"') {
        const std::size_t e = skip_quoted(w, i);
        cur += expand_double_quoted(w.substr(i + 1, e - i - 2), depth);
        have = true;
        i = e;
      } else if (c == '\\') {
        if (i + 1 < w.size()) cur.push_back(w[i + 1]), have = true;
        i += 2;
      } else if (c == '$' || c == '`') {
        std::string value;
        i = expand_dollar(w, i, depth, value);
        split_into(value);
      } else if (c == '*' || c == '?' || c == '[' || c == '~') {
        unsupported();  // would read the file system or the environment
      } else {
        cur.push_back(c), have = true;
        ++i;
      }
    }
    if (have) fields.push_back(std::move(cur));
  }

  // Expansion without field splitting (assignment values).
  std::string expand_joined(std::string_view w, int depth) {
    std::string out;
    std::size_t i = 0;
    while (i < w.size()) {
      const char c = w[i];
      if (c == '\'') {
        const std::size_t e = skip_quoted(w, i);
        out.append(w.substr(i + 1, e - i - 2));
        i = e;
      } else if (c == '"') {
        const std::size_t e = skip_quoted(w, i);
        out += expand_double_quoted(w.substr(i + 1, e - i - 2), depth);
        i = e;
      } else if (c == '\\') {
        if (i + 1 < w.size()) out.push_back(w[i + 1]);
        i += 2;
      } else if (c == '$' || c == '`') {
        std::string value;
        i = expand_dollar(w, i, depth, value);
        out += value;
      } else {
        out.push_back(c);
        ++i;
      }
    }
    return out;
  }

  std::string expand_double_quoted(std::string_view s, int depth) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (c == '\\' && i + 1 < s.size() && std::string_view("$`\"\\\n").find(s[i + 1]) != std::string_view::npos) {
        if (s[i + 1] != '\n') out.push_back(s[i + 1]);
        i += 2;
      } else if (c == '$' || c == '`') {
        std::string value;
        i = expand_dollar(s, i, depth, value);
        out += value;
      } else {
        out.push_back(c);
        ++i;
      }
    }
    return out;
  }

  const std::string& variable(std::string_view name) {
    static const std::string empty;
    auto it = vars_.find(std::string(name));
    if (it != vars_.end()) return it->second;
    // Upper-case names may come from the build host's environment; others are unset.
    if (std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return empty;
    unsupported();
  }

  // Expands the `$...` or backquote at `i`; returns the index after it.
  std::size_t expand_dollar(std::string_view s, std::size_t i, int depth, std::string& value) {
    if (s[i] == '`') {
      const std::size_t e = skip_quoted(s, i);
      value = strip_newlines(run(s.substr(i + 1, e - i - 2), depth + 1));
      return e;
    }
    if (i + 1 >= s.size()) {
      value = "$";
      return i + 1;
    }
    const char n = s[i + 1];
    if (n == '(' && i + 2 < s.size() && s[i + 2] == '(') {
      const std::size_t e = skip_quoted(s, i);
      if (e < 2 || s[e - 2] != ')') unsupported();
      value = std::to_string(arithmetic(s.substr(i + 3, e - i - 5)));
      return e;
    }
    if (n == '(') {
      const std::size_t e = skip_quoted(s, i);
      value = strip_newlines(run(s.substr(i + 2, e - i - 3), depth + 1));
      return e;
    }
    if (n == '{') {
      const std::size_t e = skip_quoted(s, i);
      value = parameter(s.substr(i + 2, e - i - 3), depth);
      return e;
    }
    if (is_name_start(n)) {
      std::size_t e = i + 1;
      while (e < s.size() && is_name_char(s[e])) ++e;
      value = variable(s.substr(i + 1, e - i - 1));
      return e;
    }
    unsupported();  // $?, $#, $1, $$ ...
  }

  std::string parameter(std::string_view body, int depth) {
    if (!body.empty() && body[0] == '#') {
      return std::to_string(variable(body.substr(1)).size());
    }
    std::size_t n = 0;
    while (n < body.size() && is_name_char(body[n])) ++n;
    if (n == 0 || !is_name_start(body[0])) unsupported();
    const std::string_view name = body.substr(0, n);
    const std::string_view op = body.substr(n);
    if (op.empty()) return variable(name);
    if (op.substr(0, 2) == ":-" || op[0] == '-') {
      const std::size_t skip = op[0] == ':' ? 2 : 1;
      auto it = vars_.find(std::string(name));
      if (it != vars_.end() && !(op[0] == ':' && it->second.empty())) return it->second;
      return expand_joined(op.substr(skip), depth);
    }
    const std::string& v = variable(name);
    if (op[0] == ':') {
      // ${name:offset[:length]}: a bash extension; dash stops with "Bad substitution".
      if (profile_.dash) throw ShellError{};
      const std::string_view spec = op.substr(1);
      const auto colon = spec.find(':');
      const std::int64_t off = arithmetic(spec.substr(0, colon));
      const std::int64_t size = static_cast<std::int64_t>(v.size());
      std::int64_t from = off < 0 ? std::max<std::int64_t>(0, size + off) : std::min(off, size);
      std::int64_t len = size - from;
      if (colon != std::string_view::npos) {
        len = arithmetic(spec.substr(colon + 1));
        if (len < 0) len = std::max<std::int64_t>(0, size + len - from);
      }
      len = std::min(len, size - from);
      return v.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(std::max<std::int64_t>(0, len)));
    }
    if (op[0] == '#' || op[0] == '%') {
      const bool longest = op.size() > 1 && op[1] == op[0];
      const std::string pat = expand_joined(op.substr(longest ? 2 : 1), depth);
      const std::size_t size = v.size();
      if (op[0] == '#') {
        for (std::size_t k = 0; k <= size; ++k) {
          const std::size_t len = longest ? size - k : k;
          if (glob_match(pat, std::string_view(v).substr(0, len))) return v.substr(len);
        }
      } else {
        for (std::size_t k = 0; k <= size; ++k) {
          const std::size_t at = longest ? k : size - k;
          if (glob_match(pat, std::string_view(v).substr(at))) return v.substr(0, at);
        }
      }
      return v;
    }
    unsupported();
  }

  // $(( )) with + - * / % and parentheses on 64-bit integers; names read variables.
  std::int64_t arithmetic(std::string_view e) {
    std::size_t p = 0;
    auto skip = [&] {
      while (p < e.size() && is_ifs(e[p])) ++p;
    };
    std::function<std::int64_t()> sum;
    std::function<std::int64_t()> atom = [&]() -> std::int64_t {
      skip();
      if (p >= e.size()) unsupported();
      if (e[p] == '(') {
        ++p;
        const auto v = sum();
        skip();
        if (p >= e.size() || e[p] != ')') unsupported();
        ++p;
        return v;
      }
      if (e[p] == '-') {
        ++p;
        return -atom();
      }
      if (e[p] == '$') ++p;
      if (p < e.size() && is_name_start(e[p])) {
        std::size_t q = p;
        while (q < e.size() && is_name_char(e[q])) ++q;
        const std::string v = variable(e.substr(p, q - p));
        p = q;
        return v.empty() ? 0 : arithmetic(v);
      }
      if (p >= e.size() || e[p] < '0' || e[p] > '9') unsupported();
      std::int64_t v = 0;
      while (p < e.size() && e[p] >= '0' && e[p] <= '9') {
        if (v > (INT64_MAX - 9) / 10) unsupported();
        v = v * 10 + (e[p++] - '0');
      }
      return v;
    };
    auto product = [&]() -> std::int64_t {
      std::int64_t v = atom();
      for (;;) {
        skip();
        if (p >= e.size() || (e[p] != '*' && e[p] != '/' && e[p] != '%')) return v;
        const char op = e[p++];
        const std::int64_t r = atom();
        if (op == '*') v *= r;
        else if (r == 0 || (v == INT64_MIN && r == -1)) unsupported();
        else v = op == '/' ? v / r : v % r;
      }
    };
    sum = [&]() -> std::int64_t {
      std::int64_t v = product();
      for (;;) {
        skip();
        if (p >= e.size() || (e[p] != '+' && e[p] != '-')) return v;
        const char op = e[p++];
        const std::int64_t r = product();
        v = op == '+' ? v + r : v - r;
      }
    };
    const auto v = sum();
    skip();
    if (p != e.size()) unsupported();
    return v;
  }

  static std::string strip_newlines(std::string s) {
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
  }

  static std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
      auto nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      lines.push_back(text.substr(start, nl - start));
      start = nl + 1;
    }
    return lines;
  }

  // cut's LIST: N, N-, -M, N-M, comma separated; returns the 1-based positions kept.
  static bool in_list(std::string_view list, std::size_t pos) {
    std::size_t i = 0;
    while (i <= list.size()) {
      auto comma = list.find(',', i);
      if (comma == std::string_view::npos) comma = list.size();
      const std::string_view item = list.substr(i, comma - i);
      const auto dash = item.find('-');
      auto num = [](std::string_view s, std::size_t fallback) -> std::size_t {
        if (s.empty()) return fallback;
        std::size_t v = 0;
        for (char c : s) {
          if (c < '0' || c > '9') unsupported();
          v = v * 10 + static_cast<std::size_t>(c - '0');
        }
        return v;
      };
      if (dash == std::string_view::npos) {
        if (num(item, 0) == pos) return true;
      } else {
        const std::size_t lo = num(item.substr(0, dash), 1);
        const std::size_t hi = num(item.substr(dash + 1), SIZE_MAX);
        if (pos >= lo && pos <= hi) return true;
      }
      i = comma + 1;
    }
    return false;
  }

  static std::string tr_set(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == '\\' && i + 1 < s.size()) {
        const char e = s[++i];
        c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else if (c == '[') {
        unsupported();  // character classes
      }
      if (i + 2 < s.size() && s[i + 1] == '-') {
        const char hi = s[i + 2];
        for (int x = static_cast<unsigned char>(c); x <= static_cast<unsigned char>(hi); ++x)
          out.push_back(static_cast<char>(x));
        i += 2;
      } else {
        out.push_back(c);
      }
    }
    return out;
  }

  static std::string sed_substitute(const std::string& script, const std::string& input) {
    // Only s<d>regex<d>replacement<d>[g], POSIX basic regular expressions.
    if (script.size() < 4 || script[0] != 's') unsupported();
    const char d = script[1];
    std::vector<std::string> parts;
    std::string cur;
    std::size_t i = 2;
    for (; i < script.size() && parts.size() < 2; ++i) {
      if (script[i] == '\\' && i + 1 < script.size() && script[i + 1] == d) {
        cur.push_back(d);
        ++i;
      } else if (script[i] == d) {
        parts.push_back(std::move(cur));
        cur.clear();
      } else {
        cur.push_back(script[i]);
      }
    }
    if (parts.size() != 2) unsupported();
    const std::string flags = script.substr(i);
    if (!flags.empty() && flags != "g") unsupported();
    std::string format;
    for (std::size_t k = 0; k < parts[1].size(); ++k) {
      const char c = parts[1][k];
      if (c == '\\' && k + 1 < parts[1].size()) {
        const char n = parts[1][++k];
        if (n >= '1' && n <= '9') format += '$', format += n;
        else if (n == 'n') format += '\n';
        else format += n == '$' ? std::string("$$") : std::string(1, n);
      } else if (c == '&') {
        format += "$&";
      } else if (c == '$') {
        format += "$$";
      } else {
        format += c;
      }
    }
    try {
      const std::regex re(parts[0], std::regex::basic);
      const auto mode = flags == "g" ? std::regex_constants::format_default
                                     : std::regex_constants::format_first_only;
      std::string out;
      for (const auto& line : lines_of(input)) out += std::regex_replace(line, re, format, mode) + "\n";
      return out;
    } catch (const std::regex_error&) {
      unsupported();
    }
  }

  std::string builtin(const std::vector<std::string>& argv, const std::string& input, int depth, int& status) {
    const std::string& cmd = argv[0];
    status = 0;
    if (cmd == "echo") {
      std::size_t first = 1;
      bool newline = true;
      if (first < argv.size() && argv[first] == "-n") newline = false, ++first;
      if (first < argv.size() && (argv[first] == "-e" || argv[first] == "-E")) unsupported();
      std::string out;
      for (std::size_t a = first; a < argv.size(); ++a) {
        if (a > first) out += ' ';
        out += argv[a];
      }
      if (newline) out += '\n';
      return out;
    }
    if (cmd == "true" || cmd == ":") return {};
    if (cmd == "false") {
      status = 1;
      return {};
    }
    if (cmd == "eval") {
      std::string joined;
      for (std::size_t a = 1; a < argv.size(); ++a) joined += (a > 1 ? " " : "") + argv[a];
      return run(joined, depth + 1);
    }
    if (cmd == "basename" || cmd == "dirname") {
      if (argv.size() != 2) unsupported();
      std::string p = argv[1];
      while (p.size() > 1 && p.back() == '/') p.pop_back();
      const auto slash = p.rfind('/');
      if (cmd == "basename") return (slash == std::string::npos ? p : p.substr(slash + 1)) + "\n";
      if (slash == std::string::npos) return ".\n";
      return (slash == 0 ? std::string("/") : p.substr(0, slash)) + "\n";
    }
    if (cmd == "cut") {
      std::string delim = "\t", fields, chars;
      for (std::size_t a = 1; a < argv.size(); ++a) {
        const std::string& o = argv[a];
        auto value = [&]() -> std::string {
          if (o.size() > 2) return o.substr(2);
          if (a + 1 >= argv.size()) unsupported();
          return argv[++a];
        };
        if (o.rfind("-d", 0) == 0) delim = value();
        else if (o.rfind("-f", 0) == 0) fields = value();
        else if (o.rfind("-c", 0) == 0 || o.rfind("-b", 0) == 0) chars = value();
        else unsupported();
      }
      if (delim.size() != 1 || fields.empty() == chars.empty()) unsupported();
      std::string out;
      for (const auto& line : lines_of(input)) {
        if (!chars.empty()) {
          for (std::size_t c = 0; c < line.size(); ++c)
            if (in_list(chars, c + 1)) out += line[c];
        } else if (line.find(delim[0]) == std::string::npos) {
          out += line;  // lines without the delimiter pass through
        } else {
          std::size_t start = 0, n = 1;
          bool first = true;
          while (start <= line.size()) {
            auto e = line.find(delim[0], start);
            if (e == std::string::npos) e = line.size();
            if (in_list(fields, n)) out += (first ? "" : delim) + line.substr(start, e - start), first = false;
            start = e + 1;
            ++n;
          }
        }
        out += '\n';
      }
      return out;
    }
    if (cmd == "tr") {
      bool del = false;
      std::size_t a = 1;
      if (a < argv.size() && argv[a] == "-d") del = true, ++a;
      if (argv.size() - a != (del ? 1u : 2u)) unsupported();
      const std::string from = tr_set(argv[a]);
      const std::string to = del ? std::string() : tr_set(argv[a + 1]);
      if (!del && to.empty()) unsupported();
      std::string out;
      for (char c : input) {
        const auto at = from.find(c);
        if (at == std::string::npos) out += c;
        else if (!del) out += to[std::min(at, to.size() - 1)];
      }
      return out;
    }
    if (cmd == "sed") {
      std::vector<std::string> scripts;
      for (std::size_t a = 1; a < argv.size(); ++a) {
        if (argv[a] == "-e" && a + 1 < argv.size()) scripts.push_back(argv[++a]);
        else if (argv[a][0] == '-') unsupported();
        else if (scripts.empty()) scripts.push_back(argv[a]);
        else unsupported();  // reading files
      }
      if (scripts.empty()) unsupported();
      std::string data = input;
      for (const auto& s : scripts) data = sed_substitute(s, data);
      return data;
    }
    if (cmd == "head" || cmd == "tail") {
      if (argv.size() != 3 || (argv[1] != "-n" && argv[1] != "-c")) unsupported();
      std::size_t count = 0;
      for (char c : argv[2]) {
        if (c < '0' || c > '9') unsupported();
        count = count * 10 + static_cast<std::size_t>(c - '0');
      }
      if (argv[1] == "-c") {
        count = std::min(count, input.size());
        return cmd == "head" ? input.substr(0, count) : input.substr(input.size() - count);
      }
      auto lines = lines_of(input);
      count = std::min(count, lines.size());
      std::string out;
      const std::size_t from = cmd == "head" ? 0 : lines.size() - count;
      for (std::size_t k = from; k < from + count; ++k) out += lines[k] + "\n";
      return out;
    }
    if (cmd[0] == '%' || cmd[0] == '-') {
      // An unexpanded macro or an option is never a command: sh prints "not found".
      status = 127;
      return {};
    }
    if (std::find(profile_.missing_commands.begin(), profile_.missing_commands.end(), cmd) !=
        profile_.missing_commands.end()) {
      status = 127;
      return {};
    }
    std::string line;
    for (std::size_t a = 0; a < argv.size(); ++a) line += (a ? " " : "") + argv[a];
    if (auto it = profile_.facts.find(line); it != profile_.facts.end()) return it->second;
    unsupported();
  }

  const ShellProfile& profile_;
  std::map<std::string, std::string> vars_;
};

}  // namespace

std::optional<std::string> evaluate_pure_shell(std::string_view script, const ShellProfile& profile) {
  Shell shell(profile);
  try {
    shell.run(script, 0);
  } catch (const Unsupported&) {
    return std::nullopt;
  } catch (const ShellError&) {
    // The shell stopped; what it printed before stands.
  }
  std::string out = std::move(shell.output);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace katalint::rpmspec
