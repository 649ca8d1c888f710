#include "output/tree_walk.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <string_view>
#include <vector>

namespace nastavnik::output {

namespace {

/// The entries of one folder (relative to root_fd; "" is the root itself), by the listing's type
/// and inode: a stat only where the file system gives no type.
void read_folder(int root_fd, const std::string& prefix, std::vector<TreeEntry>& out) {
  const int fd = prefix.empty() ? ::dup(root_fd)
                                : ::openat(root_fd, prefix.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return;
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
}

}  // namespace

TreeListing::TreeListing(const std::filesystem::path& root, int jobs)
    : m_root_fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)), m_tasks(jobs) {
  if (m_root_fd >= 0) m_tasks.start([this] { list(""); });
}

TreeListing::~TreeListing() {
  m_tasks.stop();  // before the folder's descriptor goes
  if (m_root_fd >= 0) ::close(m_root_fd);
}

void TreeListing::list(const std::string& prefix) {
  auto& found = m_found.local();
  const std::size_t from = found.size();
  read_folder(m_root_fd, prefix, found);
  // Each folder is a task of its own: a worker goes back to work of higher priority between
  // two folders.
  for (std::size_t i = from; i < found.size(); ++i)
    if (found[i].is_dir) m_tasks.spawn([this, rel = found[i].rel] { list(rel); });
}

std::vector<TreeEntry> TreeListing::take() {
  m_tasks.wait();
  std::vector<TreeEntry> all;
  std::size_t n = 0;
  for (const auto& part : m_found) n += part.size();
  all.reserve(n);
  for (auto& part : m_found)
    for (auto& e : part) all.push_back(std::move(e));
  m_found.clear();
  return all;
}

}  // namespace nastavnik::output
