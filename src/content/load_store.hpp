#pragma once
// The load cache on disk (issue 8): what loading each Markdown source produced — its front
// matter stage and its rendered body with the questions the rendering asked — kept between runs
// of `build` and `check`, so that a run parses and renders only the sources whose bytes changed.
//
// Correct by construction, as the in-memory load cache (content/load_cache.hpp) it backs: an
// entry is found only under its source key (kind, path, XXH3-128 of the bytes read this run),
// its body is reused only while every recorded question gets the same answer, and the whole
// store belongs to one identity — the nastavnik binary and the cmark-gfm and yaml-cpp libraries
// it runs with, by their bytes. A missing, damaged, foreign or busy store only means parsing
// again; nothing in it is ever trusted without its checksum.
//
// Where: <cache folder>/load/<XXH3 of the site's absolute path>/ — never inside the site or its
// output (the entries hold drafts and withheld sections). Every folder of it is the user's own,
// mode 0700; files are opened without following symbolic links. Layout:
//   lock       flock'ed for the whole run: a second run of the same site goes without the store
//   index      identity, the pack's generation, rel → (key, offset, length, XXH3-64), checksum;
//              replaced atomically (written beside, renamed)
//   pack-<N>   the entries' bytes, appended; rewritten as pack-<N+1> when less than half of it
//              is live
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "content/load_cache.hpp"

namespace nastavnik::content {

/// One entry's bytes: everything of a LoadedSource but the text and its split (derived from the
/// source bytes again) and the `lent` flag.
std::string encode_source(const LoadedSource& e);
/// The entry back; null when `bytes` are not exactly one well-formed entry.
std::shared_ptr<LoadedSource> decode_source(std::string_view bytes);

/// The default cache folder: $NASTAVNIK_CACHE_DIR, else $XDG_CACHE_HOME/nastavnik, else
/// $HOME/.cache/nastavnik; empty when none of them is set.
std::filesystem::path default_cache_dir();

class LoadStore {
 public:
  struct Stats {
    std::size_t found = 0;   ///< entries read back this run
    std::size_t stored = 0;  ///< entries written this run
    std::uint64_t pack_bytes = 0;
    std::uint64_t live_bytes = 0;
  };

  /// The store of the site at `site_root` under `cache_dir`, made if missing. Null, with a
  /// Russian reason in `why`, when it cannot be used (no identity, a folder not the user's own
  /// or open to others, a symbolic link, another run holding it, a system error).
  static std::unique_ptr<LoadStore> open(const std::filesystem::path& cache_dir,
                                         const std::filesystem::path& site_root, std::string& why);
  ~LoadStore();
  LoadStore(const LoadStore&) = delete;
  LoadStore& operator=(const LoadStore&) = delete;

  /// The stored entry of `rel` when it was stored under `key` and reads back whole (its text
  /// and split are not set). Thread-safe.
  std::shared_ptr<LoadedSource> find(const std::string& rel, const std::string& key);
  /// Stores `e` as the entry of `rel` (appended to the pack). Thread-safe.
  void put(const std::string& rel, const LoadedSource& e);
  /// Writes the new index: the entries found or put this run (the sources of this run), no
  /// others. Compacts the pack first when less than half of it would be live. False when the
  /// index could not be written (the old one stays; the store is only a cache).
  bool commit();
  Stats stats() const;
  /// The store's own folder.
  const std::filesystem::path& dir() const { return m_dir; }

 private:
  struct Record {
    std::string key;
    std::uint64_t offset = 0, length = 0, checksum = 0;
  };
  LoadStore() = default;
  bool read_index();
  bool write_index(const std::map<std::string, Record>& records, std::uint64_t generation);
  std::string pack_name(std::uint64_t generation) const;

  std::filesystem::path m_dir;
  std::string m_identity;
  int m_lock_fd = -1;
  int m_pack_fd = -1;
  std::uint64_t m_generation = 1;
  mutable std::mutex m_mutex;
  std::map<std::string, Record> m_index;  ///< as read at open
  std::map<std::string, Record> m_next;   ///< found or put this run
  std::uint64_t m_end = 0;                ///< the pack's size: where the next entry goes
  Stats m_stats;
};

}  // namespace nastavnik::content
