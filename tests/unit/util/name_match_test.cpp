#include "util/name_match.hpp"

#include <catch2/catch.hpp>

using nastavnik::util::NameMatcher;
using nastavnik::util::tokenize_names;

namespace {

NameMatcher petrov() {
  NameMatcher m;
  m.add(7, "Петров Пётр Иванович");
  return m;
}

bool found(const NameMatcher& m, std::string_view text) { return !m.find(text).empty(); }

}  // namespace

TEST_CASE("tokenize_names: lower case, ё = е, initials need a dot", "[util][validate]") {
  auto t = tokenize_names("Пётр И.О.Сидоров, и  все");
  REQUIRE(t.size() == 6);
  CHECK(t[0].word == "петр");
  CHECK(t[1].word == "и");
  CHECK(t[1].initial);
  CHECK(t[2].initial);
  CHECK(t[3].word == "сидоров");
  CHECK_FALSE(t[4].initial);  // the conjunction «и» is no initial
}

TEST_CASE("NameMatcher finds the six forms of SPEC", "[util][validate]") {
  auto m = petrov();
  CHECK(found(m, "Петров Пётр"));
  CHECK(found(m, "Пётр Петров"));
  CHECK(found(m, "ПЕТРОВ ПЕТР выступил"));
  CHECK(found(m, "Петров П."));
  CHECK(found(m, "П. Петров"));
  CHECK(found(m, "Петров П. И."));
  CHECK(found(m, "Петров П.И."));
  CHECK(found(m, "И. о. директора П. И. Петров"));
  CHECK(found(m, "П.И.Петров"));
  CHECK(found(m, "П.\u00A0И.\u00A0Петров"));  // typography's non-breaking spaces
  CHECK(found(m, "«Петров Пётр Иванович»"));
  CHECK(m.find("Петров Пётр и П. Петров") == std::vector<std::size_t>{7});  // one per text
}

TEST_CASE("NameMatcher: whole words only, no false friends", "[util][validate]") {
  auto m = petrov();
  CHECK_FALSE(found(m, "Петров"));            // a surname alone is not a name
  CHECK_FALSE(found(m, "Петрова Пётр"));      // inflected or another person
  CHECK_FALSE(found(m, "Петровский П."));     // whole words
  CHECK_FALSE(found(m, "Петров и Сидоров"));  // «и» without a dot is a conjunction
  CHECK_FALSE(found(m, "Петров С."));         // another initial
  CHECK_FALSE(found(m, "С. И. Петров"));      // another first name
  CHECK_FALSE(found(m, "Пётр Сидоров, Петров"));
  CHECK_FALSE(found(m, ""));
}

TEST_CASE("NameMatcher: two-word names, hyphens, several people", "[util][validate]") {
  NameMatcher m;
  m.add(1, "Учеников Иван");
  m.add(2, "Римская-Корсакова Анна Сергеевна");
  m.add(3, "Одно");  // ignored: nothing safe to search for
  CHECK(m.find("Иван Учеников и А. С. Римская-Корсакова") == std::vector<std::size_t>{1, 2});
  CHECK(m.find("Учеников И. О.") == std::vector<std::size_t>{1});
  CHECK(m.find("Римская Корсакова А.") == std::vector<std::size_t>{2});
  CHECK(m.find("Одно слово").empty());
}

TEST_CASE("NameMatcher scans a long text in linear time", "[util][validate]") {
  NameMatcher m;
  for (int i = 0; i < 500; ++i) m.add(i, "Фамилия" + std::to_string(i) + " Имя Отчество");
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Фамилия" + std::to_string(i % 700) + " слово ";
  text += "И. О. Фамилия42";
  CHECK(m.find(text) == std::vector<std::size_t>{42});
}
