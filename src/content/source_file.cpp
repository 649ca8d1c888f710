#include "content/source_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "util/utf8.hpp"

namespace nastavnik::content {

std::optional<std::string> read_bytes(const std::filesystem::path& path) {
  // One open, fstat and read: a stream through an ostringstream copied every byte twice.
  // O_NONBLOCK: a FIFO put in place of a file must not hang the build; only regular files.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string out;
  out.resize(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 0));
  std::size_t have = 0;
  for (;;) {
    if (have == out.size()) out.resize(out.size() + 4096);  // grew since fstat, or a special file
    ssize_t n = ::read(fd, out.data() + have, out.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(have);
  return out;
}

std::optional<std::string> read_raw_source(const std::filesystem::path& root, const std::string& rel, diag::Sink& sink) {
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
  if (!bytes || bytes->size() > k_max_source_bytes) {
    sink.report("field.type", {rel, 0, 0}, "не удаётся прочитать файл");
    return std::nullopt;
  }
  return bytes;
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
