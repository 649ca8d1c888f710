// Best-practice cases: the sections of rules.practice_sections, withheld results.
#include "validate/checks.hpp"

namespace nastavnik::validate {

void check_practices(const model::Site& site, diag::Sink& sink) {
  const auto& rules = site.config.rules;
  for (const auto& p : site.practices) {
    if (!front_matter_read(p)) continue;
    for (const auto& section : rules.practice_sections) {
      if (has_heading(p.body, section)) continue;
      std::string hint = "Добавьте раздел «## " + section.name + "»";
      if (!section.match.empty()) hint += " (в заголовке должно быть одно из слов: " + join_quoted(section.match) + ")";
      hint += ": так кейс смогут понять и повторить другие.";
      sink.report("practice.missing-section", whole_file(p.source),
                  "в описании практики «" + p.title + "» нет раздела «" + section.name + "»", hint);
    }
    if (p.end) report_withheld(p, *p.end, rules, "практика", sink);
  }
}

}  // namespace nastavnik::validate
