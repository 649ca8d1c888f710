// Forms of mentoring named by programmes, practices and bank pairs must be in rules.forms.
#include "validate/checks.hpp"

namespace nastavnik::validate {

namespace {

void check_form(std::string_view form, const diag::SourcePos& pos, const config::Rules& rules, diag::Sink& sink) {
  if (form.empty() || config::find_form(rules, form)) return;  // empty: field.missing already
  std::vector<std::string> names;
  for (const auto& f : rules.forms) names.push_back(f.name);
  sink.report("form.unknown", pos, "неизвестная форма наставничества «" + std::string(form) + "»",
              did_you_mean(form, names,
                           "допустимые формы: " + join_quoted(names) +
                               "; свою форму можно добавить в site.yaml, в rules.forms"));
}

}  // namespace

void check_forms(const model::Site& site, diag::Sink& sink) {
  const auto& rules = site.config.rules;
  for (const auto& p : site.programs)
    if (front_matter_read(p)) check_form(p.form, p.pos.of("form"), rules, sink);
  for (const auto& p : site.practices)
    if (front_matter_read(p)) check_form(p.form, p.pos.of("form"), rules, sink);
  for (const auto& pair : site.bank.pairs) check_form(pair.form, pair.pos.of("form"), rules, sink);
}

}  // namespace nastavnik::validate
