#include "frontend/debian/rules.hpp"

#include <algorithm>
#include <array>

#include "frontend/debian/text.hpp"

namespace katalint::frontend::debian {
namespace {

constexpr std::array<std::string_view, 15> kDirectives = {
    "ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "include", "-include",
    "sinclude", "define", "endef", "export", "unexport", "vpath", "undefine"};

// An odd number of trailing backslashes continues the line.
bool continues(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[line.size() - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

std::string_view first_word(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && !is_space(s[i])) ++i;
  return s.substr(0, i);
}

// Finds the first ':' or '=' outside $(...)/${...}; returns npos when there is none.
std::size_t find_separator(std::string_view s) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '$' && i + 1 < s.size() && (s[i + 1] == '(' || s[i + 1] == '{')) {
      ++depth;
      ++i;
    } else if (depth > 0 && (c == ')' || c == '}')) {
      --depth;
    } else if (depth == 0 && (c == ':' || c == '=')) {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

const RulesRule* DebianRules::find_rule(std::string_view target) const {
  for (const auto& r : rules) {
    for (const auto& t : r.targets) {
      if (t.name == target) return &r;
    }
  }
  return nullptr;
}

DebianRules parse_debian_rules(const ir::SourceFile& file, std::string_view text,
                               const FilledTemplate* map, ir::DiagnosticSink& sink) {
  DebianRules out;
  out.file = file.id();
  const RangeMap ranges(file.id(), map);
  if (reject_oversized(text, ranges, sink)) return out;
  out.text.assign(text);
  const std::string_view t = out.text;
  check_text_bytes(t, ranges, sink);
  const auto physical = split_lines(t);
  out.lines.reserve(physical.size());
  if (!physical.empty() && t.substr(0, 2) == "#!") out.shebang.assign(t.substr(0, physical[0].end));

  bool in_rule = false;
  bool in_define = false;
  auto range = [&](std::size_t b, std::size_t e) {
    return ranges.range(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e));
  };
  for (std::size_t i = 0; i < physical.size();) {
    // Gather one logical line.
    std::size_t j = i;
    while (j + 1 < physical.size() &&
           continues(t.substr(physical[j].begin, physical[j].end - physical[j].begin)))
      ++j;
    const std::uint32_t lb = physical[i].begin;
    const std::uint32_t le = physical[j].end;
    const std::string_view logical = t.substr(lb, le - lb);
    const std::string_view body = trim(logical);
    RulesLineKind kind = RulesLineKind::Other;

    if (in_define) {
      kind = first_word(body) == "endef" ? RulesLineKind::Directive : RulesLineKind::DefineBody;
      if (kind == RulesLineKind::Directive) {
        in_define = false;
        out.directives.push_back({"endef", std::string(trim(body.substr(5))), range(lb, le)});
      }
    } else if (!logical.empty() && logical.front() == '\t' && in_rule) {
      kind = RulesLineKind::Recipe;
      RulesRecipeLine r;
      r.text.assign(logical.substr(1));
      r.range = range(lb, le);
      r.text_range = range(lb + 1, le);
      out.rules.back().recipe.push_back(std::move(r));
    } else if (body.empty()) {
      kind = RulesLineKind::Blank;
    } else if (body.front() == '#') {
      kind = RulesLineKind::Comment;
    } else {
      std::string_view rest = body;
      std::string_view word = first_word(rest);
      bool exported = false;
      bool overridden = false;
      while (word == "export" || word == "override") {
        (word == "export" ? exported : overridden) = true;
        rest = trim(rest.substr(word.size()));
        word = first_word(rest);
      }
      const std::size_t sep = find_separator(rest);
      const bool directive_word =
          std::find(kDirectives.begin(), kDirectives.end(), word) != kDirectives.end();
      std::size_t op_begin = std::string_view::npos;
      std::size_t op_len = 0;
      if (sep != std::string_view::npos) {
        if (rest[sep] == '=') {
          op_begin = sep;
          op_len = 1;
          if (sep > 0 && (rest[sep - 1] == '?' || rest[sep - 1] == '+' || rest[sep - 1] == '!')) {
            op_begin = sep - 1;
            op_len = 2;
          }
        } else if (rest.substr(sep, 2) == ":=") {
          op_begin = sep;
          op_len = 2;
        } else if (rest.substr(sep, 3) == "::=") {
          op_begin = sep;
          op_len = 3;
        }
      }
      if (op_begin != std::string_view::npos && !directive_word) {
        kind = RulesLineKind::Assignment;
        RulesAssignment a;
        const std::string_view name = trim(rest.substr(0, op_begin));
        const std::string_view value = trim(rest.substr(op_begin + op_len));
        a.name.assign(name);
        a.op.assign(rest.substr(op_begin, op_len));
        a.value.assign(value);
        a.exported = exported;
        a.overridden = overridden;
        a.range = range(lb, le);
        const auto nb = static_cast<std::size_t>(name.data() - t.data());
        a.name_range = range(nb, nb + name.size());
        const auto vb = static_cast<std::size_t>(value.data() - t.data());
        a.value_range = range(vb, vb + value.size());
        out.assignments.push_back(std::move(a));
        in_rule = false;
      } else if (directive_word || exported || overridden) {
        kind = RulesLineKind::Directive;
        const std::string keyword = exported && word != "export" ? "export" : std::string(word);
        const std::string_view arg = directive_word ? trim(rest.substr(word.size())) : rest;
        out.directives.push_back({keyword, std::string(arg), range(lb, le)});
        if (word == "define") in_define = true;
      } else if (sep != std::string_view::npos && rest[sep] == ':') {
        kind = RulesLineKind::Rule;
        RulesRule r;
        r.range = range(lb, le);
        std::string_view targets = rest.substr(0, sep);
        std::size_t after = sep + 1;
        if (after < rest.size() && rest[after] == ':') {
          r.double_colon = true;
          ++after;
        }
        for (std::size_t k = 0; k < targets.size();) {
          if (is_space(targets[k])) {
            ++k;
            continue;
          }
          std::size_t e = k;
          int depth = 0;
          while (e < targets.size() && (depth > 0 || !is_space(targets[e]))) {
            if (targets[e] == '(' || targets[e] == '{') ++depth;
            if ((targets[e] == ')' || targets[e] == '}') && depth > 0) --depth;
            ++e;
          }
          const auto tb = static_cast<std::size_t>(targets.data() - t.data()) + k;
          r.targets.push_back({std::string(targets.substr(k, e - k)), range(tb, tb + (e - k))});
          k = e;
        }
        std::string_view prereq = rest.substr(after);
        // A recipe may follow on the same line after ';'.
        prereq = trim(prereq);
        r.prerequisites.assign(prereq);
        const auto pb = static_cast<std::size_t>(prereq.data() - t.data());
        r.prerequisites_range = range(pb, pb + prereq.size());
        out.rules.push_back(std::move(r));
        in_rule = true;
      } else {
        kind = RulesLineKind::Other;
        sink.report("debian-rules-syntax", ir::Severity::Error, range(lb, le),
                    !logical.empty() && logical.front() == '\t'
                        ? "recipe line before the first target"
                        : "missing separator: not a rule, an assignment or a directive");
      }
    }
    for (std::size_t k = i; k <= j; ++k)
      out.lines.push_back({kind, physical[k].begin, physical[k].end, physical[k].next});
    i = j + 1;
  }
  return out;
}

DebianRules parse_debian_rules(const ir::SourceFile& file, ir::DiagnosticSink& sink) {
  return parse_debian_rules(file, file.text(), nullptr, sink);
}

std::string reprint(const DebianRules& rules) {
  std::string out;
  out.reserve(rules.text.size());
  for (const auto& l : rules.lines) out.append(rules.text, l.begin, l.next - l.begin);
  return out;
}

}  // namespace katalint::frontend::debian
