#pragma once
// The whole build as one call: load → validate → render → write. Used by build, check, serve.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/load_cache.hpp"
#include "content/load_store.hpp"
#include "diag/sink.hpp"
#include "render/search_index.hpp"
#include "model/site.hpp"
#include "output/writer.hpp"

namespace nastavnik::pipeline {

struct Caches;

struct Options {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;        ///< empty: <site>/public
  std::optional<std::string> base_url;  ///< --base-url
  bool drafts = false;
  bool future = false;
  bool strict = false;  ///< warnings count as errors: nothing is written
  int jobs = 0;
  util::Date now;
  bool write = true;    ///< false for `check`
  bool serve_mode = false;
  bool incremental = true;  ///< reuse unchanged pages of the previous output (tests turn it off)
  /// Kept between the builds of one process (serve); null for a single build.
  Caches* caches = nullptr;
  /// The load store's cache folder (content/load_store.hpp), usually content::default_cache_dir();
  /// empty: none (--no-cache, tests). A single build or check backs its own load cache with it;
  /// serve backs its kept cache with it for its first build only (what earlier builds stored is
  /// found; what they had not is stored): the store keeps only what the build using it saw.
  std::filesystem::path cache_dir;
  /// The process ends after this run (build, check): the site model is not freed piece by piece
  /// at the end — 10,000 news items took 11 ms of one core — but left to the system.
  bool last_run = false;
  /// The store's clock (LoadStore::open): 0, the system's; tests set it ahead.
  std::int64_t cache_clock_ns = 0;
};

/// What one process keeps between its builds (serve rebuilds on every save): unchanged sources
/// are not parsed or rendered again (content/load_cache.hpp), unchanged documents not stemmed
/// again for the search index. The output is the same bytes with or without them.
struct Caches {
  content::LoadCache load;
  render::SearchMemo search;
  /// The output folder this process wrote last and its files: the next write updates it in
  /// place (output::update_in_place).
  std::filesystem::path written_to;
  std::vector<std::string> written_files;
};

enum class Outcome {
  ok,              ///< built (or checked) with no errors
  content_errors,  ///< problems in the content: nothing written (exit 1)
  not_a_site,      ///< no site.yaml (exit 2)
  io_error,        ///< could not write the output (exit 2)
};

struct Result {
  Outcome outcome = Outcome::ok;
  std::string error;  ///< Russian, for not_a_site and io_error
  std::size_t files = 0;
  output::WriteResult write;
  render::RenderStats render;
  std::filesystem::path out_dir;
  /// Why the load store was not used although a cache folder was given (Russian); empty when
  /// it was used or not asked for.
  std::string cache_note;
  bool load_store_used = false;
  content::LoadStore::Stats load_store;
  /// What the load cache (serve's or the store's) saved this run.
  content::LoadCache::Stats loaded;
};

Result run(const Options& options, diag::Sink& sink);

}  // namespace nastavnik::pipeline
