#pragma once
// The writer's listing of its staging tree: every entry by the folder's own listing (type and
// inode from getdents64), without following symbolic links and without a stat per entry.
#include <oneapi/tbb/enumerable_thread_specific.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "util/background.hpp"

namespace nastavnik::output {

struct TreeEntry {
  std::string rel;  ///< '/'-separated, relative to the root
  bool is_dir = false;
  std::uint64_t inode = 0;
};

/// Every entry under a folder, listed by tasks of low priority begun at construction: the
/// process's threads run them when they have nothing else to do — while a rebuild loads the
/// site one stage at a time, say — and take() runs what is left on the calling thread.
/// std::filesystem's walk cost a stat and several path objects per entry, on one core: a fifth
/// of a 10,000-page rebuild's writing; listing the same 10,000 folders on the rebuild's own path
/// still cost 26 ms.
///
/// A folder that cannot be opened is not listed (nor is the root when it is missing or a
/// symbolic link); a symbolic link is an entry that is not a folder. At most `jobs` threads
/// (0 = all cores); with 1, everything is listed in take().
class TreeListing {
 public:
  TreeListing(const std::filesystem::path& root, int jobs);
  ~TreeListing();  ///< stops the listing if it was not taken
  TreeListing(const TreeListing&) = delete;
  TreeListing& operator=(const TreeListing&) = delete;
  /// Every entry, once; parents not necessarily before their children. Once only.
  std::vector<TreeEntry> take();

 private:
  void list(const std::string& prefix);
  int m_root_fd = -1;
  tbb::enumerable_thread_specific<std::vector<TreeEntry>> m_found;
  util::LowPriorityTasks m_tasks;  ///< last: stopped before what they fill goes
};

}  // namespace nastavnik::output
