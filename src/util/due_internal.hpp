#pragma once
// Internals of parse_due (util/due.hpp), shared by the files that implement it:
//   due_tokens.cpp  a line cut into tokens; month names in every case form
//   due_parse.cpp   tokens → items and date expressions, with the problems found
//   due_years.cpp   years for month names written without one; first and last day of an expression
//   due_render.cpp  a line rendered back in Russian
//   due.cpp         parse_due: open periods and the interval
// Nothing outside these files includes it.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.hpp"
#include "util/utf8.hpp"

namespace nastavnik::util::due_detail {

/// More problems than this in one due say nothing new to the curator.
inline constexpr std::size_t k_max_problems = 4;

// ---------------------------------------------------------------------------------------------
// Tokens: one line is cut into runs of digits, runs of letters, dashes, spaces and other marks.

enum class TokKind { space, number, word, dash, punct };

struct Token {
  TokKind kind;
  std::u32string text;   ///< as written
  std::u32string lower;  ///< words: lower case, ё → е
};

std::vector<Token> tokenize(std::u32string_view s);

// ---------------------------------------------------------------------------------------------
// Month names in every case form («сентябрь», «сентября», «сентябре», …) and common abbreviations.

struct MonthForm {
  std::u32string_view form;
  int month;
  bool abbreviation;
};

/// The month form of a lower-case word (ё written as е), or nullptr.
const MonthForm* find_month(std::u32string_view lower_word);

// ---------------------------------------------------------------------------------------------
// Items: a line after recognition. Date expressions are collected; everything else is kept.

enum class ExprKind { day, month, year };

struct Expr {
  ExprKind kind = ExprKind::year;
  int year = 0;  ///< 0 while a month name waits for a year
  int month = 0;
  int day = 0;
  bool year_written = true;    ///< false for a month name with no year right after it
  bool month_written = true;   ///< false for «1» in «1 – 15 сентября»: the month comes later
  bool suffix_allowed = true;  ///< false before «года», «учебный год»: no «г.» is added
  std::string month_text;      ///< month names as rendered («сентябрь», «сентября»)
  std::size_t line = 0;
};

enum class ItemKind { expr, space, word, dash, punct, bad };

struct Item {
  ItemKind kind;
  std::u32string text;   ///< as written (words, marks, unparsed digits)
  std::u32string lower;  ///< words only
  std::size_t expr = 0;  ///< index into exprs when kind == expr
};

struct Line {
  std::vector<Item> items;
  bool has_digits = false;
  bool bad = false;
};

inline std::string u8(std::u32string_view s) { return to_utf8(s); }

/// Every non-blank line of a due, recognised; expressions of all lines in order of appearance.
struct ParsedLines {
  std::vector<Line> lines;
  std::vector<Expr> exprs;
  std::vector<std::string> problems;  ///< in Russian, at most k_max_problems
};

/// Splits text at '\n', skips blank lines, recognises the date expressions of the others.
ParsedLines parse_lines(std::string_view text);

// ---------------------------------------------------------------------------------------------
// Year resolution for month names without one, and intervals.

/// Gives a year to every expression written without one. Those that get none, or a day that does
/// not exist in the year they get («29 февраля»), are marked in unresolved and added to problems.
void resolve_years(std::vector<Expr>& exprs, std::vector<std::string>& problems, std::vector<bool>& unresolved);

Date expr_start(const Expr& e);  ///< first day of a resolved expression
Date expr_end(const Expr& e);    ///< last day of a resolved expression

/// Rendering: dates in Russian, words kept, spaces collapsed, trailing commas dropped.
std::string render_line(const Line& line, const std::vector<Expr>& exprs, const std::vector<bool>& unresolved);

}  // namespace nastavnik::util::due_detail
