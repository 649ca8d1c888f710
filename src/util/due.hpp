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

/// Parses a due string (lines separated by '\n'). Never throws.
DueInterval parse_due(std::string_view text);

}  // namespace nastavnik::util
