#include "util/typography.hpp"

#include <unicode/uchar.h>

#include "util/utf8.hpp"

namespace nastavnik::util {

namespace {

constexpr char32_t k_nbsp = 0x00A0;

bool is_cyrillic_letter(char32_t c) { return (c >= 0x0410 && c <= 0x044F) || c == 0x0401 || c == 0x0451; }

bool is_letter_slow(char32_t c);

// Every character of every body passes here: ASCII and Cyrillic inline, the rest out of line.
[[gnu::always_inline]] inline bool is_letter(char32_t c) {
  if (c < 0x80) return ((c | 0x20) >= U'a' && (c | 0x20) <= U'z');
  if (is_cyrillic_letter(c)) return true;
  return is_letter_slow(c);
}

[[gnu::noinline]] bool is_letter_slow(char32_t c) {
  // Without asking ICU, what Russian text has between its letters: Latin-1 (the no-break space,
  // «», ×) and General Punctuation (—, „“, …) — as u_isalpha answers for them.
  if (c < 0x100) return (c >= 0xC0 && c != 0xD7 && c != 0xF7) || c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c >= 0x2000 && c <= 0x206F) return false;
  if (c == 0xFFFD) return false;
  return u_isalpha(static_cast<UChar32>(c)) != 0;
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z';
  if (is_cyrillic_letter(c)) return (c >= 0x0410 && c <= 0x042F) || c == 0x0401;
  if (c < 0x100) return c >= 0xC0 && c <= 0xDE && c != 0xD7;
  if (c >= 0x2000 && c <= 0x206F) return false;
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
  // Straight from UTF-8 to UTF-8 (the body text of every page passes here: converting each run
  // to UTF-32 and back was a sixth of `check`'s CPU). What the rules look back at is kept as the
  // output grows: its last three characters, how many there are, the letters it ends with and
  // the character before them. tests/unit/util/typography_test.cpp checks it against the
  // UTF-32 formulation character for character.
  std::string out;
  out.reserve(run.size() + 16);
  char32_t last[3] = {0, 0, 0};  // last[0]: the last character written
  std::size_t count = 0;         // characters written
  std::size_t letters = 0;       // letters at the end of the output
  char32_t before_letters = 0;   // the character before them (when count > letters)
  auto emit = [&](char32_t c) __attribute__((always_inline)) {
    append_utf8(out, c);
    last[2] = last[1];
    last[1] = last[0];
    last[0] = c;
    ++count;
    if (is_letter(c)) {
      ++letters;
    } else {
      letters = 0;
      before_letters = c;
    }
  };
  auto prev = [&](std::size_t back = 1) -> char32_t {
    if (count >= back) return last[back - 1];
    return back == count + 1 ? m_prev : U' ';
  };
  // The k-th character after the one at byte `pos` (k ≥ 1), or U'\0' past the end.
  auto ahead = [&](std::size_t pos, int k) -> char32_t {
    char32_t c = U'\0';
    for (int n = 0; n <= k; ++n) {
      if (pos >= run.size()) return U'\0';
      c = next_code_point(run, pos);
    }
    return c;
  };
  // Letters of the word that ends the output so far, continuing the previous run's word.
  auto tail_word = [&]() -> int {
    return static_cast<int>(letters == count ? letters + static_cast<std::size_t>(m_tail_word) : letters);
  };
  // Character just before the tail word (or ' ' when it starts the block).
  auto before_tail_word = [&](int word) -> char32_t {
    const std::size_t n = static_cast<std::size_t>(word);
    if (count > n) return before_letters;  // then n == letters
    if (count == n && m_tail_word == 0) return m_prev;
    return U' ';
  };

  for (std::size_t i = 0; i < run.size();) {
    const std::size_t here = i;
    const char32_t c = next_code_point(run, i);  // i: the next character's byte
    auto at = [&](int k) { return ahead(here, k); };

    if (c == U'.' && at(1) == U'.' && at(2) == U'.') {
      emit(U'…');
      i = here + 3;
      continue;
    }

    if (c == U'"') {
      const char32_t p = prev();
      const bool opening = opens_after(p);
      const char32_t next = at(1);
      if (opening && i < run.size() && is_space(next) && is_space(p)) {
        emit(c);  // a lone quote between spaces: leave it
      } else if (opening) {
        emit(m_depth == 0 ? U'«' : U'„');
        ++m_depth;
      } else {
        emit(m_depth >= 2 ? U'“' : U'»');
        if (m_depth > 0) --m_depth;
      }
      continue;
    }
    if (c == U'«' || c == U'„') ++m_depth;
    if ((c == U'»' || c == U'“') && m_depth > 0) --m_depth;

    if (c == U' ') {
      const char32_t p = prev();
      const char32_t n = at(1);
      // " - ", " -- ", " — ", " – " between words → nbsp + dash + space; not between numbers.
      if (!is_space(p) && p != U'\0') {
        int dash_len = 0;
        char32_t dash = U'—';
        if (n == U'-' && at(2) == U' ') {
          dash_len = 1;
        } else if (n == U'-' && at(2) == U'-' && at(3) == U' ') {
          dash_len = 2;
        } else if ((n == U'—' || n == U'–') && at(2) == U' ') {
          dash_len = 1;
          dash = n;
        }
        const bool numbers = is_digit(p) && is_digit(at(dash_len + 2));
        if (dash_len > 0 && !(numbers && n != U'—')) {
          emit(k_nbsp);
          emit(dash);
          emit(U' ');
          for (int k = 0; k < dash_len + 1; ++k) next_code_point(run, i);  // the dash and the space
          continue;
        }
      }
      bool bind = false;
      // «2022 г.», «2022–2024 гг.»
      if (is_digit(p) && n == U'г' && (!is_letter(at(2)) || (at(2) == U'г' && !is_letter(at(3))))) bind = true;
      // «№ 6», «§ 8»
      if (p == U'№' || p == U'§') bind = true;
      // «М. Р. Газиева»: after an initial, before a capital letter.
      if (p == U'.' && is_upper(prev(2)) && !is_letter(prev(3)) && is_upper(n)) bind = true;
      // «Газиева М. Р.»: a word followed by an initial.
      if (is_letter(p) && is_upper(n) && at(2) == U'.' && !is_letter(at(3))) bind = true;
      // One- and two-letter Russian words: «в школе», «на сайте», «не менее».
      if (!bind && is_cyrillic_letter(p) && n != U' ') {
        const int word = tail_word();
        const char32_t before = before_tail_word(word);
        if (word >= 1 && word <= 2 && !is_digit(before) && !is_letter(before)) bind = true;
      }
      emit(bind ? k_nbsp : U' ');
      continue;
    }

    emit(c);
  }

  if (count > 0) {
    m_tail_word = tail_word();
    m_prev = last[0];
  }
  return out;
}

std::string typograph(std::string_view text) {
  Typographer t;
  return t.apply(text);
}

}  // namespace nastavnik::util
