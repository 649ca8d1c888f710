// The bank page: summaries only. SPEC allows exactly counts, and name, position and forms of
// the people `model::may_publish` accepts; nothing else of bank.yaml is read here.
#include <algorithm>
#include <map>

#include "render/charts.hpp"
#include "render/env.hpp"
#include "util/text.hpp"

namespace nastavnik::render {

namespace {

const std::vector<std::string>& role_order() {
  static const std::vector<std::string> roles = {"педагог",  "руководитель", "обучающийся", "студент",
                                                 "работодатель", "выпускник", "родитель"};
  return roles;
}

struct Counts {
  int mentors = 0;
  int mentees = 0;
};

/// Rows in a fixed order first (`order`), then the rest in byte order (std::map).
Context count_rows(const Env& env, const std::map<std::string, Counts>& counts, const std::vector<std::string>& order) {
  Context rows = Context::array();
  auto row = [&](const std::string& name, const Counts& c) {
    rows.push_back({{"name", env.text(name)}, {"mentors", c.mentors}, {"mentees", c.mentees}});
  };
  for (const auto& name : order)
    if (auto it = counts.find(name); it != counts.end()) row(name, it->second);
  for (const auto& [name, c] : counts)
    if (std::find(order.begin(), order.end(), name) == order.end()) row(name, c);
  return rows;
}

/// Two bars per row (mentors, mentees) from the rows of count_rows.
std::string people_chart(const std::string& id, const std::string& title, const Context& rows) {
  charts::BarChart ch{id, title, {"Наставников", "Наставляемых"}, {}};
  for (const auto& r : rows)
    ch.bars.push_back({r["name"].get<std::string>(), {double(r["mentors"].get<int>()), double(r["mentees"].get<int>())}});
  return charts::bar_chart(ch);
}

}  // namespace

void build_bank(const Env& env, std::vector<PageSpec>& out) {
  const auto& sec = env.section("bank");
  const auto& bank = env.site.bank;
  PageSpec p;
  p.url = sec.slug + "/";
  p.path = p.url + "index.html";
  p.tmpl = "bank";
  p.section = sec.key;
  p.title = "База наставников и наставляемых";
  p.description = bank.present ? "Сводные сведения о базе наставников и наставляемых: количество, формы "
                                 "наставничества, роли и категории участников."
                               : sec.planned;
  p.search_section = sec.title;
  p.search_text = p.description;
  Context& c = p.ctx;
  c["empty"] = !bank.present;
  c["planned"] = sec.planned;

  int groups = 0;
  for (const auto& pr : bank.pairs)
    if (pr.mentees.size() > 1) ++groups;
  c["counts"] = {{"mentors", static_cast<int>(bank.mentors.size())},
                 {"mentees", static_cast<int>(bank.mentees.size())},
                 {"pairs", static_cast<int>(bank.pairs.size()) - groups},
                 {"groups", groups},
                 {"pairs_total", static_cast<int>(bank.pairs.size())}};

  // By form: pairs/groups and mentees in them, in the rules' order.
  struct FormCount {
    int pairs = 0;
    int groups = 0;
    int mentees = 0;
  };
  std::map<std::string, FormCount> by_form;
  for (const auto& pr : bank.pairs) {
    auto& f = by_form[pr.form];
    (pr.mentees.size() > 1 ? f.groups : f.pairs) += 1;
    f.mentees += static_cast<int>(pr.mentees.size());
  }
  std::vector<std::string> form_order;
  for (const auto& f : env.config.rules.forms) form_order.push_back(f.name);
  Context forms = Context::array();
  auto form_row = [&](const std::string& name, const FormCount& f) {
    forms.push_back({{"name", env.text(name)}, {"pairs", f.pairs}, {"groups", f.groups}, {"mentees", f.mentees}});
  };
  for (const auto& name : form_order)
    if (auto it = by_form.find(name); it != by_form.end()) form_row(name, it->second);
  for (const auto& [name, f] : by_form)
    if (std::find(form_order.begin(), form_order.end(), name) == form_order.end()) form_row(name, f);
  c["has_forms"] = !forms.empty();
  {
    charts::BarChart ch{"chart-forms", "Пары, группы и наставляемые по формам наставничества",
                        {"Пар и групп", "Наставляемых"}, {}};
    for (const auto& f : forms)
      ch.bars.push_back({f["name"].get<std::string>(),
                         {double(f["pairs"].get<int>() + f["groups"].get<int>()), double(f["mentees"].get<int>())}});
    c["forms_chart_html"] = forms.empty() ? "" : charts::bar_chart(ch);
  }
  c["by_form"] = std::move(forms);

  std::map<std::string, Counts> by_role, by_category;
  for (const auto& m : bank.mentors) {
    by_role[m.role].mentors++;
    for (const auto& cat : m.categories) by_category[util::trim(cat)].mentors++;
  }
  for (const auto& m : bank.mentees) {
    by_role[m.role].mentees++;
    for (const auto& cat : m.categories) by_category[util::trim(cat)].mentees++;
  }
  c["by_role"] = count_rows(env, by_role, role_order());
  c["roles_chart_html"] = by_role.empty() ? "" : people_chart("chart-roles", "Наставники и наставляемые по ролям", c["by_role"]);
  c["has_roles"] = !by_role.empty();
  c["by_category"] = count_rows(env, by_category, {});
  c["categories_chart_html"] =
      by_category.empty() ? "" : people_chart("chart-categories", "Наставники и наставляемые по категориям", c["by_category"]);
  c["has_categories"] = !by_category.empty();

  // Published people: name, position, forms of the pairs they take part in. Nothing more.
  auto forms_of = [&](const model::Person& person) {
    std::vector<std::string> list;
    for (const auto& pr : bank.pairs) {
      bool in = pr.mentor == person.id || std::find(pr.mentees.begin(), pr.mentees.end(), person.id) != pr.mentees.end();
      if (in && !pr.form.empty() && std::find(list.begin(), list.end(), pr.form) == list.end()) list.push_back(pr.form);
    }
    std::string joined;
    for (const auto& f : list) joined += (joined.empty() ? "" : "; ") + f;
    return env.text(joined);
  };
  auto people = [&](const std::vector<model::Person>& list) {
    Context arr = Context::array();
    for (const auto& person : list) {
      if (!model::may_publish(person)) continue;
      arr.push_back({{"name", person.name}, {"position", env.text(person.position)}, {"forms", forms_of(person)}});
    }
    return arr;
  };
  Context groups_list = Context::array();
  Context mentors = people(bank.mentors);
  Context mentees = people(bank.mentees);
  if (!mentors.empty()) groups_list.push_back({{"title", "Наставники"}, {"people", std::move(mentors)}});
  if (!mentees.empty()) groups_list.push_back({{"title", "Наставляемые"}, {"people", std::move(mentees)}});
  c["has_people"] = !groups_list.empty();
  c["people_groups"] = std::move(groups_list);
  out.push_back(std::move(p));
}

}  // namespace nastavnik::render
