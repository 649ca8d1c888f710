#pragma once
// Small Russian renderings used by several pages: sizes, periods, statuses, levels.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/documents.hpp"
#include "model/pages.hpp"
#include "model/roadmap.hpp"
#include "util/date.hpp"
#include "util/excerpt.hpp"

namespace nastavnik::render {

/// «812 Б», «245 КБ», «1,2 МБ», «14 МБ» (binary multiples, Russian decimal comma).
std::string human_size(std::uint64_t bytes);
/// «с 15 сентября 2024 г. по 31 мая 2025 г.», «с …», «по …», or "" when both are absent.
std::string period_ru(const std::optional<util::Date>& start, const std::optional<util::Date>& end);
/// "2022-11-07T10:15:00" → «7 ноября 2022 г., 10:15»; anything else is returned as written.
std::string datetime_ru(std::string_view written);
using util::collapse_spaces;  // util/excerpt.hpp
using util::truncate_text;
/// Appends `s` as a JSON string, the same bytes as nlohmann::json(s).dump() with UTF-8 kept
/// (ensure_ascii off) and invalid bytes replaced by U+FFFD (error_handler replace).
void append_json_string(std::string& out, std::string_view s);

std::string_view status_label(model::EventStatus s);  ///< «Выполнено»
std::string_view status_class(model::EventStatus s);  ///< "done", "in-progress", …
std::string_view program_status_label(model::ProgramStatus s);  ///< «Реализуется»
std::string_view program_status_class(model::ProgramStatus s);  ///< "running", …
std::string_view level_heading(model::DocLevel l);    ///< «Федеральный уровень»
std::string_view level_anchor(model::DocLevel l);     ///< "federal"

/// Upper-cases the first letter when it is a Cyrillic or Latin lower-case letter (headings).
std::string capitalize_first(std::string_view text);

/// Percentage rounded down; 0 when `all` is 0.
int percent(int done, int all);

}  // namespace nastavnik::render
