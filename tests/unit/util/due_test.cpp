#include "util/due.hpp"

#include <catch2/catch.hpp>

using nastavnik::util::Date;
using nastavnik::util::DueInterval;
using nastavnik::util::parse_due;

namespace {

struct DatedCase {
  const char* text;
  Date start;
  Date end;
  std::vector<std::string> lines;
};

}  // namespace

TEST_CASE("parse_due: every SPEC example gives its interval and rendering", "[util][due]") {
  const std::vector<DatedCase> cases = {
      {"2024-09", {2024, 9, 1}, {2024, 9, 30}, {"сентябрь 2024 г."}},
      {"16.11.2022", {2022, 11, 16}, {2022, 11, 16}, {"16 ноября 2022 г."}},
      {"до 16.11.2022", {2022, 11, 16}, {2022, 11, 16}, {"до 16 ноября 2022 г."}},
      {"сентябрь 2024", {2024, 9, 1}, {2024, 9, 30}, {"сентябрь 2024 г."}},
      {"Май 2023 г.", {2023, 5, 1}, {2023, 5, 31}, {"май 2023 г."}},
      {"август - сентябрь 2024", {2024, 8, 1}, {2024, 9, 30}, {"август – сентябрь 2024 г."}},
      {"апрель – май 2025", {2025, 4, 1}, {2025, 5, 31}, {"апрель – май 2025 г."}},
      {"сентябрь 2024 – май 2025", {2024, 9, 1}, {2025, 5, 31}, {"сентябрь 2024 г. – май 2025 г."}},
      {"Сентябрь-декабрь 2023г.", {2023, 9, 1}, {2023, 12, 31}, {"сентябрь – декабрь 2023 г."}},
      {"2022-2024", {2022, 1, 1}, {2024, 12, 31}, {"2022–2024 гг."}},
      {"Ежегодно 2022 – 2024 гг.", {2022, 1, 1}, {2024, 12, 31}, {"Ежегодно 2022–2024 гг."}},
      {"2023-2024г.г.", {2023, 1, 1}, {2024, 12, 31}, {"2023–2024 гг."}},
      {"Ноябрь 2022\nдо 20.11.2022",
       {2022, 11, 1},
       {2022, 11, 30},
       {"ноябрь 2022 г.", "до 20 ноября 2022 г."}},
      {"2022 г. 2024 г.", {2022, 1, 1}, {2024, 12, 31}, {"2022 г. 2024 г."}},
      {"2022-11-16", {2022, 11, 16}, {2022, 11, 16}, {"16 ноября 2022 г."}},
  };
  for (const auto& c : cases) {
    INFO("due: " << c.text);
    const DueInterval d = parse_due(c.text);
    CHECK_FALSE(d.invalid);
    CHECK(d.problem.empty());
    CHECK_FALSE(d.open);
    REQUIRE(d.start.has_value());
    REQUIRE(d.end.has_value());
    CHECK(*d.start == c.start);
    CHECK(*d.end == c.end);
    CHECK(d.lines == c.lines);
  }
}

TEST_CASE("parse_due: the latest end of several lines wins", "[util][due]") {
  const DueInterval d = parse_due("Ноябрь 2022\nдо 20.11.2022\nдо 18.11.2022,\nдекабрь 2022");
  REQUIRE(d.end);
  CHECK(*d.end == Date{2022, 12, 31});
  CHECK(*d.start == Date{2022, 11, 1});
  CHECK(d.lines == std::vector<std::string>{"ноябрь 2022 г.", "до 20 ноября 2022 г.", "до 18 ноября 2022 г.",
                                            "декабрь 2022 г."});
}

TEST_CASE("parse_due: open periods have no end", "[util][due]") {
  SECTION("a string without digits") {
    for (const char* text : {"в течение года", "в течение всего периода реализации",
                             "В течение всего периода "
                             "реализации Целевой модели "
                             "наставничества",
                             "постоянно", "—"}) {
      INFO(text);
      const DueInterval d = parse_due(text);
      CHECK(d.open);
      CHECK_FALSE(d.invalid);
      CHECK_FALSE(d.start);
      CHECK_FALSE(d.end);
    }
    CHECK(parse_due("в течение года").lines == std::vector<std::string>{"в течение года"});
  }
  SECTION("a dated line with an open part") {
    const DueInterval d = parse_due("сентябрь 2024 в течение учебного года");
    CHECK(d.open);
    CHECK_FALSE(d.invalid);
    REQUIRE(d.start);
    CHECK(*d.start == Date{2024, 9, 1});
    CHECK_FALSE(d.end);
    CHECK(d.lines == std::vector<std::string>{"сентябрь 2024 г. в течение учебного года"});
  }
  SECTION("an open line under dated lines") {
    const DueInterval d = parse_due(
        "Ноябрь 2022\nдо 20.11.2022\nв течение всего периода реализации Целевой модели наставничества");
    CHECK(d.open);
    CHECK_FALSE(d.end);
    CHECK(*d.start == Date{2022, 11, 1});
    CHECK(d.lines.size() == 3);
  }
  SECTION("«в течение» followed by a date is not open") {
    const DueInterval d = parse_due("в течение 2024 года");
    CHECK_FALSE(d.open);
    REQUIRE(d.end);
    CHECK(*d.end == Date{2024, 12, 31});
    CHECK(d.lines == std::vector<std::string>{"в течение 2024 года"});
  }
  SECTION("«по мере необходимости» is open") {
    CHECK(parse_due("2024, по мере необходимости").open);
    CHECK(parse_due("сентябрь 2024, постоянно").open);
  }
}

TEST_CASE("parse_due: digits that form no valid date are invalid", "[util][due]") {
  for (const char* text : {"15.13.2024", "31.02.2024", "2024-13", "2023-02-29", "16.11.22", "1 раз в месяц",
                           "Ежегодно 2022-2024 Не менее 100 участников 1", "0000", "12345", "3024"}) {
    INFO(text);
    const DueInterval d = parse_due(text);
    CHECK(d.invalid);
    CHECK_FALSE(d.problem.empty());
    CHECK_FALSE(d.open);
  }
  CHECK(parse_due("31.02.2024").problem == "нет такой даты: «31.02.2024»");
  CHECK(parse_due("15.13.2024").lines == std::vector<std::string>{"15.13.2024"});
  CHECK_FALSE(parse_due("15.13.2024").end);
  // The valid parts still count, so the rest of the roadmap stays useful.
  const DueInterval partly = parse_due("сентябрь 2024, 31.02.2024");
  CHECK(partly.invalid);
  REQUIRE(partly.end);
  CHECK(*partly.end == Date{2024, 9, 30});
  CHECK(parse_due("29.02.2024").end == Date{2024, 2, 29});  // a leap day is fine
}

TEST_CASE("parse_due: a month name without any year is invalid", "[util][due]") {
  for (const char* text : {"сентябрь", "август - сентябрь", "до декабря", "Сентябрь-декабрь г."}) {
    INFO(text);
    const DueInterval d = parse_due(text);
    CHECK(d.invalid);
    CHECK_FALSE(d.open);
    CHECK_FALSE(d.end);
  }
  CHECK(parse_due("сентябрь").problem ==
        "у месяца «сентябрь» не указан год: напишите, например, «сентябрь 2024»");
}

TEST_CASE("parse_due: a month name takes the year of the next expression, else the preceding",
          "[util][due]") {
  struct Case {
    const char* text;
    Date start;
    Date end;
  };
  const std::vector<Case> cases = {
      {"август, сентябрь 2024", {2024, 8, 1}, {2024, 9, 30}},
      {"сентябрь\n2023", {2023, 1, 1}, {2023, 12, 31}},  // a year alone covers the whole year
      {"сентябрь 2024 – декабрь", {2024, 9, 1}, {2024, 12, 31}},
      {"сентябрь 2024 – май", {2024, 9, 1}, {2025, 5, 31}},
      {"декабрь – январь 2025", {2024, 12, 1}, {2025, 1, 31}},
      {"ноябрь - 16.12.2022", {2022, 11, 1}, {2022, 12, 16}},
      {"до сентября 2024", {2024, 9, 1}, {2024, 9, 30}},
      {"с сентября по декабрь 2023 года", {2023, 9, 1}, {2023, 12, 31}},
      {"сент. – окт. 2024", {2024, 9, 1}, {2024, 10, 31}},
      {"ОКТЯБРЬ 2024", {2024, 10, 1}, {2024, 10, 31}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const DueInterval d = parse_due(c.text);
    CHECK_FALSE(d.invalid);
    REQUIRE(d.start);
    REQUIRE(d.end);
    CHECK(*d.start == c.start);
    CHECK(*d.end == c.end);
  }
  CHECK(parse_due("до сентября 2024").lines == std::vector<std::string>{"до сентября 2024 г."});
  CHECK(parse_due("с сентября по декабрь 2023 года").lines ==
        std::vector<std::string>{"с сентября по декабрь 2023 года"});
  CHECK(parse_due("сент. – окт. 2024").lines == std::vector<std::string>{"сентябрь – октябрь 2024 г."});
}

TEST_CASE("parse_due: spelling variants", "[util][due]") {
  struct Case {
    const char* text;
    Date start;
    Date end;
    const char* line;
  };
  const std::vector<Case> cases = {
      {"  Май   2023  ", {2023, 5, 1}, {2023, 5, 31}, "май 2023 г."},
      {"май\t2023", {2023, 5, 1}, {2023, 5, 31}, "май 2023 г."},
      {"август — сентябрь 2024", {2024, 8, 1}, {2024, 9, 30}, "август – сентябрь 2024 г."},
      {"август–сентябрь 2024", {2024, 8, 1}, {2024, 9, 30}, "август – сентябрь 2024 г."},
      {"2022–2024 гг", {2022, 1, 1}, {2024, 12, 31}, "2022–2024 гг."},
      {"2022 — 2024 г.", {2022, 1, 1}, {2024, 12, 31}, "2022–2024 гг."},
      {"2022-2024гг.", {2022, 1, 1}, {2024, 12, 31}, "2022–2024 гг."},
      {"Ежегодно 2022-2024 г.г", {2022, 1, 1}, {2024, 12, 31}, "Ежегодно 2022–2024 гг."},
      {"2022 г. - 2024 г.", {2022, 1, 1}, {2024, 12, 31}, "2022–2024 гг."},
      {"07.11.2022.", {2022, 11, 7}, {2022, 11, 7}, "7 ноября 2022 г."},
      {"До 16.11.2022", {2022, 11, 16}, {2022, 11, 16}, "До 16 ноября 2022 г."},
      {"1.9.2024", {2024, 9, 1}, {2024, 9, 1}, "1 сентября 2024 г."},
      {"01.09.2024 - 30.09.2024", {2024, 9, 1}, {2024, 9, 30}, "1 сентября 2024 г. – 30 сентября 2024 г."},
      {"2024-9", {2024, 9, 1}, {2024, 9, 30}, "сентябрь 2024 г."},
      {"2024–2025 учебный год", {2024, 1, 1}, {2025, 12, 31}, "2024–2025 учебный год"},
      {"сентябрь 2024 года", {2024, 9, 1}, {2024, 9, 30}, "сентябрь 2024 года"},
      {"до 18.11.2022,", {2022, 11, 18}, {2022, 11, 18}, "до 18 ноября 2022 г."},
      {"ФЕВРАЛЬ 2024", {2024, 2, 1}, {2024, 2, 29}, "февраль 2024 г."},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const DueInterval d = parse_due(c.text);
    CHECK_FALSE(d.invalid);
    CHECK_FALSE(d.open);
    REQUIRE(d.start);
    REQUIRE(d.end);
    CHECK(*d.start == c.start);
    CHECK(*d.end == c.end);
    CHECK(d.lines == std::vector<std::string>{c.line});
  }
}

TEST_CASE("parse_due: real due strings from the seed roadmaps", "[util][due]") {
  struct Case {
    const char* text;
    bool open;
    std::optional<Date> end;
  };
  const std::vector<Case> cases = {
      // 000: МБОУ СОШ № 6, 2024–2025
      {"сентябрь 2024", false, Date{2024, 9, 30}},
      {"август - сентябрь 2024", false, Date{2024, 9, 30}},
      {"сентябрь 2024 в течение учебного года", true, std::nullopt},
      {"апрель - май 2025\nиюнь 2025", false, Date{2025, 6, 30}},
      {"в течение года", true, std::nullopt},
      // 002: СОШ №2
      {"13.10.2023", false, Date{2023, 10, 13}},
      {"Май  2023", false, Date{2023, 5, 31}},
      {"Сентябрь 2023", false, Date{2023, 9, 30}},
      {"Май 2024", false, Date{2024, 5, 31}},
      // 003: Рубцовск, 2022–2024
      {"Февраль 2022", false, Date{2022, 2, 28}},
      {"Март 2022 г.", false, Date{2022, 3, 31}},
      {"2022-2024", false, Date{2024, 12, 31}},
      {"Ежегодно 2022 – 2024 гг.", false, Date{2024, 12, 31}},
      {"2022 г. 2024 г.", false, Date{2024, 12, 31}},
      {"2023-2024г.г.", false, Date{2024, 12, 31}},
      {"2022-2024 гг.", false, Date{2024, 12, 31}},
      {"Ежегодно 2022-2024 гг.", false, Date{2024, 12, 31}},
      {"2022 г.", false, Date{2022, 12, 31}},
      {"Ежегодно 2022-2024 г.г", false, Date{2024, 12, 31}},
      {"Ежегодно 2022-2024 г.г.", false, Date{2024, 12, 31}},
      {"2023 г.", false, Date{2023, 12, 31}},
      {"Ежегодно 2023-2024 г.", false, Date{2024, 12, 31}},
      // 004: Октябрьская школа № 3
      {"До 16.11.2022", false, Date{2022, 11, 16}},
      {"до 20.11.2022", false, Date{2022, 11, 20}},
      {"Ноябрь 2022\nдо 20.11.2022\nдо 18.11.2022,\nв течение всего периода реализации Целевой модели "
       "наставничества",
       true, std::nullopt},
      {"В течение всего периода реализации Целевой модели наставничества", true, std::nullopt},
      {"Сентябрь-декабрь 2023г.", false, Date{2023, 12, 31}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const DueInterval d = parse_due(c.text);
    CHECK_FALSE(d.invalid);
    CHECK(d.open == c.open);
    CHECK(d.end == c.end);
  }
  CHECK(parse_due("апрель - май 2025\nиюнь 2025").lines ==
        std::vector<std::string>{"апрель – май 2025 г.", "июнь 2025 г."});
  CHECK(parse_due("Ежегодно 2023-2024 г.").lines == std::vector<std::string>{"Ежегодно 2023–2024 гг."});
}

TEST_CASE("parse_due: empty input and blank lines", "[util][due]") {
  const DueInterval empty = parse_due("");
  CHECK_FALSE(empty.open);
  CHECK_FALSE(empty.invalid);
  CHECK_FALSE(empty.start);
  CHECK(empty.lines.empty());
  const DueInterval blank = parse_due("сентябрь 2024\n\n  \r\n");
  CHECK_FALSE(blank.open);
  CHECK(blank.lines == std::vector<std::string>{"сентябрь 2024 г."});
  CHECK(parse_due("сентябрь 2024\r\nмай 2025\r").lines ==
        std::vector<std::string>{"сентябрь 2024 г.", "май 2025 г."});
}

TEST_CASE("parse_due: any byte string is safe", "[util][due]") {
  const std::vector<std::string> nasty = {
      std::string("\xff\xfe\x00\x01", 4),
      std::string(100000, '9'),
      std::string(5000, '-') + "2024",
      "\xd0",
      "сентябрь \xd0\x20 2024",
      std::string("2024-") + std::string(3000, '.'),
      "...........",
      "г. г. г. г.",
      "9999-99-99",
      "99.99.9999",
      "2024-02-30",
      "\n\n\n",
  };
  for (const auto& s : nasty) {
    CHECK_NOTHROW(parse_due(s));
  }
  // Random bytes drawn from a small alphabet that hits every branch.
  const std::vector<std::string> alphabet = {"2024", "16",       ".",         "-",  "–",   " ",
                                             "г",    "сентябрь", "в течение", "\n", "мая", "\xd0",
                                             "гг",   "2",        "13",        "до", ","};
  unsigned state = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int pieces = static_cast<int>(state % 12);
    for (int k = 0; k < pieces; ++k) {
      state = state * 1103515245u + 12345u;
      s += alphabet[(state >> 16) % alphabet.size()];
    }
    state = state * 1103515245u + 12345u;
    const DueInterval d = parse_due(s);
    if (d.start && d.end) CHECK(*d.start <= *d.end);
    if (d.open) CHECK_FALSE(d.end);
  }
}

TEST_CASE("parse_due: dates written with a month name, as they render", "[util][due]") {
  struct Case {
    const char* text;
    Date start;
    Date end;
    const char* line;
  };
  const std::vector<Case> cases = {
      {"до 1 сентября 2024", {2024, 9, 1}, {2024, 9, 1}, "до 1 сентября 2024 г."},
      {"16 ноября 2022 г.", {2022, 11, 16}, {2022, 11, 16}, "16 ноября 2022 г."},
      {"1 – 15 сентября 2024", {2024, 9, 1}, {2024, 9, 15}, "1 – 15 сентября 2024 г."},
      {"29 февраля 2024", {2024, 2, 29}, {2024, 2, 29}, "29 февраля 2024 г."},
      {"2024/2025 учебный год", {2024, 1, 1}, {2025, 12, 31}, "2024/2025 учебный год"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const DueInterval d = parse_due(c.text);
    CHECK_FALSE(d.invalid);
    REQUIRE(d.start);
    REQUIRE(d.end);
    CHECK(*d.start == c.start);
    CHECK(*d.end == c.end);
    CHECK(d.lines == std::vector<std::string>{c.line});
  }
  // A rendered date parses back to the same day.
  CHECK(parse_due(nastavnik::util::format_ru(Date{2025, 5, 31})).end == Date{2025, 5, 31});
  for (const char* bad : {"31 сентября 2024", "29 февраля 2023", "29 февраля – 1 марта 2023", "1 сентября",
                          "30 – 31 февраля 2024"}) {
    INFO(bad);
    CHECK(parse_due(bad).invalid);
  }
}
