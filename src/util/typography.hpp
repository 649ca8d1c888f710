#pragma once
// Russian typography on rendered text (never on code, URLs or attributes): non-breaking spaces
// after one- and two-letter words, before «г.», in «№ 6», between initials and surname;
// «ёлочки» with „лапки“ inside; em dash with a non-breaking space before it; «…».
#include <string>
#include <string_view>

namespace nastavnik::util {

/// Stateful so that quotes nest correctly across the text runs of one block (a paragraph split
/// by emphasis or links into several runs). Create one per block; feed runs in order.
class Typographer {
 public:
  std::string apply(std::string_view run);
  /// Whether the previous run ended inside a word (affects opening/closing quote choice).
 private:
  int m_depth = 0;              ///< current quote nesting depth
  char32_t m_prev = U' ';       ///< last character of the previous run
};

/// One-shot convenience for a single self-contained string (titles, YAML values).
std::string typograph(std::string_view text);

}  // namespace nastavnik::util
