// The roadmap: required stages, due dates that can be understood, overdue events.
#include "util/date.hpp"
#include "validate/checks.hpp"

namespace nastavnik::validate {

namespace {

/// A due as one line for a message: «Ноябрь 2022; до 20.11.2022».
std::string one_line(const std::string& due) {
  std::string out;
  for (char c : due) {
    if (c == '\n')
      out += "; ";
    else
      out += c;
  }
  return out;
}

bool stage_present(const model::Roadmap& roadmap, const config::NamedMatch& stage) {
  model::Body titles;  // stage titles as headings, to share the matching with the Положение
  for (const auto& s : roadmap.stages) titles.headings.push_back({1, s.title, {}, {}, false});
  return has_heading(titles, stage);
}

}  // namespace

void check_roadmap(const model::Site& site, diag::Sink& sink) {
  const auto& roadmap = site.roadmap;
  // Absent or unreadable (yaml.syntax, not a map): site.missing-section or the loader said it.
  if (!roadmap.present || roadmap.pos.self.file.empty()) return;
  if (!roadmap.stages.empty()) {
    for (const auto& stage : site.config.rules.roadmap_stages) {
      if (stage_present(roadmap, stage)) continue;
      std::string hint = "Добавьте этап (stages → title)";
      if (!stage.match.empty())
        hint += ", в названии которого есть слова " + join_quoted(stage.match) +
                (stage.match.size() > 1 ? " (любое из них)" : "");
      hint += ", и его мероприятия.";
      sink.report("roadmap.missing-stage", whole_file(roadmap.source),
                  "в дорожной карте нет этапа «" + stage.name + "»", hint);
    }
  }
  const auto& now = site.options.now;
  for (const auto& stage : roadmap.stages) {
    for (const auto& ev : stage.events) {
      const auto& iv = ev.interval;
      const auto& at = ev.pos.of("due");
      if (iv.invalid) {
        sink.report("roadmap.date", at,
                    "мероприятие «" + ev.title + "»: срок «" + one_line(ev.due) + "» не удалось понять" +
                        (iv.problem.empty() ? "" : ": " + iv.problem),
                    "Пишите срок так: «16.11.2022», «до 16.11.2022», «сентябрь 2024», «август – сентябрь 2024», "
                    "«2022–2024» или «в течение года».");
        continue;  // an end we cannot trust is not compared with today
      }
      if (ev.status == model::EventStatus::done || ev.status == model::EventStatus::cancelled) continue;
      if (iv.open || !iv.end || !(*iv.end < now)) continue;
      sink.report("roadmap.overdue", at,
                  "мероприятие «" + ev.title + "» просрочено: срок «" + one_line(ev.due) + "» истёк " +
                      util::format_ru(*iv.end),
                  "отметьте status: done, если оно выполнено, или перенесите срок");
    }
  }
}

}  // namespace nastavnik::validate
