// `katalint explain` and `katalint rules`.
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "rules/docs.hpp"
#include "rules/registry.hpp"

namespace katalint::cli {
namespace {

bool write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

// Rewrites DIR/<id>.md and DIR/README.md, and removes pages of rules that no longer exist.
int write_docs(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return usage_error(fmt::format("cannot create '{}': {}", dir, ec.message()));
  for (const auto* r : rules::all_rules()) {
    const fs::path page = fs::path(dir) / fmt::format("{}.md", r->id);
    if (!write_text(page, rules::render_markdown(*r)))
      return usage_error(fmt::format("cannot write '{}'", page.string()));
  }
  if (!write_text(fs::path(dir) / "README.md", rules::render_index()))
    return usage_error(fmt::format("cannot write '{}/README.md'", dir));
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename().string();
    if (entry.path().extension() != ".md" || name == "README.md") continue;
    if (!rules::find_rule(entry.path().stem().string()) ||
        rules::find_rule(entry.path().stem().string())->id != entry.path().stem().string())
      fs::remove(entry.path(), ec);
  }
  return kExitClean;
}

}  // namespace

int run_explain(const std::string& rule_id) {
  const auto* rule = rules::find_rule(rule_id);
  if (!rule) return usage_error(fmt::format("unknown rule '{}' (see 'katalint rules')", rule_id));
  fmt::print("{}", rules::render_markdown(*rule));
  return kExitClean;
}

int run_rules(const std::string& format, const std::string& docs_dir) {
  if (!docs_dir.empty()) return write_docs(docs_dir);
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto* r : rules::all_rules()) {
      nlohmann::ordered_json aliases = nlohmann::ordered_json::array();
      for (std::string_view rest = r->aliases; !rest.empty();) {
        const auto space = rest.find(' ');
        aliases.push_back(std::string(rest.substr(0, space)));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
      list.push_back({{"id", r->id},
                      {"severity", ir::to_string(r->severity)},
                      {"summary", r->summary},
                      {"origin", rules::to_string(r->origin)},
                      {"files", rules::describe_kinds(r->kinds)},
                      {"targets", r->origin == rules::Origin::Check ? rules::describe_families(r->families) : "all"},
                      {"fix", rules::to_string(r->fix)},
                      {"aliases", aliases},
                      {"doc", rules::doc_path(r->id)}});
    }
    fmt::print("{}\n", nlohmann::ordered_json{{"version", 1}, {"rules", list}}.dump(2));
    return kExitClean;
  }
  if (format != "text") return usage_error(fmt::format("unknown --format '{}' (expected text or json)", format));
  for (const auto* r : rules::all_rules())
    fmt::print("{:<32} {:<8} {}\n", r->id, ir::to_string(r->severity), r->summary);
  return kExitClean;
}

}  // namespace katalint::cli
