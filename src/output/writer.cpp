#include "output/writer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <unordered_set>

#include "output/tree_walk.hpp"
#include "util/file.hpp"
#include "util/stage_timer.hpp"

namespace nastavnik::output {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_marker_text = "nastavnik output; safe to delete\n";

bool exchange(const fs::path& a, const fs::path& b) {
#ifdef SYS_renameat2
  return syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), 2 /* RENAME_EXCHANGE */) == 0;
#else
  (void)a;
  (void)b;
  return false;
#endif
}

/// Whether `path` is a regular file holding exactly `bytes`. A symbolic link never is, whatever
/// it points to: linked into the new tree as the same file, it would stay a link.
bool same_bytes(const fs::path& path, const std::string& bytes) {
  auto old = util::read_regular_file(path, bytes.size(), /*follow_links=*/false);
  return old.status == util::ReadStatus::ok && old.bytes == bytes;
}

/// open, write, close: a stream's locale and buffer cost more than the page.
bool write_file(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return ::close(fd) == 0;
}

/// Puts `bytes` at `path` through a temporary sibling and a rename: the staging tree shares
/// inodes with the live output (hard links), so a file there must never be written in place.
bool replace_file(const fs::path& path, const std::string& bytes) {
  fs::path tmp = path;
  tmp += ".nastavnik-new";
  std::error_code gone;
  fs::remove(tmp, gone);  // never write through whatever a killed build left under that name
  if (!write_file(tmp, bytes)) return false;
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

/// Makes `path` a hard link of `from` (atomically replacing what is there). Nothing to do when
/// it already is one.
bool link_over(const fs::path& from, const fs::path& path) {
  struct stat a {}, b {};
  if (::stat(from.c_str(), &a) != 0) return false;
  if (::lstat(path.c_str(), &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev) return true;
  fs::path tmp = path;
  tmp += ".nastavnik-new";
  std::error_code ec;
  fs::remove(tmp, ec);
  fs::create_hard_link(from, tmp, ec);
  if (ec) return false;
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

/// True when `full` is `root`/`rel`, compared as strings: no path object for each of 10,000
/// reused pages (root absolute and normal, rel checked by safe_output_path).
bool is_file_of(const std::string& full, const std::string& root, const std::string& rel) {
  return full.size() == root.size() + 1 + rel.size() && full.compare(0, root.size(), root) == 0 &&
         full[root.size()] == '/' && full.compare(root.size() + 1, rel.size(), rel) == 0;
}

/// A path the renderer produced must stay inside the output: relative, no "." or ".." part, no
/// backslash or control byte. The loaders already refuse such names; this is the last guard.
bool safe_output_path(const std::string& p) {
  if (p.empty() || p.front() == '/' || p.back() == '/') return false;
  std::size_t start = 0;
  while (start <= p.size()) {
    std::size_t end = p.find('/', start);
    if (end == std::string::npos) end = p.size();
    std::string_view part(p.data() + start, end - start);
    if (part.empty() || part == "." || part == ".." || part.size() > 255) return false;
    start = end + 1;
  }
  for (unsigned char c : p)
    if (c < 0x20 || c == 0x7f || c == '\\') return false;
  return true;
}

/// Removes a tree of ours with its marker last: a build killed half-way through the removal
/// leaves a folder that still says it is ours, so the next build can finish the job.
void remove_marked_tree(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == k_marker) continue;
    std::error_code e;
    fs::remove_all(it->path(), e);
  }
  fs::remove(dir / k_marker, ec);
  fs::remove(dir, ec);
}

std::string pid_suffix() { return std::to_string(::getpid()); }

/// Removes temporary siblings of `out` left by builds that were killed: only directories that
/// carry our marker and whose owning process is gone.
void clean_leftovers(const fs::path& out) {
  std::error_code ec;
  fs::path parent = out.parent_path();
  std::string prefix = "." + out.filename().string() + ".tmp-";
  std::string prefix_old = "." + out.filename().string() + ".old-";
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::string pid;
    if (name.rfind(prefix, 0) == 0) pid = name.substr(prefix.size());
    else if (name.rfind(prefix_old, 0) == 0) pid = name.substr(prefix_old.size());
    else continue;
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    if (std::stol(pid) == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(std::stol(pid)), 0) == 0) continue;  // another build still running
    std::error_code e;
    // A staging tree of a killed build becomes the next staging tree (it is checked file by
    // file before use); only when there already is one is it deleted.
    const fs::path prev = parent / ("." + out.filename().string() + ".prev");
    if (fs::exists(it->path() / k_marker, e) && !fs::exists(prev, e) && (fs::rename(it->path(), prev, e), !e)) continue;
    if (fs::exists(it->path() / k_marker, e)) remove_marked_tree(it->path());
    else if (fs::is_empty(it->path(), e)) fs::remove(it->path(), e);  // killed before the marker
  }
}

}  // namespace

std::string check_output_dir(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) return {};
  if (!fs::is_directory(out, ec)) return "«" + out.string() + "» — это файл, а не папка";
  if (fs::exists(out / k_marker, ec)) return {};
  if (fs::is_empty(out, ec)) return {};
  return "папка «" + out.string() +
         "» не пуста и создана не nastavnik (нет файла " + k_marker +
         "); чтобы ничего не потерять, сборка в неё не пишет. Укажите пустую или новую папку в -o";
}

namespace {
bool paths_allowed(const std::vector<std::string>& paths, std::string& error) {
  for (const auto& p : paths)
    if (!safe_output_path(p)) {
      error = "недопустимый путь файла в результате: «" + p + "»";
      return false;
    }
  return true;
}
}  // namespace

std::unique_ptr<Staging> Staging::begin(const fs::path& out_in, std::string& error, int jobs, bool adopt_only) {
  std::error_code ec;
  fs::path out = fs::absolute(out_in).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  if (out == out.root_path()) {
    error = "нельзя писать результат в корень файловой системы";
    return nullptr;
  }
  if (auto why = check_output_dir(out); !why.empty()) {
    error = why;
    return nullptr;
  }
  if (adopt_only && !fs::is_directory(out.parent_path(), ec)) return nullptr;  // nothing to adopt there
  fs::create_directories(out.parent_path(), ec);
  if (ec) {
    error = "не удаётся создать папку «" + out.parent_path().string() + "»: " + ec.message();
    return nullptr;
  }
  clean_leftovers(out);

  std::unique_ptr<Staging> st(new Staging);
  st->m_out = out;
  const fs::path tmp = out.parent_path() / ("." + out.filename().string() + ".tmp-" + pid_suffix());
  st->m_tmp = tmp;
  st->m_prev = out.parent_path() / ("." + out.filename().string() + ".prev");
  // The tree the previous build swapped out is kept as .<out>.prev and becomes the staging tree:
  // updating it touches only what changed, where building a fresh tree costs a directory per
  // page and deleting the old one was 38 s for 10,000 pages on a disk mounted with discard.
  // Whatever state it is in (even after a killed build), every file is checked in prepare()
  // against the new output, and files that are not part of it are removed.
  if (fs::exists(st->m_prev / k_marker, ec)) {
    fs::remove_all(tmp, ec);
    fs::rename(st->m_prev, tmp, ec);  // atomic: of two builds at once, one gets it
    st->m_staged = !ec;
  }
  if (adopt_only && !st->m_staged) {
    st->m_done = true;  // nothing of it to keep
    return nullptr;
  }
  // A staging tree left by a build killed while it wrote its marker has an empty one.
  if (st->m_staged && !same_bytes(tmp / k_marker, k_marker_text)) replace_file(tmp / k_marker, k_marker_text);
  if (!st->m_staged) {
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);
    if (ec) {
      error = "не удаётся создать временную папку «" + tmp.string() + "»: " + ec.message();
      st->m_done = true;
      return nullptr;
    }
    // The marker goes first: a killed build leaves a directory that the next one may remove.
    if (!write_file(tmp / k_marker, k_marker_text)) {
      error = "не удаётся писать в «" + tmp.string() + "»";
      fs::remove_all(tmp, ec);
      st->m_done = true;
      return nullptr;
    }
  }
  st->m_have_old = fs::is_directory(out, ec);
  // The staging tree is the owner's alone while it is built and while it waits as .prev: when
  // the output is inside a web server's folder, the previous build's pages (one a curator has
  // just taken down, say) must not stay reachable next to it.
  ::chmod(tmp.c_str(), 0700);
  // Its listing begins now: a build that adopted it early lists it while the site loads.
  if (st->m_staged) st->m_listing = std::make_unique<TreeListing>(tmp, jobs);
  return st;
}

std::unique_ptr<Staging> Staging::adopt(const fs::path& out, int jobs) {
  std::string ignored;  // open() reports the same again
  return begin(out, ignored, jobs, /*adopt_only=*/true);
}

std::unique_ptr<Staging> Staging::open(const fs::path& out, const std::vector<std::string>& paths, std::string& error,
                                       int jobs) {
  if (!paths_allowed(paths, error)) return nullptr;  // before anything is made
  auto st = begin(out, error, jobs, /*adopt_only=*/false);
  if (!st || !st->prepare(paths, error)) return nullptr;  // the destructor keeps the tree for the next build
  return st;
}

bool Staging::prepare(const std::vector<std::string>& paths, std::string& error) {
  util::StageTimer timer("  запись: подготовка папки");
  std::error_code ec;
  if (!paths_allowed(paths, error)) return false;
  const fs::path& out = m_out;
  const fs::path& tmp = m_tmp;
  // Directories first (sequential); files come later, from any thread (put). The sets view the
  // paths, which the staging tree keeps: 11,000 paths copied into three sets of strings were a
  // third of preparing a 10,000-page rebuild's folder.
  m_paths = paths;
  m_paths.emplace_back(k_marker);
  std::unordered_set<std::string_view> dir_set;
  auto& wanted = m_wanted;
  wanted.reserve(m_paths.size());
  dir_set.reserve(m_paths.size());
  for (const std::string& p : m_paths) {
    wanted.insert(p);
    const std::string_view path = p;
    for (auto slash = path.rfind('/'); slash != std::string::npos && slash > 0; slash = path.rfind('/', slash - 1))
      if (!dir_set.insert(path.substr(0, slash)).second) break;  // its parents are in already
  }
  std::vector<std::string_view> dirs(dir_set.begin(), dir_set.end());
  std::sort(dirs.begin(), dirs.end());  // parents before children
  std::unordered_set<std::string_view> present;  // folders the adopted tree already has
  if (m_listing) {
    // Leave only what the new output has: stray files, old pages, files where a folder must be.
    // The inodes of the files it keeps tell put() which ones already are the live output's.
    struct stat live_root {};
    struct stat tmp_root {};
    const bool same_device = m_have_old && ::stat(out.c_str(), &live_root) == 0 &&
                             ::stat(tmp.c_str(), &tmp_root) == 0 && live_root.st_dev == tmp_root.st_dev;
    std::vector<std::string> extra;
    const std::vector<TreeEntry> listing = m_listing->take();
    m_listing.reset();
    present.reserve(dir_set.size());
    m_inodes.reserve(wanted.size());
    for (const auto& e : listing) {
      // dir_set holds every folder above a wanted path: an entry whose folder is in it (or at
      // the top) is under wanted folders only. One that is not goes with the folder above it.
      const std::string_view rel = e.rel;
      const auto slash = rel.rfind('/');
      if (slash != std::string::npos && dir_set.count(rel.substr(0, slash)) == 0) continue;
      if (e.is_dir) {
        if (auto d = dir_set.find(rel); d != dir_set.end())
          present.insert(*d);
        else
          extra.push_back(e.rel);
      } else if (auto w = wanted.find(rel); w == wanted.end()) {
        extra.push_back(e.rel);
      } else if (same_device) {
        m_inodes.emplace(*w, e.inode);  // the key views m_paths
      }
    }
    for (const auto& x : extra) fs::remove_all(tmp / x, ec);
  }
  if (!m_staged) {
    // A fresh tree: the folders that hold only files (a page's own folder, 10,000 of them) are
    // made by put(), on the render stage's threads, as their first file arrives; here only
    // those above them, on one thread while the other core waits.
    std::unordered_set<std::string_view> above;
    for (const auto d : dirs)
      if (const auto slash = d.rfind('/'); slash != std::string_view::npos) above.insert(d.substr(0, slash));
    m_deferred.reserve(dirs.size());
    std::erase_if(dirs, [&](std::string_view d) {
      if (above.count(d)) return false;
      m_deferred.insert(d);
      return true;
    });
  }
  for (const auto d : dirs) {
    if (present.count(d)) continue;  // seen in the listing: no mkdir for each of 10,000 folders
    // mkdir, not create_directories: the parents come first, and an existing folder is fine.
    fs::path dir = tmp / d;
    ec.clear();
    if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir, ec)) {
      error = "не удаётся создать папку «" + dir.string() + "»" + (ec ? ": " + ec.message() : "");
      return false;
    }
  }
  return true;
}

bool Staging::make_deferred_folder(std::string_view path) {
  const auto slash = path.rfind('/');
  if (slash == std::string_view::npos || m_deferred.count(path.substr(0, slash)) == 0) return true;
  const fs::path dir = m_tmp / path.substr(0, slash);
  // Another file of the same folder may have made it: EEXIST is fine (and a file there cannot
  // be: the tree is fresh, and nothing else is written into it).
  if (::mkdir(dir.c_str(), 0777) == 0 || errno == EEXIST) return true;
  const int err = errno;
  std::lock_guard lock(m_error_mutex);
  if (m_error.empty())
    m_error = "не удаётся создать папку «" + dir.string() + "»: " + std::error_code(err, std::generic_category()).message();
  return false;
}

void Staging::put(const render::OutputFile& f) {
  // The live output's own file (m_out/f.path), compared as a string: no path object for each
  // of 10,000 reused pages.
  const bool own = m_have_old && is_file_of(f.copy_from, m_out.native(), f.path);
  if (own && f.copy_ino != 0 && m_wanted.count(f.path)) {
    // The page the renderer reused is already the adopted tree's file (the same inode, seen by
    // the walk in open()): the steady state of a rebuild, with no system call at all.
    auto it = m_inodes.find(f.path);
    if (it != m_inodes.end() && it->second == f.copy_ino) {
      ++m_unchanged;
      return;
    }
  }
  const fs::path target = m_tmp / f.path;
  const fs::path old = m_out / f.path;
  std::error_code e;
  bool ok = true;
  if (m_wanted.count(f.path) == 0) {  // not announced to open(): no folder was made for it
    ok = false;
  } else if (!m_staged && !make_deferred_folder(f.path)) {
    ok = false;
  } else if (!m_staged && f.copy_from.empty()) {
    // A fresh staging tree is ours alone and empty: a new file is written (or linked) under
    // its own name, without the temporary name and the rename a shared tree needs.
    if (m_have_old && same_bytes(old, f.bytes) && ::link(old.c_str(), target.c_str()) == 0) {
      ++m_unchanged;
    } else {
      ok = write_file(target, f.bytes);
      ++m_written;
    }
  } else if (!m_staged && own && ::link(old.c_str(), target.c_str()) == 0) {
    ++m_unchanged;  // a reused page into a fresh tree: one link, nothing to replace or compare
  } else {
    if (fs::is_directory(target, e)) fs::remove_all(target, e);  // a folder where a file goes
    e.clear();
    if (!f.copy_from.empty()) {
      // A page the renderer reused is the live output's own file: link it, compare nothing.
      if (own ? link_over(old, target)
              : m_have_old && fs::exists(old, e) && fs::file_size(old, e) == fs::file_size(f.copy_from, e) &&
                    fs::last_write_time(old, e) >= fs::last_write_time(f.copy_from, e) && link_over(old, target)) {
        ++m_unchanged;
      } else {
        e.clear();
        fs::path fresh = target;
        fresh += ".nastavnik-new";
        ok = fs::copy_file(f.copy_from, fresh, fs::copy_options::overwrite_existing, e) && !e;
        if (ok) fs::rename(fresh, target, e);
        ok = ok && !e;
        ++m_written;
      }
    } else if (m_have_old && same_bytes(old, f.bytes) && link_over(old, target)) {
      ++m_unchanged;
    } else {
      ok = replace_file(target, f.bytes);
      ++m_written;
    }
  }
  if (!ok) {
    std::lock_guard lock(m_error_mutex);
    if (m_error.empty()) m_error = "не удаётся записать «" + f.path + "»";
  }
}

WriteResult Staging::commit() {
  WriteResult result;
  std::error_code ec;
  m_done = true;
  const fs::path& out = m_out;
  const fs::path& tmp = m_tmp;
  if (!m_error.empty()) {
    fs::remove_all(tmp, ec);
    result.error = m_error;
    return result;
  }
  // The new tree gets the live folder's permissions (an administrator may have set them for
  // the web server), or the usual ones for a new folder.
  struct stat live {};
  mode_t mode = 0;
  if (m_have_old && ::stat(out.c_str(), &live) == 0) {
    mode = live.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0777 & ~mask;
  }
  ::chmod(tmp.c_str(), mode);
  if (m_have_old) {
    if (!exchange(tmp, out)) {
      // Fallback without RENAME_EXCHANGE: two renames; a crash between them leaves the old tree
      // under .old-<pid>, which the next build cleans up.
      fs::path old_dir = out.parent_path() / ("." + out.filename().string() + ".old-" + pid_suffix());
      fs::rename(out, old_dir, ec);
      if (ec) {
        fs::remove_all(tmp, ec);
        result.error = "не удаётся заменить папку «" + out.string() + "»: " + ec.message();
        return result;
      }
      fs::rename(tmp, out, ec);
      if (ec) {
        fs::rename(old_dir, out, ec);
        result.error = "не удаётся заменить папку «" + out.string() + "»";
        return result;
      }
      remove_marked_tree(old_dir);
    } else {
      // tmp now holds the old tree: it is the next build's staging tree, the owner's alone.
      ::chmod(tmp.c_str(), 0700);
      fs::rename(tmp, m_prev, ec);
      if (ec) remove_marked_tree(tmp);
    }
  } else {
    fs::remove(out, ec);  // an empty directory, if any
    fs::rename(tmp, out, ec);
    if (ec) {
      fs::remove_all(tmp, ec);
      result.error = "не удаётся создать папку «" + out.string() + "»: " + ec.message();
      return result;
    }
  }
  result.ok = true;
  result.written = m_written;
  result.unchanged = m_unchanged;
  return result;
}

Staging::~Staging() {
  m_listing.reset();  // its tasks stop before the tree moves
  if (m_done) return;
  // Not committed (the build failed after writing had begun): the live output is untouched, and
  // the staging tree — every file in it replaced by a rename, never written in place — is kept
  // as the next build's, which checks each file again. Removing it could take long.
  std::error_code ec;
  if (!fs::exists(m_prev, ec)) fs::rename(m_tmp, m_prev, ec);
  if (ec || fs::exists(m_tmp, ec)) remove_marked_tree(m_tmp);
}

void Staging::put_all(const std::vector<render::OutputFile>& files, int jobs) {
  auto work = [&] { tbb::parallel_for(std::size_t(0), files.size(), [&](std::size_t i) { put(files[i]); }); };
  if (jobs > 0) {
    tbb::task_arena arena(jobs);
    arena.execute(work);
  } else {
    work();
  }
}

std::vector<std::string> paths_of(const std::vector<render::OutputFile>& files) {
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const auto& f : files) paths.push_back(f.path);
  return paths;
}

WriteResult write_output(const fs::path& out, const std::vector<render::OutputFile>& files, int jobs) {
  WriteResult result;
  auto staging = Staging::open(out, paths_of(files), result.error, jobs);
  if (!staging) return result;
  staging->put_all(files, jobs);
  return staging->commit();
}

WriteResult update_in_place(const fs::path& out_in, const std::vector<render::OutputFile>& files,
                            const std::vector<std::string>& previous) {
  std::error_code ec;
  fs::path out = fs::absolute(out_in).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  if (!fs::exists(out / k_marker, ec)) return write_output(out_in, files);
  WriteResult result;
  for (const auto& f : files)
    if (!safe_output_path(f.path)) {
      result.error = "недопустимый путь файла в результате: «" + f.path + "»";
      return result;
    }
  std::atomic<std::size_t> written{0}, unchanged{0};
  std::mutex err_mutex;
  std::string error;
  tbb::parallel_for(std::size_t(0), files.size(), [&](std::size_t i) {
    const auto& f = files[i];
    if (is_file_of(f.copy_from, out.native(), f.path)) {  // a reused page: already there
      ++unchanged;
      return;
    }
    const fs::path target = out / f.path;
    std::error_code e;
    bool ok = true;
    if (fs::is_directory(target, e)) fs::remove_all(target, e);  // a folder where a file goes
    e.clear();
    if (!f.copy_from.empty()) {
      if (fs::exists(target, e) && fs::file_size(target, e) == fs::file_size(f.copy_from, e) &&
          fs::last_write_time(target, e) >= fs::last_write_time(f.copy_from, e)) {
        ++unchanged;
        return;
      }
      e.clear();
      fs::create_directories(target.parent_path(), e);
      fs::path fresh = target;
      fresh += ".nastavnik-new";
      ok = fs::copy_file(f.copy_from, fresh, fs::copy_options::overwrite_existing, e) && !e;
      if (ok) fs::rename(fresh, target, e);
      ok = ok && !e;
    } else if (same_bytes(target, f.bytes)) {
      ++unchanged;
      return;
    } else {
      fs::create_directories(target.parent_path(), e);
      ok = replace_file(target, f.bytes);
    }
    ++written;
    if (!ok) {
      std::lock_guard lock(err_mutex);
      if (error.empty()) error = "не удаётся записать «" + f.path + "»";
    }
  });
  if (!error.empty()) {
    result.error = error;
    return result;
  }
  // What left the output: its file, then its folders while they are empty.
  std::unordered_set<std::string> now;
  now.reserve(files.size());
  for (const auto& f : files) now.insert(f.path);
  for (const auto& p : previous) {
    if (now.count(p) || !safe_output_path(p)) continue;
    fs::remove(out / p, ec);
    for (fs::path dir = (out / p).parent_path(); dir != out && fs::is_empty(dir, ec) && !ec; dir = dir.parent_path())
      fs::remove(dir, ec);
  }
  result.ok = true;
  result.written = written;
  result.unchanged = unchanged;
  return result;
}

}  // namespace nastavnik::output
