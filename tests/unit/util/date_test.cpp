#include "util/date.hpp"

#include <catch2/catch.hpp>

using namespace nastavnik::util;

TEST_CASE("calendar validity and month lengths", "[util][date]") {
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2024, 4) == 30);
  CHECK(days_in_month(2024, 13) == 0);
  CHECK(is_valid_date(2024, 2, 29));
  CHECK_FALSE(is_valid_date(2023, 2, 29));
  CHECK_FALSE(is_valid_date(2024, 13, 1));
  CHECK_FALSE(is_valid_date(2024, 0, 1));
  CHECK_FALSE(is_valid_date(2024, 1, 0));
}

TEST_CASE("parse_iso_date is strict", "[util][date]") {
  CHECK(parse_iso_date("2022-11-07") == Date{2022, 11, 7});
  CHECK(parse_iso_date("2024-02-29") == Date{2024, 2, 29});
  for (const char* bad : {"2023-02-29", "2022-11-7", "2022/11/07", "22-11-07", "2022-11-07 ", "",
                          "2022-13-01", "2022-00-10", "2022-1a-07", "+022-11-07", "0000-01-01"}) {
    INFO(bad);
    CHECK_FALSE(parse_iso_date(bad));
  }
  CHECK(to_iso(Date{2022, 1, 5}) == "2022-01-05");
}

TEST_CASE("add_months clamps to the month's last day", "[util][date]") {
  struct Case {
    Date from;
    int months;
    Date to;
  };
  const std::vector<Case> cases = {
      {{2024, 1, 31}, 1, {2024, 2, 29}},  {{2023, 1, 31}, 1, {2023, 2, 28}},
      {{2024, 9, 1}, 3, {2024, 12, 1}},   {{2024, 11, 15}, 3, {2025, 2, 15}},
      {{2024, 3, 31}, -1, {2024, 2, 29}}, {{2024, 1, 15}, -13, {2022, 12, 15}},
      {{2024, 8, 31}, 1, {2024, 9, 30}},  {{2024, 5, 31}, 12, {2025, 5, 31}},
      {{2024, 5, 31}, 0, {2024, 5, 31}},
  };
  for (const auto& c : cases) {
    INFO(to_iso(c.from) << " + " << c.months);
    CHECK(add_months(c.from, c.months) == c.to);
  }
}

TEST_CASE("day arithmetic", "[util][date]") {
  CHECK(days_from_civil(Date{1970, 1, 1}) == 0);
  CHECK(days_from_civil(Date{1969, 12, 31}) == -1);
  CHECK(days_from_civil(Date{2000, 3, 1}) == 11017);
  for (long d = -800000; d <= 800000; d += 997) {
    CHECK(days_from_civil(civil_from_days(d)) == d);
  }
  CHECK(add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
  CHECK(add_days(Date{2024, 12, 31}, 1) == Date{2025, 1, 1});
  CHECK(add_days(Date{2025, 3, 1}, -1) == Date{2025, 2, 28});
  // SPEC: 2024-09-01 … 2024-11-30 is exactly 3 months (start + 3 months − 1 day).
  CHECK(add_days(add_months(Date{2024, 9, 1}, 3), -1) == Date{2024, 11, 30});
  CHECK(Date{2024, 1, 2} < Date{2024, 2, 1});
}

TEST_CASE("dates render in Russian", "[util][date]") {
  CHECK(format_ru(Date{2022, 11, 7}) == "7 ноября 2022 г.");
  CHECK(format_ru(Date{2024, 3, 1}) == "1 марта 2024 г.");
  CHECK(format_month_ru(2024, 9) == "сентябрь 2024 г.");
  const char* nominative[] = {"январь", "февраль", "март",     "апрель",  "май",    "июнь",
                              "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};
  const char* genitive[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                            "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
  for (int m = 1; m <= 12; ++m) {
    CHECK(month_name_nominative(m) == nominative[m - 1]);
    CHECK(month_name_genitive(m) == genitive[m - 1]);
  }
  CHECK(month_name_nominative(0).empty());
  CHECK(month_name_genitive(13).empty());
}

TEST_CASE("today is a valid date", "[util][date]") {
  const Date t = today();
  CHECK(is_valid_date(t.year, t.month, t.day));
  CHECK(t.year >= 2024);
}
