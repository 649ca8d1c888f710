#include "serve/watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace nastavnik::serve {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr uint32_t k_dir_mask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

/// The top-level names of the site that matter; everything else at the root (public/, .git…)
/// is not watched.
bool is_watched_top(const std::string& name) { return name == "content" || name == "layouts"; }

}  // namespace

bool is_editor_temp_name(const std::string& name) {
  if (name.empty() || name.front() == '.') return true;  // .x.swp, .#x, .goutputstream-…
  if (name.back() == '~') return true;
  if (name.front() == '#' && name.back() == '#') return true;
  if (name == "4913") return true;  // vim's probe file
  for (const char* ext : {".swp", ".swx", ".tmp", ".part", ".crdownload"})
    if (name.size() > std::char_traits<char>::length(ext) &&
        name.compare(name.size() - std::char_traits<char>::length(ext), std::string::npos, ext) == 0)
      return true;
  return false;
}

Watcher::Watcher(fs::path site_dir) : m_site(std::move(site_dir)) {
  m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (m_fd < 0) throw std::system_error(errno, std::generic_category(), "inotify_init1");
  // The site root only for site.yaml and for content/ or layouts/ appearing later.
  int wd = ::inotify_add_watch(m_fd, m_site.c_str(),
                               IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                   IN_MOVED_TO | IN_ONLYDIR);
  if (wd < 0) {
    int err = errno;
    ::close(m_fd);
    throw std::system_error(err, std::generic_category(), "inotify_add_watch");
  }
  m_dirs[wd] = m_site;
  add_tree(m_site / "content");
  add_tree(m_site / "layouts");
}

Watcher::~Watcher() {
  if (m_fd >= 0) ::close(m_fd);  // closing the descriptor removes every watch
}

void Watcher::add_dir(const fs::path& dir) {
  int wd = ::inotify_add_watch(m_fd, dir.c_str(), k_dir_mask);
  if (wd >= 0) m_dirs[wd] = dir;  // a directory that vanished meanwhile is simply not watched
}

void Watcher::add_tree(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  add_dir(dir);
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_symlink(ec)) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec)) add_dir(it->path());
  }
}

bool Watcher::drain(WatchBatch& batch) {
  alignas(inotify_event) char buf[64 * 1024];
  bool any = false;
  for (;;) {
    ssize_t n = ::read(m_fd, buf, sizeof buf);
    if (n <= 0) break;  // EAGAIN: nothing more for now
    any = true;
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        batch.overflow = true;
        continue;
      }
      if (ev->mask & IN_IGNORED) {
        m_dirs.erase(ev->wd);
        continue;
      }
      auto dir = m_dirs.find(ev->wd);
      if (dir == m_dirs.end()) continue;
      if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        std::error_code ec;
        batch.changed.push_back(fs::relative(dir->second, m_site, ec).generic_string() + "/");
        continue;
      }
      std::string name = ev->len ? std::string(ev->name) : std::string();
      if (name.empty()) continue;
      const bool at_root = dir->second == m_site;
      if (at_root && name != "site.yaml" && !is_watched_top(name)) continue;
      fs::path full = dir->second / name;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
        add_tree(full);  // a folder created (or moved in) later: watch it and what it holds
        std::error_code ec;
        batch.changed.push_back(fs::relative(full, m_site, ec).generic_string() + "/");
        continue;
      }
      if (!(ev->mask & IN_ISDIR) && is_editor_temp_name(name)) continue;
      // A file being written produces MODIFY then CLOSE_WRITE; both are one change after the
      // debounce. A directory deleted or moved away is a change too (its pages disappear).
      std::error_code ec;
      batch.changed.push_back(fs::relative(full, m_site, ec).generic_string() + ((ev->mask & IN_ISDIR) ? "/" : ""));
    }
  }
  return any;
}

WatchBatch Watcher::wait(int interrupt_fd, std::chrono::milliseconds quiet, std::chrono::milliseconds max_wait) {
  WatchBatch batch;
  Clock::time_point first{};
  for (;;) {
    int timeout = -1;
    if (!batch.changed.empty() || batch.overflow) {
      auto now = Clock::now();
      if (now - first >= max_wait) break;
      timeout = static_cast<int>(std::min(quiet, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                     max_wait - (now - first)))
                                     .count());
    }
    pollfd fds[2] = {{m_fd, POLLIN, 0}, {interrupt_fd, POLLIN, 0}};
    int r = ::poll(fds, interrupt_fd >= 0 ? 2 : 1, timeout);
    if (r < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (r == 0) break;  // quiet for long enough: the burst is over
    if (interrupt_fd >= 0 && (fds[1].revents & POLLIN)) {
      batch.interrupted = true;
      break;
    }
    if (fds[0].revents & POLLIN) {
      bool had = !batch.changed.empty() || batch.overflow;
      drain(batch);
      if (!had && (!batch.changed.empty() || batch.overflow)) first = Clock::now();
    }
  }
  if (batch.overflow) {  // events were lost, maybe about new folders: watch everything again
    add_tree(m_site / "content");
    add_tree(m_site / "layouts");
  }
  std::sort(batch.changed.begin(), batch.changed.end());
  batch.changed.erase(std::unique(batch.changed.begin(), batch.changed.end()), batch.changed.end());
  return batch;
}

}  // namespace nastavnik::serve
