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
