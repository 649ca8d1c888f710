#include "util/utf8.hpp"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nastavnik::util {

namespace {

constexpr char32_t k_replacement = 0xFFFD;

/// Length of the valid sequence starting at s[pos], or 0 when it is invalid.
std::size_t valid_sequence_length(std::string_view s, std::size_t pos, char32_t* out) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return 0;
  }
  if (pos + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[pos + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *out = cp;
  return len;
}

}  // namespace

char32_t next_code_point_slow(std::string_view s, std::size_t& pos) {
  char32_t cp = 0;
  const std::size_t len = valid_sequence_length(s, pos, &cp);
  if (len == 0) {
    ++pos;
    return k_replacement;
  }
  pos += len;
  return cp;
}

bool utf8_valid(std::string_view s, std::size_t* bad_offset) {
  std::size_t pos = 0;
  const std::size_t n = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
#if defined(__SSE2__)
  std::size_t scalar_until = 0;  // the scalar path's end after a block the fast one could not take
#endif
  while (pos < n) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while they are ASCII and two-byte sequences, as Russian text is:
    // then every continuation byte (80..BF) follows a two-byte lead (C2..DF) and every lead is
    // followed by one — the continuation bits are the lead bits shifted by one, and a lead in a
    // block's last byte carries into the next block's first. Blocks follow each other at fixed
    // steps (the next load does not wait for this one's result). Anything else (a three-byte
    // «—» or «…», an error) goes to the scalar path, from the character it is in to the end of
    // that block.
    if (pos >= scalar_until) {
      const __m128i cont_below = _mm_set1_epi8(-64);                                 // < C0
      const __m128i lead_above = _mm_set1_epi8(-63), lead_below = _mm_set1_epi8(-32);  // C2..DF
      unsigned carry = 0;  // the previous block ended with a lead
      while (pos + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
        const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
        const unsigned cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, cont_below)));
        const unsigned lead = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, lead_above), _mm_cmplt_epi8(v, lead_below))));
        if ((high & ~(cont | lead)) != 0 || cont != (((lead << 1) | carry) & 0xFFFFu)) {
          scalar_until = pos + 16;
          break;
        }
        carry = lead >> 15;
        pos += 16;
      }
      pos -= carry;  // back to the character's start: its lead ended the last block taken
      if (pos >= n) break;
    }
#endif
    // The scalar path, with fast paths for ASCII (eight bytes at a time: Markdown has runs of
    // spaces, digits, marks and Latin) and two-byte sequences (Cyrillic).
    const unsigned b0 = p[pos];
    if (b0 < 0x80) {
      ++pos;
      std::uint64_t eight;
      while (pos + 8 <= n && (std::memcpy(&eight, p + pos, 8), (eight & 0x8080808080808080ull) == 0)) pos += 8;
      continue;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF && pos + 1 < n && (p[pos + 1] & 0xC0) == 0x80) {
      pos += 2;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = valid_sequence_length(s, pos, &cp);
    if (len == 0) {
      if (bad_offset) *bad_offset = pos;
      return false;
    }
    pos += len;
  }
  return true;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < s.size(); ++count) next_code_point(s, pos);
  return count;
}

int utf8_column(std::string_view line, std::size_t byte_offset) {
  if (byte_offset > line.size()) byte_offset = line.size();
  return static_cast<int>(utf8_length(line.substr(0, byte_offset))) + 1;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) out.push_back(next_code_point(s, pos));
  return out;
}

void append_utf8_slow(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = k_replacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char32_t cp : s) append_utf8(out, cp);
  return out;
}

std::size_t line_start(std::string_view text, int line) {
  if (line < 1) return std::string_view::npos;
  std::size_t pos = 0;
  for (int current = 1; current < line; ++current) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return std::string_view::npos;
    pos = nl + 1;
  }
  return pos;
}

}  // namespace nastavnik::util
