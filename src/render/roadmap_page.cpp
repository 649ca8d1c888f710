#include "render/charts.hpp"
#include "render/env.hpp"
#include "render/html_fixups.hpp"
#include "render/format.hpp"
#include "util/text.hpp"

namespace nastavnik::render {

bool is_overdue(const model::RoadmapEvent& e, const util::Date& now) {
  if (e.status == model::EventStatus::done || e.status == model::EventStatus::cancelled) return false;
  if (e.interval.open || !e.interval.end) return false;
  return *e.interval.end < now;
}

void build_roadmap(const Env& env, std::vector<PageSpec>& out) {
  const auto& sec = env.section("roadmap");
  const auto& rm = env.site.roadmap;
  PageSpec p;
  p.url = sec.slug + "/";
  p.path = p.url + "index.html";
  p.tmpl = "roadmap";
  p.section = sec.key;
  p.title = rm.present && !rm.title.empty() ? env.text(rm.title) : "Дорожная карта";
  p.description = rm.present ? "Этапы и мероприятия дорожной карты внедрения целевой модели наставничества, сроки, "
                               "ответственные и статусы выполнения."
                             : sec.planned;
  p.search_section = sec.title;
  const std::string root = root_of(p.url);
  Context& c = p.ctx;
  c["empty"] = !rm.present;
  c["planned"] = sec.planned;
  c["approval"] = approval_context(env, rm.approved);
  c["progress"] = progress_context(roadmap_progress(rm));
  c["ics_url"] = root + "roadmap.ics";
  Context stages = Context::array();
  std::string search;
  int si = 0;
  int overdue_total = 0;
  std::vector<charts::Stage> bands;
  for (const auto& st : rm.stages) {
    ++si;
    {
      charts::Stage band;
      band.label = std::to_string(si) + ". " + env.text(st.title);
      Progress pr = roadmap_progress(st.events);
      band.done = pr.done;
      band.all = pr.all;
      for (const auto& e : st.events) {
        if (e.interval.start && (!band.start || *e.interval.start < *band.start)) band.start = e.interval.start;
        if (e.interval.end && (!band.end || *band.end < *e.interval.end)) band.end = e.interval.end;
      }
      bands.push_back(std::move(band));
    }
    Context s;
    s["n"] = si;
    s["title"] = env.text(st.title);
    s["anchor"] = "stage-" + std::to_string(si);
    s["progress"] = progress_context(roadmap_progress(st.events));
    search += st.title + ". ";
    Context events = Context::array();
    int ei = 0;
    for (const auto& e : st.events) {
      ++ei;
      Context ev;
      ev["n"] = std::to_string(si) + "." + std::to_string(ei);
      ev["title"] = env.text(e.title);
      ev["details_html"] = body_html(e.details_html, 3);
      Context lines = Context::array();
      if (!e.interval.lines.empty()) {
        for (const auto& l : e.interval.lines) lines.push_back({{"text", env.text(l)}});
      } else if (!e.due.empty()) {
        for (const auto& l : util::split_lines(e.due)) lines.push_back({{"text", env.text(l)}});
      }
      ev["has_due"] = !lines.empty();
      ev["due"] = std::move(lines);
      ev["responsible"] = env.text(e.responsible);
      ev["status_label"] = status_label(e.status);
      ev["status_class"] = status_class(e.status);
      bool overdue = is_overdue(e, env.now);
      overdue_total += overdue ? 1 : 0;
      ev["overdue"] = overdue;
      ev["result"] = env.text(e.result);
      events.push_back(std::move(ev));
      search += e.title + ". ";
    }
    s["events"] = std::move(events);
    s["has_events"] = !st.events.empty();
    stages.push_back(std::move(s));
  }
  c["has_stages"] = !stages.empty();
  c["timeline_html"] = bands.empty() ? "" : charts::timeline("roadmap-timeline", "Этапы дорожной карты во времени", bands, env.now);
  c["stages"] = std::move(stages);
  c["overdue_count"] = overdue_total;
  c["has_overdue"] = overdue_total > 0;
  c["now"] = util::format_ru(env.now);
  p.search_text = search;
  out.push_back(std::move(p));
}

}  // namespace nastavnik::render
