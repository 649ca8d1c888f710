#include "util/excerpt.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "util/bytes.hpp"
#include "util/utf8.hpp"

namespace nastavnik::util {

namespace {

bool is_collapsible(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

/// collapse_spaces, stopping once the result has more than `limit` bytes.
std::string collapse_prefix(std::string_view text, std::size_t limit) {
  // A plain byte loop: find_first_of with a set of four calls memchr once per character, which
  // was a tenth of a full build (every description and search snippet passes here).
  std::string out;
  out.reserve(std::min(text.size(), limit + 64));
  const std::size_t n = text.size();
  std::size_t pos = 0;
  while (out.size() <= limit) {
    while (pos < n && is_collapsible(text[pos])) ++pos;
    if (pos == n) break;
    const std::size_t end = bytes::find_any<' ', '\n', '\t', '\r'>(text, pos);  // is_collapsible
    if (!out.empty()) out += ' ';
    out.append(text.data() + pos, end - pos);
    pos = end;
  }
  return out;
}

/// `flat` cut at byte `end` (where truncate_text's cut falls), trailing marks dropped, and "…".
std::string cut_at(std::string flat, std::size_t end) {
  while (end > 0 && (flat[end - 1] == ' ' || flat[end - 1] == ',' || flat[end - 1] == ';' || flat[end - 1] == ':' ||
                     flat[end - 1] == '.'))
    --end;
  flat.resize(end);
  return flat + "…";
}

/// truncate_text when `flat` (the collapsed prefix) is valid UTF-8, as nearly every text is: a
/// character starts at each byte that is not a continuation byte, and a space is one byte and
/// always a character, so the cut is found on the bytes without decoding or a table of offsets
/// (descriptions and search snippets of every page pass here). Nothing when `flat` holds too few
/// characters and is not the whole text.
std::optional<std::string> truncate_valid(std::string& flat, std::size_t max_chars, bool whole) {
  const auto* b = reinterpret_cast<const unsigned char*>(flat.data());
  const std::size_t half = max_chars / 2 + 1;  // the first character a cut may go to
  std::size_t count = 0, lo = 0, hi = 0;       // lo, hi: offsets of characters half, max_chars
  std::size_t i = 0;
  // Eight bytes at a time while character `target` is not among them, then byte by byte up to
  // and past it.
  auto to = [&](std::size_t target, std::size_t& at) {
    for (std::size_t starts; i + 8 <= flat.size() && count + (starts = bytes::char_starts(bytes::load(flat.data() + i))) <= target; i += 8)
      count += starts;
    for (; i < flat.size() && count <= target; ++i) {
      if ((b[i] & 0xC0) == 0x80) continue;
      if (count == target) at = i;
      ++count;
    }
  };
  if (half < max_chars) to(half, lo);
  to(max_chars, hi);
  if (half == max_chars) lo = hi;
  if (count <= max_chars) {
    if (whole) return std::move(flat);
    return std::nullopt;
  }
  std::size_t end = hi;
  if (half <= max_chars)
    for (std::size_t i = hi + 1; i-- > lo;)
      if (flat[i] == ' ') {
        end = i;
        break;
      }
  return cut_at(std::move(flat), end);
}

}  // namespace

std::string collapse_spaces(std::string_view text) { return collapse_prefix(text, std::string::npos - 1); }

std::string truncate_text(std::string_view text, std::size_t max_chars) {
  // Only the first max_chars + 1 characters decide the result. A character is at most 4 bytes,
  // but Russian text is 2 bytes a letter: a prefix of 2 bytes a character is tried first, and
  // the 4-byte bound only when that prefix was cut short and too few characters came out of it.
  const std::size_t short_limit = 2 * (max_chars + 1) + 4;
  std::string flat = collapse_prefix(text, short_limit);
  if (utf8_valid(flat))
    if (auto done = truncate_valid(flat, max_chars, flat.size() <= short_limit)) return std::move(*done);
  // The general way: characters decoded one by one, invalid bytes one character each.
  std::vector<std::size_t> at;  // the byte offset of each character decoded
  at.reserve(max_chars + 2);
  std::size_t pos = 0;
  auto decode = [&] {
    at.clear();
    for (pos = 0; pos < flat.size() && at.size() <= max_chars; next_code_point(flat, pos)) at.push_back(pos);
  };
  decode();  // flat is still the short prefix: truncate_valid keeps it when it gives nothing
  if (at.size() <= max_chars && flat.size() > short_limit) {
    flat = collapse_prefix(text, 4 * (max_chars + 1) + 4);
    decode();
  }
  if (at.size() <= max_chars) return flat;
  flat.resize(pos);
  // Invalid bytes become U+FFFD, one character each, as decoding counted them.
  if (!utf8_valid(flat)) {
    flat = to_utf8(to_u32(flat));
    decode();
  }
  // A space, a comma and the other trimmed characters are one byte each: a character is one of
  // them exactly when its first byte is, so the cut works on the bytes.
  std::size_t cut = max_chars;
  while (cut > max_chars / 2 && flat[at[cut]] != ' ') --cut;
  if (cut <= max_chars / 2) cut = max_chars;
  return cut_at(std::move(flat), at[cut]);
}

}  // namespace nastavnik::util
