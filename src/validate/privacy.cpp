// privacy.leak: no rendered text may name a bank person who may not be published (minors, people
// without publish: true or without consent to dissemination; 152-ФЗ ст. 10.1). The message gives the
// id only: the name itself would leak into CI logs.
#include <set>

#include "util/name_match.hpp"
#include "util/text.hpp"
#include "validate/checks.hpp"

namespace nastavnik::validate {

namespace {

class LeakScan {
 public:
  LeakScan(const model::Site& site, diag::Sink& sink) : m_sink(sink) {
    std::set<std::string> seen;
    for (const auto* list : {&site.bank.mentors, &site.bank.mentees})
      for (const auto& p : *list) {
        if (model::may_publish(p) || p.name.empty() || !seen.insert(p.id + '\n' + p.name).second) continue;
        m_matcher.add(m_people.size(), p.name);
        m_people.push_back(&p);
      }
  }
  bool idle() const { return m_matcher.empty(); }

  void scan(std::string_view text, const diag::SourcePos& pos) {
    if (text.empty()) return;
    for (std::size_t k : m_matcher.find(text)) report(*m_people[k], pos);
  }
  void scan(const std::vector<std::string>& texts, const diag::SourcePos& pos) {
    std::string joined;  // one field: one diagnostic per person
    for (const auto& t : texts) joined += t + "\n";
    scan(joined, pos);
  }
  void scan_page(const model::PageBase& page) {
    scan(page.title, page.pos.of("title"));
    scan(page.summary, page.pos.of("summary"));
    scan(page.tags, page.pos.of("tags"));
    for (const auto& b : page.body.blocks) scan(page.body.text_of(b), b.pos);
  }

 private:
  void report(const model::Person& p, const diag::SourcePos& pos) {
    std::string why = p.minor      ? "несовершеннолетних не называют на сайте"
                      : !p.publish ? "в банке у него нет publish: true"
                      : !p.consent.dissemination ? "нет его согласия на распространение персональных данных"
                                                 : "его нельзя публиковать";
    std::string instead = p.is_mentor ? "«наставник — учитель математики»" : "«обучающийся 8 класса»";
    if (!p.is_mentor && !p.grade.empty())
      instead = "«обучающийся " + p.grade + " класса»";
    else if (!p.position.empty())
      instead = "«" + p.position + "»";
    m_sink.report(
        "privacy.leak", pos,
        std::string("упомянут(а) участник банка id=") + p.id + ", которого нельзя называть на сайте (" + why + ")",
        "Замените имя (в любом написании: полностью, с инициалами) обезличенным описанием, например " + instead +
            ". Или, если человек согласен и ему есть 18 лет, получите согласие на "
            "распространение и отметьте в банке publish: true.");
  }

  diag::Sink& m_sink;
  util::NameMatcher m_matcher;
  std::vector<const model::Person*> m_people;
};

}  // namespace

void check_privacy(const model::Site& site, diag::Sink& sink) {
  if (!site.bank.present) return;
  LeakScan scan(site, sink);
  if (scan.idle()) return;

  // site.yaml
  const auto& cfg = site.config;
  const diag::SourcePos site_yaml{"site.yaml", 0, 0};
  scan.scan(cfg.title, cfg.title_pos.file.empty() ? site_yaml : cfg.title_pos);
  scan.scan(cfg.description, cfg.description_pos.file.empty() ? site_yaml : cfg.description_pos);
  if (cfg.curator) {
    const auto& pos = cfg.curator_pos.file.empty() ? site_yaml : cfg.curator_pos;
    scan.scan(std::vector<std::string>{cfg.curator->name, cfg.curator->position}, pos);
  }

  // Markdown pages.
  if (site.landing) scan.scan_page(*site.landing);
  if (site.regulation) {
    scan.scan_page(*site.regulation);
    if (site.regulation->approved) scan.scan(site.regulation->approved->by, site.regulation->approved->pos.of("by"));
  }
  for (const auto& p : site.programs) {
    scan.scan_page(p);
    scan.scan(p.authors, p.pos.of("authors"));
  }
  for (const auto& p : site.practices) {
    scan.scan_page(p);
    scan.scan(p.authors, p.pos.of("authors"));
  }
  for (const auto& n : site.news) {
    scan.scan_page(n);
    scan.scan(n.image_alt, n.pos.of("image_alt"));
    if (n.event) scan.scan(n.event->place, n.pos.of("event"));
  }
  for (const auto& p : site.pages) scan.scan_page(p);

  // Data files.
  const auto& rm = site.roadmap;
  scan.scan(rm.title, rm.pos.of("title"));
  if (rm.approved) scan.scan(rm.approved->by, rm.approved->pos.of("by"));
  for (const auto& stage : rm.stages) {
    scan.scan(stage.title, stage.pos.of("title"));
    for (const auto& ev : stage.events) {
      scan.scan(ev.title, ev.pos.of("title"));
      scan.scan(ev.details_text, ev.pos.of("details"));
      scan.scan(ev.responsible, ev.pos.of("responsible"));
      scan.scan(ev.result, ev.pos.of("result"));
    }
  }
  for (const auto& d : site.documents.items) {
    scan.scan(d.title, d.pos.of("title"));
    if (d.signature)
      scan.scan(std::vector<std::string>{d.signature->signer, d.signature->position}, d.pos.of("signature"));
  }
  const auto& mon = site.monitoring;
  scan.scan(mon.title, mon.pos.of("title").file.empty() ? whole_file(mon.source) : mon.pos.of("title"));
  for (const auto& ind : mon.indicators) {
    scan.scan(ind.group, ind.pos.of("group"));
    scan.scan(ind.name, ind.pos.of("name"));
    scan.scan(ind.unit, ind.pos.of("unit"));
  }
  // The bank page lists the positions of the people who may be published.
  for (const auto* list : {&site.bank.mentors, &site.bank.mentees})
    for (const auto& p : *list)
      if (model::may_publish(p)) scan.scan(p.position, p.pos.of("position"));
}

}  // namespace nastavnik::validate
