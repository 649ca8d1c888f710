// parse_due: the due's lines parsed, years resolved, lines rendered; open periods; the interval.
// Shared types and the parts in their own files: util/due_internal.hpp.
#include "util/due.hpp"

#include "util/due_internal.hpp"

namespace nastavnik::util {

namespace due_detail {
namespace {

// ---------------------------------------------------------------------------------------------
// Open periods: a line without dates, or a part such as «в течение учебного года».

bool line_is_open(const Line& line) {
  bool any_expr = false;
  bool any_text = false;
  for (const Item& it : line.items) {
    if (it.kind == ItemKind::expr) any_expr = true;
    if (it.kind == ItemKind::word || it.kind == ItemKind::punct || it.kind == ItemKind::dash) any_text = true;
  }
  if (!any_expr && !line.has_digits) return any_text;  // «в течение года», «—»
  // Words with the next non-space item after each.
  std::vector<const Item*> seq;
  for (const Item& it : line.items) {
    if (it.kind != ItemKind::space) seq.push_back(&it);
  }
  auto word_at = [&](std::size_t i, std::u32string_view w) {
    return i < seq.size() && seq[i]->kind == ItemKind::word && seq[i]->lower == w;
  };
  auto dated_at = [&](std::size_t i) {
    return i < seq.size() && (seq[i]->kind == ItemKind::expr || seq[i]->kind == ItemKind::bad);
  };
  for (std::size_t i = 0; i < seq.size(); ++i) {
    if ((word_at(i, U"в") && (word_at(i + 1, U"течение") || word_at(i + 1, U"течении"))) ||
        (word_at(i, U"на") && word_at(i + 1, U"протяжении"))) {
      if (!dated_at(i + 2)) return true;  // «в течение 2024 года» has an end
    }
    if (word_at(i, U"постоянно") || word_at(i, U"бессрочно")) return true;
    if (word_at(i, U"по") &&
        (word_at(i + 1, U"необходимости") || (word_at(i + 1, U"мере") && word_at(i + 2, U"необходимости")))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string render_line(const Line& line, const std::vector<Expr>& exprs, const std::vector<bool>& unresolved) {
  const auto& items = line.items;
  auto next_solid = [&](std::size_t i) {
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      if (items[j].kind != ItemKind::space) return j;
    }
    return items.size();
  };
  auto prev_solid = [&](std::size_t i) {
    for (std::size_t j = i; j-- > 0;) {
      if (items[j].kind != ItemKind::space) return j;
    }
    return items.size();
  };
  auto expr_at = [&](std::size_t j) -> const Expr* {
    return j < items.size() && items[j].kind == ItemKind::expr ? &exprs[items[j].expr] : nullptr;
  };
  auto is_year_at = [&](std::size_t j) {
    const Expr* e = expr_at(j);
    return e && e->kind == ExprKind::year;
  };
  // «2022-2024», «2024/2025»: what joins two years into a range.
  auto is_dash_at = [&](std::size_t j) {
    return j < items.size() &&
           (items[j].kind == ItemKind::dash || (items[j].kind == ItemKind::punct && items[j].text == U"/"));
  };

  std::string out;
  bool pending_space = false;
  bool swallow_space = false;
  auto emit = [&](std::string_view text) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    swallow_space = false;
    out.append(text);
  };

  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    switch (it.kind) {
      case ItemKind::space:
        if (!swallow_space) pending_space = true;
        break;
      case ItemKind::word:
      case ItemKind::punct:
      case ItemKind::bad:
        emit(u8(it.text));
        break;
      case ItemKind::dash: {
        const std::size_t p = prev_solid(i);
        const std::size_t n = next_solid(i);
        if (expr_at(p) && expr_at(n)) {
          pending_space = false;
          if (is_year_at(p) && is_year_at(n)) {
            out += "–";  // «2022–2024 гг.»
          } else {
            out += " – ";  // «август – сентябрь 2024 г.»
          }
          swallow_space = true;
        } else {
          emit(u8(it.text));
        }
        break;
      }
      case ItemKind::expr: {
        const Expr& e = exprs[it.expr];
        std::string text;
        if (unresolved[it.expr]) {
          text = e.kind == ExprKind::day ? std::to_string(e.day) + " " + e.month_text : e.month_text;
        } else if (e.kind == ExprKind::day) {
          text = std::to_string(e.day);
          if (e.month_written) {
            text += " " + (e.month_text.empty() ? std::string(month_name_genitive(e.month)) : e.month_text);
          }
          if (e.year_written) text += " " + std::to_string(e.year);
        } else if (e.kind == ExprKind::month) {
          text = e.month_text;
          if (e.year_written) text += " " + std::to_string(e.year);
        } else {
          text = std::to_string(e.year);
        }
        if (e.year_written && !unresolved[it.expr]) {
          const std::size_t n = next_solid(i);
          const std::size_t p = prev_solid(i);
          const bool range_start = e.kind == ExprKind::year && is_dash_at(n) && is_year_at(next_solid(n));
          const bool range_end = e.kind == ExprKind::year && is_dash_at(p) && is_year_at(prev_solid(p));
          if (range_start) {
            // the suffix comes after the second year
          } else if (e.suffix_allowed) {
            text += range_end ? " гг." : " г.";
          }
        }
        emit(text);
        break;
      }
    }
  }
  // Trailing separators: «до 18.11.2022,» → «до 18 ноября 2022 г.»
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace due_detail

DueInterval parse_due(std::string_view text) {
  DueInterval result;
  due_detail::ParsedLines parsed = due_detail::parse_lines(text);

  std::vector<bool> unresolved;
  due_detail::resolve_years(parsed.exprs, parsed.problems, unresolved);

  bool any_open = false;
  for (const due_detail::Line& line : parsed.lines) {
    any_open = any_open || due_detail::line_is_open(line);
    std::string rendered = due_detail::render_line(line, parsed.exprs, unresolved);
    if (!rendered.empty()) result.lines.push_back(std::move(rendered));
  }
  for (std::size_t k = 0; k < parsed.exprs.size(); ++k) {
    if (unresolved[k]) continue;
    const Date s = due_detail::expr_start(parsed.exprs[k]);
    const Date e = due_detail::expr_end(parsed.exprs[k]);
    if (!result.start || s < *result.start) result.start = s;
    if (!result.end || e > *result.end) result.end = e;
  }
  result.open = any_open;
  if (any_open) result.end.reset();
  result.invalid = !parsed.problems.empty();
  for (const std::string& p : parsed.problems) {
    if (!result.problem.empty()) result.problem += "; ";
    result.problem += p;
  }
  return result;
}

}  // namespace nastavnik::util
