#include "util/plural.hpp"

#include <catch2/catch.hpp>

using namespace nastavnik::util;

TEST_CASE("Russian plural forms", "[util][plural]") {
  struct Case {
    long n;
    const char* form;
  };
  const std::vector<Case> cases = {
      {0, "ошибок"},   {1, "ошибка"},    {2, "ошибки"},  {4, "ошибки"},   {5, "ошибок"},
      {10, "ошибок"},  {11, "ошибок"},   {12, "ошибок"}, {14, "ошибок"},  {15, "ошибок"},
      {21, "ошибка"},  {22, "ошибки"},   {25, "ошибок"}, {101, "ошибка"}, {111, "ошибок"},
      {112, "ошибок"}, {1001, "ошибка"}, {-1, "ошибка"}, {-12, "ошибок"},
  };
  for (const auto& c : cases) {
    INFO(c.n);
    CHECK(plural_ru(c.n, "ошибка", "ошибки", "ошибок") == c.form);
  }
  CHECK(count_ru(2, "ошибка", "ошибки", "ошибок") == "2 ошибки");
  CHECK(count_ru(21, "наставник", "наставника", "наставников") == "21 наставник");
}

TEST_CASE("diagnostics summary line", "[util][plural]") {
  CHECK(diagnostics_summary(0, 0) == "нет ошибок и предупреждений");
  CHECK(diagnostics_summary(2, 1) == "2 ошибки, 1 предупреждение");
  CHECK(diagnostics_summary(1, 0) == "1 ошибка, 0 предупреждений");
  CHECK(diagnostics_summary(0, 3) == "0 ошибок, 3 предупреждения");
  CHECK(diagnostics_summary(5, 11) == "5 ошибок, 11 предупреждений");
}
