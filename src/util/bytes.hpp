#pragma once
// Eight bytes at a time: finding the first byte of a small set in a text, and counting the
// characters of UTF-8 text, for the loops every page's text passes through (search snippets,
// JSON strings, HTML escaping, collapsing spaces). Each 8-byte word is a 64-bit integer, lowest
// address in the lowest byte (x86-64, AArch64); a mask marks matching bytes in their top bit.
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace nastavnik::util::bytes {

static_assert(std::endian::native == std::endian::little, "the masks below assume little-endian words");

inline constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t k_highs = 0x8080808080808080ULL;

inline std::uint64_t load(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
/// The top bit of each byte of v that equals c. Exact in the lowest marked byte (a borrow only
/// reaches the bytes above a match), which is all first_marked reads.
inline std::uint64_t equal(std::uint64_t v, unsigned char c) {
  const std::uint64_t x = v ^ (k_ones * c);
  return (x - k_ones) & ~x & k_highs;
}
/// The top bit of each byte of v below n (n ≤ 128); exact in the lowest marked byte.
inline std::uint64_t below(std::uint64_t v, unsigned char n) { return (v - k_ones * n) & ~v & k_highs; }
/// The offset in its word of the lowest marked byte (mask ≠ 0).
inline std::size_t first_marked(std::uint64_t mask) { return static_cast<std::size_t>(std::countr_zero(mask)) / 8; }

/// The offset of the first byte of s at or after `from` for which `marks(word)` marks its
/// byte; s.size() when none. `is(byte)` says the same of one byte, for the tail.
template <class Marks, class Is>
std::size_t find_first(std::string_view s, std::size_t from, Marks&& marks, Is&& is) {
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8)
    if (const std::uint64_t m = marks(load(s.data() + i)); m != 0) return i + first_marked(m);
  for (; i < s.size(); ++i)
    if (is(static_cast<unsigned char>(s[i]))) return i;
  return s.size();
}

/// The offset of the first byte of s at or after `from` that is one of `Set`; s.size() when none.
template <unsigned char... Set>
std::size_t find_any(std::string_view s, std::size_t from) {
  return find_first(
      s, from, [](std::uint64_t v) { return (equal(v, Set) | ...); },
      [](unsigned char c) { return ((c == Set) || ...); });
}

/// How many bytes of v begin a UTF-8 character (are not 10xxxxxx continuation bytes).
inline std::size_t char_starts(std::uint64_t v) {
  const std::uint64_t continuation = v & ~(v << 1) & k_highs;
  return 8 - static_cast<std::size_t>(std::popcount(continuation));
}

}  // namespace nastavnik::util::bytes
