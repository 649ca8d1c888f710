// The bank of mentors and mentees: ids, references, consents (152-ФЗ ст. 9, 10.1), pairs.
// Messages name people by id only: names are personal data and must not reach CI logs.
#include <algorithm>
#include <map>

#include "util/suggest.hpp"
#include "validate/checks.hpp"

namespace nastavnik::validate {

namespace {

std::string label(const model::Person& p) {
  return std::string(p.is_mentor ? "наставник" : "наставляемый") + " id=" + p.id;
}

struct Entry {
  std::string_view id;
  diag::SourcePos pos;
  std::string what;
};

void check_ids(const model::Bank& bank, diag::Sink& sink) {
  std::vector<Entry> all;
  for (const auto* list : {&bank.mentors, &bank.mentees})
    for (const auto& p : *list)
      if (!p.id.empty()) all.push_back({p.id, p.pos.of("id"), p.is_mentor ? "наставник" : "наставляемый"});
  for (const auto& pair : bank.pairs)
    if (!pair.id.empty()) all.push_back({pair.id, pair.pos.of("id"), "пара"});
  // In file order, so that the second occurrence is the one reported.
  std::stable_sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
  });
  std::map<std::string_view, const Entry*> first;
  for (const auto& e : all) {
    auto [it, fresh] = first.emplace(e.id, &e);
    if (fresh) continue;
    sink.report("bank.duplicate-id", e.pos,
                "идентификатор «" + std::string(e.id) + "» уже занят: " + it->second->what + " на строке " +
                    std::to_string(it->second->pos.line),
                "У каждого человека и каждой пары в банке должен быть свой id (например, m2, s7, p3). Измените "
                "этот id и проверьте пары, которые на него ссылаются.");
  }
}

void check_consents(const model::Person& p, diag::Sink& sink) {
  const auto& c = p.consent;
  if (!c.processing) {
    if (c.pos.has("processing")) return;  // written wrongly: field.type already
    sink.report("consent.missing", c.pos.self, label(p) + ": нет даты согласия на обработку персональных данных",
                "Без письменного согласия (152-ФЗ, ст. 9) человека нельзя вносить в банк. Получите согласие и "
                "укажите его дату: consent: { processing: 2024-09-05 }");
    return;  // one cause, one code: nothing else about this person's consents
  }
  if (p.minor && !c.guardian && !c.pos.has("guardian")) {
    sink.report("consent.guardian-missing", c.pos.self,
                label(p) + ": несовершеннолетний, но нет согласия родителя (законного представителя)",
                "Получите согласие родителя и укажите его дату в consent, например: guardian: 2024-09-10");
  }
  if (!p.publish) return;
  if (p.minor) {
    sink.report("privacy.minor-published", p.pos.of("publish"),
                label(p) + ": несовершеннолетний отмечен publish: true — имя не будет опубликовано",
                "Несовершеннолетних не называют на сайте по имени. Уберите publish: true (или напишите publish: "
                "false).");
  } else if (!c.dissemination && !c.pos.has("dissemination")) {
    sink.report("consent.dissemination-missing", p.pos.of("publish"),
                label(p) +
                    ": отмечен publish: true, но нет согласия на распространение персональных данных — "
                    "имя не будет опубликовано",
                "Для публикации имени нужно отдельное согласие на распространение (152-ФЗ, ст. 10.1): укажите "
                "его дату в consent, например dissemination: 2024-09-05, или уберите publish: true.");
  }
}

class Index {
 public:
  explicit Index(const model::Bank& bank) {
    for (const auto* list : {&bank.mentors, &bank.mentees})
      for (const auto& p : *list)
        if (!p.id.empty()) {
          m_people.emplace(p.id, &p);  // the first occurrence wins
          m_ids.push_back(p.id);
        }
  }
  const model::Person* find(const std::string& id) const {
    auto it = m_people.find(id);
    return it == m_people.end() ? nullptr : it->second;
  }
  const std::vector<std::string>& ids() const { return m_ids; }

 private:
  std::map<std::string, const model::Person*> m_people;
  std::vector<std::string> m_ids;
};

void unknown_person(const std::string& id, const diag::SourcePos& pos, std::string_view role, const Index& index,
                    diag::Sink& sink) {
  sink.report("bank.unknown-person", pos,
              "пара ссылается на " + std::string(role) + " с id «" + id + "», которого нет в банке",
              did_you_mean(id, index.ids(), "Добавьте этого человека в mentors или mentees или исправьте id."));
}

bool fits(const std::vector<std::string>& roles, const std::string& role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

/// A form whose roles fit the pair, for the hint.
const config::FormRule* fitting_form(const config::Rules& rules, const model::Person* mentor,
                                     const std::vector<const model::Person*>& mentees) {
  for (const auto& f : rules.forms) {
    if (mentor && !fits(f.mentor_roles, mentor->role)) continue;
    bool ok = true;
    for (const auto* m : mentees) ok = ok && fits(f.mentee_roles, m->role);
    if (ok) return &f;
  }
  return nullptr;
}

void check_pairs(const model::Site& site, const Index& index, diag::Sink& sink) {
  const auto& rules = site.config.rules;
  for (const auto& pair : site.bank.pairs) {
    const model::Person* mentor = nullptr;
    if (!pair.mentor.empty()) {
      mentor = index.find(pair.mentor);
      if (!mentor) unknown_person(pair.mentor, pair.pos.of("mentor"), "наставника", index, sink);
    }
    std::vector<const model::Person*> mentees;
    for (const auto& id : pair.mentees) {
      if (id.empty()) continue;
      if (const auto* m = index.find(id))
        mentees.push_back(m);
      else
        unknown_person(id, pair.pos.of("mentees"), "наставляемого", index, sink);
    }
    // Roles against the form (an unknown form is form.unknown only; an unknown role is field.type).
    if (const auto* form = config::find_form(rules, pair.form)) {
      std::vector<std::string> wrong;
      if (mentor && !mentor->role.empty() && !fits(form->mentor_roles, mentor->role))
        wrong.push_back("наставник id=" + mentor->id + " — «" + mentor->role +
                        "» (нужна роль: " + join_quoted(form->mentor_roles) + ")");
      std::vector<const model::Person*> with_roles;
      for (const auto* m : mentees) {
        if (m->role.empty()) continue;
        with_roles.push_back(m);
        if (!fits(form->mentee_roles, m->role))
          wrong.push_back("наставляемый id=" + m->id + " — «" + m->role +
                          "» (нужна роль: " + join_quoted(form->mentee_roles) + ")");
      }
      if (!wrong.empty()) {
        std::string message = "роли участников пары «" + pair.id + "» не подходят к форме «" + form->name + "»: ";
        for (std::size_t i = 0; i < wrong.size(); ++i) message += (i ? "; " : "") + wrong[i];
        std::string hint = "Исправьте форму пары или роли участников в банке.";
        if (const auto* better = fitting_form(rules, mentor && !mentor->role.empty() ? mentor : nullptr, with_roles))
          hint = "Для таких ролей подходит форма «" + better->name + "». " + hint;
        sink.report("pair.form-mismatch", pair.pos.of("form"), message, hint);
      }
    }
    // The approving order (приказ о закреплении пары).
    const bool no_order = !pair.order;
    const bool incomplete =
        pair.order && (pair.order->number.empty() || (!pair.order->date && !pair.order->pos.has("date")));
    if (no_order || incomplete) {
      sink.report("pair.order-missing", no_order ? pair.pos.self : pair.order->pos.self,
                  no_order ? "у пары «" + pair.id + "» не указан приказ о её закреплении"
                           : "в приказе о закреплении пары «" + pair.id + "» не указаны номер или дата",
                  "Пары закрепляются приказом директора. Укажите его: order: { number: \"112\", date: 2024-09-15 }");
    }
    // A pair's programme is a page of content/programs/.
    if (!pair.program.empty()) {
      bool found = std::any_of(site.programs.begin(), site.programs.end(),
                               [&](const model::Program& p) { return p.slug == pair.program; });
      if (!found) {
        std::vector<std::string> slugs;
        for (const auto& p : site.programs) slugs.push_back(p.slug);
        sink.report(
            "link.broken", pair.pos.of("program"),
            "пара «" + pair.id + "» ссылается на программу «" + pair.program + "», которой нет в content/programs/",
            did_you_mean(pair.program, slugs,
                         "Укажите адрес (slug) программы — имя её файла без .md — или уберите поле program."));
      }
    }
  }
  // A programme's `pair:` names a pair of the bank.
  if (!site.bank.present) return;
  std::vector<std::string> pair_ids;
  for (const auto& pair : site.bank.pairs) pair_ids.push_back(pair.id);
  auto check_page = [&](const model::PageBase& page, const std::string& pair, std::string_view what) {
    if (pair.empty() || std::find(pair_ids.begin(), pair_ids.end(), pair) != pair_ids.end()) return;
    sink.report("bank.unknown-person", page.pos.of("pair"),
                std::string(what) + " ссылается на пару «" + pair + "», которой нет в банке (content/bank.yaml)",
                did_you_mean(pair, pair_ids, "Укажите id пары из раздела pairs банка или уберите поле pair."));
  };
  for (const auto& p : site.programs) check_page(p, p.pair, "программа");
  for (const auto& p : site.practices) check_page(p, p.pair, "практика");
}

}  // namespace

void check_bank(const model::Site& site, diag::Sink& sink) {
  const auto& bank = site.bank;
  if (!bank.present) return;
  check_ids(bank, sink);
  for (const auto* list : {&bank.mentors, &bank.mentees})
    for (const auto& p : *list) check_consents(p, sink);
  Index index(bank);
  check_pairs(site, index, sink);
}

}  // namespace nastavnik::validate
