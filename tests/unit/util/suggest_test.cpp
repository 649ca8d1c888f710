#include "util/suggest.hpp"

#include <catch2/catch.hpp>

using namespace nastavnik::util;

TEST_CASE("edit_distance counts code points", "[util][suggest]") {
  CHECK(edit_distance(U"", U"") == 0);
  CHECK(edit_distance(U"abc", U"") == 3);
  CHECK(edit_distance(U"kitten", U"sitting") == 3);
  CHECK(edit_distance(U"учитеь", U"учитель") == 1);
  CHECK(edit_distance(U"flaw", U"lawn") == 2);
  CHECK(edit_distance(U"ёж", U"еж") == 1);
}

TEST_CASE("closest suggests plausible typos only", "[util][suggest]") {
  const std::vector<std::string> forms = {"учитель – учитель", "учитель – ученик", "ученик – ученик",
                                          "студент – ученик"};
  CHECK(closest("учитель – учитеь", forms) == std::optional<std::string>("учитель – учитель"));
  CHECK(closest("Ученик-ученик", forms) == std::optional<std::string>("ученик – ученик"));
  CHECK_FALSE(closest("работодатель – студент", forms));

  const std::vector<std::string> fields = {"title", "date", "summary", "tags", "image", "draft", "event"};
  CHECK(closest("titel", fields) == std::optional<std::string>("title"));
  CHECK(closest("summray", fields) == std::optional<std::string>("summary"));
  CHECK(closest("dat", fields) == std::optional<std::string>("date"));
  CHECK_FALSE(closest("x", fields));
  CHECK_FALSE(closest("", fields));
  CHECK_FALSE(closest("completely-different", fields));
  CHECK_FALSE(closest("title", {}));
}
