#include "util/text.hpp"

#include <catch2/catch.hpp>

using namespace nastavnik::util;

TEST_CASE("normalize follows SPEC's matching rules", "[util][text]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const std::vector<Case> cases = {
      {"Учитель - ученик", "учитель ученик"},
      {"учитель – ученик", "учитель ученик"},
      {"Учитель—ученик", "учитель ученик"},
      {"пар / групп", "пар групп"},
      {"пар/групп", "пар групп"},
      {"2. Цель и задачи", "цель и задачи"},
      {"6.1. Права и обязанности", "права и обязанности"},
      {"6.1 Права", "права"},
      {"IV. Формы наставничества", "формы наставничества"},
      {"IX) Заключительные положения", "заключительные положения"},
      {"  3) Отбор  ", "отбор"},
      {"Ёлка ЁЖ", "елка еж"},
      {"Выполнено", "выполнено"},
      {"DONE", "done"},
      {"«Школа № 6»", "школа 6"},
      {"2022 год", "2022 год"},     // a year is not numbering
      {"8 марта", "8 марта"},       // neither is a bare number
      {"2.5% роста", "2 5 роста"},  // nor a decimal glued to text
      {"1.Общие положения", "общие положения"},
      {"3)Итоги", "итоги"},
      {"6.1Права", "6 1права"},
      {"Ivan Грозный", "ivan грозный"},
      {"", ""},
      {" ,.;- ", ""},
      {"Straße", "straße"},
      {"ÀÉÎ", "àéî"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(normalize(c.in) == c.out);
  }
  CHECK(normalize("a\xFF"
                  "b") == "a b");  // invalid bytes are separators, never a crash
}

TEST_CASE("normalised comparisons", "[util][text]") {
  CHECK(equals_normalized("Учитель – учитель", "учитель-учитель"));
  CHECK_FALSE(equals_normalized("учитель – ученик", "ученик – ученик"));
  CHECK(contains_normalized("## 5. ПРАВА И ОБЯЗАННОСТИ НАСТАВНИКА", "права и обязанности наставника"));
  CHECK(contains_normalized("Формирование наставнических пар/групп", "формирование наставнических пар"));
  CHECK_FALSE(contains_normalized("Ожидаемые итоги", "результаты"));
  CHECK_FALSE(contains_normalized("что угодно", " - "));  // an empty phrase matches nothing
}

TEST_CASE("to_lower, trim, split_lines, html_escape", "[util][text]") {
  CHECK(to_lower("ПрИвЕт, World! Ё") == "привет, world! ё");
  CHECK(to_lower("a\xFF") == "a\xFF");
  CHECK(trim("  \t текст \n") == "текст");
  CHECK(trim("\xC2\xA0x\xC2\xA0") == "x");
  CHECK(trim("   ").empty());
  CHECK(split_lines("a\nb\r\n\nc") == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(split_lines("a\n") == std::vector<std::string>{"a"});
  CHECK(split_lines("").empty());
  CHECK(html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  CHECK(xml_escape("a<b") == "a&lt;b");
}

TEST_CASE("html_escape equals escaping byte by byte, on random bytes", "[util][text]") {
  // Eight bytes at a time (util/bytes.hpp): every byte value, at every place in a word, next to
  // the five escaped ones.
  auto reference = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '>') out += "&gt;";
      else if (c == '"') out += "&quot;";
      else if (c == '\'') out += "&#39;";
      else out += c;
    }
    return out;
  };
  std::uint32_t seed = 4242;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (int k = static_cast<int>(next() % 40); k > 0; --k) {
      const auto r = next() >> 8;
      s += (r % 4 == 0) ? "&<>\"'"[r / 4 % 5] : static_cast<char>(r % 256);
    }
    INFO(round);
    std::string appended = "x";
    append_html_escaped(appended, s);
    REQUIRE(html_escape(s) == reference(s));
    REQUIRE(appended == "x" + reference(s));
  }
}
