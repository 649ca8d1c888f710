#include "content/load_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "content/load_codec.hpp"
#include "content/markdown.hpp"
#include "content/yaml_doc.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"

namespace nastavnik::content {

namespace fs = std::filesystem;
using codec::In;
using codec::Out;

namespace {

constexpr std::string_view kIndexMagic = "nastavnik load 4\n";
/// An index over this size is not ours (10,000 sources make about 1 MB).
constexpr std::uintmax_t kMaxIndex = std::uintmax_t(256) << 20;
/// One entry over this is not ours (a source is at most 64 MiB; its body a few times that).
constexpr std::uint64_t kMaxEntry = std::uint64_t(1) << 30;

// ---- files ----

/// Writes all of `bytes` at `offset`.
bool pwrite_all(int fd, std::string_view bytes, std::uint64_t offset) {
  while (!bytes.empty()) {
    ssize_t n = ::pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

bool pread_all(int fd, char* dst, std::size_t n, std::uint64_t offset) {
  while (n > 0) {
    ssize_t got = ::pread(fd, dst, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    dst += got;
    n -= static_cast<std::size_t>(got);
    offset += static_cast<std::uint64_t>(got);
  }
  return true;
}

/// Makes `dir` (mode 0700) if missing, then insists it is a real folder of this user that no
/// one else may write into. Returns a Russian reason, empty when fine.
std::string own_folder(const fs::path& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return "не удалось создать папку кэша «" + dir.string() + "»: " + std::strerror(errno);
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0) return "папка кэша «" + dir.string() + "» недоступна: " + std::strerror(errno);
  if (!S_ISDIR(st.st_mode)) return "«" + dir.string() + "» — не папка (или символическая ссылка)";
  if (st.st_uid != ::geteuid()) return "папка кэша «" + dir.string() + "» принадлежит другому пользователю";
  if ((st.st_mode & 022) != 0) return "папка кэша «" + dir.string() + "» открыта на запись другим пользователям";
  return {};
}

int open_file(const fs::path& path, int flags) {
  return ::open(path.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, 0600);
}

/// Replaces dir/name by `bytes`: written as name.new beside it, then renamed over it.
bool replace_file(const fs::path& dir, const std::string& name, std::string_view bytes) {
  const fs::path tmp = dir / (name + ".new"), final = dir / name;
  int fd = open_file(tmp, O_WRONLY | O_CREAT | O_TRUNC);
  if (fd < 0) return false;
  bool ok = pwrite_all(fd, bytes, 0);
  ok = ::close(fd) == 0 && ok;
  if (ok && ::rename(tmp.c_str(), final.c_str()) == 0) return true;
  ::unlink(tmp.c_str());
  return false;
}

/// A store's own files: nothing else is ever removed.
bool is_store_file(const std::string& name) {
  if (name == "lock" || name == "index" || name == "index.new" || name == "search" || name == "search.new") return true;
  if (name.rfind("pack-", 0) != 0 || name.size() == 5) return false;
  return std::all_of(name.begin() + 5, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Removes the stores of other sites (a site moved, renamed, or a scratch copy) unused for
/// kStaleNs: each only if it holds nothing but a store's own files, none newer than that, and
/// no run holds its lock. A cache is allowed to forget; a folder with anything else stays.
void prune_stale_stores(const fs::path& load_dir, const fs::path& own, std::int64_t now_ns) {
  constexpr std::int64_t kStaleNs = std::int64_t(30) * 24 * 3600 * 1000000000;
  std::error_code ec;
  for (const auto& site : fs::directory_iterator(load_dir, ec)) {
    if (site.path() == own) continue;
    struct stat st {};
    if (::lstat(site.path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) continue;
    bool stale = true;
    std::vector<fs::path> files;
    std::error_code ec2;
    for (const auto& f : fs::directory_iterator(site.path(), ec2)) {
      struct stat fst {};
      const auto name = f.path().filename().string();
      if (!is_store_file(name) || ::lstat(f.path().c_str(), &fst) != 0 || !S_ISREG(fst.st_mode) ||
          std::int64_t(fst.st_mtim.tv_sec) * 1000000000 + fst.st_mtim.tv_nsec > now_ns - kStaleNs) {
        stale = false;
        break;
      }
      files.push_back(f.path());
    }
    if (!stale || ec2) continue;
    int lock = open_file(site.path() / "lock", O_RDWR);
    if (lock < 0) continue;
    if (::flock(lock, LOCK_EX | LOCK_NB) == 0) {
      for (const auto& f : files) ::unlink(f.c_str());
      ::rmdir(site.path().c_str());
    }
    ::close(lock);
  }
}

std::string store_identity() {
  const std::string& binary = util::binary_identity();
  if (binary.empty()) return {};
  util::Hasher h;
  h.update(binary);
  // The parsers are shared libraries: an upgrade of one may change what it makes of the same bytes.
  auto libraries = markdown_library_ids();
  libraries.push_back(yaml_library_id());
  for (const auto& id : libraries) {
    if (id.empty()) return {};
    h.field(id);
  }
  return h.hex();
}


}  // namespace

fs::path default_cache_dir() {
  auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? fs::path(v) : fs::path();
  };
  if (auto d = env("NASTAVNIK_CACHE_DIR"); !d.empty()) return d;
  if (auto d = env("XDG_CACHE_HOME"); !d.empty() && d.is_absolute()) return d / "nastavnik";
  if (auto d = env("HOME"); !d.empty()) return d / ".cache" / "nastavnik";
  return {};
}

std::unique_ptr<LoadStore> LoadStore::open(const fs::path& cache_dir, const fs::path& site_root, std::string& why,
                                           std::int64_t clock_ns) {
  std::unique_ptr<LoadStore> store(new LoadStore());
  store->m_started_ns = clock_ns ? clock_ns : util::clock_now_ns();
  store->m_identity = store_identity();
  if (store->m_identity.empty()) {
    why = "не удалось прочесть файл программы или её библиотек разбора";
    return nullptr;
  }
  std::error_code ec;
  fs::path root = fs::absolute(cache_dir, ec).lexically_normal();
  if (ec || root.empty()) {
    why = "не удалось определить папку кэша";
    return nullptr;
  }
  if (root.has_parent_path()) fs::create_directories(root.parent_path(), ec);  // ~/.cache, as any program would
  fs::path site = fs::weakly_canonical(fs::absolute(site_root, ec), ec);
  store->m_dir = root / "load" / util::hash_hex(site.string());
  for (const fs::path& dir : {root, root / "load", store->m_dir})
    if (auto problem = own_folder(dir); !problem.empty()) {
      why = problem;
      return nullptr;
    }
  store->m_lock_fd = open_file(store->m_dir / "lock", O_RDWR | O_CREAT);
  if (store->m_lock_fd < 0) {
    why = "не удалось открыть «" + (store->m_dir / "lock").string() + "»: " + std::strerror(errno);
    return nullptr;
  }
  if (::flock(store->m_lock_fd, LOCK_EX | LOCK_NB) != 0) {
    why = "кэш этого сайта занят другим запуском nastavnik";
    return nullptr;
  }
  const bool have_index = store->read_index();
  const fs::path pack = store->m_dir / store->pack_name(store->m_generation);
  store->m_pack = std::make_shared<const Pack>(open_file(pack, O_RDWR | O_CREAT));
  struct stat st {};
  if (store->m_pack->fd < 0 || ::fstat(store->m_pack->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    why = "не удалось открыть «" + pack.string() + "»";
    return nullptr;
  }
  if (!have_index) {
    // Nothing in the pack is referenced: start it afresh.
    if (::ftruncate(store->m_pack->fd, 0) != 0) {
      why = "не удалось очистить «" + pack.string() + "»";
      return nullptr;
    }
    st.st_size = 0;
  }
  store->m_end = static_cast<std::uint64_t>(st.st_size);  // before any other thread sees the store
  // Packs of earlier generations left by an interrupted compaction.
  for (const auto& entry : fs::directory_iterator(store->m_dir, ec)) {
    auto name = entry.path().filename().string();
    if (name.rfind("pack-", 0) == 0 && name != store->pack_name(store->m_generation)) fs::remove(entry.path(), ec);
  }
  prune_stale_stores(root / "load", store->m_dir, store->m_started_ns);
  return store;
}

LoadStore::Pack::~Pack() {
  if (fd >= 0) ::close(fd);
}

LoadStore::~LoadStore() {
  if (m_lock_fd >= 0) ::close(m_lock_fd);  // releases the lock
}

void LoadStore::discard(const fs::path& dir) { ::unlink((dir / "index").c_str()); }

std::string LoadStore::pack_name(std::uint64_t generation) const { return "pack-" + std::to_string(generation); }

bool LoadStore::read_index() {
  auto file = util::read_regular_file(m_dir / "index", kMaxIndex, /*follow_links=*/false);
  if (file.status != util::ReadStatus::ok || file.bytes.size() < kIndexMagic.size() + 8) return false;
  std::string_view all = file.bytes;
  std::uint64_t sum = 0;
  std::memcpy(&sum, all.data() + all.size() - 8, 8);
  all.remove_suffix(8);
  if (util::hash64(all) != sum || all.substr(0, kIndexMagic.size()) != kIndexMagic) return false;
  In in{all.data() + kIndexMagic.size(), all.data() + all.size()};
  if (in.str() != m_identity) return false;
  std::uint64_t generation = in.u64();
  std::map<std::string, Record> records;
  auto n = in.count();
  for (std::size_t i = 0; i < n && in.ok; ++i) {
    std::string rel = in.str();
    Record r;
    r.key = in.str();
    r.offset = in.u64();
    r.length = in.u64();
    r.head = in.u64();
    r.checksum = in.u64();
    r.stamp.dev = in.u64();
    r.stamp.ino = in.u64();
    r.stamp.size = in.u64();
    r.stamp.mtime_ns = static_cast<std::int64_t>(in.u64());
    r.stamp.ctime_ns = static_cast<std::int64_t>(in.u64());
    r.read_ns = static_cast<std::int64_t>(in.u64());
    r.world = in.str();
    records.emplace(std::move(rel), std::move(r));
  }
  if (!in.ok || in.p != in.end || generation == 0) return false;
  m_generation = generation;
  m_index = std::move(records);
  return true;
}

bool LoadStore::write_index(const std::map<std::string, Record>& records, std::uint64_t generation) {
  Out o;
  o.b.append(kIndexMagic);
  o.str(m_identity);
  o.u64(generation);
  o.u64(records.size());
  for (const auto& [rel, r] : records) {
    o.str(rel);
    o.str(r.key);
    o.u64(r.offset);
    o.u64(r.length);
    o.u64(r.head);
    o.u64(r.checksum);
    o.u64(r.stamp.dev);
    o.u64(r.stamp.ino);
    o.u64(r.stamp.size);
    o.u64(static_cast<std::uint64_t>(r.stamp.mtime_ns));
    o.u64(static_cast<std::uint64_t>(r.stamp.ctime_ns));
    o.u64(static_cast<std::uint64_t>(r.read_ns));
    o.str(r.world);
  }
  o.u64(util::hash64(o.b));
  return replace_file(m_dir, "index", o.b);
}

std::string LoadStore::read_search_memo(const fs::path& dir) {
  if (dir.empty()) return {};
  return util::read_regular_file(dir / "search", std::uintmax_t(1) << 30, /*follow_links=*/false).bytes;
}

bool LoadStore::write_search_memo(const fs::path& dir, std::string_view bytes) {
  return !dir.empty() && replace_file(dir, "search", bytes);
}

std::optional<std::string> LoadStore::unchanged(const std::string& rel, const util::FileStamp& now) const {
  auto it = m_index.find(rel);  // read-only until commit
  if (it == m_index.end()) return std::nullopt;
  const Record& r = it->second;
  if (!stamp_vouches(r.stamp, r.read_ns, now)) return std::nullopt;
  return r.key;
}

std::shared_ptr<LoadedSource> LoadStore::find(const std::string& rel, const std::string& key, const util::FileStamp* read,
                                              bool whole, const diag::FileName& file) {
  auto it = m_index.find(rel);  // read-only until commit
  if (it == m_index.end() || it->second.key != key) return nullptr;
  Record r = it->second;
  if (read) {  // the bytes were read and hashed again this run: the record takes their stamp
    r.stamp = *read;
    r.read_ns = m_started_ns;
  }
  const std::uint64_t end = m_end.load();
  if (r.length > kMaxEntry || r.offset > end || r.length > end - r.offset || r.head > r.length) return nullptr;
  // The head alone, or the whole entry; the head's checksum either way. Read into this thread's
  // buffer, which only grows (decoding copies what it keeps): a new zero-filled string for each
  // of 10,000 entries was 2 % of a rebuild.
  thread_local std::string buffer;
  const auto size = static_cast<std::size_t>(whole ? r.length : r.head);
  if (buffer.size() < size) buffer.resize(size);
  const std::string_view bytes(buffer.data(), size);
  if (!pread_all(m_pack->fd, buffer.data(), size, r.offset) ||
      util::hash64(std::string_view(bytes).substr(0, static_cast<std::size_t>(r.head))) != r.checksum)
    return nullptr;
  std::shared_ptr<LoadedSource> e;
  if (whole) {
    e = decode_source(bytes, file);  // checks the HTML against its digest
  } else {
    const std::uint64_t tail_at = r.offset + r.head;
    const TextAt later = [&](std::uint64_t at, std::uint64_t size, std::string digest) {
      return model::StoredText(
          static_cast<std::size_t>(size), digest,
          [pack = m_pack, failures = m_late_failures, offset = tail_at + at, size, digest](std::string& out) {
            out.assign(static_cast<std::size_t>(size), '\0');
            if (pread_all(pack->fd, out.data(), out.size(), offset) && model::StoredText::digest_of(out) == digest) return true;
            ++*failures;
            return false;
          });
    };
    e = decode_head(bytes, r.length - r.head, later, file);
  }
  if (!e || e->key != key) return nullptr;
  e->stamp = r.stamp;
  e->read_ns = r.read_ns;
  e->text_pending = true;
  // The record keeps its world: the same body's answers hold in the same world whether or not
  // this run checks them (a page without an address this run is not checked).
  if (e->body) e->body->links_world = r.world;
  Journal& j = m_journal.local();
  j.found.emplace_back(rel, std::move(r));
  if (!read) ++j.unread;
  return e;
}

void LoadStore::put(const std::string& rel, const LoadedSource& e, const util::FileStamp& read) {
  const std::string bytes = encode_source(e);
  const std::uint64_t head = entry_head_size(bytes);
  if (head == 0 || head > bytes.size()) return;
  Record r{e.key, 0, bytes.size(), head, util::hash64(std::string_view(bytes).substr(0, head)), read, m_started_ns,
           e.body ? e.body->links_world : std::string()};
  r.offset = m_end.fetch_add(bytes.size());
  // Written each at its own reserved place; a failed write leaves a record whose checksum will
  // not match, which only means parsing that source again.
  if (!pwrite_all(m_pack->fd, bytes, r.offset)) return;
  m_journal.local().stored.emplace_back(rel, std::move(r));
}

void LoadStore::links_held(const std::string& rel, const std::string& world) {
  m_journal.local().held.emplace_back(rel, world);
}

void LoadStore::gather() {
  // What was found, then where found bodies' links held, then what was stored (a source found
  // and rendered again is stored after it was found): the order the run did them in.
  for (auto& j : m_journal) {
    for (auto& [rel, r] : j.found) m_next[rel] = std::move(r);
    m_stats.found += j.found.size();
    m_stats.unread += j.unread;
  }
  for (auto& j : m_journal)
    for (auto& [rel, world] : j.held)
      if (auto it = m_next.find(rel); it != m_next.end()) it->second.world = std::move(world);
  for (auto& j : m_journal) {
    for (auto& [rel, r] : j.stored) m_next[rel] = std::move(r);
    m_stats.stored += j.stored.size();
  }
  m_journal.clear();
}

bool LoadStore::commit() {
  std::lock_guard lock(m_mutex);
  gather();
  std::uint64_t live = 0;
  for (const auto& [rel, r] : m_next) live += r.length;
  m_stats.live_bytes = live;
  m_stats.pack_bytes = m_end;
  if (m_end > 2 * live + (std::uint64_t(16) << 20)) {
    // Compaction: the live entries into the next generation's pack, then the index that names
    // it, then the old pack goes. An interruption anywhere leaves an index and its pack.
    const std::uint64_t next_gen = m_generation + 1;
    const fs::path next_path = m_dir / pack_name(next_gen);
    int fd = open_file(next_path, O_RDWR | O_CREAT | O_TRUNC);
    if (fd >= 0) {
      std::map<std::string, Record> moved;
      std::uint64_t at = 0;
      bool ok = true;
      std::string buf;
      for (const auto& [rel, r] : m_next) {
        buf.resize(static_cast<std::size_t>(r.length));
        if (!pread_all(m_pack->fd, buf.data(), buf.size(), r.offset) ||
            util::hash64(std::string_view(buf).substr(0, static_cast<std::size_t>(r.head))) != r.checksum)
          continue;
        if (!(ok = pwrite_all(fd, buf, at))) break;
        Record kept = r;
        kept.offset = at;
        moved[rel] = std::move(kept);
        at += r.length;
      }
      if (ok && write_index(moved, next_gen)) {
        std::error_code ec;
        fs::remove(m_dir / pack_name(m_generation), ec);
        m_pack = std::make_shared<const Pack>(fd);  // the old one stays open for bodies still to be read
        m_generation = next_gen;
        m_end = at;
        m_index = m_next = std::move(moved);
        m_stats.pack_bytes = at;
        return true;
      }
      ::close(fd);
      ::unlink(next_path.c_str());
    }
  }
  if (!write_index(m_next, m_generation)) return false;
  m_index = m_next;
  return true;
}

LoadStore::Stats LoadStore::stats() const {
  std::lock_guard lock(m_mutex);
  Stats s = m_stats;  // and what is not gathered yet
  for (const auto& j : m_journal) {
    s.found += j.found.size();
    s.unread += j.unread;
    s.stored += j.stored.size();
  }
  return s;
}

}  // namespace nastavnik::content
