#include "diag/printer.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

#include "util/utf8.hpp"

namespace nastavnik::diag {

namespace {

/// The 1-based line `line` of a file, or empty when unreadable. Reads at most 1 MiB per file.
std::string source_line(const std::filesystem::path& file, int line) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  std::string text;
  for (int n = 1; std::getline(in, text); ++n) {
    if (n == line) {
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (n == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
      return text.size() > 400 || !util::utf8_valid(text) ? std::string() : text;
    }
    if (n > 2'000'000) break;
  }
  return {};
}

}  // namespace

std::string_view severity_ru(Severity s) {
  switch (s) {
    case Severity::error: return "ошибка";
    case Severity::warning: return "предупреждение";
    case Severity::off: return "выключено";
  }
  return "ошибка";
}

std::string format_text(const std::vector<Diagnostic>& items, const TextStyle& style) {
  std::string out;
  const char* bold = style.color ? "\x1b[1m" : "";
  const char* reset = style.color ? "\x1b[0m" : "";
  for (const auto& d : items) {
    const char* sev_color = !style.color ? "" : d.severity == Severity::error ? "\x1b[1;31m" : "\x1b[1;33m";
    out += bold;
    out += d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ":";
    out += reset;
    out += " ";
    out += sev_color;
    out += severity_ru(d.severity);
    out += reset;
    out += " [" + d.code + "]: " + d.message + "\n";
    if (style.source_lines && d.pos.line > 0 && !style.site_dir.empty()) {
      std::string line = source_line(style.site_dir / d.pos.file.str(), d.pos.line);
      if (!line.empty()) {
        std::string num = std::to_string(d.pos.line);
        out += "  " + num + " | " + line + "\n";
        out += "  " + std::string(num.size(), ' ') + " | ";
        // Pad with the same whitespace characters so tabs line up.
        std::u32string u = util::to_u32(line);
        for (int i = 1; i < d.pos.column && i - 1 < static_cast<int>(u.size()); ++i) out += u[i - 1] == U'\t' ? '\t' : ' ';
        out += sev_color;
        out += "^";
        out += reset;
        out += "\n";
      }
    }
    if (!d.hint.empty()) out += "  подсказка: " + d.hint + "\n";
  }
  return out;
}

std::string format_json(const std::vector<Diagnostic>& items) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  int errors = 0, warnings = 0;
  for (const auto& d : items) {
    if (d.severity == Severity::error) ++errors;
    if (d.severity == Severity::warning) ++warnings;
    list.push_back({{"file", d.pos.file},
                    {"line", d.pos.line},
                    {"column", d.pos.column},
                    {"severity", std::string(severity_name(d.severity))},
                    {"code", d.code},
                    {"message", d.message},
                    {"hint", d.hint}});
  }
  nlohmann::ordered_json root = {{"diagnostics", list}, {"errors", errors}, {"warnings", warnings}};
  return root.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace nastavnik::diag
