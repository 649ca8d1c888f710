#include "util/text.hpp"

#include <unicode/uchar.h>

#include "util/bytes.hpp"
#include "util/utf8.hpp"

namespace nastavnik::util {

namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

/// Lower case of one code point; Cyrillic and ASCII without a call into ICU.
char32_t lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0x0410 && c <= 0x042F) return c + 0x20;  // А..Я
  if (c >= 0x0430 && c <= 0x045F) return c;         // а..я, ѐ..џ
  if (c >= 0x0400 && c <= 0x040F) return c + 0x50;  // Ѐ..Џ (incl. Ё)
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

bool is_alnum(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (c >= 0x0400 && c <= 0x045F) return true;
  if (c == 0xFFFD) return false;
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

/// Length in bytes of leading numbering such as «2.», «6.1.», «6.1», «3)», «IV.», «IX)»,
/// including the whitespace after it; 0 when the text does not start with numbering.
std::size_t numbering_length(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  const std::size_t start = i;
  std::size_t end = 0;
  bool terminated = false;  // ends with «.» or «)»
  if (i < s.size() && is_ascii_digit(s[i])) {
    bool inner_dot = false;
    while (true) {
      const std::size_t digits_from = i;
      while (i < s.size() && is_ascii_digit(s[i])) ++i;
      if (i - digits_from > 3) return 0;  // a year or a number, not numbering
      if (i < s.size() && s[i] == '.' && i + 1 < s.size() && is_ascii_digit(s[i + 1])) {
        inner_dot = true;
        ++i;
        continue;
      }
      break;
    }
    if (i < s.size() && (s[i] == '.' || s[i] == ')')) {
      end = i + 1;
      terminated = true;
    } else if (inner_dot) {
      end = i;
    } else {
      return 0;
    }
  } else {
    while (i < s.size() && std::string_view("IVXLC").find(s[i]) != std::string_view::npos) ++i;
    if (i == start || i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
    end = i + 1;
    terminated = true;
  }
  // Numbering is followed by a space or the end; «1.Общие положения» (a letter right after «.»)
  // counts too, but «2.5%» and «2.5кг» do not.
  if (end == s.size() || s[end] == ' ' || s[end] == '\t') return end;
  if (s.substr(end, 2) == "\xC2\xA0") return end;
  const auto next = static_cast<unsigned char>(s[end]);
  const bool letter = next >= 0x80 || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
  return terminated && letter ? end : 0;
}

}  // namespace

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    const auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(lower(b)));
      ++pos;
      continue;
    }
    const std::size_t before = pos;
    const char32_t c = next_code_point(s, pos);
    if (c == 0xFFFD && pos == before + 1) {
      out.push_back(s[before]);  // keep invalid bytes as they are
      continue;
    }
    append_utf8(out, lower(c));
  }
  return out;
}

std::string normalize(std::string_view s) {
  s.remove_prefix(numbering_length(s));
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < s.size();) {
    const auto b = static_cast<unsigned char>(s[pos]);
    char32_t c;
    if (b < 0x80) {
      c = b;
      ++pos;
    } else {
      c = next_code_point(s, pos);
    }
    if (!is_alnum(c)) {
      pending_space = true;
      continue;
    }
    c = lower(c);
    if (c == 0x0451) c = 0x0435;  // ё → е
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

bool contains_normalized(std::string_view text, std::string_view phrase) {
  const std::string p = normalize(phrase);
  if (p.empty()) return false;
  return normalize(text).find(p) != std::string::npos;
}

bool equals_normalized(std::string_view a, std::string_view b) { return normalize(a) == normalize(b); }

std::string trim(std::string_view s) {
  auto is_space_at_front = [&](std::size_t& len) {
    if (s.empty()) return false;
    const char c = s.front();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      len = 1;
      return true;
    }
    if (s.substr(0, 2) == "\xC2\xA0") {
      len = 2;
      return true;
    }
    return false;
  };
  auto is_space_at_back = [&](std::size_t& len) {
    if (s.empty()) return false;
    const char c = s.back();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      len = 1;
      return true;
    }
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
      len = 2;
      return true;
    }
    return false;
  };
  std::size_t len = 0;
  while (is_space_at_front(len)) s.remove_prefix(len);
  while (is_space_at_back(len)) s.remove_suffix(len);
  return std::string(s);
}

std::vector<std::string> split_lines(std::string_view s) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    pos = nl + 1;
  }
  return lines;
}

void append_html_escaped(std::string& out, std::string_view s) {
  std::size_t run = 0;
  for (std::size_t i = 0;; ++i) {
    // The next byte to escape, eight bytes at a time: most texts have few.
    i = bytes::find_any<'&', '<', '>', '"', '\''>(s, i);
    if (i >= s.size()) break;
    std::string_view entity;
    switch (s[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      default:
        entity = "&#39;";
        break;
    }
    out.append(s.data() + run, i - run);
    out.append(entity);
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  append_html_escaped(out, s);
  return out;
}

}  // namespace nastavnik::util
