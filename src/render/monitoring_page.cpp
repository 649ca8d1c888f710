#include <algorithm>

#include "render/charts.hpp"
#include "render/env.hpp"
#include "render/format.hpp"

namespace nastavnik::render {

void build_monitoring(const Env& env, std::vector<PageSpec>& out) {
  const auto& sec = env.section("monitoring");
  const auto& mon = env.site.monitoring;
  PageSpec p;
  p.url = sec.slug + "/";
  p.path = p.url + "index.html";
  p.tmpl = "monitoring";
  p.section = sec.key;
  p.title = mon.present && !mon.title.empty() ? env.text(mon.title) : "Мониторинг";
  p.description = mon.present ? "Показатели внутреннего мониторинга внедрения целевой модели наставничества."
                              : sec.planned;
  p.search_section = sec.title;
  Context& c = p.ctx;
  c["empty"] = !mon.present;
  c["planned"] = sec.planned;
  c["date"] = mon.date ? util::format_ru(*mon.date) : "";
  c["date_iso"] = mon.date ? util::to_iso(*mon.date) : "";

  // Groups in the order of their first appearance.
  std::vector<std::string> order;
  for (const auto& i : mon.indicators)
    if (std::find(order.begin(), order.end(), i.group) == order.end()) order.push_back(i.group);
  Context groups = Context::array();
  std::string search;
  int gi = 0;
  for (const auto& g : order) {
    Context rows = Context::array();
    for (const auto& i : mon.indicators) {
      if (i.group != g) continue;
      std::string value = i.value;
      if (i.kind == model::ValueKind::yesno) value = i.yes ? "да" : "нет";
      rows.push_back({{"name", env.text(i.name)},
                      {"value", value},
                      {"kind", i.kind == model::ValueKind::yesno   ? "yesno"
                               : i.kind == model::ValueKind::number ? "number"
                               : i.kind == model::ValueKind::percent ? "percent"
                                                                     : "text"},
                      {"unit", i.unit},
                      {"source", i.source}});
      search += i.name + ". ";
    }
    ++gi;
    const std::string title = g.empty() ? std::string("Показатели") : env.text(g);
    std::vector<charts::Indicator> marks;
    for (const auto& i : mon.indicators) {
      if (i.group != g || i.kind == model::ValueKind::text) continue;
      charts::Indicator m;
      m.label = env.text(i.name);
      m.kind = i.kind == model::ValueKind::yesno     ? charts::Indicator::Kind::yesno
               : i.kind == model::ValueKind::percent ? charts::Indicator::Kind::percent
                                                     : charts::Indicator::Kind::number;
      m.value = i.number;
      m.yes = i.yes;
      m.unit = i.unit;
      marks.push_back(std::move(m));
    }
    const std::string anchor = "group-" + std::to_string(gi);
    groups.push_back({{"title", title},
                      {"anchor", anchor},
                      {"chart_html", marks.empty() ? "" : charts::indicator_chart(anchor + "-chart", title, marks)},
                      {"indicators", std::move(rows)}});
  }
  c["has_groups"] = !groups.empty();
  c["groups"] = std::move(groups);
  p.search_text = search;
  out.push_back(std::move(p));
}

}  // namespace nastavnik::render
