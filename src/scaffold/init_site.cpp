// The minimal site of `nastavnik init`: every file a curator fills in, commented in Russian.
// It builds with zero errors and zero warnings (`nastavnik build --strict`).
#include "scaffold/scaffold.hpp"

#include "config/rules.hpp"
#include "util/slug.hpp"

namespace nastavnik::scaffold {

namespace {

std::string site_yaml() {
  return R"(# Настройки раздела «Целевая модель наставничества».
# Формат YAML: отступы — пробелами (не табуляцией); текст после «#» — комментарий,
# на сайт он не попадает. Значения в кавычках замените своими.

# Заголовок раздела: в шапке каждой страницы и во вкладке браузера (обязательно).
title: "Целевая модель наставничества"

# Полный адрес раздела в интернете (обязательно): https://…, в конце — косая черта.
base_url: "https://school.example.ru/nastavnichestvo/"

# Сведения о школе (обязательно хотя бы краткое название name).
school:
  name: "МБОУ «СОШ № 1»"
  # full_name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»"
  # site: "https://school.example.ru/"        # ссылка «На сайт школы»
  # address: "индекс, город, улица, дом"
  # phone: "+7 (000) 000-00-00"
  # email: "school@example.ru"

# Куратор наставничества: публикуются имя, должность и почта сотрудника,
# который дал согласие на распространение своих персональных данных.
# curator:
#   name: "Фамилия Имя Отчество"
#   position: "заместитель директора, куратор наставничества"
#   email: "nastavnik@school.example.ru"

# Адреса разделов (латиница, без пробелов). Ниже — значения по умолчанию.
# sections:
#   regulation: polozhenie
#   roadmap: dorozhnaya-karta
#   bank: baza
#   programs: programmy
#   practices: praktiki
#   news: novosti
#   documents: dokumenty
#   monitoring: monitoring
#   search: poisk

# Сколько новостей на одной странице ленты.
news:
  per_page: 10

# Русская типографика: неразрывные пробелы, «ёлочки», длинные тире.
typography: true

# Куда выкладывать готовый сайт командой «nastavnik deploy» (пароль сюда не пишется:
# его задают в переменной окружения NASTAVNIK_DEPLOY_PASSWORD).
# deploy:
#   target: "sftp://admin@school.example.ru/var/www/nastavnichestvo/"
)";
}

std::string landing(const util::Date&) {
  return R"(---
title: "Целевая модель наставничества"
summary: "Наставничество в нашей школе: Положение, дорожная карта, программы, лучшие практики и новости."
---
Здесь собраны документы и материалы о системе наставничества школы: Положение, дорожная карта,
персонализированные программы, лучшие практики, новости и мониторинг.

Замените этот текст рассказом о наставничестве в вашей школе (файл `content/_index.md`).
)";
}

std::string regulation(const util::Date& today) {
  std::string out = "---\n"
                    "title: \"Положение о системе наставничества педагогических работников\"\n"
                    "# Приказ, которым утверждено Положение: замените номер и дату своими.\n"
                    "approved: { order: \"1\", date: " + util::to_iso(today) + ", by: \"Директор\" }\n"
                    "# file: files/polozhenie.pdf   # подписанная копия (положите файл в content/files/)\n"
                    "---\n";
  // The section headings the rules require (numbered as in a real Положение).
  const char* const headings[] = {
      "Общие положения",
      "Цель и задачи системы наставничества",
      "Формы наставничества",
      "Организация системы наставничества",
      "Права и обязанности наставника",
      "Права и обязанности наставляемого",
      "Формирование наставнических пар и групп",
      "Завершение персонализированной программы наставничества",
      "Публикация результатов на сайте",
      "Заключительные положения",
  };
  int n = 1;
  for (const char* h : headings) {
    out += "## " + std::to_string(n++) + ". " + h + "\n\n";
    out += "_Заполните раздел: перенесите сюда текст утверждённого Положения._\n\n";
  }
  return out;
}

std::string roadmap(const util::Date& today) {
  std::string out = "# Дорожная карта реализации целевой модели наставничества.\n"
                    "# У каждого этапа — список мероприятий (events). Пример мероприятия:\n"
                    "#   - title: \"Изучение и систематизация материалов по наставничеству\"\n"
                    "#     due: \"сентябрь " + std::to_string(today.year) + "\"   # срок: дата, месяц, «в течение года»…\n"
                    "#     responsible: \"куратор\"\n"
                    "#     status: planned          # planned (запланировано), in_progress (в работе), done (выполнено), cancelled (отменено)\n"
                    "#     result: \"\"               # что сделано (для выполненных)\n"
                    "title: \"Дорожная карта реализации целевой модели наставничества\"\n"
                    "# approved: { order: \"…\", date: " + util::to_iso(today) + " }   # приказ об утверждении\n"
                    "stages:\n";
  const char* const stages[] = {
      "Подготовка условий для реализации системы наставничества",
      "Формирование базы наставляемых",
      "Формирование базы наставников",
      "Отбор и обучение наставников",
      "Формирование наставнических пар и групп",
      "Организация работы наставнических пар и групп",
      "Завершение персонализированных программ наставничества",
      "Информационная поддержка системы наставничества",
  };
  for (const char* s : stages) out += "  - title: \"" + std::string(s) + "\"\n    events: []\n";
  return out;
}

std::string bank(const util::Date& today) {
  const std::string d = util::to_iso(today);
  return "# База наставников и наставляемых. ПЕРСОНАЛЬНЫЕ ДАННЫЕ: на сайт попадают только сводные\n"
         "# цифры и имена тех взрослых, у кого publish: true и есть согласие на распространение.\n"
         "# Без согласия на обработку (consent.processing) человека вносить нельзя; за несовершеннолетнего\n"
         "# согласие даёт родитель (законный представитель): consent.guardian.\n"
         "# Роли: педагог, руководитель, обучающийся, студент, работодатель, выпускник, родитель.\n"
         "mentors:\n"
         "  # Пример: замените своими данными.\n"
         "  - id: m1\n"
         "    name: \"Образцова Анна Сергеевна\"\n"
         "    role: педагог\n"
         "    position: \"учитель начальных классов\"\n"
         "    consent: { processing: " + d + " }   # дата согласия на обработку персональных данных\n"
         "    # consent: { processing: " + d + ", dissemination: " + d + " }   # и на распространение\n"
         "    # publish: true        # показывать имя на сайте (нужно согласие на распространение)\n"
         "mentees: []\n"
         "# Пример наставляемого — несовершеннолетнего (имя на сайт не попадает никогда):\n"
         "#   - id: s1\n"
         "#     name: \"Фамилия Имя\"\n"
         "#     role: обучающийся\n"
         "#     grade: 8\n"
         "#     minor: true\n"
         "#     categories: [группа риска]\n"
         "#     consent: { processing: " + d + ", guardian: " + d + " }\n"
         "pairs: []\n"
         "# Пример пары (форма — из списка форм наставничества):\n"
         "#   - id: p1\n"
         "#     mentor: m1\n"
         "#     mentees: [s1]\n"
         "#     form: \"учитель – ученик\"\n"
         "#     order: { number: \"…\", date: " + d + " }   # приказ о закреплении пары\n"
         "#     start: " + d + "\n"
         "#     end: " + util::to_iso(util::add_months(today, 9)) + "\n";
}

std::string documents() {
  return R"(# Нормативная база и локальные акты. level: federal, regional, municipal, local, methodical.
# Ссылка — url: "https://…" или файл из content/files/: file: files/prikaz.pdf.
# Локальные акты с kind обязательны: regulation_order, roadmap, curator_order, pairs_order.
documents:
  - title: "Федеральный закон «Об образовании в Российской Федерации»"
    level: federal
    number: "273-ФЗ"
    date: 2012-12-29
  - title: "Приказ об утверждении Положения о системе наставничества"
    level: local
    kind: regulation_order
    # number: "…"
    # date: ГГГГ-ММ-ДД
    # file: files/prikaz-polozhenie.pdf
  - title: "Приказ об утверждении дорожной карты"
    level: local
    kind: roadmap
  - title: "Приказ о назначении куратора"
    level: local
    kind: curator_order
  - title: "Приказ о закреплении наставнических пар и групп"
    level: local
    kind: pairs_order
)";
}

std::string monitoring(const util::Date& today) {
  return "# Показатели внутреннего мониторинга. value — число, да/нет или процент \"87%\".\n"
         "# computed сверяет значение с базой (mentors.count, mentees.count, pairs.count, programs.count…).\n"
         "title: \"Внутренний мониторинг внедрения целевой модели наставничества\"\n"
         "date: " + util::to_iso(today) + "\n"
         "indicators:\n"
         "  - group: \"Организация процесса реализации целевой модели наставничества\"\n"
         "    name: \"Количество наставников в базе\"\n"
         "    value: 1\n"
         "    unit: \"чел.\"\n"
         "    computed: mentors.count\n";
}

std::string first_news(const util::Date& today) {
  return "---\n"
         "title: \"Открыт раздел «Целевая модель наставничества»\"\n"
         "date: " + util::to_iso(today) + "\n"
         "summary: \"На сайте школы появился раздел о наставничестве.\"\n"
         "tags: [новости раздела]\n"
         "---\n"
         "В разделе публикуются [Положение о системе наставничества](../polozhenie.md), дорожная карта,\n"
         "программы, лучшие практики и новости. Новую новость создаёт команда\n"
         "`nastavnik new news \"Заголовок\"`.\n";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> init_site(const util::Date& today) {
  const config::Rules rules = config::default_rules();
  const std::string program_title = "Адаптация молодого педагога";
  const std::string practice_title = "Наставник молодого учителя";
  const std::string news_title = "Открыт раздел «Целевая модель наставничества»";
  return {
      {".gitignore", "# Готовый сайт собирается сюда командой nastavnik build\npublic/\n"},
      {"site.yaml", site_yaml()},
      {"content/_index.md", landing(today)},
      {"content/polozhenie.md", regulation(today)},
      {"content/roadmap.yaml", roadmap(today)},
      {"content/bank.yaml", bank(today)},
      {"content/documents.yaml", documents()},
      {"content/monitoring.yaml", monitoring(today)},
      {"content/news/" + util::slugify(news_title) + ".md", first_news(today)},
      {"content/programs/" + util::slugify(program_title) + ".md",
       new_content(Kind::program, program_title, today, rules)},
      {"content/practices/" + util::slugify(practice_title) + ".md",
       new_content(Kind::practice, practice_title, today, rules)},
  };
}

}  // namespace nastavnik::scaffold
