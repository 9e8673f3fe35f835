#include "ir/json_writer.hpp"

#include <cstdint>

#include <nlohmann/json.hpp>

#include "ir/swar.hpp"

namespace katalint::ir {
namespace {

// The length of the UTF-8 sequence at `i` (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), or 0 if it is invalid there.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

[[noreturn]] void invalid_utf8(std::string_view s, std::size_t i) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto c = static_cast<unsigned char>(s[i]);
  const std::string message = "invalid UTF-8 byte at index " + std::to_string(i) + ": 0x" + kHex[c >> 4] + kHex[c & 15];
  throw nlohmann::ordered_json::type_error::create(316, message, static_cast<const nlohmann::ordered_json*>(nullptr));
}

}  // namespace

void JsonWriter::append_escaped(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < s.size();) {
    // Eight plain ASCII bytes at a time: none below 0x20, none '"', '\\' or 0x80 and above.
    if (i + 8 <= s.size()) {
      const std::uint64_t word = swar::load(s.data() + i);
      if (((word & swar::kHighs) | swar::has_below(word, 0x20) | swar::has_byte(word, '"') |
           swar::has_byte(word, '\\')) == 0) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      if (c < 0x80) {
        ++i;
        continue;
      }
      const std::size_t n = utf8_length(s, i);
      if (n == 0) invalid_utf8(s, i);
      i += n;
      continue;
    }
    out.append(s.substr(plain, i - plain));
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
        break;
    }
    plain = ++i;
  }
  out.append(s.substr(plain));
  out.push_back('"');
}

void JsonWriter::newline_indent(std::size_t depth) {
  out_.push_back('\n');
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the top-level value
  if (!empty_.back()) out_.push_back(',');
  empty_.back() = false;
  if (indent_ >= 0) newline_indent(empty_.size());
}

void JsonWriter::open(char bracket) {
  before_value();
  out_.push_back(bracket);
  empty_.push_back(true);
}

void JsonWriter::close(char bracket) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty && indent_ >= 0) newline_indent(empty_.size());
  out_.push_back(bracket);
}

void JsonWriter::key(std::string_view name) {
  before_value();
  append_escaped(out_, name);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
}

void JsonWriter::string(std::string_view text) {
  before_value();
  append_escaped(out_, text);
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

}  // namespace katalint::ir
