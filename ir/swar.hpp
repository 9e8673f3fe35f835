// Tests on eight bytes at once (SIMD within a register), for scanners that skip plain text.
#pragma once

#include <cstdint>
#include <cstring>

namespace katalint::ir::swar {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kHighs = 0x8080808080808080ull;

inline std::uint64_t load(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

// Nonzero iff some byte of `word` is below `n` (n <= 0x80). Exact as a yes/no test.
constexpr std::uint64_t has_below(std::uint64_t word, unsigned char n) { return (word - kOnes * n) & ~word & kHighs; }

// Nonzero iff some byte of `word` equals `c`. Exact as a yes/no test.
constexpr std::uint64_t has_byte(std::uint64_t word, unsigned char c) { return has_below(word ^ (kOnes * c), 1); }

// The high bit of each byte set exactly where that byte is below `n` (n <= 0x80): unlike the
// tests above, no borrow crosses bytes, so the bytes can be masked one by one.
constexpr std::uint64_t below_mask(std::uint64_t word, unsigned char n) {
  return ~(((word & (kOnes * 0x7f)) + kOnes * (0x80u - n)) | word) & kHighs;
}

// The high bit of each byte set exactly where that byte equals `c`.
constexpr std::uint64_t equal_mask(std::uint64_t word, unsigned char c) { return below_mask(word ^ (kOnes * c), 1); }

// Nonzero iff some byte of `word` is in [first, last] (1 <= first <= last <= 127). Exact as a
// yes/no test ("hasbetween" of the Bit Twiddling Hacks).
constexpr std::uint64_t has_in_range(std::uint64_t word, unsigned char first, unsigned char last) {
  const std::uint64_t low7 = word & (kOnes * 127);
  return (kOnes * (127u + last + 1u) - low7) & ~word & (low7 + kOnes * (127u - (first - 1u))) & kHighs;
}

}  // namespace katalint::ir::swar
