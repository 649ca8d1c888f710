#include "output/tree_walk.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <string_view>
#include <vector>

namespace nastavnik::output {

namespace {

struct WalkEntry {
  std::string rel;
  bool is_dir = false;
  std::uint64_t inode = 0;
};

/// The entries of one folder (relative to root_fd; "" is the root itself), by the listing's type
/// and inode: a stat only where the file system gives no type.
std::vector<WalkEntry> read_folder(int root_fd, const std::string& prefix) {
  std::vector<WalkEntry> out;
  const int fd = prefix.empty() ? ::dup(root_fd)
                                : ::openat(root_fd, prefix.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return out;
  // getdents64 itself: opendir adds an fstat and two fcntl calls per folder, 10,000 of them.
  alignas(8) char buf[16384];
  for (;;) {
    const long got = ::syscall(SYS_getdents64, fd, buf, sizeof buf);
    if (got <= 0) break;
    for (long at = 0; at < got;) {
      const auto* e = reinterpret_cast<const dirent64*>(buf + at);
      at += e->d_reclen;
      const std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      unsigned char type = e->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st {};
        if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        type = S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
      }
      out.push_back({prefix.empty() ? std::string(name) : prefix + "/" + std::string(name), type == DT_DIR,
                     static_cast<std::uint64_t>(e->d_ino)});
    }
  }
  ::close(fd);
  return out;
}

}  // namespace

void walk_tree(const std::filesystem::path& root, int jobs, const WalkVisit& visit) {
  const int root_fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (root_fd < 0) return;
  std::vector<std::string> level{""};
  while (!level.empty()) {
    std::vector<std::vector<WalkEntry>> found(level.size());
    auto read_all = [&] {
      tbb::parallel_for(std::size_t(0), level.size(),
                        [&](std::size_t i) { found[i] = read_folder(root_fd, level[i]); });
    };
    if (jobs > 0) {
      tbb::task_arena arena(jobs);
      arena.execute(read_all);
    } else {
      read_all();
    }
    std::vector<std::string> next;
    for (auto& entries : found)
      for (auto& e : entries)
        if (visit(e.rel, e.is_dir, e.inode) && e.is_dir) next.push_back(std::move(e.rel));
    level = std::move(next);
  }
  ::close(root_fd);
}

}  // namespace nastavnik::output
