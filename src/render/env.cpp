#include "render/env.hpp"

#include <stdexcept>

#include "render/format.hpp"
#include "util/paths.hpp"
#include "util/typography.hpp"

namespace nastavnik::render {

Env::Env(const model::Site& s, const RenderOptions& o) : site(s), config(s.config), options(o), now(s.options.now) {
  const auto& sec = config.sections;
  m_sections = {
      {"regulation", sec.regulation, "Положение",
       "Положение о системе наставничества: цели и задачи, формы наставничества, порядок организации, права и "
       "обязанности наставников и наставляемых, реквизиты приказа об утверждении и подписанная копия.",
       "Цели, формы и порядок организации наставничества."},
      {"roadmap", sec.roadmap, "Дорожная карта",
       "Дорожная карта внедрения целевой модели наставничества: этапы, мероприятия, сроки, ответственные, статусы "
       "выполнения и общий ход работы.",
       "Этапы, сроки и ход выполнения мероприятий."},
      {"documents", sec.documents, "Документы",
       "Нормативная база: федеральные, региональные и муниципальные документы, локальные акты школы и "
       "методические рекомендации.",
       "Нормативная база и локальные акты школы."},
      {"bank", sec.bank, "База наставников",
       "Сводные сведения о базе наставников и наставляемых: количество наставников, наставляемых, пар и групп по "
       "формам наставничества, ролям и категориям.",
       "Наставники, наставляемые, пары и группы в цифрах."},
      {"programs", sec.programs, "Программы",
       "Персонализированные программы наставничества: форма, сроки реализации, содержание и результаты.",
       "Персонализированные программы наставничества."},
      {"practices", sec.practices, "Лучшие практики",
       "Лучшие практики наставничества школы: цели, содержание и результаты по формам наставничества.",
       "Опыт наставников школы по формам наставничества."},
      {"monitoring", sec.monitoring, "Мониторинг",
       "Показатели внутреннего мониторинга внедрения целевой модели наставничества.",
       "Показатели внедрения целевой модели."},
      {"news", sec.news, "Новости", "Новости и анонсы мероприятий по наставничеству.",
       "Новости и анонсы мероприятий."},
      {"search", sec.search, "Поиск", "Поиск по материалам раздела.",
       "Поиск по материалам раздела."},
  };
}

std::string Env::text(std::string_view s) const {
  if (!config.typography) return std::string(s);
  return util::typograph(s);
}

const SectionInfo& Env::section(std::string_view key) const {
  for (const auto& s : m_sections)
    if (s.key == key) return s;
  throw std::logic_error("unknown section key");
}

std::uint64_t Env::file_size(std::string_view output) const {
  for (const auto& f : site.files)
    if (f.output == output) return f.size;
  return 0;
}

std::string describe_page(const Env& env, std::string_view summary, std::string_view lead,
                          std::string_view fallback) {
  if (!collapse_spaces(summary).empty()) return env.text(collapse_spaces(summary));
  if (!lead.empty()) return std::string(lead);
  return std::string(fallback);
}

std::string root_of(std::string_view url) { return util::root_prefix(url); }

Progress roadmap_progress(const std::vector<model::RoadmapEvent>& events) {
  Progress p;
  for (const auto& e : events) {
    if (e.status == model::EventStatus::cancelled) {
      ++p.cancelled;
      continue;
    }
    ++p.all;
    if (e.status == model::EventStatus::done) ++p.done;
  }
  return p;
}

Progress roadmap_progress(const model::Roadmap& roadmap) {
  Progress total;
  for (const auto& s : roadmap.stages) {
    Progress p = roadmap_progress(s.events);
    total.done += p.done;
    total.all += p.all;
    total.cancelled += p.cancelled;
  }
  return total;
}

Context progress_context(const Progress& p) {
  Context c;
  c["done"] = p.done;
  c["all"] = p.all;
  c["cancelled"] = p.cancelled;
  c["has_cancelled"] = p.cancelled > 0;
  c["percent"] = percent(p.done, p.all);
  c["has_events"] = p.all > 0;
  return c;
}

Context tags_context(const Env& env, const std::vector<std::string>& tags) {
  if (tags.empty()) return false;
  Context arr = Context::array();
  for (const auto& t : tags) arr.push_back(Context{{"name", env.text(t)}});
  return Context{{"list", std::move(arr)}};
}

Context news_card(const Env& env, const model::NewsItem& n, std::string_view root) {
  Context c;
  c["title"] = env.text(n.title);
  c["url"] = std::string(root) + n.url;
  c["date"] = util::format_ru(n.date);
  c["date_iso"] = util::to_iso(n.date);
  c["summary"] = env.text(collapse_spaces(n.summary));
  c["tags"] = tags_context(env, n.tags);
  if (!n.image.empty())
    c["image"] = Context{{"url", std::string(root) + n.image}, {"alt", env.text(n.image_alt)}};
  else
    c["image"] = false;
  if (n.event && n.event->date) {
    c["event"] = Context{{"date", util::format_ru(*n.event->date)},
                         {"date_iso", util::to_iso(*n.event->date)},
                         {"time", n.event->time},
                         {"place", env.text(n.event->place)}};
  } else {
    c["event"] = false;
  }
  return c;
}

// news_card_inputs must see every field news_card may read: a new field of NewsItem (or of
// PageBase, NewsEvent) changes these sizes and stops the build until it is considered there.
static_assert(sizeof(model::NewsItem) == 544 && sizeof(model::NewsEvent) == 80,
              "news_card_inputs: a field was added to NewsItem or NewsEvent");

namespace {
void hash_date(util::Hasher& h, const util::Date& d) {
  h.update(static_cast<std::uint64_t>(d.year)).update(static_cast<std::uint64_t>(d.month));
  h.update(static_cast<std::uint64_t>(d.day));
}
}  // namespace

void news_card_inputs(util::Hasher& h, const model::NewsItem& n, std::string_view root) {
  h.field(root);
  h.field(n.url);
  h.field(n.title);
  hash_date(h, n.date);
  h.field(n.summary);
  h.update(static_cast<std::uint64_t>(n.tags.size()));
  for (const auto& t : n.tags) h.field(t);
  h.field(n.image);
  h.field(n.image_alt);
  const bool event = n.event && n.event->date;
  h.update(static_cast<std::uint64_t>(event));
  if (event) {
    hash_date(h, *n.event->date);
    h.field(n.event->time);
    h.field(n.event->place);
  }
}

}  // namespace nastavnik::render
