#pragma once
// The atomic writer: the output is built in a temporary sibling directory and swapped in with
// one rename, so readers see either the old tree or the new one, never a mix.
#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "output/tree_walk.hpp"
#include "render/page_cache.hpp"
#include "render/render.hpp"

namespace nastavnik::output {

/// The file that marks a directory as nastavnik's own output.
inline constexpr const char* k_marker = ".nastavnik-output";
/// The page cache's manifest, written by the render stage among the output files.
inline constexpr const char* k_page_manifest = render::k_page_manifest;
/// The caches' files the render stage writes among the output files (page manifest, search
/// memo): bookkeeping of the build, not part of the site.
inline bool is_cache_file(std::string_view rel) { return render::is_cache_file(rel); }

struct WriteResult {
  bool ok = false;
  std::string error;  ///< Russian, when !ok
  std::size_t written = 0;    ///< files whose bytes changed (or new)
  std::size_t unchanged = 0;  ///< files kept as they were (hard links to the old tree)
};

/// Checks that `out` may be (re)written: it does not exist, is empty, or carries the marker.
/// Returns an empty string when fine, a Russian reason otherwise.
std::string check_output_dir(const std::filesystem::path& out);

/// The new output, being written: `open` prepares the staging tree for exactly `paths`
/// (the previous swap's tree when there is one: strays removed, folders made), `put` writes one
/// file from any thread (the render stage hands each page over as soon as it is rendered, so
/// the HTML of all pages is never held at once), `commit` swaps the tree in. Destroyed without
/// commit, the live output stays untouched and the staging tree is kept for the next build.
class Staging {
 public:
  /// nullptr with a Russian `error` when `out` may not be written. `jobs`: threads for walking
  /// the adopted tree (0 = all cores).
  static std::unique_ptr<Staging> open(const std::filesystem::path& out, const std::vector<std::string>& paths,
                                       std::string& error, int jobs = 0);
  /// The first half of open, done early: the previous build's swapped-out tree (.<out>.prev)
  /// is taken as the staging tree now, and listed in the background (TreeListing) while the
  /// build loads and checks the site; prepare() is the second half. Null, touching nothing,
  /// when there is no such tree or `out` may not be written (open says why). Destroyed without
  /// commit — the site has errors, say — the tree goes back as it was.
  static std::unique_ptr<Staging> adopt(const std::filesystem::path& out, int jobs = 0);
  /// Makes the staging tree hold exactly the folders of `paths` (strays removed, folders made);
  /// false with a Russian `error` when it cannot (then destroy it: the tree is kept).
  bool prepare(const std::vector<std::string>& paths, std::string& error);
  void put(const render::OutputFile& f);
  /// put for each file, in parallel (at most `jobs` threads, 0 = all cores).
  void put_all(const std::vector<render::OutputFile>& files, int jobs);
  WriteResult commit();
  ~Staging();
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

 private:
  Staging() = default;
  /// Makes the deferred folder of `path`, if it has one; false (the error noted) when it cannot.
  bool make_deferred_folder(std::string_view path);
  static std::unique_ptr<Staging> begin(const std::filesystem::path& out, std::string& error, int jobs, bool adopt_only);
  std::filesystem::path m_out, m_tmp, m_prev;
  bool m_staged = false;    ///< the previous swap's tree was adopted
  bool m_have_old = false;  ///< a live output exists
  bool m_done = false;
  std::unique_ptr<TreeListing> m_listing;  ///< of the adopted tree, until prepare() takes it
  std::vector<std::string> m_paths;        ///< every path of the new output (and the marker)
  std::unordered_set<std::string_view> m_wanted;  ///< views of m_paths, read-only after prepare
  /// Folders of a fresh tree that hold only files: put() makes each with its first file
  /// (views of m_paths, read-only after prepare).
  std::unordered_set<std::string_view> m_deferred;
  /// The adopted tree's files and their inodes, as its listing saw them (keys view m_paths;
  /// read-only after prepare); used only when it is on the live output's device.
  std::unordered_map<std::string_view, std::uint64_t> m_inodes;
  std::atomic<std::size_t> m_written{0}, m_unchanged{0};
  std::mutex m_error_mutex;
  std::string m_error;
};

/// The output paths of `files`, in order (what Staging::open and prepare take).
std::vector<std::string> paths_of(const std::vector<render::OutputFile>& files);

/// Writes `files` as the new content of `out`. Files whose bytes equal the previous output keep
/// their inode and timestamp. Leftovers of an interrupted earlier build are removed first.
WriteResult write_output(const std::filesystem::path& out, const std::vector<render::OutputFile>& files, int jobs = 0);

/// serve's writer, after its first build into its private folder: `out` is updated in place,
/// touching only what changed — a changed file is replaced by a rename (a reader never sees a
/// torn file), a file of `previous` (the paths this process wrote there last time) that is no
/// longer part of the output is removed. O(changed files) instead of a whole staging tree: a
/// reader may see old and new pages side by side for a moment, which is fine for a preview.
/// Falls back to write_output when `out` is not nastavnik's output.
WriteResult update_in_place(const std::filesystem::path& out, const std::vector<render::OutputFile>& files,
                            const std::vector<std::string>& previous);

}  // namespace nastavnik::output
