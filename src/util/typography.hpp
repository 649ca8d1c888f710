#pragma once
// Russian typography on a plain text run (never on code, URLs or attributes; the input is text,
// not HTML): non-breaking spaces (U+00A0) after one- and two-letter words, before «г.»/«гг.»,
// in «№ 6», between initials and surname; "…" → «ёлочки» with „лапки“ inside; " - " and " -- "
// between words → non-breaking space + «—»; "..." → «…». Number ranges («2022-2024») are kept.
#include <string>
#include <string_view>

namespace nastavnik::util {

/// Stateful so that quotes nest correctly across the text runs of one block (a paragraph split
/// by emphasis or links into several runs). Create one per block; feed runs in order.
class Typographer {
 public:
  std::string apply(std::string_view run);

 private:
  int m_depth = 0;         ///< current quote nesting depth
  char32_t m_prev = U' ';  ///< last character of the previous run
  int m_tail_word = 0;     ///< letters of the word the previous run ended with (0: not in a word)
};

/// One-shot convenience for a single self-contained string (titles, YAML values).
std::string typograph(std::string_view text);

}  // namespace nastavnik::util
