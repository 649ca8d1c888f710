#include <catch2/catch.hpp>

#include <regex>

#include "render/charts.hpp"

using namespace nastavnik::render;

namespace {

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

/// The accessible name and description are wired: role=img, aria-labelledby → <title>, <desc>.
void check_accessible(const std::string& svg, const std::string& id) {
  CHECK(svg.rfind("<svg class=\"chart ", 0) == 0);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("aria-labelledby=\"" + id + "-title " + id + "-desc\"") != std::string::npos);
  CHECK(svg.find("<title id=\"" + id + "-title\">") != std::string::npos);
  CHECK(svg.find("<desc id=\"" + id + "-desc\">") != std::string::npos);
  CHECK(svg.substr(0, svg.find('>')).find("viewBox") == std::string::npos);  // em/percent: text never shrinks
  CHECK(svg.find("fill=\"#") == std::string::npos);  // colours come from CSS (bvi schemes)
  CHECK(count(svg, "<svg") == count(svg, "</svg>"));
}

}  // namespace

TEST_CASE("bar chart: bars scaled to the largest value, values written out", "[render][charts]") {
  charts::BarChart ch{"c1", "Наставники и наставляемые по ролям", {"Наставников", "Наставляемых"},
                      {{"педагог", {4, 8}}, {"обучающийся <5>", {2, 0}}}};
  std::string svg = charts::bar_chart(ch);
  check_accessible(svg, "c1");
  CHECK(svg.find("<title id=\"c1-title\">Наставники и наставляемые по ролям</title>") != std::string::npos);
  CHECK(svg.find("педагог: Наставников — 4, Наставляемых — 8; обучающийся &lt;5&gt;: Наставников — 2, "
                 "Наставляемых — 0.") != std::string::npos);
  CHECK(svg.find("width=\"82%\"") != std::string::npos);  // 8 is the largest
  CHECK(svg.find("width=\"41%\"") != std::string::npos);  // 4 of 8
  CHECK(count(svg, "class=\"chart-s0\"") == 3);           // 2 bars + legend
  CHECK(count(svg, "class=\"chart-s1\"") == 3);
  CHECK(svg.find(">обучающийся &lt;5&gt;</text>") != std::string::npos);
}

TEST_CASE("bar chart with nothing to show draws no NaN", "[render][charts]") {
  charts::BarChart ch{"z", "Пусто", {"Пар"}, {{"форма", {0}}}};
  std::string svg = charts::bar_chart(ch);
  CHECK(svg.find("nan") == std::string::npos);
  CHECK(svg.find(">0</text>") != std::string::npos);
}

TEST_CASE("indicator chart: numbers, percentages to 100 %, да/нет marks", "[render][charts]") {
  using K = charts::Indicator::Kind;
  std::vector<charts::Indicator> rows = {{"Наставников", K::number, 67, false, "чел."},
                                         {"Пар", K::number, 33.5, false, "чел."},
                                         {"Доля", K::percent, 87, false, ""},
                                         {"Положение утверждено", K::yesno, 0, true, ""},
                                         {"Отчёт опубликован", K::yesno, 0, false, ""}};
  std::string svg = charts::indicator_chart("g1", "Организация", rows);
  check_accessible(svg, "g1");
  CHECK(svg.find("Наставников: 67\u00a0чел.; Пар: 33,5\u00a0чел.; Доля: 87\u00a0%; Положение утверждено: да; "
                 "Отчёт опубликован: нет.") != std::string::npos);
  CHECK(svg.find("width=\"41%\"") != std::string::npos);     // 33.5 of 67 → half of 82 %
  CHECK(svg.find("width=\"71.34%\"") != std::string::npos);  // 87 % of 82 %
  CHECK(count(svg, "class=\"chart-track\"") == 1);
  CHECK(svg.find("chart-mark chart-yes") != std::string::npos);
  CHECK(svg.find("chart-mark chart-no") != std::string::npos);
}

TEST_CASE("timeline: stages on a year axis with progress and a today line", "[render][charts]") {
  using nastavnik::util::Date;
  std::vector<charts::Stage> st = {{"1. Подготовка", Date{2022, 9, 1}, Date{2022, 12, 31}, 3, 3},
                                   {"2. Работа", Date{2023, 1, 1}, Date{2024, 12, 31}, 1, 4},
                                   {"3. Без сроков", std::nullopt, std::nullopt, 0, 0}};
  std::string svg = charts::timeline("t", "Этапы", st, Date{2023, 7, 1});
  check_accessible(svg, "t");
  CHECK(svg.find(">1. Подготовка — выполнено 3 из 3</text>") != std::string::npos);
  CHECK(svg.find(">3. Без сроков — мероприятий нет</text>") != std::string::npos);
  CHECK(svg.find("сроки не указаны") != std::string::npos);
  CHECK(svg.find(">2022</text>") != std::string::npos);
  CHECK(svg.find(">2024</text>") != std::string::npos);
  CHECK(svg.find(">2025</text>") == std::string::npos);  // the axis ends on 1 January 2025
  CHECK(svg.find("class=\"chart-now\"") != std::string::npos);
  CHECK(svg.find("с 1 января 2023 г. по 31 декабря 2024 г.") != std::string::npos);
  // Stage 1 is done: its fill is as wide as its band.
  std::smatch m;
  std::regex band(R"(<rect class="chart-track" x="([0-9.]+)%" y="1.5em" width="([0-9.]+)%")");
  REQUIRE(std::regex_search(svg, m, band));
  CHECK(svg.find("<rect class=\"chart-s0\" x=\"" + m[1].str() + "%\" y=\"1.5em\" width=\"" + m[2].str() + "%\"") !=
        std::string::npos);
}

TEST_CASE("numbers in Russian notation", "[render][charts]") {
  CHECK(charts::format_number(12) == "12");
  CHECK(charts::format_number(12.5) == "12,5");
  CHECK(charts::format_number(0) == "0");
}
