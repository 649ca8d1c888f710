#include "content/source_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <system_error>

#include "util/utf8.hpp"

namespace nastavnik::content {

namespace {

enum class Read { ok, cannot_open, not_regular, too_big, failed };

/// A regular file in one open, one fstat and as many reads as its size takes (no extra read to
/// see the end: 10,000 sources are 20,000 system calls fewer). A file larger than `limit` is not
/// read. O_NONBLOCK: a FIFO put in place of a file must not hang the build.
Read read_regular(const std::filesystem::path& path, std::uintmax_t limit, std::string& out, std::uintmax_t& size,
                  int& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = errno;
    return Read::cannot_open;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Read::not_regular;
  }
  size = static_cast<std::uintmax_t>(st.st_size > 0 ? st.st_size : 0);
  if (size > limit) {
    ::close(fd);
    return Read::too_big;
  }
  // A size of 0 may be a file of /proc, which has content: read it to its end, in blocks.
  const bool known = size > 0;
  out.resize(known ? static_cast<std::size_t>(size) : 4096);
  std::size_t have = 0;
  while (!known || have < out.size()) {
    if (!known && have == out.size()) {
      if (out.size() > limit) break;
      out.resize(out.size() * 2);
    }
    ssize_t n = ::read(fd, out.data() + have, out.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return Read::failed;
    }
    if (n == 0) break;  // shorter than fstat said (truncated meanwhile), or the end
    have += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(have);
  if (have > limit) return Read::too_big;
  size = have;
  return Read::ok;
}

std::string megabytes(std::uintmax_t bytes) { return std::to_string(bytes / (1024 * 1024)); }

}  // namespace

std::optional<std::string> read_bytes(const std::filesystem::path& path) {
  std::string out;
  std::uintmax_t size = 0;
  int error = 0;
  if (read_regular(path, UINTMAX_MAX, out, size, error) != Read::ok) return std::nullopt;
  return out;
}

std::optional<std::string> read_raw_source(const std::filesystem::path& root, const std::string& rel, diag::Sink& sink) {
  std::string bytes;
  std::uintmax_t size = 0;
  int error = 0;
  switch (read_regular(root / rel, k_max_source_bytes, bytes, size, error)) {
    case Read::ok: return bytes;
    case Read::cannot_open:
      sink.report("field.type", {rel, 0, 0},
                  "не удаётся прочитать файл: " + std::error_code(error, std::generic_category()).message());
      return std::nullopt;
    case Read::too_big:
      sink.report("field.type", {rel, 0, 0},
                  "файл слишком большой (" + megabytes(size) + " МБ; предел — " + megabytes(k_max_source_bytes) + " МБ)",
                  "Разделите текст на несколько страниц или вынесите данные в файл в content/files/.");
      return std::nullopt;
    case Read::not_regular:
    case Read::failed: break;
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
