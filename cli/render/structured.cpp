// JSON formats: katalint's own schema and SARIF 2.1.0.
#include <fmt/core.h>

#include <map>
#include <nlohmann/json.hpp>

#include "cli/render/common.hpp"
#include "rules/docs.hpp"
#include "rules/registry.hpp"

namespace katalint::cli::render_detail {
namespace {

using Json = nlohmann::ordered_json;

// Invalid UTF-8 in paths or messages must not make the dump throw.
void dump(const Json& j, std::ostream& out) {
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

Json position(ir::LineColumn pos, std::uint32_t byte) {
  return Json{{"line", pos.line}, {"column", pos.column}, {"byte", byte}};
}

// Adds "file", then the members of `middle`, then "begin" and "end"; null when unlocated.
void add_location(Json& j, const Location& loc, const Json& middle = Json::object()) {
  j["file"] = loc ? Json(loc.path()) : Json(nullptr);
  for (const auto& [key, value] : middle.items()) j[key] = value;
  j["begin"] = loc ? position(loc.begin_pos, loc.begin) : Json(nullptr);
  j["end"] = loc ? position(loc.end_pos, loc.end) : Json(nullptr);
}

std::string_view sarif_level(ir::Severity s) {
  switch (s) {
    case ir::Severity::Error: return "error";
    case ir::Severity::Warning: return "warning";
    case ir::Severity::Info: return "note";
  }
  return "error";
}

// SARIF wants URI references: keep relative paths relative, percent-encode the rest, and
// turn absolute paths into file: URIs.
std::string to_uri(std::string_view path) {
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                       c == '/';
    out += plain ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return out;
}

Json physical_location(const Location& loc) {
  return Json{{"artifactLocation", {{"uri", to_uri(loc.path())}}},
              {"region",
               {{"startLine", loc.begin_pos.line},
                {"startColumn", loc.begin_pos.column},
                {"endLine", loc.end_pos.line},
                {"endColumn", loc.end_pos.column},
                {"byteOffset", loc.begin},
                {"byteLength", loc.end - loc.begin}}}};
}

// SARIF needs at least one artifact change, so a fix with no located edit is dropped.
std::optional<Json> sarif_fix(const ir::Fix& fix, const ir::SourceManager& sources) {
  Json changes = Json::array();
  std::map<std::string, std::size_t> by_path;
  for (const auto& edit : fix.edits) {
    const Location loc = locate(sources, edit.range);
    if (!loc) continue;
    auto [it, added] = by_path.try_emplace(loc.path(), changes.size());
    if (added)
      changes.push_back(Json{{"artifactLocation", {{"uri", to_uri(loc.path())}}},
                             {"replacements", Json::array()}});
    Json replacement{{"deletedRegion", {{"byteOffset", loc.begin}, {"byteLength", loc.end - loc.begin}}}};
    // An absent insertedContent means a pure deletion.
    if (!edit.replacement.empty()) replacement["insertedContent"] = {{"text", edit.replacement}};
    changes[it->second]["replacements"].push_back(std::move(replacement));
  }
  if (changes.empty()) return std::nullopt;
  return Json{{"description", {{"text", fix.title}}},
              {"artifactChanges", std::move(changes)},
              {"properties", {{"applicability", ir::to_string(fix.applicability)}}}};
}

}  // namespace

void render_json(const std::vector<ir::Diagnostic>& diagnostics, const ir::SourceManager& sources,
                 std::ostream& out) {
  Json list = Json::array();
  for (const auto& d : diagnostics) {
    Json j;
    const Json head{{"rule", d.rule}, {"severity", ir::to_string(d.severity)}, {"message", d.message}};
    add_location(j, locate(sources, d.range), head);
    j["notes"] = Json::array();
    for (const auto& note : d.notes) {
      Json n;
      const Json message{{"message", note.message}};
      add_location(n, locate(sources, note.range), message);
      j["notes"].push_back(std::move(n));
    }
    if (d.fix) {
      Json edits = Json::array();
      for (const auto& edit : d.fix->edits) {
        Json e;
        add_location(e, locate(sources, edit.range));
        e["replacement"] = edit.replacement;
        edits.push_back(std::move(e));
      }
      j["fix"] = Json{{"title", d.fix->title},
                      {"applicability", ir::to_string(d.fix->applicability)},
                      {"edits", std::move(edits)}};
    } else {
      j["fix"] = nullptr;
    }
    list.push_back(std::move(j));
  }
  // Metadata of the reported rules, sorted by id.
  std::map<std::string, Json> reported;
  for (const auto& d : diagnostics) {
    if (reported.count(d.rule)) continue;
    Json meta{{"id", d.rule}};
    if (const auto* info = rules::find_rule(d.rule)) {
      meta["severity"] = ir::to_string(info->severity);
      meta["summary"] = info->summary;
      meta["fix"] = rules::to_string(info->fix);
      meta["help_uri"] = rules::doc_path(info->id);
    }
    reported.emplace(d.rule, std::move(meta));
  }
  Json rules_list = Json::array();
  for (auto& [id, meta] : reported) rules_list.push_back(std::move(meta));
  dump(Json{{"version", 1}, {"diagnostics", std::move(list)}, {"rules", std::move(rules_list)}}, out);
}

void render_sarif(const std::vector<ir::Diagnostic>& diagnostics,
                  const ir::SourceManager& sources, const RenderOptions& options,
                  std::ostream& out) {
  // Only the rules that were reported, sorted by id; ruleIndex points into this list.
  std::map<std::string, std::size_t> rule_index;
  for (const auto& d : diagnostics) rule_index.emplace(d.rule, 0);
  Json rules = Json::array();
  for (auto& [id, index] : rule_index) {
    index = rules.size();
    Json rule{{"id", id}};
    if (const auto* info = rules::find_rule(id)) {
      rule["shortDescription"] = {{"text", info->summary}};
      rule["fullDescription"] = {{"text", info->doc.what}};
      // The page path is relative to the repository root, as the docs are published there.
      rule["helpUri"] = rules::doc_path(info->id);
      rule["help"] = {{"text", fmt::format("{}; run 'katalint explain {}' or see {}", info->summary, id,
                                           rules::doc_path(info->id))}};
      rule["defaultConfiguration"] = {{"level", sarif_level(info->severity)}};
      rule["properties"] = {{"fix", rules::to_string(info->fix)},
                            {"origin", rules::to_string(info->origin)}};
    }
    rules.push_back(std::move(rule));
  }

  Json results = Json::array();
  for (const auto& d : diagnostics) {
    Json r{{"ruleId", d.rule},
           {"ruleIndex", rule_index.at(d.rule)},
           {"level", sarif_level(d.severity)},
           {"message", {{"text", d.message}}}};
    if (const Location loc = locate(sources, d.range))
      r["locations"] = Json::array({Json{{"physicalLocation", physical_location(loc)}}});
    if (!d.notes.empty()) {
      Json related = Json::array();
      for (const auto& note : d.notes) {
        Json rel{{"id", related.size()}};
        if (const Location nloc = locate(sources, note.range))
          rel["physicalLocation"] = physical_location(nloc);
        rel["message"] = {{"text", note.message}};
        related.push_back(std::move(rel));
      }
      r["relatedLocations"] = std::move(related);
    }
    if (d.fix)
      if (auto fix = sarif_fix(*d.fix, sources)) r["fixes"] = Json::array({std::move(*fix)});
    results.push_back(std::move(r));
  }

  const std::string version = options.tool_version.empty() ? KATALINT_VERSION : options.tool_version;
  Json driver{{"name", "katalint"}, {"version", version}, {"rules", std::move(rules)}};
  Json run{{"tool", {{"driver", std::move(driver)}}},
           {"columnKind", "unicodeCodePoints"},
           {"results", std::move(results)}};
  dump(Json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", Json::array({std::move(run)})}},
       out);
}

}  // namespace katalint::cli::render_detail
