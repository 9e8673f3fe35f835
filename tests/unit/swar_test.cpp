// ir::swar: each word test must agree with a byte-by-byte loop, whatever the other bytes hold.
#include <array>
#include <cstring>
#include <random>

#include "ir/swar.hpp"
#include "tests/support/catch.hpp"

namespace swar = katalint::ir::swar;

namespace {

std::array<unsigned char, 8> bytes_of(std::uint64_t word) {
  std::array<unsigned char, 8> b{};
  std::memcpy(b.data(), &word, 8);
  return b;
}

// Counts the words on which a test and its byte loop disagree.
template <class Word, class Byte>
int disagreements(const std::vector<std::uint64_t>& words, Word&& word_test, Byte&& byte_test) {
  int wrong = 0;
  for (const std::uint64_t w : words) {
    bool expected = false;
    for (const unsigned char b : bytes_of(w)) expected = expected || byte_test(b);
    if (expected != (word_test(w) != 0)) ++wrong;
  }
  return wrong;
}

// Every byte value at every position over every filler byte, and random words.
std::vector<std::uint64_t> sample_words() {
  std::vector<std::uint64_t> words;
  for (unsigned filler = 0; filler < 256; ++filler) {
    for (unsigned value = 0; value < 256; ++value) {
      for (int at = 0; at < 8; ++at) {
        std::array<unsigned char, 8> b;
        b.fill(static_cast<unsigned char>(filler));
        b[static_cast<std::size_t>(at)] = static_cast<unsigned char>(value);
        std::uint64_t w;
        std::memcpy(&w, b.data(), 8);
        words.push_back(w);
      }
    }
  }
  std::mt19937_64 random(20261127);
  for (int i = 0; i < 200000; ++i) words.push_back(random());
  return words;
}

}  // namespace

TEST_CASE("swar word tests agree with byte loops", "[swar]") {
  const std::vector<std::uint64_t> words = sample_words();
  for (const unsigned c : {0u, 1u, 0x0au, 0x22u, 0x25u, 0x5cu, 0x7fu, 0x80u, 0xffu}) {
    INFO("has_byte " << c);
    CHECK(disagreements(words, [c](std::uint64_t w) { return swar::has_byte(w, static_cast<unsigned char>(c)); },
                        [c](unsigned char b) { return b == c; }) == 0);
  }
  for (const unsigned n : {1u, 0x20u, 0x21u, 0x7fu, 0x80u}) {
    INFO("has_below " << n);
    CHECK(disagreements(words, [n](std::uint64_t w) { return swar::has_below(w, static_cast<unsigned char>(n)); },
                        [n](unsigned char b) { return b < n; }) == 0);
  }
  // The masks must be exact byte by byte, not only as a yes/no test.
  int wrong_masks = 0;
  for (const std::uint64_t w : words) {
    const auto b = bytes_of(w);
    for (const unsigned n : {1u, 0x20u, 0x7fu, 0x80u}) {
      const auto mask = bytes_of(swar::below_mask(w, static_cast<unsigned char>(n)));
      for (std::size_t k = 0; k < 8; ++k) wrong_masks += (mask[k] == 0x80) != (b[k] < n) || (mask[k] & 0x7f) != 0;
    }
    for (const unsigned c : {0u, 0x09u, 0x0au, 0x7fu, 0x80u, 0xffu}) {
      const auto mask = bytes_of(swar::equal_mask(w, static_cast<unsigned char>(c)));
      for (std::size_t k = 0; k < 8; ++k) wrong_masks += (mask[k] == 0x80) != (b[k] == c) || (mask[k] & 0x7f) != 0;
    }
  }
  CHECK(wrong_masks == 0);
  for (const auto& range : std::vector<std::pair<unsigned, unsigned>>{
           {1, 1}, {'(', ')'}, {'{', '}'}, {'[', ']'}, {'a', 'z'}, {1, 127}, {127, 127}}) {
    const unsigned first = range.first, last = range.second;  // clang 14 captures no bindings
    INFO("has_in_range " << first << ".." << last);
    CHECK(disagreements(
              words,
              [&](std::uint64_t w) {
                return swar::has_in_range(w, static_cast<unsigned char>(first), static_cast<unsigned char>(last));
              },
              [&](unsigned char b) { return b >= first && b <= last; }) == 0);
  }
}
