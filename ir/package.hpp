// The format-neutral package model every frontend produces and every rule and backend reads.
// Values are stored twice where it matters: `raw` as written, `value` as evaluated for the
// target. Every node carries the range it came from.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ir/source.hpp"

namespace katalint::ir {

enum class DepKind {
  Requires,
  Provides,
  Conflicts,
  Obsoletes,
  Recommends,
  Suggests,
  Supplements,
  Enhances,
  OrderWithRequires,
  BuildRequires,
  BuildConflicts,
  // Debian-only relationship fields map onto these:
  PreDepends,
  Breaks,
  Replaces,
  BuiltUsing,
};

std::string_view to_string(DepKind kind);

// A rich (boolean) dependency: `(a >= 1 with b)`, `(a if b else c)`, ...
struct RichDep {
  enum class Op { Leaf, And, Or, If, IfElse, Unless, UnlessElse, With, Without };
  Op op = Op::Leaf;
  std::string text;                    // the leaf dependency, or the whole expression
  std::vector<RichDep> operands;       // empty for Leaf
};

struct Dependency {
  Range range;
  DepKind kind = DepKind::Requires;
  std::string name;
  std::string op;   // "", "<", "<=", "=", ">=", ">" (rpm) or "<<", ">>" (Debian)
  std::string evr;  // [epoch:]version[-release]
  std::vector<std::string> qualifiers;  // rpm: pre, post, preun, postun, pretrans, posttrans, verify, interp, meta
  std::optional<RichDep> rich;          // set for rpm rich dependencies
  std::vector<Dependency> alternatives;  // Debian `a | b`: the other alternatives
  std::vector<std::string> arch_restrictions;     // Debian [amd64 !i386]
  std::vector<std::string> profile_restrictions;  // Debian <!nocheck>
  std::string arch_qualifier;                     // Debian :any, :native
};

// A preamble tag or control field, as written and as evaluated.
struct Field {
  Range range;        // the whole line(s)
  Range value_range;  // the value as written
  std::string name;   // canonical capitalisation: "BuildRequires", "Summary"
  std::string qualifier;  // Requires(post) -> "post"; Summary(de) -> "de"
  std::string raw;    // value as written (macros unexpanded, placeholders unfilled)
  std::string value;  // value after expansion for the target
};

struct Script {
  Range range;
  std::string kind;         // pre, post, preun, postun, pretrans, posttrans, preuntrans,
                            // postuntrans, verifyscript, triggerin, filetriggerin, ...
  std::string package;      // subpackage the script belongs to ("" = main)
  std::string interpreter;  // -p argument, "" for the default shell
  std::string condition;    // trigger condition (after --)
  std::string body;         // evaluated text
  Range body_range;
  bool expand = false;      // -e or -q: rpm expands the body when installing
};

struct FileEntry {
  Range range;
  std::string path;                     // evaluated
  std::vector<std::string> directives;  // "%doc", "%config(noreplace)", "%dir", "%ghost", ...
  std::optional<std::string> mode, user, group;  // from %attr
};

struct FileList {
  Range range;
  std::string package;                   // "" = main
  std::vector<std::string> list_files;   // -f FILE
  std::optional<std::string> default_mode, default_user, default_group, default_dir_mode;
  std::vector<FileEntry> entries;
};

struct SourceEntry {
  Range range;
  bool is_patch = false;
  int number = 0;
  std::string raw;
  std::string value;  // evaluated URL or file name
  bool nosource = false;
};

struct ChangelogEntry {
  Range range;
  std::string date;     // as written
  std::string author;   // "Name <email>"
  std::string version;  // [E:]V-R or Debian version
  std::string distribution;  // Debian only
  std::string urgency;       // Debian only
  std::vector<std::string> lines;  // bullet text
  // Debian changelog and SUSE .changes details:
  std::string package;  // Debian: source name in the heading
  std::string email;    // the address alone (inside <...>, or the bare address)
  std::vector<std::pair<std::string, std::string>> options;  // Debian heading key=value, as written
  std::vector<std::string> closes;          // Debian bugs closed (Closes: #NNN), ascending
  std::vector<std::string> launchpad_bugs;  // Launchpad bugs (LP: #NNN), ascending
  Range header_range;   // Debian heading line / SUSE date line
  Range trailer_range;  // Debian ` -- ` line
};

// One build section (%prep, %build, ...) or debian/rules target.
struct BuildSection {
  Range range;
  std::string name;  // prep, conf, build, install, check, clean, generate_buildrequires
  std::string body;  // evaluated text
  Range body_range;
};

// A conditional as written, with the branch taken for the target.
struct Conditional {
  Range range;           // %if ... %endif
  std::string directive; // if, ifarch, ifnarch, ifos, ifnos
  std::vector<Range> branches;  // each branch's directive line (%if/%elif*/%else)
  int taken = -1;        // index into branches, or -1 when none is taken
};

struct BinaryPackage {
  Range range;  // %package line (the preamble for the main package)
  std::string name;
  std::optional<std::string> epoch;  // inherited from the main package when not set
  std::string version;
  std::string release;
  std::string summary;
  std::string description;
  Range description_range;
  bool has_description = false;
  std::string group;
  std::string license;
  std::string url;
  std::string arch;  // BuildArch: / Architecture:
  std::vector<Field> fields;  // every tag of this package, in order
  std::vector<Dependency> dependencies;
  std::vector<Script> scripts;
  std::vector<FileList> files;
};

// The source package, with its binary packages. packages[0] is the main package for specs.
struct Package {
  FileId file = kNoFile;
  std::string name;
  std::optional<std::string> epoch;
  std::string version;
  std::string release;
  std::string summary;
  std::string license;
  std::string url;
  std::string group;
  std::vector<std::string> exclusive_arch, exclude_arch, build_arch;
  std::vector<Field> fields;              // source-level tags/fields, in order
  std::vector<Dependency> build_dependencies;
  std::vector<SourceEntry> sources;       // sources then patches, declaration order
  std::vector<BinaryPackage> packages;
  std::vector<BuildSection> build_sections;
  std::vector<ChangelogEntry> changelog;
  std::vector<Conditional> conditionals;
  // Target facts evaluated while reading (e.g. "_isa" -> "(x86-64)"), for consumers that
  // must render what the target's rpm would.
  std::map<std::string, std::string> facts;
  bool parse_failed = false;  // rpm itself would reject this input
};

}  // namespace katalint::ir
