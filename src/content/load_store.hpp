#pragma once
// The load cache on disk (issue 8): what loading each Markdown source produced — its front
// matter stage and its rendered body with the questions the rendering asked — kept between runs
// of `build` and `check`, so that a run parses and renders only the sources whose bytes changed.
//
// Correct by construction, as the in-memory load cache (content/load_cache.hpp) it backs: an
// entry is found only under its source key (kind, path, XXH3-128 of the bytes read this run),
// its body is reused only while every recorded question gets the same answer, and the whole
// store belongs to one identity — the nastavnik binary and the cmark-gfm and yaml-cpp libraries
// it runs with, by their build IDs (util::module_identity). A missing, damaged, foreign or busy store only means parsing
// again; nothing in it is ever trusted without its checksum.
//
// Where: <cache folder>/load/<XXH3 of the site's absolute path>/ — never inside the site or its
// output (the entries hold drafts and withheld sections). Every folder of it is the user's own,
// mode 0700; files are opened without following symbolic links. Layout:
//   lock       flock'ed for the whole run: a second run of the same site goes without the store
//   index      identity, the pack's generation, rel → (key, offset, length, XXH3-64, the
//              source's stamp and when its bytes were last read), checksum; replaced atomically
//              (written beside, renamed)
//
// A source is not even read when its stamp (device, inode, size, mtime, ctime: util::FileStamp)
// is the one recorded when its bytes were last read and hashed, and that stamp was already more
// than a second old then — git's rule against "racily clean" files: a file written in the same
// clock tick as it was read could change again without its times changing. A tool that sets
// mtime back cannot set ctime; --no-cache reads everything.
//   pack-<N>   the entries' bytes, appended; rewritten as pack-<N+1> when less than half of it
//              is live
//   search     the search index's memo (read_search_memo), written as search.new and renamed
// Opening a store removes the stores of other sites that no run has touched for 30 days (a site
// moved or renamed leaves its old one) — only folders holding nothing but these files, unlocked.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/spin_mutex.h>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/load_cache.hpp"
#include "content/load_codec.hpp"
#include "util/file.hpp"

namespace nastavnik::content {

/// The default cache folder: $NASTAVNIK_CACHE_DIR, else $XDG_CACHE_HOME/nastavnik, else
/// $HOME/.cache/nastavnik; empty when none of them is set.
std::filesystem::path default_cache_dir();

class LoadStore {
 public:
  struct Stats {
    std::size_t found = 0;   ///< entries read back this run
    std::size_t unread = 0;  ///< of them, whose source was not even read (its stamp vouched)
    std::size_t stored = 0;  ///< entries written this run
    std::uint64_t pack_bytes = 0;
    std::uint64_t live_bytes = 0;
  };

  /// The store of the site at `site_root` under `cache_dir`, made if missing. Null, with a
  /// Russian reason in `why`, when it cannot be used (no identity, a folder not the user's own
  /// or open to others, a symbolic link, another run holding it, a system error).
  /// `clock_ns`: this run's start in file-time nanoseconds; 0 for the system clock (tests move
  /// it forward instead of waiting for their files to age).
  static std::unique_ptr<LoadStore> open(const std::filesystem::path& cache_dir,
                                         const std::filesystem::path& site_root, std::string& why,
                                         std::int64_t clock_ns = 0);
  ~LoadStore();
  LoadStore(const LoadStore&) = delete;
  LoadStore& operator=(const LoadStore&) = delete;

  /// The key `rel` was stored under, when `now` (its stamp at this moment) shows that it has
  /// not been written since its bytes were read under that key (see above). Thread-safe.
  std::optional<std::string> unchanged(const std::string& rel, const util::FileStamp& now) const;
  /// Whether the store has no entry at all (the first run for this site, or after a reset).
  bool empty() const { return m_index.empty(); }
  /// The stored entry of `rel` when it was stored under `key` and its head reads back whole
  /// (its text and split are not set). `read` is the stamp of the bytes just read and hashed
  /// into `key`; null when `key` came from unchanged(). The HTML and plain text of its body are
  /// read when first used (model::StoredText; a failure then counts in late_failures()), or at
  /// once with `whole` (serve keeps its entries: a failure then only means parsing again).
  /// Thread-safe.
  /// `file`: rel as the caller has it interned (decode_head), or empty.
  std::shared_ptr<LoadedSource> find(const std::string& rel, const std::string& key, const util::FileStamp* read,
                                     bool whole = false, const diag::FileName& file = {});
  /// How many texts of bodies of entries found this run did not read back as stored when first
  /// used: the pack was changed under the run. Outlives the store: the build renders after the
  /// store is closed, and must not write pages rendered from a failed read.
  std::shared_ptr<const std::atomic<std::size_t>> late_failures() const { return m_late_failures; }
  /// Stores `e` as the entry of `rel` (appended to the pack); `read` is the stamp of the bytes
  /// its key was hashed from. Thread-safe.
  void put(const std::string& rel, const LoadedSource& e, const util::FileStamp& read);
  /// The body of the entry of `rel` found this run was checked again: its link answers hold in
  /// `world` (BodyMemo::links_world), not the one its record had. An entry found and not
  /// checked again keeps its record's world: the same answers hold in the same world. Thread-safe.
  void links_held(const std::string& rel, const std::string& world);
  /// Writes the new index: the entries found or put this run (the sources of this run), no
  /// others. Compacts the pack first when less than half of it would be live. False when the
  /// index could not be written (the old one stays; the store is only a cache). Called once the
  /// run's finds and puts are over, never beside them.
  bool commit();
  Stats stats() const;
  /// Forgets every entry of the store in `dir` (its index goes; the next run starts afresh):
  /// after late_failures, so that the next run does not find the same damaged bytes.
  static void discard(const std::filesystem::path& dir);
  /// The search index's memo (render/search_index.hpp, SearchMemo::save) kept beside the
  /// entries, so that a build into a fresh output folder does not stem every page again. Its
  /// bytes: empty when it is missing, not a regular file (a link is not followed) or over 1 GiB.
  /// Read and written after the run has closed the store: the memo carries its own identity
  /// and checksum, and is replaced whole (written beside, renamed), so two runs at once at worst
  /// leave a memo that does not load — the next run stems again.
  static std::string read_search_memo(const std::filesystem::path& dir);
  /// False when it could not be written (the old one stays; it is only a cache).
  static bool write_search_memo(const std::filesystem::path& dir, std::string_view bytes);
  /// When this run opened the store (its clock; see open).
  std::int64_t started_ns() const { return m_started_ns; }
  /// The store's own folder.
  const std::filesystem::path& dir() const { return m_dir; }

 private:
  struct Record {
    std::string key;
    /// length: head and tail; checksum: XXH3-64 of the head (the tail is checked by its digests)
    std::uint64_t offset = 0, length = 0, head = 0, checksum = 0;
    util::FileStamp stamp;       ///< of the bytes hashed into key
    std::int64_t read_ns = 0;    ///< no later than when they were read (the run's start)
    /// Where the body's link answers were seen to hold (BodyMemo::links_world) by the run that
    /// wrote the index; empty when that run did not check them.
    std::string world;
  };
  LoadStore() = default;
  bool read_index();
  bool write_index(const std::map<std::string, Record>& records, std::uint64_t generation);
  std::string pack_name(std::uint64_t generation) const;

  std::filesystem::path m_dir;
  std::string m_identity;
  int m_lock_fd = -1;
  /// The pack's descriptor, shared with the bodies whose HTML is still to be read: it stays
  /// open (and a compacted pack readable) until the last of them is gone.
  struct Pack {
    int fd = -1;
    explicit Pack(int f) : fd(f) {}
    ~Pack();
    Pack(const Pack&) = delete;
    Pack& operator=(const Pack&) = delete;
  };
  std::shared_ptr<const Pack> m_pack;
  std::shared_ptr<std::atomic<std::size_t>> m_late_failures = std::make_shared<std::atomic<std::size_t>>(0);
  std::uint64_t m_generation = 1;
  /// Guards m_next and m_stats in commit and stats (never beside finds and puts).
  mutable tbb::spin_mutex m_mutex;
  /// As read at open, replaced only by commit: read without the lock while the run finds and
  /// puts entries (commit is never concurrent with them).
  std::map<std::string, Record> m_index;
  std::map<std::string, Record> m_next;  ///< found or put this run, as gathered by commit
  /// What each thread found, put and saw hold, kept without a lock on the path of 10,000
  /// sources (a shared map under one lock took two map insertions per source); gathered into
  /// m_next by commit.
  struct Journal {
    std::vector<std::pair<std::string, Record>> found, stored;
    std::vector<std::pair<std::string, std::string>> held;  ///< rel → links_world
    std::size_t unread = 0;
  };
  tbb::enumerable_thread_specific<Journal> m_journal;
  void gather();
  std::atomic<std::uint64_t> m_end{0};  ///< the pack's size: where the next entry goes
  std::int64_t m_started_ns = 0;          ///< when this run opened the store
  Stats m_stats;
};

}  // namespace nastavnik::content
