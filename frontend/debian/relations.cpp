#include "frontend/debian/relations.hpp"

#include <array>

#include <fmt/core.h>

#include "frontend/debian/text.hpp"
#include "frontend/rpmspec/dependencies.hpp"

namespace katalint::frontend::debian {
namespace {

using ir::DepKind;

constexpr std::array kRelationFields = {
    RelationField{"Build-Depends", DepKind::BuildRequires, "", true, true},
    RelationField{"Build-Depends-Arch", DepKind::BuildRequires, "arch", true, true},
    RelationField{"Build-Depends-Indep", DepKind::BuildRequires, "indep", true, true},
    RelationField{"Build-Conflicts", DepKind::BuildConflicts, "", false, true},
    RelationField{"Build-Conflicts-Arch", DepKind::BuildConflicts, "arch", false, true},
    RelationField{"Build-Conflicts-Indep", DepKind::BuildConflicts, "indep", false, true},
    RelationField{"Pre-Depends", DepKind::PreDepends, "", true, false},
    RelationField{"Depends", DepKind::Requires, "", true, false},
    RelationField{"Recommends", DepKind::Recommends, "", true, false},
    RelationField{"Suggests", DepKind::Suggests, "", true, false},
    RelationField{"Enhances", DepKind::Enhances, "", false, false},
    RelationField{"Breaks", DepKind::Breaks, "", false, false},
    RelationField{"Conflicts", DepKind::Conflicts, "", false, false},
    RelationField{"Provides", DepKind::Provides, "", false, false},
    RelationField{"Replaces", DepKind::Replaces, "", false, false},
    RelationField{"Built-Using", DepKind::BuiltUsing, "", false, false},
    RelationField{"Static-Built-Using", DepKind::BuiltUsing, "static", false, false},
};

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_delim(char c) {
  return is_ws(c) || c == ',' || c == '|' || c == '(' || c == ')' || c == '[' || c == ']' ||
         c == '<' || c == '>';
}

class Parser {
 public:
  Parser(const Deb822Document& doc, const Deb822Field& field, const RelationField& how,
         ir::DiagnosticSink& sink)
      : doc_(doc), field_(field), how_(how), sink_(sink), s_(field.value) {}

  std::vector<ir::Dependency> run() {
    std::vector<ir::Dependency> out;
    while (true) {
      skip_ws();
      if (pos_ >= s_.size()) break;
      if (s_[pos_] == ',') {  // dpkg skips empty groups (`a, , b`) silently
        ++pos_;
        continue;
      }
      std::optional<ir::Dependency> head;
      bool ok = true;
      while (true) {
        ir::Dependency dep;
        if (!atom(dep)) {
          ok = false;
          break;
        }
        if (!head) {
          head = std::move(dep);
        } else {
          head->alternatives.push_back(std::move(dep));
        }
        skip_ws();
        if (pos_ < s_.size() && s_[pos_] == '|') {
          if (!how_.alternatives) {
            error(pos_, pos_ + 1,
                  fmt::format("alternatives ('|') are not allowed in {}", how_.name));
          }
          ++pos_;
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] != ',') {
          error(pos_, pos_ + 1, fmt::format("unexpected '{}' in relation", s_[pos_]));
          ok = false;
        }
        break;
      }
      if (ok && head) {
        if (out.size() >= rpmspec::kMaxDependenciesPerField) {
          sink_.report("too-many-dependencies", ir::Severity::Warning, range(0, s_.size()),
                       fmt::format("more than {} relations in {}; the rest are not read",
                                   rpmspec::kMaxDependenciesPerField, how_.name));
          break;
        }
        out.push_back(std::move(*head));
      }
      if (!ok) {
        const std::size_t comma = s_.find(',', pos_);
        pos_ = comma == std::string_view::npos ? s_.size() : comma;
      }
      if (pos_ < s_.size() && s_[pos_] == ',') ++pos_;
    }
    return out;
  }

 private:
  void skip_ws() {
    while (pos_ < s_.size() && is_ws(s_[pos_])) ++pos_;
  }

  ir::Range range(std::size_t b, std::size_t e) const {
    return doc_.range(value_offset_to_text(doc_, field_, b), value_offset_to_text(doc_, field_, e));
  }

  void error(std::size_t b, std::size_t e, std::string message) {
    sink_.report("bad-relation", ir::Severity::Error, range(b, e),
                 fmt::format("cannot parse {}: {}", how_.name, message));
  }

  // Reads up to a delimiter (or `stop`), returns [begin, end).
  std::string_view token(std::string_view extra_stops = "") {
    const std::size_t b = pos_;
    while (pos_ < s_.size() && !is_delim(s_[pos_]) &&
           extra_stops.find(s_[pos_]) == std::string_view::npos)
      ++pos_;
    return s_.substr(b, pos_ - b);
  }

  bool atom(ir::Dependency& dep) {
    skip_ws();
    const std::size_t begin = pos_;
    dep.kind = how_.kind;
    if (!how_.qualifier.empty()) dep.qualifiers.emplace_back(how_.qualifier);
    // A name may be or contain substitution variables: `${misc:Depends}`,
    // `lib${abi}-dev`, `${a}${b}`; colons inside braces are not qualifiers.
    const std::size_t name_begin = pos_;
    while (pos_ < s_.size()) {
      if (s_.substr(pos_, 2) == "${") {
        const std::size_t close = s_.find('}', pos_);
        if (close == std::string_view::npos) {
          error(pos_, s_.size(), "unterminated substitution variable");
          return false;
        }
        pos_ = close + 1;
        continue;
      }
      if (is_delim(s_[pos_]) || s_[pos_] == ':') break;
      ++pos_;
    }
    if (pos_ == name_begin) {
      error(pos_, pos_ < s_.size() ? pos_ + 1 : pos_, "expected a package name");
      return false;
    }
    dep.name.assign(s_.substr(name_begin, pos_ - name_begin));
    if (pos_ < s_.size() && s_[pos_] == ':') {
      ++pos_;
      const std::string_view qual = token();
      if (qual.empty()) {
        error(pos_ - 1, pos_, "expected an architecture qualifier after ':'");
        return false;
      }
      dep.arch_qualifier.assign(qual);
    }
    std::size_t end = pos_;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == '(') {
      const std::size_t open = pos_++;
      skip_ws();
      static constexpr std::array<std::string_view, 7> kOps = {"<<", "<=", ">=", ">>", "=", "<", ">"};
      for (std::string_view op : kOps) {
        if (s_.substr(pos_, op.size()) == op) {
          dep.op.assign(op);
          pos_ += op.size();
          break;
        }
      }
      if (dep.op.empty()) {
        error(open, pos_ + (pos_ < s_.size() ? 1 : 0),
              "expected a version operator (<<, <=, =, >=, >>)");
        return false;
      }
      skip_ws();
      const std::size_t vb = pos_;
      while (pos_ < s_.size() && !is_ws(s_[pos_]) && s_[pos_] != ')' && s_[pos_] != ',' &&
             s_[pos_] != '|')
        ++pos_;
      if (pos_ == vb) {
        error(open, pos_, "expected a version after the operator");
        return false;
      }
      dep.evr.assign(s_.substr(vb, pos_ - vb));
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != ')') {
        error(open, pos_, "missing ')' after the version");
        return false;
      }
      end = ++pos_;
      skip_ws();
    }
    if (pos_ < s_.size() && s_[pos_] == '[') {
      const std::size_t open = pos_++;
      while (true) {
        skip_ws();
        if (pos_ >= s_.size() || s_[pos_] == ',' || s_[pos_] == '|') {
          error(open, pos_, "missing ']' after the architecture list");
          return false;
        }
        if (s_[pos_] == ']') break;
        const std::size_t tb = pos_;
        if (s_[pos_] == '!') ++pos_;
        token();
        if (pos_ == tb || (pos_ == tb + 1 && s_[tb] == '!')) {
          error(pos_, pos_ + 1, fmt::format("unexpected '{}' in architecture list", s_[pos_]));
          return false;
        }
        dep.arch_restrictions.emplace_back(s_.substr(tb, pos_ - tb));
      }
      if (dep.arch_restrictions.empty()) {
        error(open, pos_ + 1, "empty architecture list");
        return false;
      }
      end = ++pos_;
      skip_ws();
    }
    while (pos_ < s_.size() && s_[pos_] == '<') {
      const std::size_t open = pos_++;
      std::string group;
      while (true) {
        skip_ws();
        if (pos_ >= s_.size() || s_[pos_] == ',' || s_[pos_] == '|') {
          error(open, pos_, "missing '>' after the build profile list");
          return false;
        }
        if (s_[pos_] == '>') break;
        const std::size_t tb = pos_;
        if (s_[pos_] == '!') ++pos_;
        token();
        if (pos_ == tb || (pos_ == tb + 1 && s_[tb] == '!')) {
          error(pos_, pos_ + 1, fmt::format("unexpected '{}' in build profile list", s_[pos_]));
          return false;
        }
        if (!group.empty()) group.push_back(' ');
        group.append(s_.substr(tb, pos_ - tb));
      }
      if (group.empty()) {
        error(open, pos_ + 1, "empty build profile list");
        return false;
      }
      dep.profile_restrictions.push_back(std::move(group));
      end = ++pos_;
      skip_ws();
    }
    dep.range = range(begin, end);
    return true;
  }

  const Deb822Document& doc_;
  const Deb822Field& field_;
  const RelationField& how_;
  ir::DiagnosticSink& sink_;
  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

std::optional<RelationField> relation_field(std::string_view name) {
  for (const auto& f : kRelationFields) {
    if (iequals(f.name, name)) return f;
  }
  return std::nullopt;
}

std::vector<ir::Dependency> parse_relations(const Deb822Document& doc, const Deb822Field& field,
                                            const RelationField& how, ir::DiagnosticSink& sink) {
  return Parser(doc, field, how, sink).run();
}

}  // namespace katalint::frontend::debian
