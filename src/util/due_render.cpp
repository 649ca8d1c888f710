// parse_due, part 4: a line rendered back in Russian — dates as «16 ноября 2022 г.», ranges with an
// en dash, words kept, spaces collapsed, trailing commas dropped.
#include "util/due_internal.hpp"

namespace nastavnik::util::due_detail {

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

}  // namespace nastavnik::util::due_detail
