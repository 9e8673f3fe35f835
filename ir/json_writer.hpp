// Writes JSON text directly, byte for byte as nlohmann::json's dump() would print the same
// document (compact, or indented), without building a tree first. For large outputs such as
// `katalint query` over many specs, where building the tree cost more than the query.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace katalint::ir {

class JsonWriter {
 public:
  // indent < 0: compact, as dump(); otherwise as dump(indent).
  explicit JsonWriter(std::string& out, int indent = -1) : out_(out), indent_(indent) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The key of the next member of the current object.
  void key(std::string_view name);
  void string(std::string_view text);
  void null();

  // Appends `text` as a JSON string. Throws nlohmann::json's type_error 316 on invalid
  // UTF-8, as dump() does with its default error handler.
  static void append_escaped(std::string& out, std::string_view text);

 private:
  void open(char bracket);
  void close(char bracket);
  void before_value();  // the separator and indentation before an array item or a key
  void newline_indent(std::size_t depth);

  std::string& out_;
  int indent_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace katalint::ir
