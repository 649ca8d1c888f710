// §8.2 of the Положение: the sections the school site must have, each with some content.
#include "validate/checks.hpp"

namespace nastavnik::validate {

namespace {

struct SectionInfo {
  std::string_view key;
  std::string_view title;   ///< «Дорожная карта»
  std::string_view source;  ///< where its content lives
  std::string_view how;     ///< how to add content
};

const std::vector<SectionInfo>& sections() {
  static const std::vector<SectionInfo> list = {
      {"roadmap", "Дорожная карта", "content/roadmap.yaml",
       "Создайте content/roadmap.yaml с этапами (stages) и мероприятиями (events)."},
      {"bank", "База наставников и наставляемых", "content/bank.yaml",
       "Создайте content/bank.yaml со списками mentors, mentees и pairs (на сайт попадут только сводные данные)."},
      {"programs", "Персонализированные программы наставничества", "content/programs",
       "Добавьте программу: nastavnik new program \"Название\" (файл content/programs/….md)."},
      {"practices", "Лучшие практики", "content/practices",
       "Добавьте кейс: nastavnik new practice \"Название\" (файл content/practices/….md)."},
      {"documents", "Нормативная база", "content/documents.yaml",
       "Создайте content/documents.yaml со списком documents (приказы, Положение, дорожная карта)."},
      {"news", "Новости", "content/news",
       "Добавьте новость: nastavnik new news \"Заголовок\" (черновики и новости с будущей датой не считаются)."},
      {"monitoring", "Мониторинг", "content/monitoring.yaml",
       "Создайте content/monitoring.yaml со списком показателей (indicators)."},
  };
  return list;
}

bool has_content(const model::Site& site, std::string_view key) {
  if (key == "roadmap") return site.roadmap.present && !site.roadmap.stages.empty();
  if (key == "bank")
    return site.bank.present && !(site.bank.mentors.empty() && site.bank.mentees.empty() && site.bank.pairs.empty());
  if (key == "programs") return !site.programs.empty();
  if (key == "practices") return !site.practices.empty();
  if (key == "documents") return site.documents.present && !site.documents.items.empty();
  if (key == "news") return !site.news.empty();  // drafts and future news are already left out
  if (key == "monitoring") return site.monitoring.present && !site.monitoring.indicators.empty();
  return true;
}

}  // namespace

void check_site_sections(const model::Site& site, diag::Sink& sink) {
  for (const auto& key : site.config.rules.required_sections) {
    // A missing Положение is regulation.missing only; an unreadable file is yaml.syntax only.
    if (key == "regulation" || has_content(site, key)) continue;
    for (const auto& s : sections()) {
      if (s.key != key || unreadable(sink, s.source)) continue;
      sink.report("site.missing-section", whole_file(s.source),
                  "раздел «" + std::string(s.title) +
                      "» пуст: на сайте он выйдет со словами «информация пока не "
                      "опубликована»",
                  "По §8.2 Положения этот раздел обязателен на сайте школы. " + std::string(s.how));
    }
  }
}

}  // namespace nastavnik::validate
