// The part of the SUSE and Fedora backends that is the same for both: rewriting an input
// spec (a spec or spec template, line by line, with its placeholders filled) into a spec
// for one rpm distribution. Target-specific text comes from RpmTargetStyle.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "backends/common/input.hpp"
#include "backends/common/tables.hpp"
#include "ir/diagnostic.hpp"

namespace katalint::backends {

struct RpmTargetStyle {
  RpmFlavor flavor = RpmFlavor::Suse;
  std::string_view display_name;  // "SUSE", "Fedora": used in messages
  std::string release;            // the Release: value
  // Lines written before the first line of the input (the SUSE copyright header).
  std::string header;
  // `Tag:` + value, aligned the way the target writes its specs.
  std::function<std::string(std::string_view tag, std::string_view value)> tag_line;
  // The scriptlets that register systemd units: kind ("pre", "post", ...) -> macro call.
  std::vector<std::pair<std::string, std::string>> unit_scriptlets;
  std::string unit_requires;  // "%{?systemd_ordering}" / "%{?systemd_requires}"
  bool keeps_group = true;    // Fedora has no Group: tag
  bool drops_vendor = false;
  // Upstream home page written as URL: when the input has none (from the _service checkout).
  std::string homepage;
  // Prefix that turns a bare Source0 file name into a download URL ("" = keep the name).
  std::string source_url_prefix;
  // The text after `%changelog` (empty for SUSE, where the .changes file holds it).
  std::string changelog_body;
};

// What the rewrite found out, for the backend's other files and the summary.
struct RpmSpecResult {
  std::string text;
  std::string name;       // Name:, evaluated
  std::string version;    // Version:, evaluated
  bool uses_go = false;   // builds Go code
  bool bundled_go = false;  // the input unpacked its own Go toolchain
  std::string go_version;   // the Go release the input asked for ("1.10")
  bool prebuilt_image = false;
};

// The spec of `input.package` rewritten for the target. Every lossy step is reported to
// `sink` at the input line it concerns.
RpmSpecResult convert_rpm_spec(const ConvertInput& input, const ConvertOptions& options,
                               const RpmTargetStyle& style, ir::DiagnosticSink& sink);

// A spec drafted from a Debian source package (debian/control or debian.control, the Debian
// changelog for the version): name, version, summaries, descriptions and relations carry
// over; the build steps, file lists and licence need a human and are reported so.
RpmSpecResult spec_from_debian(const ConvertInput& input, const ConvertOptions& options,
                               const RpmTargetStyle& style, ir::DiagnosticSink& sink);

// The guest image package built by the target itself (an initrd that dracut makes from the
// target's kernel and the Kata agent), which replaces a prebuilt image.
std::string guest_image_spec(const RpmTargetStyle& style, std::string_view name, std::string_view version,
                             std::string_view go_version);

// "1.10.2" -> "1.10"; "" when it does not start with two numbers.
std::string go_release(std::string_view version);

// A Fedora-style %changelog entry list or SUSE .changes text is built from these.
struct ChangeEntry {
  std::int64_t time = 0;       // seconds since the epoch, UTC
  bool has_time_of_day = true;
  std::string author;          // "Name <email>"
  std::string version;         // version-release when known
  std::vector<std::string> lines;  // bullet text, already with "- " or "  * " prefixes
};

// The input's changelog (spec %changelog, else the Debian changelog), newest first, plus
// one new entry for the conversion itself. Lossy steps (no time of day, no version) are
// reported at the entry.
std::vector<ChangeEntry> collect_changelog(const ConvertInput& input, const ConvertOptions& options,
                                           std::string_view target, ir::DiagnosticSink& sink);

// strftime in UTC with the C locale, for `format` as in std::strftime.
std::string format_utc(std::int64_t time, const char* format);

}  // namespace katalint::backends
