#include "util/typography.hpp"

#include <catch2/catch.hpp>

#include <random>

#include <unicode/uchar.h>

#include "util/utf8.hpp"

using namespace nastavnik::util;

namespace {
/// Tests read better with '~' for U+00A0.
std::string nb(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '~') {
      out += "\xC2\xA0";
    } else {
      out.push_back(c);
    }
  }
  return out;
}
}  // namespace

TEST_CASE("typograph: non-breaking spaces", "[util][typography]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const std::vector<Case> cases = {
      {"Работа в школе и на сайте", "Работа в~школе и~на~сайте"},
      {"В течение года", "В~течение года"},
      {"не менее 50 практик", "не~менее 50 практик"},
      {"с 1 сентября 2024 г.", "с~1 сентября 2024~г."},
      {"на 2022-2024 гг.", "на~2022-2024~гг."},
      {"2022 года", "2022 года"},
      {"МБОУ СОШ № 6", "МБОУ СОШ №~6"},
      {"Директор М. Р. Газиева", "Директор~М.~Р.~Газиева"},
      {"Иванова М. П., учитель", "Иванова~М.~П., учитель"},
      {"школа (в центре)", "школа (в~центре)"},
      {"из-за угла", "из-за~угла"},
      {"слово  в", "слово  в"},  // a double space is left alone
      {"Plain English text", "Plain English text"},
      {"Written by Smith J. R. here", "Written by Smith~J.~R. here"},  // Latin initials too
      {"длинное слово - тире", "длинное слово~— тире"},
      {"длинное слово 2024 гг.", "длинное слово 2024~гг."},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(typograph(c.in) == nb(c.out));
  }
}

TEST_CASE("typograph: dashes and ellipsis", "[util][typography]") {
  CHECK(typograph("Наставник - это опытный педагог") == nb("Наставник~— это опытный педагог"));
  CHECK(typograph("Наставник -- это педагог") == nb("Наставник~— это педагог"));
  CHECK(typograph("Наставник — это педагог") == nb("Наставник~— это педагог"));
  CHECK(typograph("апрель – май") == nb("апрель~– май"));
  CHECK(typograph("2022-2024") == "2022-2024");
  CHECK(typograph("2022 - 2024") == "2022 - 2024");
  CHECK(typograph("Кейс-1 и учебно-методический") == nb("Кейс-1 и~учебно-методический"));
  CHECK(typograph("И так далее...") == nb("И~так далее…"));
  CHECK(typograph("Ну.... да") == nb("Ну…. да"));
}

TEST_CASE("typograph: quotes", "[util][typography]") {
  CHECK(typograph("Приказ \"Об утверждении\"") == nb("Приказ «Об~утверждении»"));
  CHECK(typograph("\"Школа \"Наставник\" и мы\"") == nb("«Школа „Наставник“ и~мы»"));
  CHECK(typograph("«Уже готово»") == "«Уже готово»");
  CHECK(typograph("МБОУ «СОШ \"Лидер\"»") == "МБОУ «СОШ „Лидер“»");
  CHECK(typograph("(\"цитата\")") == "(«цитата»)");
  CHECK(typograph("5 \" дюймов") == "5 \" дюймов");
  CHECK(typograph("конец\"") == "конец»");  // unbalanced close is still a closing quote
}

TEST_CASE("Typographer keeps state across the runs of one paragraph", "[util][typography]") {
  Typographer t;
  // «Проект "<em>Вместе</em>" в школе» split by emphasis into three runs.
  CHECK(t.apply("Проект \"") == "Проект «");
  CHECK(t.apply("Вместе") == "Вместе");
  CHECK(t.apply("\" в ") == nb("» в~"));
  CHECK(t.apply("школе") == "школе");

  Typographer u;
  CHECK(u.apply("работа в") == "работа в");
  CHECK(u.apply(" школе") == nb("~школе"));

  Typographer nested;
  CHECK(nested.apply("\"Внешние ") == "«Внешние ");
  CHECK(nested.apply("\"внутренние\"") == "„внутренние“");
  CHECK(nested.apply(" снова\"") == " снова»");
}

TEST_CASE("typograph never fails on odd input", "[util][typography]") {
  CHECK(typograph("") == "");
  CHECK_NOTHROW(typograph(std::string("\xFF\"\xD0 - ...", 9)));
  CHECK(typograph("\"a \"b\"\"") == "«a „b“»");
  CHECK(typograph("\"\"\"") == "«„„");  // ambiguous input still gives quotes, never a crash
}

namespace {

// The typographer as it was first written, over UTF-32 (to_u32, rules, to_utf8): the reference
// the UTF-8 implementation must match character for character, state across runs included.
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
bool opens_after(char32_t c) {
  return is_space(c) || c == U'(' || c == U'[' || c == U'{' || c == U'«' || c == U'„' || c == U'—' ||
         c == U'–' || c == U'-' || c == U'/' || c == U'\'' || c == U'"';
}

class ReferenceTypographer {
 public:
  std::string apply(std::string_view run);

 private:
  int m_depth = 0;
  char32_t m_prev = U' ';
  int m_tail_word = 0;
};

std::string ReferenceTypographer::apply(std::string_view run) {
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

}  // namespace

TEST_CASE("Typographer (UTF-8) equals the UTF-32 reference on random text, across runs", "[util][typography]") {
  // Pieces that every rule looks at, and bytes that are not UTF-8.
  const std::vector<std::string> pieces = {
      "в", "на", "не", "к", "и", "школе", "Наставник", " ", " ", "  ", "-", "--", "—", "–", "\"", "«", "»",
      "„", "“", ".", "...", "..", "г", "гг", "г.", "2022", "7", "№", "§", "М", "Р", "Газиева", "a", "Zo", "ё",
      "Ё", "\n", "\t", "\r", "\xC2\xA0", "(", "[", "/", "'", "日本", "\xF0\x9F\x98\x80", "Σ", "ß", "\xFF",
      "\xD0", "\xE2\x80", "\xED\xA0\x80", "\xEF\xBF\xBD", std::string(1, '\0'), ",", ":", "x"};
  std::mt19937 rng(20261122);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), len(0, 14), runs(1, 4);
  for (int n = 0; n < 40000; ++n) {
    Typographer fast;
    ReferenceTypographer slow;
    const std::size_t k = runs(rng);
    for (std::size_t r = 0; r < k; ++r) {
      std::string text;
      for (std::size_t l = len(rng); l > 0; --l) text += pieces[piece(rng)];
      INFO("case " << n << ", run " << r << ": [" << text << "]");
      REQUIRE(fast.apply(text) == slow.apply(text));
    }
  }
}

TEST_CASE("Typographer's letters and capitals are ICU's (short words, initials)", "[util][typography]") {
  // «аб?в школе»: when ? is a letter, «аб?в» is a long word and the space stays; otherwise «в»
  // is a one-letter word after ? and gets a no-break space. «слово ?. x»: a capital ? is an
  // initial, bound to the word before. Every character up to U+2FFF.
  for (char32_t c = 0x80; c < 0x3000; ++c) {
    std::string letter = "аб", capital = "слово ";
    append_utf8(letter, c);
    append_utf8(capital, c);
    letter += "в школе";
    capital += ". x";
    INFO("U+" << std::hex << static_cast<std::uint32_t>(c));
    for (const std::string& text : {letter, capital}) {
      Typographer fast;
      ReferenceTypographer slow;
      REQUIRE(fast.apply(text) == slow.apply(text));
    }
  }
}
