#include "cli/baseline.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "cli/fix.hpp"

namespace katalint::cli {
namespace fs = std::filesystem;
namespace {

using Key = std::tuple<std::string, std::string, std::string>;  // file, rule, line

// A fingerprint keeps this much of a line, so a huge line costs little per finding.
constexpr std::size_t kMaxFingerprintLine = 1024;

// Findings without a location (a bad --target) have no line to record.
std::optional<Key> key_of(const ir::Diagnostic& d, const ir::SourceManager& sources, const std::string& baseline) {
  if (!d.range.valid() || d.range.file >= sources.size()) return std::nullopt;
  const auto& file = sources.file(d.range.file);
  const auto line = file.line_text(file.position(d.range.begin).line).substr(0, kMaxFingerprintLine);
  return Key{baseline_file_key(baseline, file.path()), d.rule, normalise_line(line)};
}

constexpr std::string_view kStaleRule = "stale-baseline-entry";

}  // namespace

std::string normalise_line(std::string_view line) {
  std::string out;
  for (char c : line) {
    const bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (blank) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string baseline_file_key(const std::string& baseline_path, const std::string& file_path) {
  std::error_code ec;
  const fs::path base = fs::absolute(baseline_path, ec).parent_path().lexically_normal();
  const fs::path file = fs::absolute(file_path, ec).lexically_normal();
  const fs::path relative = file.lexically_relative(base);
  return (relative.empty() ? file : relative).generic_string();
}

std::optional<Baseline> load_baseline(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot read baseline '{}': {}", path, std::strerror(errno));
    return std::nullopt;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  Baseline b;
  b.path = path;
  b.text = ss.str();
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(b.text);
  } catch (const nlohmann::json::parse_error& e) {
    error = fmt::format("{}: not a katalint baseline: {}", path, e.what());
    return std::nullopt;
  }
  const auto bad = [&](const std::string& why) {
    error = fmt::format("{}: not a katalint baseline: {}", path, why);
    return std::nullopt;
  };
  if (!doc.is_object() || doc.value("version", 0) != 1) return bad("expected {\"version\": 1, ...}");
  if (!doc.contains("findings") || !doc["findings"].is_array()) return bad("expected a \"findings\" array");
  // Entries are written one per line; find each one's line for stale reports.
  std::vector<std::uint32_t> entry_lines;
  {
    std::uint32_t line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= b.text.size(); ++i) {
      if (i < b.text.size() && b.text[i] != '\n') continue;
      const std::string_view l = std::string_view(b.text).substr(start, i - start);
      if (l.find("\"rule\"") != std::string_view::npos) entry_lines.push_back(line);
      ++line;
      start = i + 1;
    }
  }
  const auto& findings = doc["findings"];
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    if (!f.is_object() || !f.contains("rule") || !f["rule"].is_string() || !f.contains("file") ||
        !f["file"].is_string() || !f.contains("line") || !f["line"].is_string())
      return bad(fmt::format("finding {} needs string fields rule, file and line", i + 1));
    BaselineEntry e;
    e.rule = f["rule"].get<std::string>();
    e.file = f["file"].get<std::string>();
    e.line = f["line"].get<std::string>();
    if (f.contains("count")) {
      if (!f["count"].is_number_unsigned() || f["count"].get<std::size_t>() == 0)
        return bad(fmt::format("finding {}: count must be a positive integer", i + 1));
      e.count = f["count"].get<std::size_t>();
    }
    e.source_line = entry_lines.size() == findings.size() ? entry_lines[i] : 0;
    b.entries.push_back(std::move(e));
  }
  return b;
}

std::optional<std::size_t> write_baseline(const std::string& path, const std::vector<ir::Diagnostic>& diagnostics,
                                          const ir::SourceManager& sources, std::string& error) {
  std::map<Key, std::size_t> counts;
  std::size_t total = 0;
  for (const auto& d : diagnostics) {
    if (d.rule == kStaleRule) continue;
    if (auto key = key_of(d, sources, path)) {
      ++counts[*key];
      ++total;
    }
  }
  // One entry per line, sorted, so diffs of the baseline stay readable.
  std::string text = "{\n  \"version\": 1,\n  \"findings\": [";
  bool first = true;
  for (const auto& [key, count] : counts) {
    const auto& [file, rule, line] = key;
    nlohmann::ordered_json entry{{"rule", rule}, {"file", file}, {"line", line}, {"count", count}};
    text += first ? "\n    " : ",\n    ";
    text += entry.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    first = false;
  }
  text += first ? "]\n}\n" : "\n  ]\n}\n";
  if (!write_atomically(path, std::nullopt, text, error)) return std::nullopt;
  return total;
}

void apply_baseline(const Baseline& baseline, const std::set<std::string>& linted,
                    std::vector<ir::Diagnostic>& diagnostics, ir::SourceManager& sources) {
  std::map<Key, std::pair<std::size_t, std::size_t>> budget;  // key -> (allowed, matched)
  for (const auto& e : baseline.entries) budget[{e.file, e.rule, e.line}].first += e.count;
  std::erase_if(diagnostics, [&](const ir::Diagnostic& d) {
    auto key = key_of(d, sources, baseline.path);
    if (!key) return false;
    auto it = budget.find(*key);
    if (it == budget.end() || it->second.second >= it->second.first) return false;
    ++it->second.second;
    return true;
  });

  std::set<std::string> linted_keys;
  for (const auto& f : linted) linted_keys.insert(baseline_file_key(baseline.path, f));
  const ir::FileId id = sources.add(baseline.path, baseline.text);
  const auto& file = sources.file(id);
  std::set<Key> reported;  // an entry repeated in the file is reported once
  for (const auto& e : baseline.entries) {
    Key key{e.file, e.rule, e.line};
    if (!linted_keys.count(e.file) || !reported.insert(key).second) continue;
    const auto [allowed, matched] = budget[key];
    if (matched >= allowed) continue;
    const std::uint32_t line = e.source_line ? e.source_line : 1;
    const std::uint32_t begin = file.line_start(line);
    ir::Diagnostic d;
    d.rule = std::string(kStaleRule);
    d.severity = ir::Severity::Info;
    d.range = {id, begin, begin + static_cast<std::uint32_t>(file.line_text(line).size())};
    d.message = matched == 0 ? fmt::format("baseline entry for {} in {} matches no finding", e.rule, e.file)
                             : fmt::format("baseline entry for {} in {} matches {} of {} findings", e.rule,
                                           e.file, matched, allowed);
    diagnostics.push_back(std::move(d));
  }
}

}  // namespace katalint::cli
