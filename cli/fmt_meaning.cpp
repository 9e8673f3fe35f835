#include "cli/fmt_meaning.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "frontend/rpmspec/query_json.hpp"
#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::cli {

namespace {

using Json = nlohmann::json;

// Fields the SUSE style rewrites or drops on purpose: the licence becomes SPDX, Vendor,
// Packager, Prefix and BuildRoot go, and the %changelog moves to NAME.changes.
constexpr std::string_view kDropped[] = {"license", "vendor", "packager", "prefixes", "changelog", "changelogs",
                                         "buildroot"};
constexpr std::string_view kDependencies[] = {"buildrequires", "buildconflicts", "requires",    "provides",
                                              "conflicts",     "obsoletes",      "recommends",  "suggests",
                                              "supplements",   "enhances"};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// %{name} and %name mean the same to rpm; an undefined macro stays in the text as written.
std::string unbrace(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && text[i + 1] == '{' &&
        (std::isalpha(static_cast<unsigned char>(text[i + 2])) != 0 || text[i + 2] == '_')) {
      std::size_t end = i + 2;
      while (end < text.size() && is_word_char(text[end])) ++end;
      if (end < text.size() && text[end] == '}') {
        out += '%';
        out.append(text.substr(i + 2, end - i - 2));
        i = end;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The dependency spellings the style rewrites: packageand(a:b) is (a and b), otherproviders(x)
// is x, pkg-config is pkgconfig.
std::string dependency_name(std::string text) {
  auto bare = [](std::string_view s) { return s.empty() || s.front() == ' '; };
  if (starts_with(text, "packageand(")) {
    const auto colon = text.find(':'), close = text.find(')');
    if (colon != std::string::npos && close != std::string::npos && colon < close)
      text = "(" + text.substr(11, colon - 11) + " and " + text.substr(colon + 1, close - colon - 1) + ")" +
             text.substr(close + 1);
  } else if (starts_with(text, "otherproviders(")) {
    const auto close = text.find(')');
    if (close != std::string::npos) text = text.substr(15, close - 15) + text.substr(close + 1);
  }
  for (std::string_view old : {"pkgconfig(pkg-config)", "pkg-config"})
    if (starts_with(text, old) && bare(std::string_view(text).substr(old.size())))
      text = "pkgconfig" + text.substr(old.size());
  return unbrace(text);
}

Json dependencies(const Json& list) {
  std::vector<Json> items;
  for (const auto& d : list) {
    Json item = d.is_object() ? d : Json{{"dep", d}};
    item["dep"] = dependency_name(item["dep"].get<std::string>());
    // A scriptlet whose whole body is /sbin/ldconfig runs it as its interpreter instead.
    if (item["dep"] == "/sbin/ldconfig" && item.contains("type") &&
        item["type"].get<std::string>().find("interp") != std::string::npos)
      item["dep"] = "/bin/sh";
    items.push_back(std::move(item));
  }
  // BuildRequires: pkgconfig is added next to pkgconfig() build dependencies, and an
  // unversioned dependency next to a versioned one of the same name is dropped.
  const bool pkgconfig_names = std::any_of(items.begin(), items.end(), [](const Json& i) {
    return starts_with(i["dep"].get<std::string>(), "pkgconfig(");
  });
  std::set<std::string> versioned;
  for (const auto& i : items) {
    const auto text = i["dep"].get<std::string>();
    if (const auto space = text.find(' '); space != std::string::npos) versioned.insert(text.substr(0, space));
  }
  std::set<std::string> kept;
  for (const auto& i : items) {
    const auto text = i["dep"].get<std::string>();
    if (pkgconfig_names && text == "pkgconfig") continue;
    if (text.find(' ') == std::string::npos && versioned.count(text)) continue;
    kept.insert(i.dump());
  }
  Json out = Json::array();
  for (const auto& k : kept) out.push_back(Json::parse(k));
  return out;
}

// The style writes a no-break space (U+00A0) as a plain one.
std::string without_no_break_spaces(std::string text) {
  for (auto at = text.find("\xc2\xa0"); at != std::string::npos; at = text.find("\xc2\xa0", at))
    text.replace(at, 2, " ");
  return text;
}

// The style drops the "Authors:" block at the end of a %description.
std::string without_authors(std::string text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    std::string_view line = std::string_view(text).substr(at, end - at);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (starts_with(line, "Author:") || starts_with(line, "Authors:")) {
      text.resize(at);
      break;
    }
    at = end + 1;
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

Json normalised(const Json& value, const std::string& numeric_release) {
  if (value.is_array()) {
    Json out = Json::array();
    for (const auto& v : value) out.push_back(normalised(v, numeric_release));
    return out;
  }
  if (value.is_string()) {
    std::string text = without_no_break_spaces(unbrace(value.get<std::string>()));
    // The release also appears in the provides of each package ("name = 1.0-2").
    if (!numeric_release.empty() && text.size() > numeric_release.size() + 1 &&
        text.compare(text.size() - numeric_release.size() - 1, std::string::npos, "-" + numeric_release) == 0)
      text.replace(text.size() - numeric_release.size(), std::string::npos, "0");
    return text;
  }
  if (!value.is_object()) return value;
  Json out = Json::object();
  for (const auto& [key, v] : value.items()) {
    if (std::find(std::begin(kDropped), std::end(kDropped), key) != std::end(kDropped)) continue;
    if (std::find(std::begin(kDependencies), std::end(kDependencies), key) != std::end(kDependencies) &&
        v.is_array()) {
      out[key] = normalised(dependencies(v), numeric_release);
    } else if ((key == "sources" || key == "patches") && v.is_array()) {
      // Tags keep their numbers; the style sorts them by number.
      std::vector<std::string> names;
      for (const auto& s : v) names.push_back(s.is_string() ? unbrace(s.get<std::string>()) : s.dump());
      std::sort(names.begin(), names.end());
      out[key] = names;
    } else if (key == "release" && v.is_string() && !numeric_release.empty()) {
      out[key] = "0";  // a numeric Release becomes 0: OBS counts the builds
    } else if (key == "description" && v.is_string()) {
      out[key] = without_authors(without_no_break_spaces(unbrace(v.get<std::string>())));
    } else {
      out[key] = normalised(v, numeric_release);
    }
  }
  return out;
}

// The path of the first place where `a` and `b` differ.
std::string first_difference(const Json& a, const Json& b, const std::string& path) {
  if (a.type() != b.type()) return path;
  if (a.is_object()) {
    for (const auto& [key, v] : a.items()) {
      const std::string at = path.empty() ? key : path + "." + key;
      if (!b.contains(key)) return at;
      if (v != b[key]) return first_difference(v, b[key], at);
    }
    for (const auto& [key, v] : b.items())
      if (!a.contains(key)) return path.empty() ? key : path + "." + key;
    return path;
  }
  if (a.is_array()) {
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
      if (a[i] != b[i]) return first_difference(a[i], b[i], fmt::format("{}[{}]", path, i));
    return path;
  }
  return path;
}

// The value of the first Release: line when it is a plain number other than 0: the style
// sets such a release to 0.
std::string numeric_release_of(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.size() < 8) continue;
    std::string tag(line.substr(0, 7));
    std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
    if (tag != "release") continue;
    line.remove_prefix(7);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() != ':') continue;
    line.remove_prefix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    const std::string_view value = line.substr(0, line.find_first_of(" \t\r"));
    const bool plain = std::none_of(line.begin(), line.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '\t';
    });
    return plain && value != "0" ? std::string(value) : std::string();
  }
  return {};
}

std::optional<Json> evaluate(std::string_view text, const std::string& path, const frontend::AnalyzeOptions& options) {
  ir::SourceManager sources;
  const auto id = sources.add(path, std::string(text));
  ir::DiagnosticSink sink;
  const ir::Package package = frontend::evaluate_spec_file(sources, id, options, sink);
  if (package.parse_failed) return std::nullopt;
  return Json::parse(rpmspec::query_json_text(package));
}

}  // namespace

std::optional<std::string> meaning_difference(std::string_view before, std::string_view after, const std::string& path,
                                              const frontend::AnalyzeOptions& options) {
  const auto old_meaning = evaluate(before, path, options);
  if (!old_meaning) return std::nullopt;
  const auto new_meaning = evaluate(after, path, options);
  if (!new_meaning) return "the formatted spec does not evaluate";
  const std::string numeric_release = numeric_release_of(before);
  const Json a = normalised(*old_meaning, numeric_release);
  const Json b = normalised(*new_meaning, numeric_release);
  if (a == b) return std::nullopt;
  return first_difference(a, b, "");
}

}  // namespace katalint::cli
