#pragma once
// Render stage: the loaded and validated Site → every output file, in memory.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "model/site.hpp"

namespace nastavnik::render {

class SearchMemo;
class ReadAhead;

/// One file of the output tree. Either `bytes` holds its content, or `copy_from` names a site
/// file (absolute path) to copy as it is.
struct OutputFile {
  std::string path;  ///< relative to the output root, '/' separated, e.g. "novosti/a/index.html"
  std::string bytes;
  std::string copy_from;
  /// When copy_from is the previous output's own file: its inode when the renderer checked it
  /// (0: unknown). The writer's staging tree already holding that inode has nothing to do.
  std::uint64_t copy_ino = 0;

  OutputFile() = default;
  OutputFile(std::string p, std::string b, std::string from = {}, std::uint64_t ino = 0)
      : path(std::move(p)), bytes(std::move(b)), copy_from(std::move(from)), copy_ino(ino) {}
};

struct RenderStats {
  std::size_t pages = 0;   ///< HTML pages of the site
  std::size_t reused = 0;  ///< of them, kept from the previous output (page cache hits)
  std::size_t search_reused = 0;  ///< search documents taken from the saved memo, not stemmed again
};

struct RenderOptions {
  std::string layouts_dir;  ///< the site's own layouts/ (may not exist): overrides file by file
  bool serve_mode = false;  ///< inject the live-reload script
  int jobs = 0;             ///< 0: all cores
  /// The process ends after this build: its big structures are kept until then, not freed
  /// (util::keep_until_exit).
  bool last_run = false;
  /// The previous output's page manifest and the saved search memo, read ahead (a single build
  /// begins that when it starts); null: read here. Its manifest must be previous_output's, its
  /// memo the one read_search_memo (or the previous output's) gives.
  ReadAhead* read_ahead = nullptr;
  /// Keep the page cache (render/page_cache.hpp): every page gets a key, and the manifest of
  /// keys is written among the output files.
  bool page_cache = false;
  /// With page_cache: the output folder of the previous build. Pages whose key and size match
  /// its manifest are not rendered again; the writer keeps their files.
  std::filesystem::path previous_output;
  RenderStats* stats = nullptr;  ///< filled when set
  SearchMemo* search_memo = nullptr;  ///< kept between the builds of one process (serve)
  /// With page_cache and no search_memo: where a single build keeps the search index's saved memo
  /// (SearchMemo::save), when both are set — beside the parse cache, so that a build into a
  /// fresh output folder finds it too (content::LoadStore::read_search_memo). Otherwise it is
  /// kept in the output beside the page manifest (k_search_memo).
  std::function<std::string()> read_search_memo;
  std::function<void(std::string_view bytes)> write_search_memo;
  /// Streaming output, when both are set: the paths of the whole output are announced first
  /// (`begin_output`; false stops rendering, which then returns nothing), then each page is
  /// handed to `emit` as soon as it is rendered, from any thread, instead of being returned —
  /// the HTML of all pages is never held at once. The rest is returned as usual.
  std::function<bool(const std::vector<std::string>& paths)> begin_output;
  std::function<void(OutputFile&& file)> emit;
};

/// Renders every page, feed, calendar, sitemap, asset and copied file. Template problems are
/// reported into the sink. Output order is deterministic (sorted by path).
std::vector<OutputFile> render_site(const model::Site& site, const RenderOptions& options, diag::Sink& sink);

}  // namespace nastavnik::render
