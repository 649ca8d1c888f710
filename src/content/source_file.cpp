#include "content/source_file.hpp"

#include <cstdint>
#include <system_error>

#include "util/file.hpp"
#include "util/utf8.hpp"

namespace nastavnik::content {

namespace {

std::string megabytes(std::uintmax_t bytes) { return std::to_string(bytes / (1024 * 1024)); }

}  // namespace

std::optional<std::string> read_raw_source(const std::filesystem::path& root, const std::string& rel, diag::Sink& sink,
                                           util::FileStamp* stamp) {
  util::FileRead r = util::read_regular_file(root / rel, k_max_source_bytes);
  if (stamp) *stamp = r.stamp;
  switch (r.status) {
    case util::ReadStatus::ok: return std::move(r.bytes);
    case util::ReadStatus::cannot_open:
      sink.report("field.type", {rel, 0, 0},
                  "не удаётся прочитать файл: " + std::error_code(r.error, std::generic_category()).message());
      return std::nullopt;
    case util::ReadStatus::too_big:
      sink.report("field.type", {rel, 0, 0},
                  "файл слишком большой (" + megabytes(r.size) + " МБ; предел — " + megabytes(k_max_source_bytes) + " МБ)",
                  "Разделите текст на несколько страниц или вынесите данные в файл в content/files/.");
      return std::nullopt;
    case util::ReadStatus::not_regular:
    case util::ReadStatus::failed: break;
  }
  sink.report("field.type", {rel, 0, 0}, "не удаётся прочитать файл");
  return std::nullopt;
}

std::optional<std::string> normalize_source(const std::string& rel, std::string text, diag::Sink& sink) {
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

std::optional<std::string> read_source(const std::filesystem::path& root, const std::string& rel, diag::Sink& sink) {
  auto raw = read_raw_source(root, rel, sink);
  if (!raw) return std::nullopt;
  return normalize_source(rel, std::move(*raw), sink);
}

}  // namespace nastavnik::content
