#pragma once
// UTF-8 helpers: validation, character columns, code point conversion.
#include <cstddef>
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
/// Appends the UTF-8 encoding of cp (surrogates and values over U+10FFFF become U+FFFD).
void append_utf8(std::string& out, char32_t cp);
/// Decodes the code point at s[pos] and advances pos past it. An invalid or truncated sequence
/// yields U+FFFD and advances by one byte, so every byte string decodes without failing.
/// Precondition: pos < s.size().
char32_t next_code_point(std::string_view s, std::size_t& pos);
/// Byte offset of the start of 1-based line `line` in text; npos when out of range.
std::size_t line_start(std::string_view text, int line);

}  // namespace nastavnik::util
