#pragma once
// Roadmap `due` strings as real roadmaps write them (SPEC "Dates"): «август - сентябрь 2024»,
// «до 16.11.2022», «Ежегодно 2022 – 2024 гг.», «в течение года», several lines, …
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.hpp"

namespace nastavnik::util {

struct DueInterval {
  std::optional<Date> start;       ///< earliest start of every expression; nullopt when no dates at all
  std::optional<Date> end;         ///< latest end; nullopt when open (no end) or no dates
  bool open = false;               ///< some line/part has no digits: the event has no end, never overdue
  bool invalid = false;            ///< digits that form no valid date (→ roadmap.date)
  std::string problem;             ///< Russian description of what could not be understood, if invalid
  std::vector<std::string> lines;  ///< each line rendered in Russian, words kept
};

/// Parses a due string (lines separated by '\n'). Never throws; linear in the input.
///
/// Expressions: days (16.11.2022, 2022-11-16, 16 ноября 2022, 1 – 15 сентября 2024), months
/// (2024-09, сентябрь 2024, any case form or «сент.»), years (2022 г.) and year ranges (2022-2024,
/// 2024/2025). A month name without a year borrows one from the next expression that has one, else
/// from the nearest preceding; a month later in the year than the month it borrows from belongs to
/// the year before («декабрь – январь 2025» starts in December 2024), and symmetrically after.
/// Open: a non-blank line without any date, or «в течение …» / «на протяжении …» not followed by a
/// date, «постоянно», «бессрочно», «по (мере) необходимости». Invalid: impossible dates, years
/// outside 1900–2200, stray digits («100 участников»), a month with no year anywhere; the valid
/// parts of an invalid due still give start/end. Blank lines are skipped; "" gives nothing at all.
DueInterval parse_due(std::string_view text);

}  // namespace nastavnik::util
