#include "pipeline/pipeline.hpp"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

#include <atomic>
#include <memory>
#include <optional>

#include "config/load_config.hpp"
#include "content/loader.hpp"
#include "render/read_ahead.hpp"
#include "render/render.hpp"
#include "util/allocator.hpp"
#include "util/file.hpp"
#include "util/stage_timer.hpp"
#include "validate/validate.hpp"

namespace nastavnik::pipeline {

namespace fs = std::filesystem;

namespace {

/// The output must never cover the site's sources: not the site folder itself, not a folder
/// that contains it, and nothing inside content/ or layouts/ (the next build would read its own
/// output back). Returns a Russian reason, empty when fine.
std::string overlaps_sources(const fs::path& site_dir, const fs::path& out_dir) {
  std::error_code ec;
  fs::path site = fs::weakly_canonical(fs::absolute(site_dir), ec).lexically_normal();
  fs::path out = fs::weakly_canonical(fs::absolute(out_dir), ec).lexically_normal();
  auto within = [](const fs::path& inner, const fs::path& outer) {
    auto rel = inner.lexically_relative(outer);
    return !rel.empty() && *rel.begin() != "..";
  };
  if (within(site, out))
    return "папка результата «" + out_dir.string() + "» совпадает с папкой сайта или содержит её: сборка стёрла бы исходные файлы";
  for (const char* src : {"content", "layouts"})
    if (within(out, site / src))
      return "папка результата «" + out_dir.string() + "» лежит внутри " + src +
             "/: следующая сборка прочла бы результат как исходные файлы. Укажите в -o папку вне " + src + "/";
  return {};
}

/// The text blocks of each body exist for the leak scan of validation; rendering does not read
/// them. Freed once validation is done (about as much memory as the bodies' plain text), in
/// parallel. Not with a load cache: its bodies are lent to the next build's validation too.
void release_scan_blocks(model::Site& site, int jobs) {
  auto release = [](model::PageBase& p) { std::vector<model::TextBlock>().swap(p.body.blocks); };
  if (site.landing) release(*site.landing);
  if (site.regulation) release(*site.regulation);
  for (auto& p : site.programs) release(p);
  for (auto& p : site.practices) release(p);
  for (auto& p : site.pages) release(p);
  tbb::task_arena arena(jobs > 0 ? jobs : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(std::size_t(0), site.news.size(), [&](std::size_t i) { release(site.news[i]); });
  });
}

/// What a run finishes beside its later stages once loading is done: the load store's new
/// index (and its lock), and the run's own load cache, freed. 13 ms of one core at 10,000 pages,
/// while validation and the pages' contexts leave the other core idle now and then.
struct Closing {
  std::unique_ptr<content::LoadStore> store;
  std::optional<content::LoadCache> cache;  ///< a single run's own, backed by the store
  content::LoadStore::Stats stats;          ///< the store's, once committed
  tbb::task_group tasks;
  void wait() {
    try {
      tasks.wait();
    } catch (...) {  // commit reports nothing; a failure only means parsing again next time
    }
  }
  ~Closing() { wait(); }
};

Result run_stages(const Options& options, diag::Sink& sink, Closing& closing);

}  // namespace

Result run(const Options& options, diag::Sink& sink) {
  Closing closing;
  Result result = run_stages(options, sink, closing);
  closing.wait();
  if (result.load_store_used) result.load_store = closing.stats;
  return result;
}

namespace {

Result run_stages(const Options& options, diag::Sink& sink, Closing& closing) {
  Result result;
  std::error_code ec;
  if (!fs::is_directory(options.site_dir, ec)) {
    result.outcome = Outcome::not_a_site;
    result.error = "папка сайта «" + options.site_dir.string() + "» не найдена";
    return result;
  }
  auto cfg = config::load_site_config(options.site_dir, sink);
  if (cfg.status == config::ConfigStatus::missing) {
    result.outcome = Outcome::not_a_site;
    result.error = "в папке «" + options.site_dir.string() +
                   "» нет site.yaml — это не папка сайта. Укажите папку сайта в -s или создайте сайт: nastavnik init ПАПКА";
    return result;
  }
  sink.set_overrides(cfg.config.rules.severity);
  if (options.base_url && !config::set_base_url(cfg.config, *options.base_url)) {
    result.outcome = Outcome::not_a_site;
    result.error = "--base-url: «" + *options.base_url + "» — не абсолютный адрес http(s)://…";
    return result;
  }
  model::BuildOptions bo;
  bo.now = options.now;
  bo.render = options.write;
  bo.drafts = options.drafts;
  bo.future = options.future;
  util::StageTimer timer("запись");
  const fs::path out_dir = options.out_dir.empty() ? options.site_dir / "public" : options.out_dir;
  // A single build takes the previous build's swapped-out tree as its staging tree now, and
  // lists it in the background while the site loads and is checked (output::Staging::adopt);
  // if the build stops before writing, the tree goes back as it was.
  std::unique_ptr<output::Staging> staging;
  bool staging_ready = false;  ///< prepared for this build's paths
  if (options.write && !options.caches && overlaps_sources(options.site_dir, out_dir).empty())
    staging = output::Staging::adopt(out_dir, options.jobs);
  // The previous output, when pages may be taken from it (it is ours: it carries the marker):
  // absolute and normal, as the writer names the live output, which recognises its own files.
  fs::path previous_output;
  if (options.incremental && fs::exists(out_dir / output::k_marker, ec)) {
    previous_output = fs::absolute(out_dir).lexically_normal();
    if (previous_output.filename().empty()) previous_output = previous_output.parent_path();
  }
  content::LoadCache* load_cache = options.caches ? &options.caches->load : nullptr;
  // A single run backs its own load cache with the store on disk, and lets both go once loaded;
  // serve backs its kept cache with it while loading.
  std::unique_ptr<content::LoadStore>& store = closing.store;
  std::optional<content::LoadCache>& run_cache = closing.cache;
  if (!options.cache_dir.empty()) {
    store = content::LoadStore::open(options.cache_dir, options.site_dir, result.cache_note, options.cache_clock_ns);
    if (store && options.caches) options.caches->load.attach_store(store.get());
    else if (store) {
      load_cache = &run_cache.emplace(store.get());
      // Bodies are read from the store when first rendered; a build that renders every page
      // (no earlier output to take pages from) reads each entry whole, in one read.
      run_cache->read_whole(options.write && previous_output.empty());
    }
  }
  // What the render stage will read from the previous build — its page manifest, the search
  // memo — is read now, while the site loads (render::ReadAhead). The memo is the one the render
  // stage would read: beside the parse cache when there is one, else in the previous output.
  std::optional<render::ReadAhead> read_ahead;
  if (options.write && !options.caches && (store || !previous_output.empty())) {
    std::function<std::string()> memo_bytes;
    if (store)
      memo_bytes = [dir = store->dir()] { return content::LoadStore::read_search_memo(dir); };
    else
      memo_bytes = [dir = previous_output] { return render::read_cache_file(dir / render::k_search_memo); };
    read_ahead.emplace(previous_output, std::move(memo_bytes), options.jobs);
  }
  if (load_cache) load_cache->set_run_clock(store ? store->started_ns() : options.cache_clock_ns ? options.cache_clock_ns : util::clock_now_ns());
  model::Site site = content::load_site(options.site_dir, std::move(cfg.config), bo, sink, options.jobs, load_cache);
  if (load_cache) result.loaded = load_cache->last();
  struct Leave {
    model::Site& site;
    bool keep;
    ~Leave() {
      if (keep) util::keep_until_exit(std::make_shared<model::Site>(std::move(site)));
    }
  } leave{site, options.last_run};
  // Bodies found in the store are read when first rendered, after the store is closed.
  std::shared_ptr<const std::atomic<std::size_t>> late_failures;
  fs::path store_dir;
  if (store) {
    late_failures = store->late_failures();
    store_dir = store->dir();
    result.load_store_used = true;
    if (options.caches) options.caches->load.attach_store(nullptr);
    // A failure only means parsing again next time. Then the store's lock goes: another run of
    // this site may use it.
    auto close = [&closing] {
      closing.store->commit();
      closing.stats = closing.store->stats();
      closing.cache.reset();
      closing.store.reset();
    };
    if (options.jobs == 1)
      close();
    else
      closing.tasks.run(close);
  }
  // The bodies are serve's load cache's, lent to this build (content/load_cache.hpp): given
  // back whichever way the build ends, before the site is freed.
  struct GiveBack {
    model::Site& site;
    content::LoadCache* cache;
    ~GiveBack() {
      if (cache) content::return_bodies(site, *cache);
    }
  } give_back{site, options.caches ? load_cache : nullptr};
  timer.lap("загрузка");
  // Texts read from the store after it was closed (the bodies' HTML and plain text, read when
  // first used) that did not read back as stored: nothing may be concluded from what used them
  // (the leak scan would have scanned nothing), and nothing rendered from them written. The
  // store is forgotten, so that the next run parses again.
  auto store_failed = [&](const char* what) {
    if (!late_failures || late_failures->load() == 0) return false;
    closing.wait();  // its index is written: forgotten after that
    content::LoadStore::discard(store_dir);
    result.outcome = Outcome::io_error;
    result.error = "кэш разбора «" + store_dir.string() + "» изменился во время сборки: тексты страниц из него не прочлись, " +
                   what + ". Кэш сброшен — запустите сборку снова";
    return true;
  };
  validate::run_all(site, sink);
  if (!options.caches) release_scan_blocks(site, options.jobs);
  timer.lap("проверка");
  if (store_failed("проверка не закончена")) return result;
  auto blocked = [&] { return sink.errors() > 0 || (options.strict && sink.warnings() > 0); };
  if (blocked()) {
    result.outcome = Outcome::content_errors;
    return result;
  }
  if (!options.write) return result;

  result.out_dir = out_dir;
  if (auto why = overlaps_sources(options.site_dir, result.out_dir); !why.empty()) {
    result.outcome = Outcome::io_error;
    result.error = why;
    return result;
  }
  render::RenderOptions ro;
  ro.layouts_dir = (options.site_dir / "layouts").string();
  ro.serve_mode = options.serve_mode;
  ro.jobs = options.jobs;
  ro.last_run = options.last_run;
  // Unchanged pages are taken from the previous output, if it is ours (it carries the marker).
  ro.page_cache = options.incremental;
  ro.previous_output = previous_output;
  if (read_ahead) ro.read_ahead = &*read_ahead;
  ro.stats = &result.render;
  if (options.caches) ro.search_memo = &options.caches->search;
  // A single build keeps the search index's memo beside the parse cache: a build into a fresh
  // output folder stems only what changed too.
  if (!options.caches && !store_dir.empty()) {
    ro.read_search_memo = [&] { return content::LoadStore::read_search_memo(store_dir); };
    ro.write_search_memo = [&](std::string_view bytes) { content::LoadStore::write_search_memo(store_dir, bytes); };
  }
  // A single build streams its pages into the staging tree as they are rendered (the HTML of
  // all pages is never held at once); serve keeps the list of what it wrote and updates its
  // folder in place instead.
  std::string staging_error;
  std::atomic<std::size_t> streamed{0};
  if (!options.caches) {
    ro.begin_output = [&](const std::vector<std::string>& paths) {
      if (staging) {
        staging_ready = staging->prepare(paths, staging_error);
        if (!staging_ready) staging.reset();  // the tree is kept for the next build
      } else {
        staging = output::Staging::open(result.out_dir, paths, staging_error, options.jobs);
        staging_ready = staging != nullptr;
      }
      return staging_ready;
    };
    ro.emit = [&](render::OutputFile&& f) {
      staging->put(f);
      ++streamed;
    };
  }
  auto files = render::render_site(site, ro, sink);
  timer.lap("вёрстка");
  if (store_failed("результат не записан")) return result;  // the output stays
  if (!staging_error.empty()) {
    result.outcome = Outcome::io_error;
    result.error = staging_error;
    return result;
  }
  if (blocked()) {
    result.outcome = Outcome::content_errors;
    return result;  // an open staging tree is kept for the next build, the output untouched
  }
  result.files = files.size() + streamed.load();
  auto* caches = options.caches;
  if (staging && !staging_ready) {  // adopted, but the pages were not streamed into it
    if (!staging->prepare(output::paths_of(files), staging_error)) {
      result.outcome = Outcome::io_error;
      result.error = staging_error;
      return result;
    }
  }
  if (staging) {
    staging->put_all(files, options.jobs);
    result.write = staging->commit();
  } else if (caches && !caches->written_to.empty() && caches->written_to == result.out_dir) {
    result.write = output::update_in_place(result.out_dir, files, caches->written_files);
  } else {
    result.write = output::write_output(result.out_dir, files, options.jobs);
  }
  if (caches) {
    caches->written_to = result.write.ok ? result.out_dir : fs::path();
    caches->written_files.clear();
    if (result.write.ok)
      for (const auto& f : files) caches->written_files.push_back(f.path);
  }
  if (!result.write.ok) {
    result.outcome = Outcome::io_error;
    result.error = result.write.error;
  }
  return result;
}

}  // namespace

}  // namespace nastavnik::pipeline
