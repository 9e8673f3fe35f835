#include "backends/suse/style/style.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <regex>
#include <utility>

#include "backends/suse/style/tables.hpp"

namespace katalint::suse_style {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::vector<std::string>> parse_rows(const EmbeddedTable& table) {
  std::string text;
  for (auto chunk : table.chunks) text += chunk;
  std::vector<std::vector<std::string>> rows;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      fields.emplace_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

const std::map<std::string, std::string, std::less<>>& license_table() {
  static const auto table = [] {
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& row : table_rows("licenses.tsv"))
      if (row.size() >= 2) out.emplace(row[0], row[1]);
    return out;
  }();
  return table;
}

std::string collapse_blanks(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

// Length of a balanced %{...} or %(...) (or plain (...)) starting at `pos`; 0 if unbalanced.
std::size_t balanced_length(std::string_view s, std::size_t pos, char open, char close) {
  int depth = 0;
  for (std::size_t i = pos; i < s.size(); ++i) {
    if (s[i] == open) ++depth;
    else if (s[i] == close && --depth == 0) return i + 1 - pos;
  }
  return 0;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_operator_char(char c) { return c == '<' || c == '>' || c == '='; }

// Reads one word of a dependency: up to a blank, a comma or a comparison; macros and
// parentheses are read whole. Returns false on unbalanced input.
bool read_word(std::string_view s, std::size_t& pos, std::string& out, bool stop_at_operator) {
  while (pos < s.size()) {
    char c = s[pos];
    if (is_blank(c) || c == ',') break;
    if (stop_at_operator && is_operator_char(c)) break;
    if (c == '%' && pos + 1 < s.size() && (s[pos + 1] == '{' || s[pos + 1] == '(' || s[pos + 1] == '[')) {
      char open = s[pos + 1];
      char close = open == '{' ? '}' : open == '(' ? ')' : ']';
      std::size_t n = balanced_length(s, pos + 1, open, close);
      if (n == 0) return false;
      out.append(s.substr(pos, n + 1));
      pos += n + 1;
      continue;
    }
    if (c == '(') {
      std::size_t n = balanced_length(s, pos, '(', ')');
      if (n == 0) return false;
      out.append(s.substr(pos, n));
      pos += n;
      continue;
    }
    if (c == ')' || c == '}') return false;
    out += c;
    ++pos;
  }
  return true;
}

std::string normalise_operator(std::string_view op) {
  if (op == "=>") return ">=";
  if (op == "=<") return "<=";
  if (op == "==") return "=";
  return std::string(op);
}

const std::vector<std::string>& statement_macros() {
  static const auto names = [] {
    std::vector<std::string> out;
    for (const auto& row : table_rows("statement-macros.txt")) out.push_back(row[0]);
    return out;
  }();
  return names;
}

}  // namespace

const std::vector<std::vector<std::string>>& table_rows(std::string_view name) {
  static const auto all = [] {
    std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> out;
    for (const auto& table : embedded_tables()) out.emplace(std::string(table.name), parse_rows(table));
    return out;
  }();
  static const std::vector<std::vector<std::string>> none;
  auto it = all.find(name);
  return it == all.end() ? none : it->second;
}

std::string canonical_tag_name(std::string_view name) {
  static const std::array<std::string_view, 44> tags = {
      "Name", "Version", "Release", "Epoch", "Summary", "License", "Group", "URL", "BugURL",
      "Source", "Patch", "NoSource", "NoPatch", "BuildRoot", "BuildArch", "ExclusiveArch",
      "ExcludeArch", "ExclusiveOS", "ExcludeOS", "BuildRequires", "BuildConflicts",
      "BuildPreReq", "Requires", "Recommends", "Suggests", "Supplements", "Enhances", "Provides",
      "Obsoletes", "Conflicts", "PreReq", "OrderWithRequires", "AutoReq", "AutoProv",
      "AutoReqProv", "Vendor", "Packager", "Distribution", "Prefix", "Prefixes",
      "RemovePathPostfixes", "DocDir", "Icon", "VCS"};
  std::string key = lower(name);
  std::size_t digits = key.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(key[digits - 1]))) --digits;
  std::string base = key.substr(0, digits);
  for (auto tag : tags) {
    if (lower(tag) != base) continue;
    if (digits != key.size() && tag != "Source" && tag != "Patch") break;
    return std::string(tag) + key.substr(digits);
  }
  if (base == "buildarchitectures") return "BuildArch";
  return std::string(name);
}

std::string aligned_tag_prefix(std::string_view key) {
  std::string out(key);
  if (out.empty() || out.front() != '%') out += ':';
  if (out.size() >= kValueColumn) return out + ' ';
  out.resize(kValueColumn, ' ');
  return out;
}

std::string spdx_license(std::string_view value) {
  std::string v(value);
  while (!v.empty() && v.back() == ';') v.pop_back();
  static const std::regex semicolon(R"(\s*;\s*)");
  v = std::regex_replace(v, semicolon, " and ");
  static const std::regex separators(R"((\(|\)| and | AND | OR | or (?!later)|;))");
  std::vector<std::string> atoms;
  std::sregex_token_iterator it(v.begin(), v.end(), separators, {-1, 0}), end;
  for (; it != end; ++it)
    if (it->length() > 0) atoms.push_back(it->str());
  if (atoms.empty()) atoms.push_back(v);
  const auto& table = license_table();
  std::string joined;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    std::string atom = collapse_blanks(atoms[i]);
    if (auto found = table.find(atom); found != table.end()) atom = found->second;
    if (i) joined += ' ';
    joined += atom;
  }
  replace_all(joined, "( ", "(");
  replace_all(joined, " )", ")");
  replace_all(joined, " and ", " AND ");
  replace_all(joined, " or ", " OR ");
  replace_all(joined, " with ", " WITH ");
  return joined;
}

std::string Dependency::text() const {
  if (op.empty()) return name;
  return name + " " + op + " " + version;
}

std::optional<std::vector<Dependency>> split_dependencies(std::string_view value) {
  std::vector<Dependency> deps;
  std::size_t pos = 0;
  auto skip = [&] {
    while (pos < value.size() && (is_blank(value[pos]) || value[pos] == ',')) ++pos;
  };
  auto skip_blanks = [&] {
    while (pos < value.size() && is_blank(value[pos])) ++pos;
  };
  skip();
  while (pos < value.size()) {
    Dependency dep;
    // rpm reads "a>=1" and "jjj>" without blanks as one name, so only a blank ends a name;
    // the style keeps such a name as it is (comparison-operator-in-deptoken reports it).
    if (!read_word(value, pos, dep.name, false) || dep.name.empty()) return std::nullopt;
    std::size_t after_name = pos;
    skip_blanks();
    if (pos < value.size() && is_operator_char(value[pos])) {
      std::size_t start = pos;
      while (pos < value.size() && is_operator_char(value[pos])) ++pos;
      std::string op = normalise_operator(value.substr(start, pos - start));
      if (op != "<" && op != "<=" && op != "=" && op != ">=" && op != ">") return std::nullopt;
      skip_blanks();
      if (!read_word(value, pos, dep.version, false) || dep.version.empty()) return std::nullopt;
      dep.op = op;
    } else {
      pos = after_name;
    }
    static const std::regex packageand(R"(^packageand\(\s*([^\s:]+)\s*:\s*([^\s)]+)\s*\)$)");
    static const std::regex otherproviders(R"(^otherproviders\(\s*([^\s)]+)\s*\)$)");
    std::smatch m;
    if (std::regex_match(dep.name, m, packageand)) dep.name = "(" + m[1].str() + " and " + m[2].str() + ")";
    else if (std::regex_match(dep.name, m, otherproviders)) dep.name = m[1].str();
    if (dep.name == "pkg-config" || dep.name == "pkgconfig(pkg-config)") dep.name = "pkgconfig";
    deps.push_back(std::move(dep));
    skip();
  }
  return deps;
}

std::string dependency_sort_key(std::string_view line) {
  static const std::regex bracketed(R"((pkgconfig|cmake|perl|tex|rubygem)\()");
  static const std::regex pattern(R"(pattern(-\S+)?\(\))", std::regex::icase);
  std::string s(line);
  if (std::regex_search(s, bracketed)) return "2" + s;
  if (std::regex_search(s, pattern)) return "0" + s;
  return "1" + s;
}

std::vector<std::string> namespaced_names(Namespace ns, std::string_view package) {
  const char* table = ns == Namespace::Pkgconfig ? "pkgconfig.tsv"
                      : ns == Namespace::Perl    ? "perl.tsv"
                      : ns == Namespace::Cmake   ? "cmake.tsv"
                                                 : "tex.tsv";
  const char* prefix = ns == Namespace::Pkgconfig ? "pkgconfig"
                       : ns == Namespace::Perl    ? "perl"
                       : ns == Namespace::Cmake   ? "cmake"
                                                  : "tex";
  std::vector<std::string> out;
  for (const auto& row : table_rows(table)) {
    if (row.size() < 2 || row[0] != package) continue;
    std::string_view names = row[1];
    std::size_t pos = 0;
    while (pos < names.size()) {
      std::size_t end = names.find(' ', pos);
      if (end == std::string_view::npos) end = names.size();
      if (end > pos) out.push_back(std::string(prefix) + "(" + std::string(names.substr(pos, end - pos)) + ")");
      pos = end + 1;
    }
    break;
  }
  return out;
}

std::string replace_buildroot(std::string line) {
  static const std::regex buildroot(R"((\$\{?RPM_BUILD_ROOT\}?|"%\{?buildroot\}?")([/\s%]|$))");
  static const std::regex quoted(R"("\$\{?RPM_BUILD_ROOT\}?")");
  // Regexes only where their literal part occurs: most lines have none.
  if (line.find("RPM_BUILD_ROOT") == std::string::npos && line.find("buildroot") == std::string::npos) return line;
  line = std::regex_replace(line, buildroot, "%{buildroot}$2");
  return std::regex_replace(line, quoted, "%{buildroot}");
}

std::string replace_known_paths(std::string line, const std::vector<std::string>& redefined) {
  // A path ends at a slash, a blank, a macro, a quote or the end of the line.
  static const std::string end = R"(([/\s%"]|$))";
  // The macros each rule below reads or writes, in the same order.
  static const std::vector<std::vector<std::string>> rule_macros = {
      {"_exec_prefix", "_prefix"}, {"_prefix"}, {"_prefix", "_exec_prefix", "_bindir"},
      {"_prefix", "_exec_prefix", "_sbindir"}, {"_prefix", "_exec_prefix", "_libexecdir"},
      {"_prefix", "_includedir"}, {"_prefix", "_datarootdir", "_datadir"}, {"_datadir", "_mandir"},
      {"_datadir", "_infodir"}, {"_datadir", "_docdir"}, {"_sysconfdir", "_initddir"}, {"_sysconfdir"},
      {"_localstatedir"}, {"_prefix", "_exec_prefix", "_lib", "_libdir"}, {"_initrddir", "_initddir"}};
  static const std::vector<std::pair<std::regex, std::string>> rules = [] {
    std::vector<std::pair<std::regex, std::string>> r;
    auto add = [&](const std::string& pattern, const char* replacement) {
      r.emplace_back(std::regex(pattern), replacement);
    };
    add(R"(%\{?_exec_prefix\}?)" + end, "%{_prefix}$1");
    add("", "");  // /usr: handled below (needs a look-behind)
    add(R"(%\{?_prefix\}?/bin)" + end, "%{_bindir}$1");
    add(R"(%\{?_prefix\}?/sbin)" + end, "%{_sbindir}$1");
    add(R"(%\{?_prefix\}?/libexec)" + end, "%{_libexecdir}$1");
    add(R"(%\{?_prefix\}?/include)" + end, "%{_includedir}$1");
    add(R"(%\{?_prefix\}?/share)" + end, "%{_datadir}$1");
    add(R"(%\{?_datadir\}?/man)" + end, "%{_mandir}$1");
    add(R"(%\{?_datadir\}?/info)" + end, "%{_infodir}$1");
    add(R"(%\{?_datadir\}?/doc/packages)" + end, "%{_docdir}$1");
    add(R"(/etc/init.d)" + end, "%{_initddir}$1");
    add(R"(/etc)" + end, "%{_sysconfdir}$1");
    add(R"(/var)" + end, "%{_localstatedir}$1");
    add(R"(%\{?_prefix\}?/(%\{?_lib\}?|lib64))" + end, "%{_libdir}$2");
    add(R"(%\{?_initrddir\}?)" + end, "%{_initddir}$1");
    return r;
  }();
  // The literal each rule needs; a line without it is left to the next rule unread by the regex.
  static const std::array<std::string_view, 15> needles = {
      "_exec_prefix", "/usr", "_prefix", "_prefix", "_prefix", "_prefix", "_prefix", "_datadir",
      "_datadir", "_datadir", "/etc/init", "/etc", "/var", "_prefix", "_initrddir"};
  static_assert(needles.size() == 15);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (line.find(needles[i]) == std::string::npos) continue;
    bool skip = false;
    for (const auto& name : rule_macros[i])
      if (std::find(redefined.begin(), redefined.end(), name) != redefined.end()) skip = true;
    if (skip) continue;
    if (i == 1) {
      // "/usr" not preceded by a word character.
      std::string out;
      std::size_t pos = 0;
      while (true) {
        std::size_t hit = line.find("/usr", pos);
        if (hit == std::string::npos) break;
        char before = hit > 0 ? line[hit - 1] : ' ';
        std::size_t after = hit + 4;
        bool ends = after == line.size() || line[after] == '/' || line[after] == '%' || line[after] == '"' ||
                    std::isspace(static_cast<unsigned char>(line[after]));
        bool word = std::isalnum(static_cast<unsigned char>(before)) || before == '_';
        out.append(line, pos, hit - pos);
        out += (ends && !word) ? "%{_prefix}" : "/usr";
        pos = after;
      }
      out.append(line, pos);
      line = std::move(out);
      continue;
    }
    line = std::regex_replace(line, rules[i].first, rules[i].second);
  }
  return line;
}

bool is_allowed_group(std::string_view group) {
  for (const auto& row : table_rows("groups.txt"))
    if (row[0] == group) return true;
  return false;
}

bool is_statement_macro(std::string_view name) {
  for (const auto& entry : statement_macros()) {
    if (!entry.empty() && entry.back() == '*') {
      if (name.substr(0, entry.size() - 1) == std::string_view(entry).substr(0, entry.size() - 1)) return true;
    } else if (entry == name) {
      return true;
    }
  }
  return false;
}

}  // namespace katalint::suse_style
