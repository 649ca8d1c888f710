#pragma once
// Reading a whole regular file in one open, one fstat and as many reads as its size takes: the
// one reader of sources (content/source_file), output files (output/writer) and the build's own
// cache files (render/page_cache).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace nastavnik::util {

enum class ReadStatus {
  ok,
  cannot_open,  ///< the system's reason in FileRead::error (errno)
  not_regular,  ///< a folder, FIFO, device — or a symbolic link when links are not followed
  too_big,      ///< over the limit (FileRead::size); nothing was read
  failed,       ///< a read failed midway
};

/// What the file system says of a file, as git's index keeps it: a file whose stamp is the same
/// has not been written since (see content/load_store.cpp for when that may be trusted).
struct FileStamp {
  std::uint64_t dev = 0, ino = 0, size = 0;
  std::int64_t mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

struct FileRead {
  ReadStatus status = ReadStatus::failed;
  std::string bytes;
  std::uintmax_t size = 0;
  int error = 0;
  FileStamp stamp;  ///< from the fstat before reading
};

/// The stamp of a regular file (symbolic links followed); nullopt for anything else.
std::optional<FileStamp> stat_file(const std::filesystem::path& path);
/// stat_file of `rel` under the open folder `dir_fd` (OpenFolder): a rebuild stats 10,000
/// sources, and the site's own path need not be walked again for each.
std::optional<FileStamp> stat_file_at(int dir_fd, const std::string& rel);

/// An O_PATH descriptor of a folder, closed with the object; fd is -1 when it could not be
/// opened (or none was asked for). Paths looked up from it skip walking the folder's own path.
class OpenFolder {
 public:
  OpenFolder() = default;
  explicit OpenFolder(const std::filesystem::path& path);
  ~OpenFolder();
  OpenFolder(const OpenFolder&) = delete;
  OpenFolder& operator=(const OpenFolder&) = delete;
  int fd() const { return m_fd; }

 private:
  int m_fd = -1;
};
/// The system clock in nanoseconds, as file times are kept.
std::int64_t clock_now_ns();

/// A regular file's bytes. O_NONBLOCK: a FIFO put in place of a file never hangs the caller. A
/// file larger than `limit` is not read. With follow_links false, a symbolic link (the last
/// component) is not_regular.
FileRead read_regular_file(const std::filesystem::path& path, std::uintmax_t limit = UINTMAX_MAX,
                           bool follow_links = true);

/// The file the code at `symbol` was loaded from (dladdr): a shared library's path, or the
/// program's own when the library is linked statically. Empty when unknown.
std::string file_of_symbol(const void* symbol);

/// read_regular_file's bytes when it succeeded.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace nastavnik::util
