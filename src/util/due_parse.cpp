// parse_due, part 2: the tokens of each line recognised as date expressions («16.11.2022»,
// «сентябрь 2024», «1 – 15 сентября», «2022 г.») among the words and marks kept as written.
#include <utility>

#include "util/due_internal.hpp"

namespace nastavnik::util::due_detail {

namespace {

constexpr int k_min_year = 1900;
constexpr int k_max_year = 2200;

int to_int(std::u32string_view digits) {
  int value = 0;
  for (char32_t c : digits) value = value * 10 + static_cast<int>(c - U'0');
  return value;
}

struct Parser {
  std::vector<Expr> exprs;
  std::vector<std::string> problems;

  void problem(std::string text) {
    if (problems.size() >= k_max_problems) return;
    for (const std::string& p : problems) {
      if (p == text) return;
    }
    problems.push_back(std::move(text));
  }

  static bool is(const std::vector<Token>& t, std::size_t i, TokKind kind) { return i < t.size() && t[i].kind == kind; }
  static bool is_punct(const std::vector<Token>& t, std::size_t i, char32_t c) {
    return is(t, i, TokKind::punct) && t[i].text.size() == 1 && t[i].text[0] == c;
  }
  static bool is_hyphen(const std::vector<Token>& t, std::size_t i) {
    return is(t, i, TokKind::dash) && t[i].text == U"-";
  }
  static bool is_number(const std::vector<Token>& t, std::size_t i, std::size_t min_len, std::size_t max_len) {
    return is(t, i, TokKind::number) && t[i].text.size() >= min_len && t[i].text.size() <= max_len;
  }

  static std::u32string join(const std::vector<Token>& t, std::size_t from, std::size_t to) {
    std::u32string out;
    for (std::size_t i = from; i < to && i < t.size(); ++i) out += t[i].text;
    return out;
  }

  bool year_in_range(int year, std::u32string_view written) {
    if (year >= k_min_year && year <= k_max_year) return true;
    problem("год «" + u8(written) + "» вне допустимого диапазона (" + std::to_string(k_min_year) + "–" +
            std::to_string(k_max_year) + ")");
    return false;
  }

  void add_bad(Line& line, std::u32string text) {
    line.bad = true;
    line.items.push_back(Item{ItemKind::bad, std::move(text), {}, 0});
  }

  void add_expr(Line& line, Expr e) {
    line.items.push_back(Item{ItemKind::expr, {}, {}, exprs.size()});
    exprs.push_back(std::move(e));
  }

  /// After a year: skips «г.», «гг.», «г.г.», «г. г.» and a trailing dot glued to the number.
  static std::size_t skip_year_suffix(const std::vector<Token>& t, std::size_t i) {
    std::size_t j = i;
    if (is(t, j, TokKind::space)) ++j;
    if (is(t, j, TokKind::word) && (t[j].lower == U"г" || t[j].lower == U"гг")) {
      const bool single = t[j].lower == U"г";
      ++j;
      if (is_punct(t, j, U'.')) ++j;
      if (single) {
        std::size_t k = j;
        if (is(t, k, TokKind::space)) ++k;
        if (is(t, k, TokKind::word) && t[k].lower == U"г") {
          j = k + 1;
          if (is_punct(t, j, U'.')) ++j;
        }
      }
      return j;
    }
    if (is_punct(t, i, U'.')) return i + 1;  // «07.11.2022.»
    return i;
  }

  /// No «г.» is added when the text itself goes on with «года», «году», «учебный год», «уч. г.».
  static bool followed_by_year_word(const std::vector<Token>& t, std::size_t i) {
    if (is(t, i, TokKind::space)) ++i;
    if (!is(t, i, TokKind::word)) return false;
    const std::u32string_view w = t[i].lower;
    return w.starts_with(U"год") || w.starts_with(U"уч");
  }

  /// Recognises what starts at t[i]; returns the index after it.
  std::size_t step(const std::vector<Token>& t, std::size_t i, Line& line, std::size_t line_no) {
    const Token& tok = t[i];
    switch (tok.kind) {
      case TokKind::space:
        line.items.push_back(Item{ItemKind::space, tok.text, {}, 0});
        return i + 1;
      case TokKind::dash:
        line.items.push_back(Item{ItemKind::dash, tok.text, {}, 0});
        return i + 1;
      case TokKind::punct:
        line.items.push_back(Item{ItemKind::punct, tok.text, {}, 0});
        return i + 1;
      case TokKind::word:
        return word(t, i, line, line_no);
      case TokKind::number:
        return number(t, i, line, line_no);
    }
    return i + 1;
  }

  std::size_t finish_dated(const std::vector<Token>& t, std::size_t next, Expr e, Line& line) {
    const std::size_t after = skip_year_suffix(t, next);
    e.suffix_allowed = after != next || !followed_by_year_word(t, next);
    add_expr(line, std::move(e));
    return after;
  }

  std::size_t word(const std::vector<Token>& t, std::size_t i, Line& line, std::size_t line_no) {
    const MonthForm* m = find_month(t[i].lower);
    std::size_t next = i + 1;
    if (m && m->abbreviation) {
      // «сент.», «окт. 2024»: an abbreviation counts only with its dot or a year after it.
      if (is_punct(t, next, U'.')) {
        ++next;
      } else if (!(is(t, next, TokKind::space) && is_number(t, next + 1, 4, 4))) {
        m = nullptr;
      }
    }
    if (!m) {
      line.items.push_back(Item{ItemKind::word, t[i].text, t[i].lower, 0});
      return i + 1;
    }
    Expr e;
    e.kind = ExprKind::month;
    e.month = m->month;
    e.line = line_no;
    e.month_text = m->abbreviation ? std::string(month_name_nominative(m->month)) : u8(t[i].lower);
    std::size_t y = next;
    if (is(t, y, TokKind::space)) ++y;
    // A year right after the name, unless that number starts a day or an ISO month itself.
    const bool year_follows = is_number(t, y, 4, 4) && !(is_hyphen(t, y + 1) && is_number(t, y + 2, 1, 2)) &&
                              !(is_punct(t, y + 1, U'.') && is(t, y + 2, TokKind::number));
    if (!year_follows) {
      e.year_written = false;
      add_expr(line, std::move(e));
      return next;
    }
    line.has_digits = true;
    const int year = to_int(t[y].text);
    if (!year_in_range(year, t[y].text)) {
      add_bad(line, join(t, i, y + 1));
      return y + 1;
    }
    e.year = year;
    return finish_dated(t, y + 1, std::move(e), line);
  }

  std::size_t number(const std::vector<Token>& t, std::size_t i, Line& line, std::size_t line_no) {
    line.has_digits = true;
    Expr e;
    e.line = line_no;
    // D.M.YYYY
    if (is_number(t, i, 1, 2) && is_punct(t, i + 1, U'.') && is_number(t, i + 2, 1, 2) && is_punct(t, i + 3, U'.') &&
        is(t, i + 4, TokKind::number)) {
      const std::u32string written = join(t, i, i + 5);
      if (t[i + 4].text.size() != 4) {
        problem("в дате «" + u8(written) + "» год нужно записать четырьмя цифрами");
        add_bad(line, written);
        return i + 5;
      }
      e.kind = ExprKind::day;
      e.day = to_int(t[i].text);
      e.month = to_int(t[i + 2].text);
      e.year = to_int(t[i + 4].text);
      if (!is_valid_date(e.year, e.month, e.day)) {
        problem("нет такой даты: «" + u8(written) + "»");
        add_bad(line, written);
        return i + 5;
      }
      if (!year_in_range(e.year, t[i + 4].text)) {
        add_bad(line, written);
        return i + 5;
      }
      return finish_dated(t, i + 5, std::move(e), line);
    }
    if (is_number(t, i, 4, 4)) {
      const int year = to_int(t[i].text);
      // YYYY-MM-DD and YYYY-MM (glued ASCII hyphens only; «2022-2024» is a range of years).
      if (is_hyphen(t, i + 1) && is_number(t, i + 2, 1, 2)) {
        const bool full = is_hyphen(t, i + 3) && is_number(t, i + 4, 1, 2);
        const std::size_t end = full ? i + 5 : i + 3;
        const std::u32string written = join(t, i, end);
        e.kind = full ? ExprKind::day : ExprKind::month;
        e.year = year;
        e.month = to_int(t[i + 2].text);
        e.day = full ? to_int(t[i + 4].text) : 1;
        if (!is_valid_date(e.year, e.month, e.day)) {
          problem((full ? "нет такой даты: «" : "нет такого месяца: «") + u8(written) + "»");
          add_bad(line, written);
          return end;
        }
        if (!year_in_range(year, t[i].text)) {
          add_bad(line, written);
          return end;
        }
        if (!full) e.month_text = std::string(month_name_nominative(e.month));
        return finish_dated(t, end, std::move(e), line);
      }
      if (!year_in_range(year, t[i].text)) {
        add_bad(line, t[i].text);
        return i + 1;
      }
      e.kind = ExprKind::year;
      e.year = year;
      return finish_dated(t, i + 1, std::move(e), line);
    }
    // «16 ноября 2022», «1 сентября» (the year may come later: «1 – 15 сентября 2024»).
    if (is_number(t, i, 1, 2) && is(t, i + 1, TokKind::space) && is(t, i + 2, TokKind::word)) {
      if (const MonthForm* m = find_month(t[i + 2].lower); m && !m->abbreviation) {
        e.kind = ExprKind::day;
        e.day = to_int(t[i].text);
        e.month = m->month;
        e.month_text = u8(t[i + 2].lower);
        std::size_t y = i + 3;
        if (is(t, y, TokKind::space)) ++y;
        const bool year_follows = is_number(t, y, 4, 4) && !is_hyphen(t, y + 1) && !is_punct(t, y + 1, U'.');
        const std::u32string written = join(t, i, year_follows ? y + 1 : i + 3);
        e.year = year_follows ? to_int(t[y].text) : 0;
        // Without a year, 29 February is checked once the year is known.
        if (!is_valid_date(year_follows ? e.year : 2000, e.month, e.day)) {
          problem("нет такой даты: «" + u8(written) + "»");
          add_bad(line, written);
          return year_follows ? y + 1 : i + 3;
        }
        if (!year_follows) {
          e.year_written = false;
          add_expr(line, std::move(e));
          return i + 3;
        }
        if (!year_in_range(e.year, t[y].text)) {
          add_bad(line, written);
          return y + 1;
        }
        return finish_dated(t, y + 1, std::move(e), line);
      }
    }
    // «1 – 15 сентября 2024»: a day that takes its month and year from the next one.
    if (is_number(t, i, 1, 2)) {
      std::size_t j = i + 1;
      if (is(t, j, TokKind::space)) ++j;
      if (is(t, j, TokKind::dash)) {
        ++j;
        if (is(t, j, TokKind::space)) ++j;
        if (is_number(t, j, 1, 2) && is(t, j + 1, TokKind::space) && is(t, j + 2, TokKind::word)) {
          if (const MonthForm* m = find_month(t[j + 2].lower); m && !m->abbreviation) {
            e.kind = ExprKind::day;
            e.day = to_int(t[i].text);
            e.month = m->month;
            e.month_text = u8(t[j + 2].lower);
            e.month_written = false;
            e.year_written = false;
            if (!is_valid_date(2000, e.month, e.day)) {
              problem("нет такой даты: «" + u8(t[i].text) + " " + e.month_text + "»");
              add_bad(line, t[i].text);
              return i + 1;
            }
            add_expr(line, std::move(e));
            return i + 1;
          }
        }
      }
    }
    // Digits that form no date: «100 участников», «16.11.22», «1 раз в месяц».
    std::size_t end = i + 1;
    while (end < t.size() && (t[end].kind == TokKind::number ||
                              ((is_punct(t, end, U'.') || is_punct(t, end, U':') || is_punct(t, end, U'/')) &&
                               is(t, end + 1, TokKind::number)))) {
      ++end;
    }
    const std::u32string written = join(t, i, end);
    problem("не удалось понять «" + u8(written) +
            "» как дату: пишите, например, «16.11.2022», «сентябрь 2024» или «2022–2024»");
    add_bad(line, written);
    return end;
  }
};

}  // namespace

ParsedLines parse_lines(std::string_view text) {
  Parser parser;
  std::vector<Line> lines;

  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::u32string u = to_u32(text.substr(pos, nl - pos));
    pos = nl + 1;
    const std::vector<Token> tokens = tokenize(u);
    bool blank = true;
    for (const Token& t : tokens) blank = blank && t.kind == TokKind::space;
    if (blank) continue;
    Line line;
    for (std::size_t i = 0; i < tokens.size();) i = parser.step(tokens, i, line, lines.size());
    lines.push_back(std::move(line));
  }
  return ParsedLines{std::move(lines), std::move(parser.exprs), std::move(parser.problems)};
}

}  // namespace nastavnik::util::due_detail
