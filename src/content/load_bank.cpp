#include "config/rules.hpp"
#include "content/loaders.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace nastavnik::content {

namespace {

void read_people(const YNode* list, bool mentors, std::vector<model::Person>& out, diag::Sink& sink) {
  if (!list) return;
  const char* where = mentors ? "наставник в банке" : "наставляемый в банке";
  for (const auto& pn : list->items) {
    if (!expect_map(pn, where, sink)) continue;
    FieldReader r(pn, where,
                  {"id", "name", "role", "position", "grade", "minor", "categories", "consent", "publish"}, sink);
    model::Person p;
    p.is_mentor = mentors;
    p.id = r.text("id", true);
    p.name = r.text("name", true);
    p.pos = r.positions();
    std::string role = r.text("role", true);
    if (!role.empty()) {
      std::string n = util::normalize(role);
      for (const auto& known : config::known_roles())
        if (util::normalize(known) == n) p.role = known;
      if (p.role.empty()) {
        auto best = util::closest(role, config::known_roles());
        sink.report("field.type", p.pos.of("role"), "неизвестная роль «" + role + "»",
                    best ? "возможно, имелось в виду «" + *best + "»"
                         : "допустимы: педагог, руководитель, обучающийся, студент, работодатель, выпускник, родитель");
      }
    }
    p.position = r.text("position");
    p.grade = r.text("grade");
    p.minor = r.boolean("minor", false);
    p.categories = r.text_list("categories");
    p.publish = r.boolean("publish", false);
    if (const YNode* c = r.map("consent")) {
      FieldReader cr(*c, std::string(where) + ", consent", {"processing", "dissemination", "guardian"}, sink);
      p.consent.processing = cr.date("processing");
      p.consent.dissemination = cr.date("dissemination");
      p.consent.guardian = cr.date("guardian");
      p.consent.pos = cr.positions();
    } else {
      p.consent.pos.self = p.pos.self;
    }
    out.push_back(std::move(p));
  }
}

}  // namespace

void load_bank(const YNode& doc, model::Bank& out, const LoadContext& ctx) {
  auto& sink = ctx.sink;
  if (doc.is_null()) return;
  if (!expect_map(doc, "банк наставников (bank.yaml)", sink)) return;
  FieldReader r(doc, "банк наставников", {"mentors", "mentees", "pairs"}, sink);
  read_people(r.seq("mentors"), true, out.mentors, sink);
  read_people(r.seq("mentees"), false, out.mentees, sink);
  if (const YNode* pairs = r.seq("pairs")) {
    for (const auto& pn : pairs->items) {
      if (!expect_map(pn, "пара в банке", sink)) continue;
      FieldReader pr(pn, "пара в банке", {"id", "mentor", "mentees", "form", "program", "order", "start", "end"}, sink);
      model::Pair p;
      p.id = pr.text("id", true);
      p.mentor = pr.text("mentor", true);
      p.mentees = pr.text_list("mentees", true);
      p.form = pr.text("form", true);
      p.program = pr.text("program");
      if (const YNode* o = pr.map("order")) {
        FieldReader orr(*o, "пара в банке, order", {"number", "date"}, sink);
        model::Order order;
        order.number = orr.text("number");
        order.date = orr.date("date");
        order.pos = orr.positions();
        p.order = order;
      }
      p.start = pr.date("start");
      p.end = pr.date("end");
      p.pos = pr.positions();
      out.pairs.push_back(std::move(p));
    }
  }
}

}  // namespace nastavnik::content
