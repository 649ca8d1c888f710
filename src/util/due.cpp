// parse_due: the due's lines parsed, years resolved, lines rendered; open periods; the interval.
// The parts live in due_tokens, due_parse, due_years and due_render (util/due_internal.hpp).
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
