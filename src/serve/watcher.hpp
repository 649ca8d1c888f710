#pragma once
// Watches a site's sources (site.yaml, content/**, layouts/**) with inotify, so that `serve`
// rebuilds when the curator saves a file. The one user of inotify.
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace nastavnik::serve {

/// What a wait ended with.
struct WatchBatch {
  std::vector<std::string> changed;  ///< site-relative paths ('/' separated), sorted, unique
  bool interrupted = false;          ///< the interrupt fd became readable
  bool overflow = false;             ///< the kernel dropped events: rebuild everything
};

/// inotify on the site directory (for site.yaml and for content/ or layouts/ created later)
/// and on every directory under content/ and layouts/. Directories created or moved in later
/// are watched as they appear; editors that save through a temporary file and a rename are
/// seen as a change of the final name. Not thread-safe: one thread waits on it.
class Watcher {
 public:
  /// Throws std::system_error when inotify is unavailable.
  explicit Watcher(std::filesystem::path site_dir);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Blocks until a relevant change or until `interrupt_fd` (≥ 0) is readable. After the first
  /// change it keeps collecting until no event came for `quiet` (a burst of saves gives one
  /// batch), but never longer than `max_wait` in total.
  WatchBatch wait(int interrupt_fd, std::chrono::milliseconds quiet = std::chrono::milliseconds(50),
                  std::chrono::milliseconds max_wait = std::chrono::milliseconds(1000));

  /// Number of directories watched (for tests and the start-up message).
  std::size_t watched_dirs() const { return m_dirs.size(); }

 private:
  void add_tree(const std::filesystem::path& dir);
  void add_dir(const std::filesystem::path& dir);
  /// Reads what is pending; returns false when nothing could be read.
  bool drain(WatchBatch& batch);

  std::filesystem::path m_site;
  int m_fd = -1;
  std::map<int, std::filesystem::path> m_dirs;  ///< watch descriptor → absolute directory
};

/// True for names editors use for swap, backup and probe files (`.x.swp`, `x~`, `#x#`, `4913`):
/// they never change the site.
bool is_editor_temp_name(const std::string& name);

}  // namespace nastavnik::serve
