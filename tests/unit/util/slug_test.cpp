#include "util/slug.hpp"

#include <catch2/catch.hpp>

using namespace nastavnik::util;

TEST_CASE("slugify transliterates Russian titles", "[util][slug]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const std::vector<Case> cases = {
      {"Школа наставников", "shkola-nastavnikov"},
      {"Кейс-1", "keys-1"},
      {"Щука, ёж и подъезд!", "shchuka-ezh-i-podezd"},
      {"Адаптация молодого специалиста", "adaptatsiya-molodogo-spetsialista"},
      {"Положение", "polozhenie"},
      {"Дорожная карта", "dorozhnaya-karta"},
      {"Хочу в Цирк: Чебурашка", "khochu-v-tsirk-cheburashka"},
      {"Объявление «Эхо» — юбилей", "obyavlenie-ekho-yubiley"},
      {"Школа № 6, 2024–2025 уч. год", "shkola-6-2024-2025-uch-god"},
      {"  --Hello World--  ", "hello-world"},
      {"д'Артаньян", "dartanyan"},
      {"Їжак і Єва", "yizhak-i-yeva"},
      {"😀 🙂", ""},
      {"", ""},
      {"a\xFF"
       "b",
       "a-b"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(slugify(c.in) == c.out);
  }
}

TEST_CASE("every Cyrillic letter has a documented transliteration", "[util][slug]") {
  CHECK(transliterate("абвгдеёжзийклмнопрстуфхцчшщъыьэюя") == "abvgdeezhziyklmnoprstufkhtschshshchyeyuya");
  CHECK(transliterate("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") == "abvgdeezhziyklmnoprstufkhtschshshchyeyuya");
  CHECK(transliterate("Кейс 1") == "keys 1");
}

TEST_CASE("slugs are at most 80 bytes, cut at a hyphen", "[util][slug]") {
  std::string title;
  for (int i = 0; i < 20; ++i) title += "наставничество ";
  const std::string s = slugify(title);
  CHECK(s.size() <= 80);
  CHECK(s.back() != '-');
  CHECK(s.rfind("nastavnichestvo") == s.size() - 15);  // whole words only
  const std::string one_word(200, 'a');
  CHECK(slugify(one_word) == std::string(80, 'a'));
}
