// JSON views of Debian files for `katalint query --json`.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "frontend/debian/changelog.hpp"
#include "frontend/debian/deb822.hpp"
#include "frontend/file_kind.hpp"

namespace katalint::frontend::debian {

// {"paragraphs": [{field: value, ...}, ...]} with exactly the keys and values
// python3-debian's debian.deb822.Deb822.iter_paragraphs() yields for the same bytes
// (read from a binary file, without apt_pkg). docs/debian-frontend.md lists the
// deliberate differences (invalid UTF-8 only).
nlohmann::ordered_json deb822_query_json(const Deb822Document& doc);

// The same emulation on raw text; exposed for tests and benchmarks.
nlohmann::ordered_json deb822_python_view(std::string_view text);

// {"entries": [{"source", "version", "distribution", "urgency", "maintainer", "date",
// "closes": [..], "launchpad_bugs": [..], "options": {key: value}, "changes": [..]}]}:
// the fields dpkg-parsechangelog prints, per entry, newest first.
nlohmann::ordered_json changelog_query_json(const DebianChangelog& changelog);

// The JSON view of any Debian or OBS file this frontend reads, for `katalint query --json`:
//   control, .dsc, DEP-5 copyright  -> deb822_query_json()
//   debian/changelog                -> changelog_query_json()
//   SUSE .changes                   -> obs::changes_query_json()
//   _service                        -> {"services": [{"name", "mode", "params": [{"name", "value"}]}]}
//   debian/rules                    -> {"targets": [..], "assignments": [{"name", "op", "value", "export"}]}
//   series                          -> {"patches": [{"patch", "options": [..]}]}
//   *.install                       -> {"entries": [[word, ...], ...]}
//   debian/source/format            -> {"format": ".."}
// `text` is the file's text or the filled template (then `map` is its FilledTemplate).
// Returns nullopt for other kinds (and for free-form copyright files).
std::optional<nlohmann::ordered_json> query_json(frontend::FileKind kind, const ir::SourceFile& file,
                                                 std::string_view text, const FilledTemplate* map,
                                                 ir::DiagnosticSink& sink);

// Replaces invalid UTF-8 sequences by U+FFFD so the string can go into JSON.
std::string to_valid_utf8(std::string_view s);

}  // namespace katalint::frontend::debian

namespace katalint::frontend::debian {

// Parses a Debian or OBS file of `kind` (`text` is the file or its filled template, `map`
// its FilledTemplate or null), reporting its diagnostics to `sink`. When `reprinted` is
// given, it receives the text reprinted from the syntax tree. Returns false for kinds this
// frontend does not read.
bool read_file(frontend::FileKind kind, const ir::SourceFile& file, std::string_view text,
               const FilledTemplate* map, ir::DiagnosticSink& sink, std::string* reprinted = nullptr);

}  // namespace katalint::frontend::debian
