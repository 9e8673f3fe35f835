// A faithful port of python3-debian's Deb822 reader (deb822.py: _skip_useless_lines,
// _split_gpg_and_payload, _internal_parser), so that `katalint query --json` prints what
// Python tools see, quirks included.
#include "frontend/debian/query.hpp"

#include <utility>
#include <vector>

#include "frontend/debian/lines.hpp"
#include "frontend/debian/rules.hpp"
#include "frontend/debian/text.hpp"
#include "frontend/obs/changes.hpp"
#include "frontend/obs/service.hpp"

namespace katalint::frontend::debian {
namespace {

bool bytes_isspace(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')) return false;
  }
  return true;
}

bool str_isspace(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = py_space_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string_view py_strip(std::string_view s) {
  while (!s.empty()) {
    const std::size_t n = py_space_length(s, 0);
    if (n == 0) break;
    s.remove_prefix(n);
  }
  while (!s.empty()) {
    const std::size_t n = py_space_length_before(s, s.size());
    if (n == 0) break;
    s.remove_suffix(n);
  }
  return s;
}

std::string_view strip_crlf(std::string_view s) {
  while (!s.empty() && (s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// ^-----(BEGIN|END) PGP ([^-]+)-----[\r\t ]*$ on a stripped line.
bool gpg_line(std::string_view line, bool& begin, std::string_view& what) {
  std::string_view rest;
  if (line.substr(0, 15) == "-----BEGIN PGP ") {
    begin = true;
    rest = line.substr(15);
  } else if (line.substr(0, 13) == "-----END PGP ") {
    begin = false;
    rest = line.substr(13);
  } else {
    return false;
  }
  const std::size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos) return false;
  what = rest.substr(0, dash);
  rest.remove_prefix(dash);
  if (rest.substr(0, 5) != "-----") return false;
  rest.remove_prefix(5);
  for (char c : rest) {
    if (c != '\r' && c != '\t' && c != ' ') return false;
  }
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Paragraph {
  std::vector<std::pair<std::string, std::string>> items;  // first spelling, last value
  void set(std::string_view key, std::string value) {
    const std::string k = ascii_lower(key);
    for (auto& [name, v] : items) {
      if (ascii_lower(name) == k) {
        v = std::move(value);
        return;
      }
    }
    items.emplace_back(std::string(key), std::move(value));
  }
};

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  // Next raw line (with its "\n"), or false at the end.
  bool next_raw(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    const std::size_t nl = text_.find('\n', pos_);
    const std::size_t end = nl == std::string_view::npos ? text_.size() : nl + 1;
    line = text_.substr(pos_, end - pos_);
    pos_ = end;
    return true;
  }

  // _skip_useless_lines: drops `#` lines, and empty lines before the first kept one.
  struct Useless {
    Reader& r;
    bool at_beginning = true;
    bool next(std::string_view& line) {
      while (r.next_raw(line)) {
        if (!line.empty() && line.front() == '#') continue;
        if (at_beginning) {
          std::string_view t = line;
          while (!t.empty() && (t.back() == '\r' || t.back() == '\n')) t.remove_suffix(1);
          if (t.empty()) continue;
          at_beginning = false;
        }
        return true;
      }
      return false;
    }
  };

  // _split_gpg_and_payload: the payload lines of the next paragraph.
  std::vector<std::string_view> payload() {
    Useless src{*this};
    std::vector<std::string_view> lines;
    std::size_t gpg_pre = 0;
    std::string_view state = "SAFE";
    bool first_line = true;
    std::string_view raw;
    while (src.next(raw)) {
      const std::string_view line = strip_crlf(raw);
      if (first_line) {
        if (line.empty() || bytes_isspace(line)) continue;
        first_line = false;
      }
      bool begin = false;
      std::string_view what;
      const bool m = !line.empty() && line.front() == '-' && gpg_line(line, begin, what);
      const bool is_empty = line.empty() || bytes_isspace(line);
      if (!m) {
        if (state == "SAFE") {
          if (!is_empty) {
            lines.push_back(line);
          } else if (gpg_pre == 0) {
            break;
          }
        } else if (state == "SIGNED MESSAGE") {
          if (is_empty) {
            state = "SAFE";
          } else {
            ++gpg_pre;
          }
        }
        // "SIGNATURE" and unknown armor kinds: the line is not payload.
      } else {
        if (begin) {
          state = what;
        } else {
          break;
        }
        if (!is_empty && lines.empty()) ++gpg_pre;
      }
    }
    return lines;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// _internal_parser on the payload lines.
Paragraph parse_paragraph(const std::vector<std::string_view>& lines) {
  Paragraph p;
  std::string_view curkey;
  bool have_key = false;
  std::string content;
  for (std::string_view line : lines) {
    std::size_t k = 0;
    while (k < line.size()) {
      const char c = line[k];
      if (c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        break;
      ++k;
    }
    if (k > 0) {
      std::size_t j = k;
      while (j < line.size()) {
        const std::size_t n = py_space_length(line, j);
        if (n == 0) break;
        j += n;
      }
      if (j < line.size() && line[j] == ':') {
        if (have_key) p.set(curkey, std::move(content));
        curkey = line.substr(0, k);
        have_key = true;
        content.assign(py_strip(line.substr(j + 1)));
        continue;
      }
    }
    if (!line.empty() && py_space_length(line, 0) > 0 && !str_isspace(line)) {
      content.push_back('\n');
      content.append(line);
    }
  }
  if (have_key) p.set(curkey, std::move(content));
  return p;
}

}  // namespace

std::string to_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
    bool ok = n != 0 && i + n <= s.size();
    std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1fu) : n == 3 ? (c & 0x0fu) : (c & 0x07u);
    for (std::size_t k = 1; ok && k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xc0) == 0x80;
      cp = (cp << 6) | (cc & 0x3fu);
    }
    if (ok && ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
               (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff))
      ok = false;
    if (ok) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out.append("\xef\xbf\xbd");
      ++i;
    }
  }
  return out;
}

nlohmann::ordered_json deb822_python_view(std::string_view text) {
  nlohmann::ordered_json paragraphs = nlohmann::ordered_json::array();
  Reader reader(text);
  for (;;) {
    const auto lines = reader.payload();
    if (lines.empty()) break;  // EOFError: iteration ends
    Paragraph p = parse_paragraph(lines);
    if (p.items.empty()) break;  // an empty Deb822 object also ends iter_paragraphs()
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (auto& [k, v] : p.items) obj[to_valid_utf8(k)] = to_valid_utf8(v);
    paragraphs.push_back(std::move(obj));
  }
  nlohmann::ordered_json out;
  out["paragraphs"] = std::move(paragraphs);
  return out;
}

nlohmann::ordered_json deb822_query_json(const Deb822Document& doc) {
  return deb822_python_view(doc.text);
}

nlohmann::ordered_json changelog_query_json(const DebianChangelog& changelog) {
  using J = nlohmann::ordered_json;
  J entries = J::array();
  for (const auto& e : changelog.entries) {
    J options = J::object();
    for (const auto& [k, v] : e.options) options[to_valid_utf8(k)] = to_valid_utf8(v);
    J changes = J::array();
    for (const auto& l : e.lines) changes.push_back(to_valid_utf8(l));
    entries.push_back({{"source", to_valid_utf8(e.package)},
                       {"version", to_valid_utf8(e.version)},
                       {"distribution", to_valid_utf8(e.distribution)},
                       {"urgency", to_valid_utf8(e.urgency)},
                       {"maintainer", to_valid_utf8(e.author)},
                       {"date", to_valid_utf8(e.date)},
                       {"closes", e.closes},
                       {"launchpad_bugs", e.launchpad_bugs},
                       {"options", std::move(options)},
                       {"changes", std::move(changes)}});
  }
  J out;
  out["entries"] = std::move(entries);
  return out;
}

std::optional<nlohmann::ordered_json> query_json(frontend::FileKind kind, const ir::SourceFile& file,
                                                 std::string_view text, const FilledTemplate* map,
                                                 ir::DiagnosticSink& sink) {
  using J = nlohmann::ordered_json;
  using frontend::FileKind;
  switch (kind) {
    case FileKind::DebianControl:
      return deb822_query_json(parse_deb822(file, text, map, Deb822Flavor::Control, sink));
    case FileKind::Dsc:
      return deb822_query_json(parse_deb822(file, text, map, Deb822Flavor::Dsc, sink));
    case FileKind::DebianCopyright:
      if (!looks_like_dep5(text)) return std::nullopt;
      return deb822_query_json(parse_deb822(file, text, map, Deb822Flavor::Copyright, sink));
    case FileKind::DebianChangelog:
      return changelog_query_json(parse_debian_changelog(file, text, map, sink));
    case FileKind::SuseChanges:
      return obs::changes_query_json(obs::parse_suse_changes(file, text, map, sink));
    case FileKind::ObsService: {
      const auto svc = obs::parse_obs_service(file, text, map, sink);
      J services = J::array();
      for (const auto& s : svc.services) {
        J params = J::array();
        for (const auto& p : s.params)
          params.push_back({{"name", to_valid_utf8(p.name)}, {"value", to_valid_utf8(p.value)}});
        services.push_back({{"name", to_valid_utf8(s.name)},
                            {"mode", to_valid_utf8(s.mode)},
                            {"params", std::move(params)}});
      }
      J out;
      out["services"] = std::move(services);
      return out;
    }
    case FileKind::DebianRules: {
      const auto rules = parse_debian_rules(file, text, map, sink);
      J targets = J::array();
      for (const auto& r : rules.rules)
        for (const auto& t : r.targets) targets.push_back(to_valid_utf8(t.name));
      J assignments = J::array();
      for (const auto& a : rules.assignments)
        assignments.push_back({{"name", to_valid_utf8(a.name)},
                               {"op", a.op},
                               {"value", to_valid_utf8(a.value)},
                               {"export", a.exported}});
      J out;
      out["targets"] = std::move(targets);
      out["assignments"] = std::move(assignments);
      return out;
    }
    case FileKind::DebianSeries: {
      J patches = J::array();
      for (const auto& e : parse_series(file, text, map, sink).entries) {
        if (e.words.empty()) continue;
        J options = J::array();
        for (std::size_t i = 1; i < e.words.size(); ++i) options.push_back(to_valid_utf8(e.words[i].text));
        patches.push_back({{"patch", to_valid_utf8(e.words.front().text)}, {"options", std::move(options)}});
      }
      J out;
      out["patches"] = std::move(patches);
      return out;
    }
    case FileKind::DebianInstall: {
      J entries = J::array();
      for (const auto& e : parse_install(file, text, map, sink).entries) {
        J words = J::array();
        for (const auto& w : e.words) words.push_back(to_valid_utf8(w.text));
        entries.push_back(std::move(words));
      }
      J out;
      out["entries"] = std::move(entries);
      return out;
    }
    case FileKind::SourceFormat: {
      J out;
      out["format"] = to_valid_utf8(parse_source_format(file, text, map, sink).value);
      return out;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace katalint::frontend::debian

namespace katalint::frontend::debian {

bool read_file(frontend::FileKind kind, const ir::SourceFile& file, std::string_view text,
               const FilledTemplate* map, ir::DiagnosticSink& sink, std::string* reprinted) {
  using frontend::FileKind;
  auto keep = [&](const auto& tree) {
    if (reprinted) *reprinted = reprint(tree);
    return true;
  };
  switch (kind) {
    case FileKind::DebianControl: return keep(parse_deb822(file, text, map, Deb822Flavor::Control, sink));
    case FileKind::Dsc: return keep(parse_deb822(file, text, map, Deb822Flavor::Dsc, sink));
    case FileKind::DebianCopyright:
      if (looks_like_dep5(text)) return keep(parse_deb822(file, text, map, Deb822Flavor::Copyright, sink));
      if (reprinted) *reprinted = std::string(text);  // free-form text is its own tree
      return true;
    case FileKind::DebianChangelog: return keep(parse_debian_changelog(file, text, map, sink));
    case FileKind::SuseChanges: return keep(obs::parse_suse_changes(file, text, map, sink));
    case FileKind::ObsService: return keep(obs::parse_obs_service(file, text, map, sink));
    case FileKind::DebianRules: return keep(parse_debian_rules(file, text, map, sink));
    case FileKind::DebianSeries: return keep(parse_series(file, text, map, sink));
    case FileKind::DebianInstall: return keep(parse_install(file, text, map, sink));
    case FileKind::SourceFormat: return keep(parse_source_format(file, text, map, sink));
    default: return false;
  }
}

}  // namespace katalint::frontend::debian
