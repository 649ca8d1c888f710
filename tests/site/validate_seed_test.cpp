// Domain rules on content written the way real schools write it (see /work/shared/seeds): a
// Положение with nine numbered sections, roadmap due dates as real roadmaps give them, the
// internal monitoring table.
#include <catch2/catch.hpp>

#include "support/site_builder.hpp"

using namespace nastavnik;

namespace {

std::vector<std::string> of_code(const test::RunResult& r, std::string_view code) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(d.message);
  return out;
}

std::vector<std::string> keys_of(const test::RunResult& r, std::string_view code) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code)
      out.push_back(d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column));
  return out;
}

}  // namespace

TEST_CASE("a Положение with the nine sections of a real school order", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"(-- content/polozhenie.md --
---
title: "Положение о системе наставничества педагогических работников"
approved: { order: "238/1", date: 2022-11-07, by: "Директор" }
---
## 1. Общие положения
Текст.
## 2. Цель и задачи системы наставничества. Формы наставничества
Текст.
## 3. Организация системы наставничества
Текст.
## 4. Права и обязанности наставника
## 5. Права и обязанности наставляемого
## 6. Процесс формирования пар и групп наставников и педагогов
## 7. Завершение персонализированной программы наставничества
## 8. Условия публикации результатов персонализированной программы наставничества на сайте образовательной организации
## 9. Заключительные положения
)");
  auto r = test::run_site(dir.path());
  // Nine headings, ten required sections: §2 holds both «Цель и задачи» and «Формы наставничества».
  CHECK(of_code(r, "regulation.missing-section").empty());
  CHECK(r.diagnostics.empty());
}

TEST_CASE("a Положение that joins the rights of both sides and numbers with Roman numerals", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"(-- content/polozhenie.md --
---
title: "Положение о наставничестве"
approved: { order: "15-о", date: 2023-08-31 }
---
# I. ОБЩИЕ ПОЛОЖЕНИЯ
## II. Цели и задачи наставничества
### III. Формы наставничества
## IV. Порядок организации наставничества
## V. Права и обязанности наставника и наставляемого
## VI. Формирование наставнических пар (групп)
## VII. Завершение программы наставничества
#### VIII. Размещение информации на сайте
## IX. Заключительные положения
)");
  auto r = test::run_site(dir.path());
  // «наставника и наставляемого» contains the first phrase only; a level-4 heading does not count.
  CHECK(of_code(r, "regulation.missing-section") ==
        std::vector<std::string>{"в Положении нет обязательного раздела «Права и обязанности наставляемого»",
                                 "в Положении нет обязательного раздела «Публикация результатов на сайте»"});
  CHECK(keys_of(r, "regulation.missing-section") ==
        std::vector<std::string>{"content/polozhenie.md:0:0", "content/polozhenie.md:0:0"});
  CHECK(r.diagnostics.size() == 2);
}

TEST_CASE("roadmap due dates of real roadmaps: overdue, open, done and not understood", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"(-- content/roadmap.yaml --
title: "Дорожная карта"
stages:
  - title: "1. Подготовка условий для реализации системы наставничества"
    events:
      - title: "Разработка и утверждение распорядительных актов"
        due: "До 16.11.2022"
        responsible: "Директор"
      - title: "Изучение материалов"
        due: "август - сентябрь 2024"
        status: Выполнено
  - title: "2. Формирование банка наставляемых"
    events:
      - title: "Сбор запросов"
        due: "Ноябрь 2022\nдо 20.11.2022\nдо 18.11.2022,\nв течение всего периода реализации Целевой модели наставничества"
        status: в работе
  - title: "3. Формирование банка наставников"
    events:
      - title: "Анкетирование наставников"
        due: ["Май  2023", "до 20.11.2022"]
        status: запланировано
  - title: "4. Отбор и обучение наставников"
    events:
      - title: "Обучение"
        due: "Ежегодно 2022 – 2024 гг."
        status: in_progress
  - title: "5. Организация и осуществление работы наставнических пар/групп"
    events:
      - title: "Формирование пар"
        due: "2023-2024г.г."
        status: cancelled
  - title: "6. Завершение персонализированных программ наставничества"
    events:
      - title: "Круглый стол"
        due: "Сентябрь-декабрь 2023г."
      - title: "Конференция"
        due: "15.13.2024"
      - title: "Семинар"
        due: "31.02.2024"
        status: done
  - title: "7. Информационная поддержка системы наставничества"
    events:
      - title: "Освещение на сайте"
        due: "В течение всего периода реализации Целевой модели наставничества"
)");
  auto r = test::run_site(dir.path(), {}, util::Date{2024, 11, 20});
  // The municipal roadmap has no stage of «формирование пар»: «Организация и осуществление работы
  // наставнических пар» is the work of the pairs, not their forming.
  CHECK(of_code(r, "roadmap.missing-stage") ==
        std::vector<std::string>{"в дорожной карте нет этапа «Формирование пар и групп»"});
  CHECK(keys_of(r, "roadmap.overdue") == std::vector<std::string>{"content/roadmap.yaml:6:14",
                                                                  "content/roadmap.yaml:19:14",
                                                                  "content/roadmap.yaml:34:14"});
  CHECK(of_code(r, "roadmap.overdue")[0] ==
        "мероприятие «Разработка и утверждение распорядительных актов» просрочено: срок «До 16.11.2022» истёк 16 "
        "ноября 2022 г.");
  for (const auto& d : r.diagnostics)
    if (d.code == "roadmap.overdue") CHECK(d.hint == "отметьте status: done, если оно выполнено, или перенесите срок");
  // Invalid dates are roadmap.date whatever the status; never overdue as well.
  CHECK(keys_of(r, "roadmap.date") ==
        std::vector<std::string>{"content/roadmap.yaml:36:14", "content/roadmap.yaml:38:14"});
  // On 2024-11-20 the programme and the case of the base site still run: their results wait.
  CHECK(keys_of(r, "publish.before-completion").size() == 2);
  CHECK(r.diagnostics.size() == 8);
}

TEST_CASE("the internal monitoring table cross-checked with the bank", "[validate][site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"~(-- content/monitoring.yaml --
title: "Внутренний мониторинг внедрения целевой модели наставничества"
date: 2023-10-13
indicators:
  - group: "Организация процесса реализации целевой модели наставничества"
    name: "Наличие утвержденной программы наставничества в ОО"
    value: "Да"
  - name: "Количество наставников в базе ОО (по приказу)"
    value: 67
    unit: "чел."
    computed: mentors.count
  - group: "Нормативное обеспечение"
    name: "Наличие приказа «Об утверждении положения о системе наставничества»"
    value: Да
    computed: documents.kind.regulation_order
  - name: "Наличие дорожной карты ОО"
    value: нет
    computed: documents.kind.roadmap
  - name: "Количество обучающихся из числа «группы риска»"
    value: 8
    computed: mentees.category.Группа риска
  - name: "Количество наставников из числа обучающихся"
    value: 0
    computed: mentors.role.обучающийся
  - name: "Количество наставляемых-обучающихся"
    value: 1
    computed: mentees.role.обучающиеся
  - name: "Пары"
    value: 1
    computed: pairs.cuont
  - name: "Уровень удовлетворенности наставников"
    value: "87%"
  - name: "Программы"
    value: "1"
    computed: programs.count
  - name: "Практики"
    value: 87%
    computed: practices.count
)~");
  test::write_files(dir.path(), R"(-- content/bank.yaml --
mentors:
  - id: m1
    name: "Наставникова Анна Петровна"
    role: педагог
    consent: { processing: 2024-09-01, dissemination: 2024-09-01 }
    publish: true
mentees:
  - id: s1
    name: "Учеников Иван"
    role: обучающийся
    minor: true
    categories: [группа риска, ОВЗ]
    consent: { processing: 2024-09-02, guardian: 2024-09-02 }
pairs:
  - id: p1
    mentor: m1
    mentees: [s1]
    form: "учитель – ученик"
    order: { number: "3", date: 2024-09-10 }
)");
  auto r = test::run_site(dir.path());
  CHECK(test::keys(r.diagnostics) == std::vector<std::string>{
                                         "content/monitoring.yaml:8:12 monitoring.mismatch",
                                         "content/monitoring.yaml:16:12 monitoring.mismatch",
                                         "content/monitoring.yaml:19:12 monitoring.mismatch",
                                         "content/monitoring.yaml:26:15 field.type",
                                         "content/monitoring.yaml:29:15 field.type",
                                         "content/monitoring.yaml:36:12 field.type",
                                     });
  CHECK(r.diagnostics[0].message ==
        "показатель «Количество наставников в базе ОО (по приказу)»: указано 67, а в банке 1 наставник");
  CHECK(r.diagnostics[0].hint.find("Исправьте значение на 1") == 0);
  CHECK(r.diagnostics[3].hint == "возможно, имелось в виду «mentees.role.обучающийся»");
  CHECK(r.diagnostics[4].hint == "возможно, имелось в виду «pairs.count»");
}
