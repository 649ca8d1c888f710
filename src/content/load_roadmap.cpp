#include <vector>

#include "content/loaders.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace nastavnik::content {

namespace {

struct StatusName {
  const char* text;
  model::EventStatus status;
};

const std::vector<StatusName>& status_names() {
  static const std::vector<StatusName> names = {
      {"done", model::EventStatus::done},
      {"выполнено", model::EventStatus::done},
      {"выполнен", model::EventStatus::done},
      {"in_progress", model::EventStatus::in_progress},
      {"in progress", model::EventStatus::in_progress},
      {"в работе", model::EventStatus::in_progress},
      {"выполняется", model::EventStatus::in_progress},
      {"planned", model::EventStatus::planned},
      {"запланировано", model::EventStatus::planned},
      {"cancelled", model::EventStatus::cancelled},
      {"canceled", model::EventStatus::cancelled},
      {"отменено", model::EventStatus::cancelled},
  };
  return names;
}

/// `due` may be a string, several lines, or a list of strings; always '\n'-joined text.
std::string read_due(FieldReader& r) {
  const YNode* v = r.raw("due");
  if (!v || v->is_null()) return {};
  if (v->is_scalar()) return util::trim(v->scalar);
  if (v->is_seq()) {
    std::string out;
    for (const auto& item : v->items) {
      if (!item.is_scalar()) {
        r.sink().report("field.type", item.pos, "срок (due): элемент списка должен быть строкой");
        continue;
      }
      if (!out.empty()) out += '\n';
      out += util::trim(item.scalar);
    }
    return out;
  }
  r.wrong_type("due", *v, "строкой или списком строк", "Например: due: \"сентябрь 2024\"");
  return {};
}

}  // namespace

void load_roadmap(const YNode& doc, model::Roadmap& out, const LoadContext& ctx) {
  auto& sink = ctx.sink;
  if (doc.is_null()) return;
  if (!expect_map(doc, "дорожная карта (roadmap.yaml)", sink)) return;
  FieldReader r(doc, "дорожная карта", {"title", "approved", "stages"}, sink);
  out.title = r.text("title");
  out.approved = read_approval(r, "дорожная карта", sink);
  out.pos = r.positions();
  const YNode* stages = r.seq("stages");
  if (!stages) return;
  const std::string page_url = ctx.config.sections.roadmap + "/";
  for (const auto& sn : stages->items) {
    if (!expect_map(sn, "этап дорожной карты", sink)) continue;
    FieldReader sr(sn, "этап дорожной карты", {"title", "events"}, sink);
    model::RoadmapStage stage;
    stage.title = sr.text("title", true);
    stage.pos = sr.positions();
    if (const YNode* events = sr.seq("events")) {
      for (const auto& en : events->items) {
        if (!expect_map(en, "мероприятие дорожной карты", sink)) continue;
        FieldReader er(en, "мероприятие дорожной карты", {"title", "details", "due", "responsible", "status", "result"},
                       sink);
        model::RoadmapEvent ev;
        ev.title = er.text("title", true);
        std::string details = er.text("details");
        ev.pos = er.positions();
        if (!details.empty()) {
          model::Body body = render_field_markdown(details, ev.pos.of("details"), page_url, ctx);
          ev.details_html = body.html.text();
          ev.details_text = body.plain.text();
        }
        ev.due = read_due(er);
        ev.interval = util::parse_due(ev.due);
        ev.responsible = er.text("responsible");
        ev.result = er.text("result");
        std::string status = er.text("status");
        if (!status.empty()) {
          std::string n = util::normalize(status);
          bool found = false;
          for (const auto& s : status_names())
            if (util::normalize(s.text) == n) {
              ev.status = s.status;
              found = true;
              break;
            }
          if (!found) {
            std::vector<std::string> all;
            for (const auto& s : status_names()) all.emplace_back(s.text);
            auto best = util::closest(status, all);
            sink.report("field.type", ev.pos.of("status"), "неизвестный статус мероприятия «" + status + "»",
                        best ? "возможно, имелось в виду «" + *best + "»; допустимы: выполнено, в работе, запланировано, отменено"
                             : "допустимы: выполнено (done), в работе (in_progress), запланировано (planned), отменено (cancelled)");
          }
        }
        stage.events.push_back(std::move(ev));
      }
    }
    out.stages.push_back(std::move(stage));
  }
}

}  // namespace nastavnik::content
