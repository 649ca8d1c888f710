#include "render/render.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_invoke.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>

#include "render/env.hpp"
#include "render/feeds.hpp"
#include "render/html_fixups.hpp"
#include "render/layouts.hpp"
#include "render/mustache.hpp"
#include "render/page_cache.hpp"
#include "render/read_ahead.hpp"
#include "render/search_index.hpp"
#include "util/allocator.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/stage_timer.hpp"

namespace nastavnik::render {

namespace fs = std::filesystem;

namespace {

/// Stands in for a page's Markdown body while the rest of the page gets typography. Used only
/// when it occurs exactly once in the rendered page (a curator could type it).
constexpr std::string_view kBodyMarker = "\x01nastavnik-body\x01";

/// Site-wide keys, built once and copied into each page context (a few short strings).
Context site_context(const Env& env) {
  const auto& cfg = env.config;
  Context c;
  c["title"] = env.text(cfg.title);
  c["description"] = env.text(cfg.description);
  c["base_url"] = cfg.base_url;
  c["school"] = {{"name", env.text(cfg.school.name)},
                 {"full_name", env.text(cfg.school.full_name)},
                 {"site", cfg.school.site},
                 {"address", env.text(cfg.school.address)},
                 {"phone", cfg.school.phone},
                 {"phone_href", cfg.school.phone.empty() ? "" : tel_href(cfg.school.phone)},
                 {"email", cfg.school.email}};
  if (cfg.curator)
    c["curator"] = {{"name", env.text(cfg.curator->name)},
                    {"position", env.text(cfg.curator->position)},
                    {"email", cfg.curator->email},
                    {"phone", cfg.curator->phone},
                    {"phone_href", cfg.curator->phone.empty() ? "" : tel_href(cfg.curator->phone)}};
  else
    c["curator"] = false;
  return c;
}

/// One page through its template and the base layout, with typography.
std::string render_page(const Templates& templates, bool typography, const std::string& tmpl, Context& ctx,
                        diag::Sink& sink) {
  // The Markdown body already has its typography (content/markdown, block by block): a marker
  // stands in for it while the page's own words get theirs, then the body goes in.
  std::string body;
  auto found = ctx.find("body_html");
  const bool swap_body = typography && found != ctx.end() && found->is_string();
  if (swap_body) {
    body = std::move(found->get_ref<std::string&>());
    *found = std::string(kBodyMarker);
  }
  ctx["content"] = templates.render(tmpl, ctx, sink);
  std::string html = templates.render("base", ctx, sink);
  // Template words and dates get the same typography as the content.
  if (typography) html = typograph_html(html);
  if (swap_body) {
    auto at = html.find(kBodyMarker);
    if (at != std::string::npos && html.find(kBodyMarker, at + 1) == std::string::npos) {
      html.replace(at, kBodyMarker.size(), body);
    } else {
      // The marker was written by a curator (or a layout dropped the body): the slow path.
      ctx["body_html"] = std::move(body);
      ctx["content"] = templates.render(tmpl, ctx, sink);
      html = typograph_html(templates.render("base", ctx, sink));
    }
  }
  return html;
}

struct NavItem {
  std::string key, title, url;  ///< url site-root-relative
};

std::vector<NavItem> nav_items(const Env& env) {
  std::vector<NavItem> items{{"", "Главная", ""}};
  for (const auto& s : env.sections()) items.push_back({s.key, s.title, s.slug + "/"});
  // Pages with `menu: true` go before search, in weight order.
  auto search = items.end() - 1;
  std::vector<NavItem> pages;
  for (const auto& p : env.site.pages)
    if (p.menu) pages.push_back({"page:" + p.url, env.text(p.title), p.url});
  items.insert(search, pages.begin(), pages.end());
  return items;
}

/// Length-prefixed fields, for the frame's part of a page key.
void put_field(std::string& out, std::string_view v) {
  const auto n = static_cast<std::uint64_t>(v.size());
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out.append(v);
}

/// All the site a page's frame shows, gathered once. page_frame reads nothing else of the
/// site, so its bytes (hashed once, into the identity) and a page's FrameInputs are together a
/// key of the frame: a reused page's frame is never built.
struct SiteFrame {
  bool serve_mode = false;
  std::string news_url, search_url;  ///< "novosti/", "poisk/"
  std::vector<NavItem> nav;
  struct Section {
    std::string key, title, url;
  };
  std::vector<Section> sections;  ///< for breadcrumbs
  std::string site_title;         ///< typographed
  std::string base_url;

  explicit SiteFrame(const Env& env)
      : serve_mode(env.options.serve_mode),
        news_url(env.section_url("news")),
        search_url(env.section_url("search")),
        nav(nav_items(env)),
        site_title(env.text(env.config.title)),
        base_url(env.config.base_url) {
    for (const auto& s : env.sections()) sections.push_back({s.key, s.title, s.slug + "/"});
  }
  const Section& section(std::string_view key) const {
    for (const auto& s : sections)
      if (s.key == key) return s;
    throw std::logic_error("unknown section key");
  }
  std::string bytes() const {
    std::string out;
    put_field(out, serve_mode ? "1" : "0");
    put_field(out, news_url);
    put_field(out, search_url);
    put_field(out, std::to_string(nav.size()));
    for (const auto& n : nav) put_field(out, n.key), put_field(out, n.title), put_field(out, n.url);
    put_field(out, std::to_string(sections.size()));
    for (const auto& s : sections) put_field(out, s.key), put_field(out, s.title), put_field(out, s.url);
    put_field(out, site_title);
    put_field(out, base_url);
    return out;
  }
};

/// The fields of a page that its frame shows — and no other: page_frame cannot see the rest of
/// the PageSpec.
struct FrameInputs {
  std::string_view url, path, section, title, description, og_type, image, root_override;
  const std::vector<Crumb>& crumbs;

  explicit FrameInputs(const PageSpec& p)
      : url(p.url), path(p.path), section(p.section), title(p.title), description(p.description),
        og_type(p.og_type), image(p.image), root_override(p.root_override), crumbs(p.crumbs) {}
  std::string bytes() const {
    std::string out;
    for (auto v : {url, path, section, title, description, og_type, image, root_override}) put_field(out, v);
    put_field(out, std::to_string(crumbs.size()));
    for (const auto& c : crumbs) put_field(out, c.title), put_field(out, c.url);
    return out;
  }
};

/// The page's frame: what every page's context has besides its builder's part (p.ctx) and
/// the site-wide keys — links relative to its depth, navigation, breadcrumbs, page metadata.
/// The whole context is p.ctx, then the frame, then "site" (assemble_context).
Context page_frame(const SiteFrame& site, const FrameInputs& p) {
  const std::string root = p.root_override.empty() ? root_of(std::string(p.url)) : std::string(p.root_override);
  const std::string home = root.empty() ? "./" : root;
  auto link = [&](std::string_view url) { return url.empty() ? home : root + std::string(url); };
  Context c = Context::object();
  c["root"] = root;
  c["home"] = home;
  c["serve_mode"] = site.serve_mode;
  c["css_url"] = root + "assets/style.css";
  c["feed_url"] = root + site.news_url + "feed.xml";
  c["search_url"] = root + site.search_url;

  Context n = Context::array();
  for (const auto& item : site.nav) {
    bool here = item.key == p.section;
    bool is_page = here && item.url == p.url;
    n.push_back({{"title", item.title},
                 {"url", link(item.url)},
                 {"current", here},
                 {"aria_current", here ? (is_page ? "page" : "true") : ""}});
  }
  c["nav"] = std::move(n);

  const bool landing = p.url.empty() && p.path == "index.html";
  Context crumbs = Context::array();
  crumbs.push_back({{"title", "Главная"}, {"url", home}, {"current", landing}});
  if (!landing) {
    // The section of a child page comes first, then the page itself.
    if (!p.section.empty() && p.section.rfind("page:", 0) != 0 && p.section != "404" && p.crumbs.empty() &&
        p.url != site.section(p.section).url) {
      const auto& s = site.section(p.section);
      crumbs.push_back({{"title", s.title}, {"url", link(s.url)}, {"current", false}});
    }
    for (const auto& cr : p.crumbs) crumbs.push_back({{"title", cr.title}, {"url", link(cr.url)}, {"current", false}});
    crumbs.push_back({{"title", p.title}, {"url", link(p.url)}, {"current", true}});
  }
  c["breadcrumbs"] = std::move(crumbs);

  c["page"] = {{"title", p.title},
               {"head_title", landing ? site.site_title : std::string(p.title) + " — " + site.site_title},
               {"description", p.description},
               {"canonical", site.base_url + std::string(p.url)},
               {"url", p.url},
               {"og_type", p.og_type},
               {"og_image", p.image.empty() ? std::string() : site.base_url + std::string(p.image)},
               {"is_404", p.path == "404.html"}};
  return c;
}

/// The page's whole context from its parts (the page cache keys on the same parts).
Context assemble_context(Context builder_part, Context frame, const Context& site) {
  Context c = std::move(builder_part);
  if (!c.is_object()) c = Context::object();
  for (auto it = frame.begin(); it != frame.end(); ++it) c[it.key()] = std::move(it.value());
  c["site"] = site;
  return c;
}

}  // namespace

namespace {

std::vector<OutputFile> render_all(const model::Site& site, const RenderOptions& options, diag::Sink& sink) {
  util::StageTimer timer("  вёрстка: остальные файлы");
  Env env(site, options);
  const auto layout_files = load_layouts(options.layouts_dir, sink);
  const auto errors_before = sink.errors();
  const Templates templates(layout_files, sink);
  const bool templates_failed = sink.errors() != errors_before;

  std::vector<PageSpec> pages;
  // Room for every page: growing moved each PageSpec (half a kilobyte) a dozen times.
  pages.reserve(site.news.size() + static_cast<std::size_t>(news_page_count(env)) + site.programs.size() +
                site.practices.size() + site.pages.size() + 64);
  build_landing(env, pages);
  build_regulation(env, pages);
  build_roadmap(env, pages);
  build_documents(env, pages);
  build_bank(env, pages);
  build_programs(env, pages);
  build_practices(env, pages);
  build_monitoring(env, pages);
  build_news(env, pages);
  build_pages(env, pages);
  build_search(env, pages);
  build_not_found(env, pages);

  timer.lap("  вёрстка: контексты страниц");
  const Context site_ctx = site_context(env);
  const SiteFrame site_frame(env);
  // The page cache (render/page_cache.hpp): only with a previous output and sound templates.
  // The site-wide keys are the same in every context: hashed once, into the identity.
  std::string identity =
      options.page_cache && !templates_failed ? render_identity(layout_files, env.config.typography) : std::string();
  if (!identity.empty()) identity = with_shared_part(identity, site_ctx, site_frame.bytes());
  const bool use_cache = !identity.empty();
  // Read ahead while the site loaded, when the caller began that (ReadAhead).
  PageManifest previous;
  if (use_cache && !options.previous_output.empty())
    previous = options.read_ahead ? std::move(options.read_ahead->manifest()) : read_page_manifest(options.previous_output);
  // A single build with the page cache keeps the search index's memo beside the parse cache, or
  // without one beside the manifest (k_search_memo); serve keeps its own in memory.
  const std::string& memo_identity = use_cache && !options.search_memo ? search_memo_identity() : std::string();
  const bool save_memo = !memo_identity.empty();
  // Beside the parse cache when the caller keeps it there, else in the previous output.
  const bool memo_outside = options.read_search_memo && options.write_search_memo;
  // The saved memo (4.5 MB at 10,000 pages) is read and decoded beside the pages' keys and
  // rendering, which leave a core idle now and then, instead of on the search index's path.
  // Everything the loading task reads is declared before it, so outlives the join below.
  std::shared_ptr<SearchMemo> memo_holder = std::make_shared<SearchMemo>();  // may be kept until the process ends
  bool memo_loaded = false;
  const bool memo_ahead = save_memo && options.read_ahead && options.read_ahead->has_memo();
  if (memo_ahead) {  // read and decoded while the site loaded
    const auto& ahead = options.read_ahead->memo();
    memo_holder = ahead.memo;
    memo_loaded = ahead.loaded;
  }
  SearchMemo& memo = *memo_holder;
  tbb::task_group memo_loading;
  struct Join {
    tbb::task_group& group;
    ~Join() {  // whichever way render_all ends
      try {
        group.wait();
      } catch (...) {  // already unwinding, or reported by the search stage's own wait
      }
    }
  } join_memo_loading{memo_loading};
  if (!memo_ahead && save_memo && (memo_outside || !options.previous_output.empty()))
    memo_loading.run([&] {
      // A missing or damaged memo only means stemming every document.
      memo_loaded = memo.load(memo_outside ? options.read_search_memo()
                                           : read_cache_file(options.previous_output / k_search_memo),
                              memo_identity);
    });
  // Every path of the output, known before any page is rendered: a streaming writer makes its
  // folders first. Two sources for one path (a page slug equal to a section's, caught by
  // validation as slug.collision) keep the old way below, which keeps the first.
  const std::string feed_path = env.section_url("news") + "feed.xml", index_path = env.section_url("search") + "index.json";
  // The search index's documents and its files of snippets.
  const std::vector<SearchDoc> docs = search_docs(pages);
  const SearchPlan search_plan = plan_search_index(docs);
  auto chunk_path = [&](const SearchChunk& c) { return env.section_url("search") + c.file; };
  bool streaming = static_cast<bool>(options.begin_output) && static_cast<bool>(options.emit);
  if (streaming) {
    std::vector<std::string> paths;
    paths.reserve(pages.size() + layout_files.size() + site.files.size() + 8);
    for (const auto& p : pages) paths.push_back(p.path);
    if (use_cache) paths.push_back(k_page_manifest);
    if (save_memo && !memo_outside) paths.push_back(k_search_memo);
    for (const char* f : {"roadmap.ics", "events.ics", "sitemap.xml", "robots.txt"}) paths.push_back(f);
    paths.push_back(feed_path);
    paths.push_back(index_path);
    for (const auto& c : search_plan.chunks) paths.push_back(chunk_path(c));
    for (const auto& [path, bytes] : layout_files)
      if (path.rfind("assets/", 0) == 0) paths.push_back(path);
    for (const auto& f : site.files) paths.push_back(f.output);
    std::vector<std::string_view> sorted(paths.begin(), paths.end());
    std::sort(sorted.begin(), sorted.end());
    streaming = std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    if (streaming && !options.begin_output(paths)) return {};
  }
  // The previous output's file of a page, as a string, not a path object (whose parsing showed
  // in the profile): previous_output is absolute and normal, a page's path relative and checked.
  auto previous_file = [&](const std::string& path) { return options.previous_output.native() + "/" + path; };
  // Looked up from the previous output's folder, not from the root: a third of the path to walk
  // for each of 10,000 pages.
  std::optional<util::OpenFolder> previous_dir;
  if (!previous.empty()) previous_dir.emplace(options.previous_output);
  const int previous_fd = previous_dir ? previous_dir->fd() : -1;
  // Whether the manifest has `path` under `key` and the previous output's file (its name put in
  // `old_path`, its stat in `old`) is still the regular file of the size recorded — not edited,
  // replaced or made a symbolic link since. Pages and files of snippets are kept by it.
  auto still_there = [&](const std::string& path, const std::string& key, std::string& old_path, struct stat& old) {
    auto it = previous.find(path);
    if (it == previous.end() || it->second.key != key || previous_fd < 0) return false;
    if (::fstatat(previous_fd, path.c_str(), &old, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(old.st_mode) ||
        static_cast<std::uintmax_t>(old.st_size) != it->second.size)
      return false;
    old_path = previous_file(path);
    return true;
  };
  std::vector<std::string> html(pages.size()), keys(pages.size());
  std::vector<std::uintmax_t> sizes(pages.size());
  std::vector<char> reused(pages.size(), 0);
  auto render_range = [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      const FrameInputs frame_inputs(pages[i]);
      if (use_cache) {
        // A page whose context is built on demand is keyed on the hash of its inputs (no parts).
        keys[i] = pages[i].make_ctx ? page_key(identity, pages[i].tmpl, {}, pages[i].ctx_key + frame_inputs.bytes())
                                    : page_key(identity, pages[i].tmpl, {&pages[i].ctx}, frame_inputs.bytes());
        std::string old_path;
        struct stat old {};
        if (still_there(pages[i].path, keys[i], old_path, old)) {
          reused[i] = 1;
          pages[i].ctx = Context();  // freed here, in parallel, not one by one at the end
          if (streaming)
            options.emit({pages[i].path, {}, std::move(old_path), static_cast<std::uint64_t>(old.st_ino)});
          continue;
        }
      }
      if (pages[i].make_ctx) pages[i].ctx = pages[i].make_ctx();
      Context ctx = assemble_context(std::move(pages[i].ctx), page_frame(site_frame, frame_inputs), site_ctx);
      html[i] = render_page(templates, env.config.typography, pages[i].tmpl, ctx, sink);
      sizes[i] = html[i].size();
      if (streaming) options.emit({pages[i].path, std::move(html[i]), {}});
    }
  };
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, pages.size(), 1), render_range);

  timer.lap("  вёрстка: шаблоны");
  std::vector<OutputFile> out;
  out.reserve(pages.size() + layout_files.size() + site.files.size() + 8);
  std::size_t reused_count = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (reused[i]) {
      // The previous output's own file: the writer keeps it (hard link, timestamp unchanged).
      ++reused_count;
      if (!streaming) out.push_back({pages[i].path, {}, previous_file(pages[i].path)});
      continue;
    }
    if (!streaming) out.push_back({pages[i].path, std::move(html[i]), {}});
  }
  if (options.stats) {
    options.stats->pages = pages.size();
    options.stats->reused = reused_count;
  }
  timer.lap("  вёрстка: список файлов");
  // A file of snippets is kept from the previous output like a page: its key is its documents'
  // keys and the binary that formats it.
  std::vector<std::string> chunk_keys(search_plan.chunks.size());
  std::vector<char> chunk_kept(search_plan.chunks.size(), 0);
  if (use_cache)
    tbb::parallel_for(std::size_t(0), search_plan.chunks.size(), [&](std::size_t k) {
      const SearchChunk& c = search_plan.chunks[k];
      chunk_keys[k] = page_key(util::binary_identity(), "snippets", {}, c.key);
      std::string old_path;
      struct stat old {};
      chunk_kept[k] = still_there(chunk_path(c), chunk_keys[k], old_path, old);
    });
  auto keep_chunk = [&](std::size_t k) { return chunk_kept[k] != 0; };
  // Site-wide files, each from the whole site, and the page cache's manifest: built side by side.
  std::string feed, roadmap_ics, events_ics, site_map, manifest_text, memo_text;
  SearchIndex index;
  bool keep_memo = false;
  std::map<std::string, CachedPage, std::less<>> manifest;
  tbb::parallel_invoke(
      [&] {
        if (!use_cache) return;
        for (std::size_t i = 0; i < pages.size(); ++i)
          manifest[pages[i].path] = reused[i] ? previous.find(pages[i].path)->second : CachedPage{keys[i], sizes[i]};
      },
      [&] { feed = atom_feed(env); },
      [&] {
        roadmap_ics = roadmap_calendar(env);
        events_ics = events_calendar(env);
        site_map = sitemap(env, pages);
      },
      [&] {
        if (!save_memo) {
          index = build_search_index(docs, options.search_memo, {}, &search_plan, keep_chunk);
          return;
        }
        memo_loading.wait();
        // Saved beside the formatting of the index, once the memo holds this build's documents.
        index = build_search_index(docs, &memo, [&] {
          // The memo is only a cache, keyed by each document's bytes: a memo that lacks a few of
          // this build's documents (they are stemmed again next time) and holds a few gone ones
          // is as good. Then the previous one stays as it is (in the output, a hard link),
          // instead of 4.5 MB written again at 10,000 pages for each edited file.
          const std::size_t gone = memo.last_held() > memo.last_reused() ? memo.last_held() - memo.last_reused() : 0;
          keep_memo = memo_loaded && memo.last_stemmed() <= k_memo_slack && gone <= k_memo_slack;
          if (keep_memo) return;
          if (memo_outside)
            options.write_search_memo(memo.save(memo_identity));  // a failure only means stemming again
          else
            memo_text = memo.save(memo_identity);
        }, &search_plan, keep_chunk);
        if (options.stats) options.stats->search_reused = memo.last_reused();
      });
  timer.lap("  вёрстка: лента, календари, карта, поиск");
  for (std::size_t k = 0; k < index.chunks.size(); ++k) {
    SearchChunk& c = index.chunks[k];
    const std::string path = chunk_path(c);
    if (chunk_kept[k]) {
      manifest[path] = previous.find(path)->second;
      out.push_back({path, {}, previous_file(path)});
      continue;
    }
    if (use_cache) manifest[path] = CachedPage{chunk_keys[k], c.bytes.size()};
    out.push_back({path, std::move(c.bytes), {}});
  }
  if (use_cache) out.push_back({k_page_manifest, format_page_manifest(manifest), {}});
  if (save_memo && !memo_outside && keep_memo)
    out.push_back({k_search_memo, {}, previous_file(k_search_memo)});
  else if (save_memo && !memo_outside)
    out.push_back({k_search_memo, std::move(memo_text), {}});
  out.push_back({feed_path, std::move(feed), {}});
  out.push_back({"roadmap.ics", std::move(roadmap_ics), {}});
  out.push_back({"events.ics", std::move(events_ics), {}});
  out.push_back({"sitemap.xml", std::move(site_map), {}});
  out.push_back({"robots.txt", robots(env), {}});
  out.push_back({index_path, std::move(index.index), {}});
  for (const auto& [path, bytes] : layout_files)
    if (path.rfind("assets/", 0) == 0) out.push_back({path, bytes, {}});
  for (const auto& f : site.files) out.push_back({f.output, {}, site.root + "/" + f.source});

  std::stable_sort(out.begin(), out.end(), [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  // Two sources for one path (a page slug equal to a section's, caught by validation as
  // slug.collision): keep the first so the output stays well-defined.
  out.erase(std::unique(out.begin(), out.end(), [](const OutputFile& a, const OutputFile& b) { return a.path == b.path; }),
            out.end());
  if (options.last_run) {
    // Left to the system when the process ends, not freed here piece by piece on one core: the
    // pages, their keys, both manifests and the search memo were 7 ms of a 10,000-page rebuild.
    struct Leftovers {
      std::vector<PageSpec> pages;
      std::vector<std::string> keys;
      decltype(manifest) now;
      decltype(previous) before;
    };
    util::keep_until_exit(std::make_shared<Leftovers>(
        Leftovers{std::move(pages), std::move(keys), std::move(manifest), std::move(previous)}));
    util::keep_until_exit(memo_holder);
  }
  return out;
}

}  // namespace

std::vector<OutputFile> render_site(const model::Site& site, const RenderOptions& options, diag::Sink& sink) {
  if (options.jobs <= 0) return render_all(site, options, sink);
  // -j N: every parallel loop of the stage (pages, search index) runs on at most N threads.
  std::vector<OutputFile> out;
  tbb::task_arena arena(options.jobs);
  arena.execute([&] { out = render_all(site, options, sink); });
  return out;
}

}  // namespace nastavnik::render
