// What a rule is: registry metadata, its documentation and a check function over a Context.
// Every rule lives in one file (rules/<group>/<name>.cpp) and is listed in rules/rules.def.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/file_kind.hpp"
#include "ir/diagnostic.hpp"
#include "ir/package.hpp"
#include "ir/source.hpp"

namespace katalint::rpmspec {
class SyntaxTree;
class MacroEngine;
}  // namespace katalint::rpmspec

namespace katalint::frontend {
struct PackageDirectory;
}  // namespace katalint::frontend

namespace katalint::frontend::debian {
struct Deb822Document;
struct DebianChangelog;
struct DebianRules;
struct SourceFormatFile;
}  // namespace katalint::frontend::debian

namespace katalint::frontend::obs {
struct SuseChanges;
}  // namespace katalint::frontend::obs

namespace katalint::rules {

// The distribution family of a target profile. Rules are enabled per family.
enum class Family : std::uint8_t { Generic, Suse, Fedora, Ubuntu };
using FamilyMask = std::uint8_t;
inline constexpr FamilyMask kSuse = 1u << 0;
inline constexpr FamilyMask kFedora = 1u << 1;
inline constexpr FamilyMask kUbuntu = 1u << 2;
inline constexpr FamilyMask kAllFamilies = kSuse | kFedora | kUbuntu;

// opensuse-*, sle*, suse → Suse; fedora, rhel*, centos* → Fedora; ubuntu*, debian* → Ubuntu;
// anything else (rpm) → Generic, which enables only the rules of every family.
Family family_of(std::string_view target);
std::string_view to_string(Family family);
// A profile name for examples and tests: opensuse-tumbleweed, fedora, ubuntu or rpm.
std::string_view default_target(Family family);

// File kinds a rule applies to, one bit per frontend::FileKind.
using KindMask = std::uint32_t;
constexpr KindMask kind_bit(frontend::FileKind kind) { return 1u << static_cast<unsigned>(kind); }
inline constexpr KindMask kSpecFiles = kind_bit(frontend::FileKind::Spec);
inline constexpr KindMask kDebianFiles =
    kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::DebianChangelog) |
    kind_bit(frontend::FileKind::DebianRules) | kind_bit(frontend::FileKind::DebianCopyright) |
    kind_bit(frontend::FileKind::DebianSeries) | kind_bit(frontend::FileKind::DebianInstall) |
    kind_bit(frontend::FileKind::SourceFormat) | kind_bit(frontend::FileKind::Dsc);
inline constexpr KindMask kAnyFile = 0xffffffffu;

// Where a rule's diagnostics come from.
enum class Origin : std::uint8_t {
  Frontend,  // reported while reading the file (parse errors, evaluation); no check function
  Package,   // reported across the files of one package directory (frontend/package/)
  Engine,    // reported by the lint engine itself (suppressions, baseline)
  Check,     // a lint check in rules/<group>/
};
std::string_view to_string(Origin origin);

// The most a rule's fix may be trusted with (ruff's Applicability, plus None).
enum class FixAvailability : std::uint8_t { None, Safe, Unsafe, SafeAndUnsafe, DisplayOnly };
std::string_view to_string(FixAvailability fix);

// The rule page: the same headings for every rule (docs/rules/<id>.md, `katalint explain`).
// `example` must make the rule fire and `use_instead` must not (tests/unit/rule_docs_test.cpp).
struct RuleDoc {
  std::string_view what;         // What it does
  std::string_view why;          // Why
  std::string_view example;      // a whole file that makes the rule fire
  std::string_view use_instead;  // the file as it should be; the rule stays silent
  std::string_view fix_safety;   // Fix safety
  std::string_view reference;    // Reference: guidelines, rpm behaviour, peer tools
  // File name the examples are linted as; empty means "example.spec" (or the first kind).
  std::string_view example_file = {};
  // Target profile for the examples; empty means one of the rule's families.
  std::string_view example_target = {};
  // Some diagnostics cannot come from a file's content (an unreadable file, a baseline entry);
  // their examples are shown but not run, and this says why.
  std::string_view not_runnable = {};
};

class Reporter;
struct Context;
using CheckFn = void (*)(const Context&, Reporter&);
// A check over the files of one package directory (frontend/package/directory.hpp).
using PackageCheckFn = void (*)(const frontend::PackageDirectory&, const ir::SourceManager&, Reporter&);

struct RuleInfo {
  std::string_view id;       // kebab-case, stable; rpmlint/lintian name where the check is the same
  ir::Severity severity;     // default severity
  std::string_view summary;  // one line, lower-case, no final period
  Origin origin = Origin::Check;
  KindMask kinds = kSpecFiles;
  FamilyMask families = kAllFamilies;  // targets whose profile enables the rule by default
  FixAvailability fix = FixAvailability::None;
  // Other names that select this rule in configuration and suppressions (rpmlint ids it
  // supersedes, renamed ids), separated by spaces.
  std::string_view aliases = {};
  RuleDoc doc = {};
  CheckFn check = nullptr;  // null for Frontend and Engine rules
  // Origin::Package rules may give their check here; check_package_directory() runs it.
  PackageCheckFn package_check = nullptr;

  [[nodiscard]] bool applies_to(frontend::FileKind kind) const { return (kinds & kind_bit(kind)) != 0; }
  [[nodiscard]] bool enabled_by_default(Family family) const;
};

// Everything a check may read. The file is the text as written; ranges reported must point
// into it (template placeholders are not filled there).
struct Context {
  const ir::SourceFile& file;
  frontend::FileKind kind = frontend::FileKind::Unknown;
  std::string_view target;  // the profile name
  Family family = Family::Generic;
  const ir::Package* package = nullptr;          // evaluated for the target; null if none
  const rpmspec::SyntaxTree* spec = nullptr;     // lossless tree of a spec; null otherwise
  // Debian files as their frontend read them; null for other kinds. `deb822` is the
  // debian/control, .dsc or DEP-5 copyright document.
  const frontend::debian::Deb822Document* deb822 = nullptr;
  const frontend::debian::DebianChangelog* changelog = nullptr;
  const frontend::debian::DebianRules* debian_rules = nullptr;
  const frontend::debian::SourceFormatFile* source_format = nullptr;
  // A SUSE NAME.changes file as its frontend read it; null for other kinds.
  const frontend::obs::SuseChanges* suse_changes = nullptr;
  // The target's macros (profile only, no spec definitions), loaded on first use; may be null
  // if the profile cannot be loaded.
  [[nodiscard]] rpmspec::MacroEngine* profile_macros() const;
  // The profile's expansion of `%{name}`, or nullopt when it is undefined or not plain text.
  [[nodiscard]] std::optional<std::string> profile_value(std::string_view macro) const;

  // Data that several checks derive from the file once and share (spec_support's line
  // table, ...), keyed by the address of something the deriving code owns.
  template <class T, class Make>
  const T& shared(const void* key, Make&& make) const {
    auto& slot = shared_[key];
    if (!slot) slot = std::make_shared<const T>(make());
    return *static_cast<const T*>(slot.get());
  }

  Context(const ir::SourceFile& f, frontend::FileKind k, std::string_view t);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

 private:
  struct Lazy;
  mutable std::unique_ptr<Lazy> lazy_;  // a cache filled on first use; checks see a const context
  mutable std::map<const void*, std::shared_ptr<const void>> shared_;
};

// Builds one diagnostic; valid until the next report() on the same Reporter.
class DiagnosticBuilder {
 public:
  explicit DiagnosticBuilder(ir::Diagnostic& d) : d_(d) {}
  DiagnosticBuilder& severity(ir::Severity s) {
    d_.severity = s;
    return *this;
  }
  DiagnosticBuilder& note(ir::Range range, std::string message) {
    d_.notes.push_back({range, std::move(message)});
    return *this;
  }
  DiagnosticBuilder& fix(std::string title, ir::Applicability applicability, std::vector<ir::Edit> edits) {
    d_.fix = ir::Fix{std::move(title), applicability, std::move(edits)};
    return *this;
  }

 private:
  ir::Diagnostic& d_;
};

// Reports diagnostics of one rule: its id and default severity are filled in.
class Reporter {
 public:
  Reporter(const RuleInfo& rule, ir::DiagnosticSink& sink) : rule_(rule), sink_(sink) {}
  DiagnosticBuilder report(ir::Range range, std::string message) {
    return DiagnosticBuilder(sink_.report(std::string(rule_.id), rule_.severity, range, std::move(message)));
  }
  [[nodiscard]] const RuleInfo& rule() const { return rule_; }

 private:
  const RuleInfo& rule_;
  ir::DiagnosticSink& sink_;
};

}  // namespace katalint::rules
