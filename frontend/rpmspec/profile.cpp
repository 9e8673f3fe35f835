#include "frontend/rpmspec/profile.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <vector>

namespace katalint::rpmspec {
namespace {

const EmbeddedProfile* find(std::string_view name) {
  for (const auto& p : embedded_profiles())
    if (p.name == name) return &p;
  return nullptr;
}

std::string text_of(const EmbeddedProfile& p) {
  std::string text;
  for (auto chunk : p.chunks) text.append(chunk);
  return text;
}

// The arguments of `#!katalint-DIRECTIVE NAME` lines in the comment header.
std::vector<std::string> directives(std::string_view text, std::string_view directive) {
  std::vector<std::string> names;
  const std::string prefix = "#!katalint-" + std::string(directive);
  while (!text.empty()) {
    const auto eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    if (line.substr(0, prefix.size()) == prefix &&
        (line.size() == prefix.size() || line[prefix.size()] == ' ' || line[prefix.size()] == '\t')) {
      line.remove_prefix(prefix.size());
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
      names.emplace_back(line);
    }
    if (!line.empty() && line.front() == '%') break;  // directives belong to the header
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  return names;
}

bool load(std::string_view name, MacroEngine& engine, std::string& error, int depth) {
  const EmbeddedProfile* p = find(name);
  if (!p) {
    std::string known;
    for (const auto& n : profile_names()) known += (known.empty() ? "" : ", ") + n;
    error = fmt::format("unknown target '{}' (known: {})", name, known);
    return false;
  }
  if (depth > 8) {
    error = fmt::format("profile '{}' inherits in a cycle", name);
    return false;
  }
  const std::string text = text_of(*p);
  for (std::size_t at = text.find("#!katalint-"); at != std::string::npos; at = text.find("#!katalint-", at + 1)) {
    if (at > 0 && text[at - 1] != '\n') continue;  // prose that mentions a directive
    const std::string_view rest = std::string_view(text).substr(at + 11);
    static constexpr std::string_view kKnown[] = {"inherit", "undefine", "pinned", "command", "missing-command", "shell"};
    const bool known = std::any_of(std::begin(kKnown), std::end(kKnown), [&](std::string_view k) {
      return rest.substr(0, k.size()) == k && (rest.size() == k.size() || rest[k.size()] == ' ' || rest[k.size()] == '\n');
    });
    if (!known) {
      error = fmt::format("profile '{}': unknown directive '#!katalint-{}'", name, rest.substr(0, rest.find('\n')));
      return false;
    }
  }
  for (const auto& parent : directives(text, "inherit"))
    if (!load(parent, engine, error, depth + 1)) return false;
  // Macros the parent defines that this target's rpm does not have.
  for (const auto& dropped : directives(text, "undefine"))
    for (int guard = 0; guard < 16 && engine.is_defined(dropped); ++guard) engine.undefine(dropped);
  // `#!katalint-command COMMAND => OUTPUT`: what the target prints for a host command.
  for (const auto& fact : directives(text, "command")) {
    const auto arrow = fact.find(" => ");
    if (arrow == std::string::npos) continue;
    engine.shell.facts[fact.substr(0, arrow)] = fact.substr(arrow + 4);
  }
  for (const auto& command : directives(text, "missing-command")) engine.shell.missing_commands.push_back(command);
  for (const auto& sh : directives(text, "shell")) engine.shell.dash = sh == "dash";
  engine.load_macro_file(text);
  return true;
}

}  // namespace

std::vector<std::string> profile_names() {
  std::vector<std::string> names;
  for (const auto& p : embedded_profiles()) names.emplace_back(p.name);
  return names;
}

bool load_profile_text(std::string_view name, MacroEngine& out, std::string& error) {
  MacroEngine engine;
  if (!load(name, engine, error, 0)) return false;
  engine.freeze();
  out = std::move(engine);
  return true;
}

}  // namespace katalint::rpmspec
