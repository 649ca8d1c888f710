#pragma once
// One diagnostic type for the whole program: what is wrong, where, and how to fix it.
#include <string>
#include <string_view>

#include "diag/file_name.hpp"

namespace nastavnik::diag {

/// A place in a source file. Lines and columns are 1-based and file-absolute; columns count
/// Unicode characters. 0 means "no location" (e.g. a missing file).
struct SourcePos {
  FileName file;  ///< relative to the site directory, with '/' separators
  int line = 0;
  int column = 0;
};

enum class Severity { error, warning, off };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     ///< e.g. "field.missing"
  std::string message;  ///< Russian, says what is wrong
  std::string hint;     ///< Russian, says how to fix it; may be empty
  SourcePos pos;
};

std::string_view severity_name(Severity s);  // "error" | "warning" | "off"
/// Accepts error|warning|off and the Russian ошибка|предупреждение|выкл; false for anything else.
bool parse_severity(std::string_view text, Severity& out);

}  // namespace nastavnik::diag
