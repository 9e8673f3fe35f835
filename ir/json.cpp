#include "ir/json.hpp"

namespace katalint::ir {
namespace {

using json = nlohmann::ordered_json;

json optional(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json rich_json(const RichDep& r) {
  static constexpr const char* kOps[] = {"leaf", "and", "or", "if", "if-else", "unless", "unless-else", "with", "without"};
  json j{{"op", kOps[static_cast<int>(r.op)]}, {"text", r.text}};
  if (!r.operands.empty()) {
    json ops = json::array();
    for (const auto& o : r.operands) ops.push_back(rich_json(o));
    j["operands"] = std::move(ops);
  }
  return j;
}

json dep_json(const Dependency& d, const SourceManager& s) {
  json j{{"kind", to_string(d.kind)}, {"name", d.name}, {"op", d.op}, {"evr", d.evr},
         {"qualifiers", d.qualifiers}, {"range", to_json(d.range, s)}};
  if (d.rich) j["rich"] = rich_json(*d.rich);
  if (!d.alternatives.empty()) {
    json alts = json::array();
    for (const auto& a : d.alternatives) alts.push_back(dep_json(a, s));
    j["alternatives"] = std::move(alts);
  }
  if (!d.arch_restrictions.empty()) j["arch_restrictions"] = d.arch_restrictions;
  if (!d.profile_restrictions.empty()) j["profile_restrictions"] = d.profile_restrictions;
  if (!d.arch_qualifier.empty()) j["arch_qualifier"] = d.arch_qualifier;
  return j;
}

json field_json(const Field& f, const SourceManager& s) {
  return {{"name", f.name}, {"qualifier", f.qualifier}, {"raw", f.raw}, {"value", f.value},
          {"range", to_json(f.range, s)}};
}

template <typename T, typename F>
json list(const std::vector<T>& items, F&& convert) {
  json out = json::array();
  for (const auto& item : items) out.push_back(convert(item));
  return out;
}

}  // namespace

json to_json(const Range& range, const SourceManager& sources) {
  if (!range.valid()) return nullptr;
  const SourceFile& f = sources.file(range.file);
  const auto b = f.position(range.begin);
  const auto e = f.position(range.end);
  return {{"file", f.path()},
          {"begin", {{"line", b.line}, {"column", b.column}, {"byte", range.begin}}},
          {"end", {{"line", e.line}, {"column", e.column}, {"byte", range.end}}}};
}

json to_json(const Package& p, const SourceManager& s) {
  auto deps = [&](const Dependency& d) { return dep_json(d, s); };
  auto fields = [&](const Field& f) { return field_json(f, s); };
  json packages = json::array();
  for (const auto& b : p.packages) {
    packages.push_back({
        {"name", b.name}, {"epoch", optional(b.epoch)}, {"version", b.version}, {"release", b.release},
        {"arch", b.arch}, {"summary", b.summary}, {"license", b.license}, {"url", b.url}, {"group", b.group},
        {"description", b.description}, {"range", to_json(b.range, s)},
        {"fields", list(b.fields, fields)},
        {"dependencies", list(b.dependencies, deps)},
        {"scripts", list(b.scripts, [&](const Script& x) {
           return json{{"kind", x.kind}, {"interpreter", x.interpreter}, {"condition", x.condition},
                       {"body", x.body}, {"range", to_json(x.range, s)}};
         })},
        {"files", list(b.files, [&](const FileList& l) {
           return json{{"list_files", l.list_files},
                       {"entries", list(l.entries, [&](const FileEntry& e) {
                          return json{{"path", e.path}, {"directives", e.directives}, {"mode", optional(e.mode)},
                                      {"user", optional(e.user)}, {"group", optional(e.group)},
                                      {"range", to_json(e.range, s)}};
                        })},
                       {"range", to_json(l.range, s)}};
         })},
    });
  }
  return {
      {"schema", kIrJsonVersion},
      {"file", p.file == kNoFile ? json(nullptr) : json(s.file(p.file).path())},
      {"parse_failed", p.parse_failed},
      {"name", p.name}, {"epoch", optional(p.epoch)}, {"version", p.version}, {"release", p.release},
      {"summary", p.summary}, {"license", p.license}, {"url", p.url}, {"group", p.group},
      {"exclusive_arch", p.exclusive_arch}, {"exclude_arch", p.exclude_arch}, {"build_arch", p.build_arch},
      {"fields", list(p.fields, fields)},
      {"build_dependencies", list(p.build_dependencies, deps)},
      {"sources", list(p.sources, [&](const SourceEntry& e) {
         return json{{"kind", e.is_patch ? "patch" : "source"}, {"number", e.number}, {"value", e.value},
                     {"nosource", e.nosource}, {"range", to_json(e.range, s)}};
       })},
      {"packages", std::move(packages)},
      {"build_sections", list(p.build_sections, [&](const BuildSection& b) {
         return json{{"name", b.name}, {"body", b.body}, {"range", to_json(b.range, s)}};
       })},
      {"changelog", list(p.changelog, [&](const ChangelogEntry& c) {
         return json{{"date", c.date}, {"author", c.author}, {"version", c.version}, {"lines", c.lines},
                     {"range", to_json(c.range, s)}};
       })},
      {"conditionals", list(p.conditionals, [&](const Conditional& c) {
         return json{{"directive", c.directive}, {"taken", c.taken},
                     {"branches", list(c.branches, [&](const Range& r) { return to_json(r, s); })},
                     {"range", to_json(c.range, s)}};
       })},
  };
}

}  // namespace katalint::ir
