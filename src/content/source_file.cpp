#include "content/source_file.hpp"

#include <fstream>
#include <sstream>

#include "util/utf8.hpp"

namespace nastavnik::content {

std::optional<std::string> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(ss).str();
}

std::optional<std::string> read_source(const std::filesystem::path& root, const std::string& rel, diag::Sink& sink) {
  std::error_code ec;
  auto path = root / rel;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    sink.report("field.type", {rel, 0, 0}, "не удаётся прочитать файл: " + ec.message());
    return std::nullopt;
  }
  if (size > k_max_source_bytes) {
    sink.report("field.type", {rel, 0, 0},
                "файл слишком большой (" + std::to_string(size / (1024 * 1024)) + " МБ; предел — " +
                    std::to_string(k_max_source_bytes / (1024 * 1024)) + " МБ)",
                "Разделите текст на несколько страниц или вынесите данные в файл в content/files/.");
    return std::nullopt;
  }
  auto bytes = read_bytes(path);
  if (!bytes) {
    sink.report("field.type", {rel, 0, 0}, "не удаётся прочитать файл");
    return std::nullopt;
  }
  std::string text = std::move(*bytes);
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  std::size_t bad = 0;
  if (!util::utf8_valid(text, &bad)) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < bad; ++i)
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    int column = util::utf8_column(std::string_view(text).substr(line_start), bad - line_start);
    sink.report("utf8.invalid", {rel, line, column}, "файл не в кодировке UTF-8",
                "Сохраните файл в кодировке UTF-8 (в Блокноте: «Сохранить как» → «Кодировка: UTF-8»).");
    return std::nullopt;
  }
  if (text.find('\r') != std::string::npos) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      out.push_back(text[i]);
    }
    text = std::move(out);
  }
  return text;
}

}  // namespace nastavnik::content
