// OBS template placeholders (@KEY@): filling them from --set/--values and mapping
// positions in the filled text back into the template.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {

using PlaceholderValues = std::map<std::string, std::string, std::less<>>;

// Parses shell-style KEY=VALUE lines (`#` comments, optional quotes, optional `export`).
// Malformed lines are reported against `file`.
PlaceholderValues parse_values_file(const ir::SourceFile& file, ir::DiagnosticSink& sink);

struct Placeholder {
  ir::Range range;  // the whole @KEY@ token in the template
  std::string key;
  bool bound = false;
};

// The template with bound placeholders replaced. Unbound ones stay as opaque text.
class FilledTemplate {
 public:
  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] const std::vector<Placeholder>& placeholders() const { return placeholders_; }
  // Maps a byte offset in text() to a byte offset in the template. An offset inside
  // a substituted value maps to the start of its placeholder.
  [[nodiscard]] std::uint32_t to_source(std::uint32_t offset) const;

 private:
  friend FilledTemplate fill_placeholders(const ir::SourceFile&, const PlaceholderValues&, std::string_view,
                                          std::string_view);
  struct Segment {
    std::uint32_t out_begin;
    std::uint32_t src_begin;
    std::uint32_t length;  // bytes copied verbatim; 0 for a substituted value
  };
  std::string text_;
  std::vector<Segment> segments_;
  std::vector<Placeholder> placeholders_;
};

// Unbound placeholders are copied between `unbound_open` and `unbound_close`; the spec
// frontend passes its opaque-value markers so an unknown value is never taken literally.
FilledTemplate fill_placeholders(const ir::SourceFile& file, const PlaceholderValues& values,
                                 std::string_view unbound_open = {}, std::string_view unbound_close = {});

// Reports `unbound-placeholder` for every placeholder without a value.
void report_unbound(const FilledTemplate& filled, ir::DiagnosticSink& sink);

}  // namespace katalint::frontend
