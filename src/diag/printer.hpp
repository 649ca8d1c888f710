#pragma once
// Text and JSON forms of a list of diagnostics (SPEC "Diagnostics"). Only cli/ prints them.
#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace nastavnik::diag {

struct TextStyle {
  bool color = false;  ///< ANSI colours (only on a terminal, never with NO_COLOR)
  bool source_lines = true;  ///< show the source line with a caret under the column
  std::filesystem::path site_dir;  ///< where to read source lines from
};

/// «path:line:col: ошибка [code]: message» + «  подсказка: hint», one per diagnostic.
std::string format_text(const std::vector<Diagnostic>& items, const TextStyle& style = {});
/// `{"diagnostics":[…],"errors":N,"warnings":M}`.
std::string format_json(const std::vector<Diagnostic>& items);
/// Russian word for a severity: «ошибка», «предупреждение».
std::string_view severity_ru(Severity s);

}  // namespace nastavnik::diag
