#include <algorithm>

#include "render/env.hpp"
#include "render/html_fixups.hpp"
#include "render/format.hpp"
#include "util/plural.hpp"

namespace nastavnik::render {

namespace {

/// What a section holds, in words: «12 новостей», «Не опубликовано».
std::string section_count(const Env& env, const std::string& key) {
  const auto& s = env.site;
  auto count = [](long n, const char* one, const char* few, const char* many) {
    return n == 0 ? std::string("Пока не опубликовано") : util::count_ru(n, one, few, many);
  };
  if (key == "regulation") return s.regulation ? std::string("Утверждено") : "Пока не опубликовано";
  if (key == "roadmap") {
    long n = 0;
    for (const auto& st : s.roadmap.stages) n += static_cast<long>(st.events.size());
    return count(n, "мероприятие", "мероприятия", "мероприятий");
  }
  if (key == "documents")
    return count(static_cast<long>(s.documents.items.size()), "документ", "документа", "документов");
  if (key == "bank")
    return s.bank.present ? util::count_ru(static_cast<long>(s.bank.mentors.size()), "наставник", "наставника",
                                           "наставников")
                          : "Пока не опубликовано";
  if (key == "programs") return count(static_cast<long>(s.programs.size()), "программа", "программы", "программ");
  if (key == "practices") return count(static_cast<long>(s.practices.size()), "практика", "практики", "практик");
  if (key == "monitoring")
    return count(static_cast<long>(s.monitoring.indicators.size()), "показатель", "показателя", "показателей");
  if (key == "news") return count(static_cast<long>(s.news.size()), "новость", "новости", "новостей");
  return {};
}

}  // namespace

void build_landing(const Env& env, std::vector<PageSpec>& out) {
  const auto& site = env.site;
  PageSpec p;
  p.url = "";
  p.path = "index.html";
  p.tmpl = "index";
  p.section = "";
  p.title = env.text(site.landing && !site.landing->title.empty() ? site.landing->title : env.config.title);
  p.description = describe_page(env, site.landing ? site.landing->summary : "", site.landing ? site.landing->body.lead : "",
                                env.config.description.empty() ? env.text(env.config.title) : env.text(env.config.description));
  p.search_section = "Главная";
  if (site.landing) p.search_body = &site.landing->body.plain;
  const std::string root;

  Context& c = p.ctx;
  c["card_level"] = 3;
  c["planned"] =
      "Описание целевой модели наставничества в школе: цели, формы наставничества, участники и ожидаемые результаты.";
  c["intro_html"] = site.landing ? body_html(site.landing->body.html.text()) : "";
  c["has_intro"] = site.landing && !site.landing->body.html.empty();
  c["summary"] = site.landing ? env.text(collapse_spaces(site.landing->summary)) : "";

  Context sections = Context::array();
  for (const auto& s : env.sections()) {
    if (s.key == "search") continue;
    sections.push_back(
        {{"title", s.title}, {"url", root + s.slug + "/"}, {"description", s.blurb}, {"count", section_count(env, s.key)}});
  }
  for (const auto& pg : site.pages) {
    if (!pg.menu) continue;
    sections.push_back({{"title", env.text(pg.title)},
                        {"url", root + pg.url},
                        {"description", describe_page(env, pg.summary, pg.body.lead, "")},
                        {"count", ""}});
  }
  c["sections"] = std::move(sections);

  Context latest = Context::array();
  for (std::size_t i = 0; i < site.news.size() && i < 3; ++i) latest.push_back(news_card(env, site.news[i], root));
  c["latest_news"] = std::move(latest);
  c["has_news"] = !site.news.empty();
  c["news_url"] = root + env.section_url("news");

  // Upcoming events: announcements whose event day is today or later, soonest first.
  std::vector<const model::NewsItem*> upcoming;
  for (const auto& n : site.news)
    if (n.event && n.event->date && !(*n.event->date < env.now)) upcoming.push_back(&n);
  std::stable_sort(upcoming.begin(), upcoming.end(), [](const auto* a, const auto* b) {
    if (*a->event->date != *b->event->date) return *a->event->date < *b->event->date;
    return a->event->time < b->event->time;
  });
  Context up = Context::array();
  for (const auto* n : upcoming) up.push_back(news_card(env, *n, root));
  c["upcoming"] = std::move(up);
  c["has_upcoming"] = !upcoming.empty();
  c["events_ics_url"] = root + "events.ics";

  c["has_roadmap"] = site.roadmap.present;
  c["progress"] = progress_context(roadmap_progress(site.roadmap));
  c["roadmap_url"] = root + env.section_url("roadmap");
  out.push_back(std::move(p));
}

}  // namespace nastavnik::render
