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
  // output grows: its last three characters, how many there are (up to 3), how many letters it
  // ends with (up to 3: the rules ask only about words of one and two letters), whether it is
  // letters only, and the character before its last letters. Between the characters the rules
  // act on, text is copied a stretch at a time (see below).
  // tests/unit/util/typography_test.cpp checks it against the UTF-32 formulation character for
  // character.
  std::string out;
  out.reserve(run.size() + 16);
  char32_t last[3] = {0, 0, 0};  // last[0]: the last character written
  std::size_t count = 0;         // characters written, up to 3
  std::size_t letters = 0;       // letters at the end of the output, up to 3
  bool all_letters = true;       // the output so far is letters only
  char32_t before_letters = 0;   // the character before them (when !all_letters)
  auto emit = [&](char32_t c) __attribute__((always_inline)) {
    append_utf8(out, c);
    last[2] = last[1];
    last[1] = last[0];
    last[0] = c;
    if (count < 3) ++count;
    if (is_letter(c)) {
      if (letters < 3) ++letters;
    } else {
      letters = 0;
      all_letters = false;
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
    return static_cast<int>(all_letters ? letters + static_cast<std::size_t>(m_tail_word) : letters);
  };
  // Character just before the tail word (or ' ' when it starts the block).
  auto before_tail_word = [&]() -> char32_t {
    if (!all_letters) return before_letters;
    if (m_tail_word == 0) return m_prev;
    return U' ';
  };
  // The end of a stretch from byte `i` that no rule acts on: ASCII other than a space, a straight
  // quote and "..", and two-byte characters other than « and » (Cyrillic, the no-break space).
  // Such characters are written back as the same bytes, so the stretch is copied whole; three-
  // and four-byte characters and bytes that are not UTF-8 go one at a time. A space stays a
  // space, and the stretch goes on, when the three characters before it are letters and a
  // lower-case Russian or Latin letter follows it, or when it ends a sentence (a lower-case
  // letter and «.» before it, a letter after it): no rule binds it then (a word of one or two
  // letters, a number, «№», an initial, a dash). `word` counts the letters before the stretch
  // (up to 3); inside it, only a-z, A-Z and Russian letters count, which never says "letter"
  // where is_letter would not.
  auto plain_end = [&](const std::size_t from, std::size_t word) {
    std::size_t i = from;
    const auto* b = reinterpret_cast<const unsigned char*>(run.data());
    const std::size_t n = run.size();
    auto lower_letter_at = [&](std::size_t k) {
      if (k >= n) return false;
      if (b[k] < 0x80) return b[k] >= 'a' && b[k] <= 'z';
      return k + 1 < n && russian::is_lower(b[k], b[k + 1]);
    };
    // A lower-case letter ends just before byte k (k > from + 1 is the caller's to check).
    auto lower_letter_before = [&](std::size_t k) {
      if (b[k - 1] < 0x80) return b[k - 1] >= 'a' && b[k - 1] <= 'z';
      return russian::is_lower(b[k - 2], b[k - 1]);  // the stretch holds whole two-byte characters
    };
    // A Russian or Latin letter, either case, starts at byte k.
    auto letter_at = [&](std::size_t k) {
      if (k >= n) return false;
      if (b[k] < 0x80) return (b[k] | 0x20) >= 'a' && (b[k] | 0x20) <= 'z';
      return k + 1 < n && russian::is_letter(b[k], b[k + 1]);
    };
    while (i < n) {
      // The common case in a loop of its own: Russian letters, two bytes each.
      while (i + 1 < n && russian::is_letter(b[i], b[i + 1])) {
        ++word;
        i += 2;
      }
      if (i >= n) break;
      const unsigned char c = b[i];
      if (c < 0x80) {
        if (c == ' ') {
          if (word >= 3 && lower_letter_at(i + 1)) {
            word = 0;
          } else if (i >= from + 3 && b[i - 1] == '.' && lower_letter_before(i - 1) && letter_at(i + 1)) {
            word = 0;  // the end of a sentence: «…слово. Следующее»
          } else {
            break;
          }
        } else if (c == '"' || (c == '.' && i + 1 < n && b[i + 1] == '.')) {
          break;
        } else {
          word = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? word + 1 : 0;
        }
        ++i;
      } else if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (b[i + 1] & 0xC0) == 0x80 &&
                 !(c == 0xC2 && (b[i + 1] == 0xAB || b[i + 1] == 0xBB))) {
        word = russian::is_letter(c, b[i + 1]) ? word + 1 : 0;
        i += 2;
      } else {
        break;
      }
    }
    return i;
  };
  // The state after a copied stretch [from, to): its last characters, read backwards (one or two
  // bytes each), up to the one before its last three letters.
  auto after_stretch = [&](std::size_t from, std::size_t to) {
    char32_t tail[4];
    std::size_t k = 0, j = to;
    while (j > from && k < 4) {
      const auto b = static_cast<unsigned char>(run[j - 1]);
      std::size_t at = b < 0x80 ? j - 1 : j - 2;
      tail[k++] = next_code_point(run, at);
      j -= b < 0x80 ? 1 : 2;
    }
    // tail[0] is the last character; k ≤ 4 of them, all of the stretch when j == from.
    std::size_t run_letters = 0;
    while (run_letters < k && run_letters < 3 && is_letter(tail[run_letters])) ++run_letters;
    for (std::size_t m = std::min<std::size_t>(k, 3); m-- > 0;) {
      last[2] = last[1];
      last[1] = last[0];
      last[0] = tail[m];
    }
    count = std::min<std::size_t>(count + k, 3);
    if (run_letters == 3) {
      letters = 3;  // a long word: the rules no longer ask what is before it
    } else if (run_letters < k) {
      letters = run_letters;
      all_letters = false;
      before_letters = tail[run_letters];
    } else {
      letters = std::min<std::size_t>(letters + k, 3);  // the whole stretch: k < 3 letters
    }
  };

  for (std::size_t i = 0; i < run.size();) {
    if (const std::size_t end = plain_end(i, letters); end > i) {
      out.append(run, i, end - i);
      after_stretch(i, end);
      i = end;
      continue;
    }
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
        const char32_t before = before_tail_word();
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
