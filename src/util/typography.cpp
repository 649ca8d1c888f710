#include "util/typography.hpp"

#include <unicode/uchar.h>

#include "util/utf8.hpp"

namespace nastavnik::util {

namespace {

constexpr char32_t k_nbsp = 0x00A0;

bool is_cyrillic_letter(char32_t c) { return (c >= 0x0410 && c <= 0x044F) || c == 0x0401 || c == 0x0451; }

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  if (is_cyrillic_letter(c)) return true;
  if (c == 0xFFFD) return false;
  return u_isalpha(static_cast<UChar32>(c)) != 0;
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z';
  if ((c >= 0x0410 && c <= 0x042F) || c == 0x0401) return true;
  if (c == 0xFFFD) return false;
  return u_isupper(static_cast<UChar32>(c)) != 0;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == k_nbsp; }

/// Characters after which a straight quote opens: spaces, brackets, dashes, other quotes.
bool opens_after(char32_t c) {
  return is_space(c) || c == U'(' || c == U'[' || c == U'{' || c == U'«' || c == U'„' || c == U'—' ||
         c == U'–' || c == U'-' || c == U'/' || c == U'\'' || c == U'"';
}

}  // namespace

std::string Typographer::apply(std::string_view run) {
  const std::u32string in = to_u32(run);
  std::u32string out;
  out.reserve(in.size() + 8);

  auto prev = [&](std::size_t back = 1) -> char32_t {
    if (out.size() >= back) return out[out.size() - back];
    return back == out.size() + 1 ? m_prev : U' ';
  };
  auto at = [&](std::size_t i) -> char32_t { return i < in.size() ? in[i] : U'\0'; };

  // Letters of the word that ends the output so far, continuing the previous run's word.
  auto tail_word = [&]() -> int {
    int n = 0;
    std::size_t k = out.size();
    while (k > 0 && is_letter(out[k - 1])) {
      --k;
      ++n;
    }
    return k == 0 ? n + m_tail_word : n;
  };
  // Character just before the tail word (or ' ' when it starts the block).
  auto before_tail_word = [&](int letters) -> char32_t {
    const std::size_t n = static_cast<std::size_t>(letters);
    if (out.size() > n) return out[out.size() - n - 1];
    if (out.size() == n && m_tail_word == 0) return m_prev;
    return U' ';
  };

  for (std::size_t i = 0; i < in.size();) {
    const char32_t c = in[i];

    if (c == U'.' && at(i + 1) == U'.' && at(i + 2) == U'.') {
      out.push_back(U'…');
      i += 3;
      continue;
    }

    if (c == U'"') {
      const char32_t p = prev();
      const bool opening = opens_after(p);
      const char32_t next = at(i + 1);
      if (opening && i + 1 < in.size() && is_space(next) && is_space(p)) {
        out.push_back(c);  // a lone quote between spaces: leave it
      } else if (opening) {
        out.push_back(m_depth == 0 ? U'«' : U'„');
        ++m_depth;
      } else {
        out.push_back(m_depth >= 2 ? U'“' : U'»');
        if (m_depth > 0) --m_depth;
      }
      ++i;
      continue;
    }
    if (c == U'«' || c == U'„') ++m_depth;
    if ((c == U'»' || c == U'“') && m_depth > 0) --m_depth;

    if (c == U' ') {
      const char32_t p = prev();
      const char32_t n = at(i + 1);
      // " - ", " -- ", " — ", " – " between words → nbsp + dash + space; not between numbers.
      if (!is_space(p) && p != U'\0') {
        std::size_t dash_len = 0;
        char32_t dash = U'—';
        if (n == U'-' && at(i + 2) == U' ') {
          dash_len = 1;
        } else if (n == U'-' && at(i + 2) == U'-' && at(i + 3) == U' ') {
          dash_len = 2;
        } else if ((n == U'—' || n == U'–') && at(i + 2) == U' ') {
          dash_len = 1;
          dash = n;
        }
        const bool numbers = is_digit(p) && is_digit(at(i + dash_len + 2));
        if (dash_len > 0 && !(numbers && n != U'—')) {
          out.push_back(k_nbsp);
          out.push_back(dash);
          out.push_back(U' ');
          i += dash_len + 2;
          continue;
        }
      }
      bool bind = false;
      // «2022 г.», «2022–2024 гг.»
      if (is_digit(p) && n == U'г' &&
          (!is_letter(at(i + 2)) || (at(i + 2) == U'г' && !is_letter(at(i + 3))))) {
        bind = true;
      }
      // «№ 6», «§ 8»
      if (p == U'№' || p == U'§') bind = true;
      // «М. Р. Газиева»: after an initial, before a capital letter.
      if (p == U'.' && is_upper(prev(2)) && !is_letter(prev(3)) && is_upper(n)) bind = true;
      // «Газиева М. Р.»: a word followed by an initial.
      if (is_letter(p) && is_upper(n) && at(i + 2) == U'.' && !is_letter(at(i + 3))) bind = true;
      // One- and two-letter Russian words: «в школе», «на сайте», «не менее».
      if (!bind && is_cyrillic_letter(p) && n != U' ') {
        const int letters = tail_word();
        const char32_t before = before_tail_word(letters);
        if (letters >= 1 && letters <= 2 && !is_digit(before) && !is_letter(before)) bind = true;
      }
      out.push_back(bind ? k_nbsp : U' ');
      ++i;
      continue;
    }

    out.push_back(c);
    ++i;
  }

  if (!out.empty()) {
    int word = 0;
    std::size_t k = out.size();
    while (k > 0 && is_letter(out[k - 1])) {
      --k;
      ++word;
    }
    m_tail_word = k == 0 ? word + m_tail_word : word;
    m_prev = out.back();
  }
  return to_utf8(out);
}

std::string typograph(std::string_view text) {
  Typographer t;
  return t.apply(text);
}

}  // namespace nastavnik::util
