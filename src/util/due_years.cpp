// parse_due, part 3: a year for each month name written without one («август – сентябрь 2024»,
// «декабрь – январь 2025»), and the first and last day an expression stands for.
#include "util/due_internal.hpp"

namespace nastavnik::util::due_detail {

namespace {

bool has_year(const Expr& e) { return e.year_written && e.year != 0; }

}  // namespace

void resolve_years(std::vector<Expr>& exprs, std::vector<std::string>& problems, std::vector<bool>& unresolved) {
  const std::size_t n = exprs.size();
  unresolved.assign(n, false);
  // Nearest expression with a written year after / before each position, in linear time.
  std::vector<std::size_t> next_dated(n + 1, n);
  for (std::size_t k = n; k-- > 0;) next_dated[k] = has_year(exprs[k]) ? k : next_dated[k + 1];
  std::size_t last_dated = n;
  for (std::size_t k = 0; k < n; ++k) {
    Expr& e = exprs[k];
    if (e.year_written) {
      if (has_year(e)) last_dated = k;
      continue;
    }
    if (next_dated[k] < n) {
      // «август - сентябрь 2024». A month later in the year than the one it borrows from
      // belongs to the year before: «декабрь – январь 2025».
      const Expr& d = exprs[next_dated[k]];
      e.year = d.year - ((d.kind != ExprKind::year && d.month < e.month) ? 1 : 0);
    } else if (last_dated < n) {
      // The nearest preceding one: «сентябрь 2024 – май» is May 2025.
      const Expr& d = exprs[last_dated];
      e.year = d.year + ((d.kind != ExprKind::year && d.month > e.month) ? 1 : 0);
    }
    if (e.year != 0 && e.kind == ExprKind::day && !is_valid_date(e.year, e.month, e.day)) {
      unresolved[k] = true;  // «29 февраля» of a year that is not a leap year
      if (problems.size() < k_max_problems) {
        problems.push_back("нет такой даты: «" + std::to_string(e.day) + " " + e.month_text + " " +
                           std::to_string(e.year) + "»");
      }
      continue;
    }
    if (e.year == 0) {
      unresolved[k] = true;
      std::string text = "у месяца «" + e.month_text + "» не указан год: напишите, например, «" +
                         std::string(month_name_nominative(e.month)) + " 2024»";
      bool seen = false;
      for (const std::string& p : problems) seen = seen || p == text;
      if (!seen && problems.size() < k_max_problems) problems.push_back(std::move(text));
    }
  }
}

Date expr_start(const Expr& e) {
  switch (e.kind) {
    case ExprKind::day:
      return Date{e.year, e.month, e.day};
    case ExprKind::month:
      return Date{e.year, e.month, 1};
    case ExprKind::year:
      return Date{e.year, 1, 1};
  }
  return {};
}

Date expr_end(const Expr& e) {
  switch (e.kind) {
    case ExprKind::day:
      return Date{e.year, e.month, e.day};
    case ExprKind::month:
      return Date{e.year, e.month, days_in_month(e.year, e.month)};
    case ExprKind::year:
      return Date{e.year, 12, 31};
  }
  return {};
}

}  // namespace nastavnik::util::due_detail
