#include "scaffold/scaffold.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace nastavnik::scaffold {

namespace {

std::string forms_comment(const config::Rules& rules) {
  std::string out = "# Формы наставничества по правилам сайта (впишите одну из них в form):\n";
  for (const auto& f : rules.forms) out += "#   " + f.name + "\n";
  return out;
}

std::string section_headings(const std::vector<config::NamedMatch>& sections) {
  std::string out;
  for (const auto& s : sections) {
    out += "## " + s.name + "\n\n";
    if (util::normalize(s.name).rfind("цел", 0) == 0)
      out += "Чего хотели добиться и для кого (одна-две фразы).\n\n";
    else if (util::normalize(s.name).find("результ") != std::string::npos ||
             util::normalize(s.name).find("итог") != std::string::npos)
      out += "Что получилось: цифры, отзывы, продукты. Имена обучающихся не указывайте.\n\n";
    else
      out += "Как шла работа: этапы, встречи, что делали наставник и наставляемые.\n\n";
  }
  return out;
}

std::string news_template(std::string_view title, const util::Date& today) {
  return "---\n"
         "# Новость или анонс. Строки, начинающиеся с «#», — подсказки; их можно удалить.\n"
         "title: " + yaml_quote(title) + "\n"
         "date: " + util::to_iso(today) + "   # дата публикации (ГГГГ-ММ-ДД); с будущей датой новость появится в этот день\n"
         "summary: \"\"        # одна-две фразы для списка новостей и ленты RSS\n"
         "tags: []           # метки, например: [анонс, школа наставников]\n"
         "# image: files/foto.jpg        # картинка из папки content/files/\n"
         "# image_alt: \"Что на фото\"    # описание картинки для незрячих читателей\n"
         "# draft: true                  # черновик: не публикуется, пока эта строка не удалена\n"
         "# Анонс мероприятия: уберите «# » в начале строки и впишите дату, время и место.\n"
         "# event: { date: " + util::to_iso(util::add_days(today, 14)) + ", time: \"15:00\", place: \"актовый зал\" }\n"
         "---\n"
         "Текст новости. Абзацы разделяйте пустой строкой; ссылка на другую страницу сайта — так:\n"
         "[Положение](../polozhenie.md).\n\n"
         "Фамилии обучающихся и других участников без согласия на распространение не пишите.\n";
}

std::string practice_template(std::string_view title, const util::Date& today, const config::Rules& rules) {
  const std::string form = rules.forms.empty() ? std::string("учитель – учитель") : rules.forms.front().name;
  return "---\n"
         "# Лучшая практика (кейс). Строки, начинающиеся с «#», — подсказки; их можно удалить.\n"
         "title: " + yaml_quote(title) + "\n"
         "form: " + yaml_quote(form) + "\n" + forms_comment(rules) +
         "summary: \"\"        # одна-две фразы: что сделано и что получилось\n"
         "tags: []           # метки, например: [адаптация, молодой специалист]\n"
         "# authors: [\"Фамилия И. О., должность\"]   # авторы с их согласия\n"
         "# Сроки реализации. Пока не наступил день end, раздел «Результаты» на сайт не выводится.\n"
         "# start: " + util::to_iso(today) + "\n"
         "# end: " + util::to_iso(util::add_months(today, 9)) + "\n"
         "---\n" +
         section_headings(rules.practice_sections);
}

std::string program_template(std::string_view title, const util::Date& today, const config::Rules& rules) {
  const std::string form = rules.forms.empty() ? std::string("учитель – учитель") : rules.forms.front().name;
  const int months = std::clamp(9, std::max(1, rules.program_min_months), std::max(1, rules.program_max_months));
  const util::Date end = util::add_days(util::add_months(today, months), -1);
  return "---\n"
         "# Персонализированная программа наставничества. Строки с «#» — подсказки; их можно удалить.\n"
         "title: " + yaml_quote(title) + "\n"
         "form: " + yaml_quote(form) + "\n" + forms_comment(rules) +
         "start: " + util::to_iso(today) + "   # начало (ГГГГ-ММ-ДД)\n"
         "end: " + util::to_iso(end) + "     # окончание: от " + std::to_string(rules.program_min_months) + " до " +
         std::to_string(rules.program_max_months) + " месяцев после начала\n"
         "# pair: p1         # id пары из content/bank.yaml (необязательно)\n"
         "summary: \"\"        # одна-две фразы для списка программ\n"
         "tags: []\n"
         "---\n"
         "## Цель\n\n"
         "Чего должен достичь наставляемый к концу программы.\n\n"
         "## Задачи\n\n"
         "- первая задача;\n"
         "- вторая задача.\n\n"
         "## План работы\n\n"
         "| Период | Что делаем | Как проверяем |\n"
         "|---|---|---|\n"
         "| первый месяц | знакомство, диагностика | анкета |\n\n"
         "## Ожидаемые результаты\n\n"
         "Что изменится. Раздел «Результаты» добавьте по окончании программы: до даты end он на сайт не выводится.\n";
}

std::string page_template(std::string_view title) {
  return "---\n"
         "# Страница раздела (например, «Куратор», «Школа наставников»).\n"
         "title: " + yaml_quote(title) + "\n"
         "menu: true         # показывать в меню раздела (false — не показывать)\n"
         "weight: 50         # порядок в меню: меньше — левее\n"
         "---\n"
         "## " + std::string(title) + "\n\n"
         "Текст страницы. Списки начинайте с «- », ссылки пишите так: [Документы](../documents.yaml).\n";
}

}  // namespace

std::optional<Kind> parse_kind(std::string_view text) {
  std::string t = util::normalize(text);
  if (t == "practice" || t == "практика" || t == "кейс") return Kind::practice;
  if (t == "news" || t == "новость" || t == "анонс") return Kind::news;
  if (t == "program" || t == "programme" || t == "программа") return Kind::program;
  if (t == "page" || t == "страница") return Kind::page;
  return std::nullopt;
}

std::string_view folder_of(Kind kind) {
  switch (kind) {
    case Kind::practice: return "practices";
    case Kind::news: return "news";
    case Kind::program: return "programs";
    case Kind::page: return "pages";
  }
  return "pages";
}

std::string yaml_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string new_content(Kind kind, std::string_view title, const util::Date& today, const config::Rules& rules) {
  switch (kind) {
    case Kind::news: return news_template(title, today);
    case Kind::practice: return practice_template(title, today, rules);
    case Kind::program: return program_template(title, today, rules);
    case Kind::page: return page_template(title);
  }
  return {};
}

}  // namespace nastavnik::scaffold
