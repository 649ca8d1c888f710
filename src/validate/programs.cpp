// Personalised programmes: dates and duration (rules.program_months), withheld results.
#include "util/date.hpp"
#include "util/plural.hpp"
#include "validate/checks.hpp"

namespace nastavnik::validate {

namespace {

std::string months_genitive(int n) { return util::count_ru(n, "месяца", "месяцев", "месяцев"); }

}  // namespace

void report_withheld(const model::PageBase& page, const util::Date& end, const config::Rules& rules,
                     std::string_view what, diag::Sink& sink) {
  if (!page.body.has_withheld) return;
  for (const auto& h : page.body.headings) {
    if (!h.withheld || !config::is_result_heading(rules, h.text)) continue;
    sink.report("publish.before-completion", h.pos,
                "раздел «" + h.text + "» не публикуется, пока " + std::string(what) + " не завершится (" +
                    util::format_ru(end) + ")",
                "Раздел появится на сайте сам при первой сборке после этой даты. Если работа уже завершена, "
                "исправьте дату end.");
  }
}

void check_programs(const model::Site& site, diag::Sink& sink) {
  const auto& rules = site.config.rules;
  const int min = rules.program_min_months, max = rules.program_max_months;
  for (const auto& p : site.programs) {
    if (!front_matter_read(p) || unset(p.start) || unset(p.end)) continue;  // field.* said it already
    const auto& at = p.pos.of("end");
    const std::string period = "с " + util::format_ru(p.start) + " по " + util::format_ru(p.end);
    if (p.end < p.start) {
      sink.report("program.dates", at,
                  "программа заканчивается раньше, чем начинается: start " + util::to_iso(p.start) + ", end " +
                      util::to_iso(p.end),
                  "Проверьте даты: end (окончание) должна быть не раньше start (начала). Возможно, перепутаны "
                  "местами год или месяц.");
      continue;
    }
    const util::Date shortest = util::add_days(util::add_months(p.start, min), -1);
    const util::Date longest = util::add_months(p.start, max);
    const std::string allowed = "Программа должна длиться от " + std::to_string(min) + " до " + months_genitive(max) +
                                " (rules.program_months)";
    if (p.end < shortest) {
      sink.report("program.duration", at, "программа короче " + months_genitive(min) + ": " + period,
                  allowed + ". При таком начале окончание — не раньше " + util::format_ru(shortest));
    } else if (longest < p.end) {
      sink.report("program.duration", at, "программа длиннее " + months_genitive(max) + ": " + period,
                  allowed + ". При таком начале окончание — не позже " + util::format_ru(longest) +
                      "; более долгую работу оформите второй программой.");
    }
  }
  for (const auto& p : site.programs)
    if (front_matter_read(p) && !unset(p.end)) report_withheld(p, p.end, rules, "программа", sink);
}

}  // namespace nastavnik::validate
