#pragma once
// Small hand-built sites for the render tests: one with every section, one with nothing.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "model/site.hpp"
#include "render/render.hpp"

namespace nastavnik::test {

inline util::Date d(int y, int m, int day) { return util::Date{y, m, day}; }

inline model::Site empty_site() {
  model::Site s;
  s.root = "/nonexistent-site";
  s.config.title = "Целевая модель наставничества";
  s.config.base_url = "https://school1.example.ru/nastavnichestvo/";
  s.config.base_path = "/nastavnichestvo/";
  s.config.school.name = "МБОУ «СОШ № 1»";
  s.config.rules = config::default_rules();
  s.options.now = d(2026, 11, 20);
  return s;
}

inline model::Person person(std::string id, std::string name, std::string role, std::string position, bool publish,
                            bool minor, bool dissemination, bool mentor) {
  model::Person p;
  p.id = std::move(id);
  p.name = std::move(name);
  p.role = std::move(role);
  p.position = std::move(position);
  p.publish = publish;
  p.minor = minor;
  p.is_mentor = mentor;
  p.consent.processing = d(2024, 9, 5);
  if (dissemination) p.consent.dissemination = d(2024, 9, 5);
  if (minor) p.consent.guardian = d(2024, 9, 5);
  return p;
}

inline model::Site full_site() {
  model::Site s = empty_site();
  s.config.news_per_page = 2;
  s.config.curator = config::Curator{"Смирнова Анна Павловна", "заместитель директора", "curator@example.ru", ""};
  s.config.school.address = "г. Энск, ул. Школьная, 1";

  model::Landing landing;
  landing.source = "content/_index.md";
  landing.title = "Наставничество в школе";
  landing.body.html = "<p>Целевая модель наставничества.</p>";
  landing.body.set_plain("Целевая модель наставничества.");
  s.landing = landing;

  model::Regulation reg;
  reg.source = "content/polozhenie.md";
  reg.url = "polozhenie/";
  reg.title = "Положение о системе наставничества";
  reg.approved = model::Approval{"238/1", d(2022, 11, 7), "Директор М. Р. Газиева", {}};
  reg.file = "files/polozhenie.pdf";
  reg.body.html = "<h2 id=\"obshchie\">1. Общие положения</h2><p>Текст.</p>";
  reg.body.set_plain("1. Общие положения. Текст.");
  reg.body.headings = {{2, "1. Общие положения", "obshchie", {}, false}, {2, "Итоги", "itogi", {}, true}};
  s.regulation = reg;

  s.roadmap.present = true;
  s.roadmap.title = "Дорожная карта на 2024–2025 учебный год";
  s.roadmap.approved = model::Approval{"12", d(2024, 8, 30), "", {}};
  model::RoadmapStage st;
  st.title = "Подготовка условий";
  model::RoadmapEvent e1;
  e1.title = "Изучение материалов, анализ; выводы \\ итоги";
  e1.due = "сентябрь 2024";
  e1.interval.start = d(2024, 9, 1);
  e1.interval.end = d(2024, 9, 30);
  e1.interval.lines = {"сентябрь 2024 г."};
  e1.responsible = "Ляпина Л. А., директор школы";
  e1.status = model::EventStatus::done;
  model::RoadmapEvent e2;
  e2.title = "Разработка положения о наставничестве с очень длинным названием, чтобы строка календаря "
             "обязательно была свёрнута по правилам RFC 5545";
  e2.due = "Ноябрь 2022\nдо 20.11.2022";
  e2.interval.start = d(2022, 11, 1);
  e2.interval.end = d(2022, 11, 20);
  e2.interval.lines = {"ноябрь 2022 г.", "до 20 ноября 2022 г."};
  e2.status = model::EventStatus::in_progress;
  model::RoadmapEvent e3;
  e3.title = "Отменённое мероприятие";
  e3.status = model::EventStatus::cancelled;
  e3.interval.open = true;
  e3.due = "в течение года";
  e3.interval.lines = {"в течение года"};
  st.events = {e1, e2, e3};
  s.roadmap.stages = {st};

  s.bank.present = true;
  s.bank.mentors = {
      person("m-pub-1", "Иванова Мария Петровна", "педагог", "учитель математики", true, false, true, true),
      person("secret-m-777", "Скрытова Зинаида Аркадьевна", "педагог", "учитель-дефектолог-секрет", false, false, true,
             true),
      person("secret-m-888", "Безсогласова Ольга Игоревна", "педагог", "педагог-библиотекарь-секрет", true, false, false,
             true),
  };
  auto minor = person("secret-s-999", "Несовершеннолетний Пётр", "обучающийся", "", true, true, true, false);
  minor.grade = "11Щ";
  minor.categories = {"группа риска"};
  auto mentee2 = person("secret-s-1000", "Тайная Алиса", "обучающийся", "", false, true, false, false);
  mentee2.grade = "7Ж";
  s.bank.mentees = {minor, mentee2};
  model::Pair p1;
  p1.id = "pair-secret-1";
  p1.mentor = "m-pub-1";
  p1.mentees = {"secret-s-999", "secret-s-1000"};
  p1.form = "учитель – ученик";
  model::Pair p2;
  p2.id = "pair-secret-2";
  p2.mentor = "secret-m-777";
  p2.mentees = {"secret-s-999"};
  p2.form = "учитель – ученик";
  s.bank.pairs = {p1, p2};

  s.monitoring.present = true;
  s.monitoring.title = "Внутренний мониторинг";
  s.monitoring.date = d(2023, 10, 13);
  model::Indicator ind;
  ind.group = "Организация процесса";
  ind.name = "Количество наставников";
  ind.value = "67";
  ind.kind = model::ValueKind::number;
  ind.unit = "чел.";
  ind.source = "https://example.ru/report";
  model::Indicator ind2 = ind;
  ind2.name = "Есть куратор";
  ind2.value = "да";
  ind2.kind = model::ValueKind::yesno;
  ind2.yes = true;
  ind2.unit = "";
  ind2.source = "";
  s.monitoring.indicators = {ind, ind2};

  s.documents.present = true;
  model::Document law;
  law.title = "Федеральный закон «Об образовании в Российской Федерации»";
  law.level = model::DocLevel::federal;
  law.number = "273-ФЗ";
  law.date = d(2012, 12, 29);
  law.url = "https://example.ru/273";
  model::Document order;
  order.title = "Приказ об утверждении Положения";
  order.level = model::DocLevel::local;
  order.kind = "regulation_order";
  order.number = "238/1";
  order.date = d(2022, 11, 7);
  order.file = "files/prikaz.pdf";
  order.file_size = 250880;
  order.file_format = "PDF";
  order.signature = model::Signature{"Газиева М. Р.", "директор", "2022-11-07T10:15:00", "01D8F2A1"};
  s.documents.items = {law, order};

  model::Program prog;
  prog.source = "content/programs/adaptatsiya.md";
  prog.slug = "adaptatsiya";
  prog.url = "programmy/adaptatsiya/";
  prog.title = "Адаптация молодого специалиста";
  prog.form = "учитель – учитель";
  prog.start = d(2026, 9, 1);
  prog.end = d(2027, 5, 31);
  prog.body.html = "<p>Программа.</p>";
  prog.body.has_withheld = true;
  model::Program old = prog;
  old.slug = "staraya";
  old.url = "programmy/staraya/";
  old.title = "Старая программа";
  old.start = d(2024, 9, 1);
  old.end = d(2025, 5, 31);
  old.body.has_withheld = false;
  s.programs = {prog, old};

  model::Practice pr;
  pr.source = "content/practices/keys-1.md";
  pr.slug = "keys-1";
  pr.url = "praktiki/keys-1/";
  pr.title = "Кейс 1";
  pr.form = "учитель – ученик";
  pr.tags = {"адаптация", "ОВЗ"};
  pr.body.html = "<p>Кейс.</p>";
  s.practices = {pr};

  for (int i = 5; i >= 1; --i) {
    model::NewsItem n;
    n.slug = "news-" + std::to_string(i);
    n.source = "content/news/" + n.slug + ".md";
    n.url = "novosti/" + n.slug + "/";
    n.title = "Новость " + std::to_string(i);
    n.date = d(2026, 10, i);
    n.summary = "Кратко о новости " + std::to_string(i);
    n.body.html = "<p>Текст <a href=\"../../praktiki/keys-1/\">кейс</a>.</p>";
    n.body.set_plain("Текст кейс.");
    if (i == 5) {
      n.event = model::NewsEvent{d(2026, 12, 1), "15:00", "Актовый зал, каб. 1; корпус 2"};
      n.image = "files/photo.jpg";
      n.image_alt = "Фото";
    }
    s.news.push_back(n);
  }

  model::Page page;
  page.source = "content/pages/kurator.md";
  page.slug = "kurator";
  page.url = "kurator/";
  page.title = "Куратор";
  page.body.html = "<p>О кураторе.</p>";
  s.pages = {page};

  s.files = {{"content/files/polozhenie.pdf", "files/polozhenie.pdf", 1000},
             {"content/files/prikaz.pdf", "files/prikaz.pdf", 250880},
             {"content/files/photo.jpg", "files/photo.jpg", 5000}};
  return s;
}

inline std::map<std::string, render::OutputFile> by_path(const std::vector<render::OutputFile>& files) {
  std::map<std::string, render::OutputFile> m;
  for (const auto& f : files) m[f.path] = f;
  return m;
}

}  // namespace nastavnik::test
