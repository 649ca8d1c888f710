#include "util/typography.hpp"

#include <catch2/catch.hpp>

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
