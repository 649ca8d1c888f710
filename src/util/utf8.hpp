#pragma once
// UTF-8 helpers: validation, character columns, code point conversion.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nastavnik::util {

/// True when `s` is valid UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF). On failure, the byte
/// offset of the first bad byte goes to *bad_offset when given.
bool utf8_valid(std::string_view s, std::size_t* bad_offset = nullptr);
/// Number of code points in s (invalid bytes count one each).
std::size_t utf8_length(std::string_view s);
/// Converts a byte offset within a line into a 1-based character column.
int utf8_column(std::string_view line, std::size_t byte_offset);
std::u32string to_u32(std::string_view s);  ///< invalid bytes become U+FFFD
std::string to_utf8(std::u32string_view s);
/// Russian letters as UTF-8 byte pairs (D0 81, D0 90 … D1 8F, D1 91), for the loops that read
/// every page's text without decoding it (the typographer, search words).
namespace russian {
/// Per pair D0 80 … D1 BF (index: (first − D0) · 64 + second − 80): the lower-case form's two
/// bytes, first byte high (Ё and ё → е, as search words are compared); 0 for any other character.
inline constexpr std::array<std::uint16_t, 128> k_lower = [] {
  std::array<std::uint16_t, 128> t{};
  for (unsigned d = 0x80; d <= 0xBF; ++d) {
    if (d >= 0x90 && d <= 0x9F) t[d - 0x80] = static_cast<std::uint16_t>(0xD000 | (d + 0x20));  // А-П
    if (d >= 0xA0 && d <= 0xAF) t[d - 0x80] = static_cast<std::uint16_t>(0xD100 | (d - 0x20));  // Р-Я
    if (d >= 0xB0 && d <= 0xBF) t[d - 0x80] = static_cast<std::uint16_t>(0xD000 | d);           // а-п
    if (d <= 0x8F) t[64 + d - 0x80] = static_cast<std::uint16_t>(0xD100 | d);                   // р-я
  }
  t[0x81 - 0x80] = 0xD0B5;       // Ё
  t[64 + 0x91 - 0x80] = 0xD0B5;  // ё
  return t;
}();
/// The lower-case bytes of the Russian letter written as the bytes `first` `second`; 0 when
/// they are not one.
constexpr std::uint16_t lower(unsigned first, unsigned second) {
  return first - 0xD0u < 2u && second - 0x80u < 0x40u ? k_lower[(first - 0xD0u) * 64 + (second - 0x80u)] : 0;
}
constexpr bool is_letter(unsigned first, unsigned second) { return lower(first, second) != 0; }
/// а-я and ё.
constexpr bool is_lower(unsigned first, unsigned second) {
  return is_letter(first, second) && (first == 0xD1 || second >= 0xB0);
}
}  // namespace russian

/// Appends the UTF-8 encoding of cp (surrogates and values over U+10FFFF become U+FFFD).
inline void append_utf8(std::string& out, char32_t cp);
/// The general case of append_utf8 (three- and four-byte sequences, invalid values).
void append_utf8_slow(std::string& out, char32_t cp);

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    const char two[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(two, 2);
  } else {
    append_utf8_slow(out, cp);
  }
}
/// Decodes the code point at s[pos] and advances pos past it. An invalid or truncated sequence
/// yields U+FFFD and advances by one byte, so every byte string decodes without failing.
/// Precondition: pos < s.size().
inline char32_t next_code_point(std::string_view s, std::size_t& pos);
/// The general case of next_code_point (three- and four-byte and invalid sequences).
char32_t next_code_point_slow(std::string_view s, std::size_t& pos);

inline char32_t next_code_point(std::string_view s, std::size_t& pos) {
  // Inline fast paths: ASCII and two-byte sequences (Cyrillic) are almost every character.
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && pos + 1 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[pos + 1]);
    if ((b1 & 0xC0) == 0x80) {
      pos += 2;
      return (static_cast<char32_t>(b0 & 0x1F) << 6) | (b1 & 0x3F);
    }
  }
  return next_code_point_slow(s, pos);
}
/// Byte offset of the start of 1-based line `line` in text; npos when out of range.
std::size_t line_start(std::string_view text, int line);

}  // namespace nastavnik::util
