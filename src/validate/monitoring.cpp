// Monitoring values marked `computed:` are cross-checked against the bank, the pages and the
// documents (SPEC content/monitoring.yaml).
#include <algorithm>
#include <cmath>
#include <optional>

#include "util/plural.hpp"
#include "util/text.hpp"
#include "validate/checks.hpp"

namespace nastavnik::validate {

namespace {

const std::vector<std::string>& document_kinds() {
  static const std::vector<std::string> kinds = {"regulation_order", "roadmap", "curator_order", "pairs_order",
                                                 "other"};
  return kinds;
}

/// What a computed key stands for, with the value the site gives for it.
struct Computed {
  enum class Kind { count, yesno } kind = Kind::count;
  long count = 0;
  bool yes = false;
  std::string what;       ///< «в банке 12 наставников», for the message
  bool available = true;  ///< false when the source (bank, documents) is absent
};

std::vector<std::string> all_keys(const model::Site& site) {
  std::vector<std::string> keys = {"mentors.count", "mentees.count", "pairs.count", "programs.count",
                                   "practices.count"};
  for (const auto& r : config::known_roles()) {
    keys.push_back("mentors.role." + r);
    keys.push_back("mentees.role." + r);
  }
  for (const auto& p : site.bank.mentees)
    for (const auto& c : p.categories) keys.push_back("mentees.category." + c);
  for (const auto& k : document_kinds()) keys.push_back("documents.kind." + k);
  return keys;
}

long count_role(const std::vector<model::Person>& people, const std::string& role) {
  return std::count_if(people.begin(), people.end(), [&](const model::Person& p) { return p.role == role; });
}

std::string people(long n, bool mentors) {
  return mentors ? util::count_ru(n, "наставник", "наставника", "наставников")
                 : util::count_ru(n, "наставляемый", "наставляемых", "наставляемых");
}

/// nullopt: the key is unknown (reported by the caller); `error` gets the reason.
std::optional<Computed> compute(const model::Site& site, const std::string& key, std::string& error) {
  const auto& bank = site.bank;
  Computed c;
  auto starts = [&](std::string_view prefix) { return key.rfind(prefix, 0) == 0; };
  if (key == "mentors.count" || key == "mentees.count") {
    const bool m = key == "mentors.count";
    c.count = static_cast<long>(m ? bank.mentors.size() : bank.mentees.size());
    c.what = "в банке " + people(c.count, m);
    c.available = bank.present;
  } else if (key == "pairs.count") {
    c.count = static_cast<long>(bank.pairs.size());
    c.what = "в банке " + util::count_ru(c.count, "пара", "пары", "пар") + " (группы считаются парами)";
    c.available = bank.present;
  } else if (key == "programs.count") {
    c.count = static_cast<long>(site.programs.size());
    c.what = "на сайте " + util::count_ru(c.count, "программа", "программы", "программ");
  } else if (key == "practices.count") {
    c.count = static_cast<long>(site.practices.size());
    c.what = "на сайте " + util::count_ru(c.count, "практика", "практики", "практик");
  } else if (starts("mentors.role.") || starts("mentees.role.")) {
    const bool m = starts("mentors.");
    const std::string role_text = key.substr(std::string("mentors.role.").size());
    std::string role;
    for (const auto& r : config::known_roles())
      if (util::equals_normalized(r, role_text)) role = r;
    if (role.empty()) {
      error = "неизвестная роль «" + role_text + "»";
      return std::nullopt;
    }
    c.count = count_role(m ? bank.mentors : bank.mentees, role);
    c.what = "в банке " + people(c.count, m) + " с ролью «" + role + "»";
    c.available = bank.present;
  } else if (starts("mentees.category.")) {
    const std::string category = util::normalize(key.substr(std::string("mentees.category.").size()));
    if (category.empty()) return std::nullopt;
    c.count = std::count_if(bank.mentees.begin(), bank.mentees.end(), [&](const model::Person& p) {
      return std::any_of(p.categories.begin(), p.categories.end(),
                         [&](const std::string& x) { return util::normalize(x) == category; });
    });
    c.what = "в банке " + people(c.count, false) + " категории «" + key.substr(17) + "»";
    c.available = bank.present;
  } else if (starts("documents.kind.")) {
    const std::string kind = key.substr(std::string("documents.kind.").size());
    if (std::find(document_kinds().begin(), document_kinds().end(), kind) == document_kinds().end()) {
      error = "неизвестный вид документа «" + kind + "»";
      return std::nullopt;
    }
    c.kind = Computed::Kind::yesno;
    c.yes = std::any_of(site.documents.items.begin(), site.documents.items.end(),
                        [&](const model::Document& d) { return d.kind == kind; });
    c.what = std::string("в нормативной базе ") + (c.yes ? "есть" : "нет") + " документа «" +
             document_kind_label(kind) + "»";
    c.available = site.documents.present;
  } else {
    return std::nullopt;
  }
  return c;
}

}  // namespace

void check_monitoring(const model::Site& site, diag::Sink& sink) {
  const auto& mon = site.monitoring;
  if (!mon.present) return;
  std::vector<std::string> keys;  // built on the first unknown key only
  for (const auto& ind : mon.indicators) {
    const std::string key = util::trim(ind.computed);
    if (key.empty()) continue;
    std::string error;
    auto c = compute(site, key, error);
    if (!c) {
      if (keys.empty()) keys = all_keys(site);
      sink.report(
          "field.type", ind.pos.of("computed"),
          "показатель «" + ind.name + "»: " + (error.empty() ? "неизвестный ключ computed «" + key + "»" : error),
          did_you_mean(key, keys,
                       "Допустимы: mentors.count, mentees.count, pairs.count, programs.count, "
                       "practices.count, mentors.role.<роль>, mentees.role.<роль>, "
                       "mentees.category.<категория>, documents.kind.<вид> (список — в docs/diagnostics.md)."));
      continue;
    }
    if (!c->available) continue;  // nothing to compare with: site.missing-section speaks for it
    const auto& at = ind.pos.of("value");
    if (c->kind == Computed::Kind::yesno) {
      if (ind.kind != model::ValueKind::yesno) {
        sink.report("field.type", at,
                    "показатель «" + ind.name + "»: для computed: " + key + " значение должно быть «да» или «нет»",
                    "Напишите value: да или value: нет.");
      } else if (ind.yes != c->yes) {
        sink.report("monitoring.mismatch", at,
                    "показатель «" + ind.name + "»: указано «" + ind.value + "», а " + c->what,
                    std::string("Исправьте значение на «") + (c->yes ? "да" : "нет") +
                        "» или дополните content/documents.yaml.");
      }
      continue;
    }
    if (ind.kind != model::ValueKind::number) {
      sink.report(
          "field.type", at, "показатель «" + ind.name + "»: для computed: " + key + " значение должно быть числом",
          "Напишите число без единиц измерения, например value: " + std::to_string(c->count) + ", а единицы — в unit.");
      continue;
    }
    if (std::fabs(ind.number - static_cast<double>(c->count)) < 1e-9) continue;
    sink.report("monitoring.mismatch", at, "показатель «" + ind.name + "»: указано " + ind.value + ", а " + c->what,
                "Исправьте значение на " + std::to_string(c->count) +
                    " или уберите строку computed, если показатель считается иначе (например, по приказу за другой "
                    "период).");
  }
}

}  // namespace nastavnik::validate
