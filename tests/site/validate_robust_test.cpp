// Bad input everywhere gives diagnostics, never a crash; privacy and bank rules on awkward input.
#include <catch2/catch.hpp>
#include <fstream>

#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

TEST_CASE("bad input in every data file: diagnostics, never a crash", "[validate][site]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"content/bank.yaml", "- a\n- b\n"},  // a list where a map is expected
      {"content/bank.yaml", "mentors: {id: m1}\nmentees: 5\npairs: [1, [2]]\n"},
      {"content/bank.yaml", "mentors:\n  - id: m1\n    name: Одно\n    role: педагог\n    consent: 2024-09-01\n"},
      {"content/bank.yaml",
       "pairs:\n  - {id: p1, mentor: [m1], mentees: {a: 1}, form: 7, order: 5, start: 31.02.2024}\n"},
      {"content/roadmap.yaml",
       "stages:\n  - title: Этап\n    events:\n      - {title: X, due: 2024, status: сделано}\n"},
      {"content/roadmap.yaml", "stages: [[1], {title: [a]}, {title: Б, events: {a: 1}}]\n"},
      {"content/roadmap.yaml", "stages:\n\t- title: табуляция\n"},
      {"content/monitoring.yaml",
       "indicators:\n  - {name: a, value: [1], computed: mentors.count}\n  - {name: b, value: 1, computed: 5}\n  - "
       "{name: c, value: да, computed: documents.kind.roadmap}\n  - {name: d, value: '', computed: "
       "mentees.category.}\n"},
      {"content/documents.yaml", "documents:\n  - {title: a, level: local, kind: curator, date: 15.13.2024}\n"},
      {"content/programs/adaptatsiya.md", "---\ntitle: x\nform: [a]\nstart: 2024-02-31\nend: сентябрь\n---\n"},
      {"content/programs/adaptatsiya.md", "---\n- list\n---\n## Результаты\n"},
      {"content/practices/keys-1.md", ""},
      {"content/polozhenie.md", "---\napproved: 2022-11-07\n---\n"},
      {"content/polozhenie.md", "---\napproved: {order: [1], date: 07.11.2022}\n---\n"},
      {"content/polozhenie.md", "\xEF\xBB\xBF---\r\ntitle: \"Положение\"\r\n---\r\n## Общие положения\r\n"},
      {"site.yaml",
       "title: x\nbase_url: \"https://a.example.ru/\"\nschool: {name: x}\nrules: {severity: [1], program_months: {min: "
       "many}, forms: 5, result_headings: {a: 1}}\n"},
      {"content/bank.yaml", ""},
      {"content/roadmap.yaml", "\xEF\xBB\xBF"},
      {"content/monitoring.yaml", "indicators: \"\"\n"},
  };
  for (const auto& [file, text] : cases) {
    DYNAMIC_SECTION(file << ": " << text.substr(0, 40)) {
      test::TempDir dir;
      test::copy_base_site(dir.path());
      std::ofstream(dir.path() / file, std::ios::binary) << text;
      auto r = test::run_site(dir.path());
      CHECK_FALSE(r.diagnostics.empty());
      for (const auto& d : r.diagnostics) {
        CHECK_FALSE(d.message.empty());
        CHECK(d.pos.line >= 0);
      }
    }
  }
}

TEST_CASE("an empty roadmap is an empty section; a broken one is only yaml.syntax", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), "-- content/roadmap.yaml --\n\n");
  CHECK(test::keys(test::run_site(dir.path()).diagnostics) ==
        std::vector<std::string>{"content/roadmap.yaml:0:0 site.missing-section"});
  test::write_files(dir.path(), "-- content/roadmap.yaml --\nstages: [\n");
  auto r = test::run_site(dir.path());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "yaml.syntax");
}

TEST_CASE("a missing Положение is regulation.missing only", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  fs::remove(dir.path() / "content/polozhenie.md");
  CHECK(test::keys(test::run_site(dir.path()).diagnostics) ==
        std::vector<std::string>{"content/polozhenie.md:0:0 regulation.missing"});
}

TEST_CASE("privacy.leak: every form, every field, one per person per block, no name in the message",
          "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"(-- content/bank.yaml --
mentors:
  - id: m1
    name: "Наставникова Анна Петровна"
    role: педагог
    consent: { processing: 2024-09-01, dissemination: 2024-09-01 }
    publish: true
  - id: m2
    name: "Тайнова Ольга Сергеевна"
    role: педагог
    consent: { processing: 2024-09-01 }
mentees:
  - id: s1
    name: "Учеников Иван"
    role: обучающийся
    grade: 7
    minor: true
    consent: { processing: 2024-09-02, guardian: 2024-09-02 }
pairs:
  - id: p1
    mentor: m1
    mentees: [s1]
    form: "учитель – ученик"
    order: { number: "3", date: 2024-09-10 }
-- content/news/pervaya.md --
---
title: "Победа Ивана Ученикова"
date: 2024-09-15
summary: "Иван Учеников и О.С.Тайнова на олимпиаде"
event: { date: 2024-09-20, place: "кабинет Тайновой О. С." }
---
Учеников И. и учеников Иван — один человек; Тайнова О. — наставник.

Поздравляем Анну Петровну Наставникову и А. П. Наставникову.

| Кто | Класс |
|---|---|
| Учеников Иван | 7 |
-- content/roadmap.yaml --
title: "Дорожная карта"
stages:
  - title: "Подготовка условий"
    events:
      - title: "Встреча"
        responsible: "О. Тайнова, куратор"
        details: "Ведёт **Тайнова Ольга**."
        due: "в течение года"
)");
  auto r = test::run_site(dir.path());
  std::vector<std::string> leaks;
  for (const auto& d : r.diagnostics)
    if (d.code == "privacy.leak") {
      leaks.push_back(d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " +
                      d.message.substr(d.message.find("id=")));
      CHECK(d.message.find("Учеников") == std::string::npos);
      CHECK(d.message.find("Тайнова") == std::string::npos);
      CHECK(d.severity == diag::Severity::error);
    }
  CHECK(leaks == std::vector<std::string>{
                     "content/news/pervaya.md:4:10 id=m2, которого нельзя называть на сайте (в банке у него нет "
                     "publish: true)",
                     "content/news/pervaya.md:4:10 id=s1, которого нельзя называть на сайте (несовершеннолетних не "
                     "называют на сайте)",
                     "content/news/pervaya.md:7:1 id=m2, которого нельзя называть на сайте (в банке у него нет "
                     "publish: true)",
                     "content/news/pervaya.md:7:1 id=s1, которого нельзя называть на сайте (несовершеннолетних не "
                     "называют на сайте)",
                     "content/news/pervaya.md:13:2 id=s1, которого нельзя называть на сайте (несовершеннолетних не "
                     "называют на сайте)",
                     "content/roadmap.yaml:6:22 id=m2, которого нельзя называть на сайте (в банке у него нет "
                     "publish: true)",
                     "content/roadmap.yaml:7:18 id=m2, которого нельзя называть на сайте (в банке у него нет "
                     "publish: true)",
                 });
}

TEST_CASE("bank: ids, references, consents and roles, one code per cause", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"(-- content/bank.yaml --
pairs:
  - id: p1
    mentor: m1
    mentees: [s1, s2]
    form: "учитель – ученик"
    program: adaptatsya
    order: { number: "3" }
  - id: p2
    mentor: m9
    mentees: [s1]
    form: "учитель – учитеь"
mentors:
  - id: m1
    name: "Наставникова Анна Петровна"
    role: студент
    consent: { processing: 2024-09-01, dissemination: 2024-09-01 }
    publish: true
  - id: p1
    name: "Второв Иван"
    role: педагог
    minor: true
    publish: true
mentees:
  - id: s1
    name: "Учеников Иван"
    role: обучающийся
    minor: true
    consent: { processing: 2024-09-02 }
  - id: s2
    name: "Взрослов Пётр"
    role: педагог
    consent: { processing: 2024-09-02, guardian: 2024-09-02 }
    publish: true
)");
  auto r = test::run_site(dir.path());
  CHECK(test::keys(r.diagnostics) == std::vector<std::string>{
                                         "content/bank.yaml:5:11 pair.form-mismatch",
                                         "content/bank.yaml:6:14 link.broken",
                                         "content/bank.yaml:7:12 pair.order-missing",
                                         "content/bank.yaml:8:5 pair.order-missing",
                                         "content/bank.yaml:9:13 bank.unknown-person",
                                         "content/bank.yaml:11:11 form.unknown",
                                         "content/bank.yaml:18:5 consent.missing",
                                         "content/bank.yaml:18:9 bank.duplicate-id",
                                         "content/bank.yaml:28:14 consent.guardian-missing",
                                         "content/bank.yaml:33:14 consent.dissemination-missing",
                                         "content/monitoring.yaml:6:12 monitoring.mismatch",
                                     });
  const auto& mismatch = r.diagnostics[0];
  CHECK(mismatch.message.find("наставник id=m1 — «студент»") != std::string::npos);
  CHECK(mismatch.message.find("наставляемый id=s2 — «педагог»") != std::string::npos);
  CHECK(r.diagnostics[1].hint == "возможно, имелось в виду «adaptatsiya»");
  CHECK(r.diagnostics[4].hint == "возможно, имелось в виду «m1»");
}
