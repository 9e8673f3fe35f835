// ir::JsonWriter must print what nlohmann::json's dump() prints for the same document.
#include <nlohmann/json.hpp>

#include "ir/json_writer.hpp"
#include "tests/support/catch.hpp"

using katalint::ir::JsonWriter;
using nlohmann::ordered_json;

namespace {

// One document with every shape the writer supports, written both ways.
const std::string kTricky = std::string("quote \" backslash \\ tab\t nl\n cr\r bs\b ff\f ") + '\x01' + '\x1e' + '\x1f' +
                            " del\x7f caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xa6 end";

void write(JsonWriter& w) {
  w.begin_object();
  w.key("name");
  w.string("katalint");
  w.key("none");
  w.null();
  w.key("empty list");
  w.begin_array();
  w.end_array();
  w.key("empty object");
  w.begin_object();
  w.end_object();
  w.key("list");
  w.begin_array();
  w.string("a");
  w.string(kTricky);
  w.begin_object();
  w.key("dep");
  w.string("b >= 1");
  w.key(kTricky);
  w.null();
  w.end_object();
  w.begin_array();
  w.string("nested");
  w.end_array();
  w.end_array();
  w.end_object();
}

ordered_json tree() {
  ordered_json j;
  j["name"] = "katalint";
  j["none"] = nullptr;
  j["empty list"] = ordered_json::array();
  j["empty object"] = ordered_json::object();
  ordered_json item;
  item["dep"] = "b >= 1";
  item[kTricky] = nullptr;
  j["list"] = ordered_json::array({"a", kTricky, item, ordered_json::array({"nested"})});
  return j;
}

}  // namespace

TEST_CASE("JsonWriter prints what nlohmann dump() prints", "[json]") {
  for (int indent : {-1, 0, 2, 4}) {
    std::string out;
    JsonWriter w(out, indent);
    write(w);
    INFO("indent " << indent);
    CHECK(out == tree().dump(indent));
  }
}

TEST_CASE("JsonWriter escapes strings as nlohmann does", "[json]") {
  for (const std::string& s : {std::string(), std::string("plain"), kTricky, std::string(1, '\0') + "x"}) {
    std::string out;
    JsonWriter::append_escaped(out, s);
    CHECK(out == ordered_json(s).dump());
  }
}

TEST_CASE("JsonWriter rejects invalid UTF-8 like dump()", "[json]") {
  for (const std::string bad : {"caf\xe9", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "cut \xe2\x82"}) {
    std::string out;
    CHECK_THROWS_AS(JsonWriter::append_escaped(out, bad), nlohmann::json::type_error);
    CHECK_THROWS_AS(ordered_json(bad).dump(), nlohmann::json::type_error);
  }
}

TEST_CASE("JsonWriter escapes a special byte wherever it falls in an eight-byte block", "[json]") {
  // Plain runs are skipped eight bytes at a time: every ASCII byte at every offset.
  for (int c = 0; c < 0x80; ++c) {
    for (std::size_t at = 0; at < 24; ++at) {
      std::string s(24, 'a');
      s[at] = static_cast<char>(c);
      std::string out;
      JsonWriter::append_escaped(out, s);
      INFO("byte " << c << " at " << at);
      REQUIRE(out == ordered_json(s).dump());
    }
  }
  for (std::size_t at = 0; at < 24; ++at) {
    std::string s(24, 'a');
    s.replace(at, 2, "\xc3\xa9");
    s.resize(24);
    std::string out;
    if (at == 23) {
      CHECK_THROWS_AS(JsonWriter::append_escaped(out, s), nlohmann::json::type_error);
    } else {
      JsonWriter::append_escaped(out, s);
      CHECK(out == ordered_json(s).dump());
    }
  }
}
