#include "util/stage_timer.hpp"
#include "content/loader.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "config/load_config.hpp"
#include "config/rules.hpp"
#include "content/discover.hpp"
#include "content/field_reader.hpp"
#include "content/front_matter.hpp"
#include "content/load_cache.hpp"
#include "content/load_store.hpp"
#include "content/loaders.hpp"
#include "content/page_source.hpp"
#include "content/markdown.hpp"
#include "content/source_file.hpp"
#include "content/yaml_doc.hpp"
#include "util/paths.hpp"
#include "util/slug.hpp"
#include "util/text.hpp"

namespace nastavnik::content {

namespace fs = std::filesystem;

namespace {

using Kind = SourceKind;

/// One Markdown source between the stages of loading.
struct MdSource {
  Kind kind;
  std::string rel;
  std::shared_ptr<LoadedSource> entry;  ///< after stage 1; null when the file could not be read
  std::size_t index = 0;                ///< index into the kind's vector of the Site
  bool fresh = false;                   ///< parsed or rendered this run: the store gets it
  bool from_store = false;              ///< the entry came from the store: no text (yet)
  bool no_store = false;                ///< changed while this run read it: not stored
  bool page_moved = false;              ///< the entry's page was moved into the Site (see placing)
  /// A store hit's bytes: its text is decoded again only if its body must be rendered again.
  /// Not read at all when the store's stamp vouched for them (LoadStore::unchanged).
  std::optional<std::string> raw;
  util::FileStamp stamp;                ///< of the bytes the entry's key is the hash of
  std::string slug, url;                ///< the page's; empty when its slug is not allowed
  diag::FileName file;                  ///< rel, interned
  bool ok() const { return entry && entry->ok; }
};

std::string stem_of(const std::string& rel) {
  std::string name = rel.substr(rel.rfind('/') + 1);
  return name.substr(0, name.size() - 3);  // ".md"
}

template <class F>
void run_parallel(std::size_t n, int jobs, F&& f) {
  if (n == 0) return;
  auto body = [&] { tbb::parallel_for(std::size_t(0), n, [&](std::size_t i) { f(i); }); };
  if (jobs > 0) {
    tbb::task_arena arena(jobs);
    arena.execute(body);
  } else {
    body();
  }
}

// Moves the items of `from` that `keep` into `to`, in the order of `less` (a total order: the
// source path decides last). The indices are sorted, not the items: sorting 10,000 news items
// (544 bytes of strings each) in place, after growing the vector one by one, was 17 ms of a
// 10,000-page rebuild; they are moved in parallel.
template <class T, class Keep, class Less>
void move_sorted(std::vector<T>& from, std::vector<T>& to, int jobs, Keep&& keep, Less&& less) {
  std::vector<std::size_t> order;
  order.reserve(from.size());
  for (std::size_t i = 0; i < from.size(); ++i)
    if (keep(from[i])) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return less(from[a], from[b]); });
  const std::size_t at = to.size();
  to.resize(at + order.size());
  run_parallel(order.size(), jobs, [&](std::size_t k) { to[at + k] = std::move(from[order[k]]); });
}

}  // namespace

std::string check_file_field(const std::string& value, const diag::SourcePos& pos, const LoadContext& ctx,
                             std::string_view where) {
  util::PathProblem problem = util::PathProblem::none;
  auto joined = util::join_relative("content", value, &problem);
  if (!joined || joined->rfind("content/", 0) != 0) {
    if (problem == util::PathProblem::none) problem = util::PathProblem::escapes;
    ctx.sink.report("path.outside", pos, std::string(where) + ": файл «" + value + "» — " +
                                             std::string(util::describe(problem)),
                    "Положите файл в папку content/files/ и укажите путь вида files/имя.pdf");
    return {};
  }
  std::error_code ec;
  fs::path full = ctx.root / *joined;
  // The file itself or any folder on its way may be a symlink out of the site.
  auto canon = fs::weakly_canonical(full, ec).string();
  auto root = fs::weakly_canonical(ctx.root, ec).string();
  bool symlink_out = canon.rfind(root + "/", 0) != 0;
  if (symlink_out) {
    ctx.sink.report("path.outside", pos, std::string(where) + ": файл «" + value + "» — символическая ссылка за пределы сайта",
                    "Положите сам файл в папку content/files/.");
    return {};
  }
  if (!fs::is_regular_file(full, ec)) {
    ctx.sink.report("document.missing-file", pos, std::string(where) + ": файла «" + value + "» нет",
                    "Положите файл в папку content/files/ или исправьте путь (он считается от папки content/).");
    return {};
  }
  return joined->substr(std::string("content/").size());
}

model::Body render_field_markdown(const std::string& text, const diag::SourcePos& pos, const std::string& page_url,
                                  const LoadContext& ctx) {
  MarkdownOptions mo;
  mo.unsafe_html = ctx.config.unsafe_html;
  mo.typography = ctx.config.typography;
  mo.resolve_link = [&](std::string_view url, const diag::SourcePos& p) {
    return ctx.links.resolve(url, pos.file, page_url, p, ctx.sink);
  };
  return render_markdown(text, pos.file, pos.line, mo, ctx.sink);
}

std::optional<model::Approval> read_approval(FieldReader& r, std::string_view where, diag::Sink& sink) {
  const YNode* a = r.map("approved");
  if (!a) return std::nullopt;
  FieldReader ar(*a, std::string(where) + ", approved", {"order", "date", "by"}, sink);
  model::Approval ap;
  ap.order = ar.text("order");
  ap.date = ar.date("date");
  ap.by = ar.text("by");
  ap.pos = ar.positions();
  return ap;
}

model::Site load_site(const fs::path& root, config::SiteConfig config, const model::BuildOptions& options,
                      diag::Sink& sink, int jobs, LoadCache* cache) {
  model::Site site;
  site.root = fs::absolute(root).lexically_normal().string();
  if (!site.root.empty() && site.root.size() > 1 && site.root.back() == '/') site.root.pop_back();
  site.config = std::move(config);
  site.options = options;
  const auto& cfg = site.config;
  const auto& sec = cfg.sections;

  util::StageTimer timer("  загрузка: остальное");
  Discovered found = discover(root, sink);
  timer.lap("  загрузка: обход папок");

  // Stage 1: read every Markdown file and its front matter, in parallel.
  std::vector<MdSource> sources;
  auto add = [&](Kind k, const std::string& rel) {
    MdSource s{};
    s.kind = k;
    s.rel = rel;
    s.file = diag::FileName(rel);  // here, on one thread: the pool's maps are shared
    sources.push_back(std::move(s));
  };
  if (found.has_landing) add(Kind::landing, "content/_index.md");
  if (found.has_regulation) add(Kind::regulation, "content/polozhenie.md");
  for (const auto& r : found.programs) add(Kind::program, r);
  for (const auto& r : found.practices) add(Kind::practice, r);
  for (const auto& r : found.news) add(Kind::news, r);
  for (const auto& r : found.pages) add(Kind::page, r);

  std::vector<model::Program> programs(found.programs.size());
  std::vector<model::Practice> practices(found.practices.size());
  std::vector<model::NewsItem> news(found.news.size());
  std::vector<model::Page> pages(found.pages.size());
  model::Landing landing;
  model::Regulation regulation;
  {
    std::size_t ip = 0, ipr = 0, in = 0, ipg = 0;
    for (auto& s : sources) {
      switch (s.kind) {
        case Kind::program: s.index = ip++; break;
        case Kind::practice: s.index = ipr++; break;
        case Kind::news: s.index = in++; break;
        case Kind::page: s.index = ipg++; break;
        default: break;
      }
    }
  }

  std::atomic<std::size_t> parsed{0}, unread{0};
  // The sources are stat'ed from the site's folder, not walked to from the root each time.
  std::optional<util::OpenFolder> site_folder;
  const bool may_know = cache && !cache->remembers_nothing();  // else no source can be unchanged
  if (may_know) site_folder.emplace(root);
  run_parallel(sources.size(), jobs, [&](std::size_t i) {
    MdSource& src = sources[i];
    if (may_know) {
      // Unchanged since its bytes were read and hashed (the entry's stamp): not read at all.
      auto now = site_folder->fd() >= 0 ? util::stat_file_at(site_folder->fd(), src.rel) : util::stat_file(root / src.rel);
      auto key = now ? cache->unchanged(src.rel, *now) : std::nullopt;
      if (key) {
        if (auto hit = cache->lookup(src.rel, *key, nullptr, src.file)) {
          ++unread;
          src.stamp = *now;
          src.from_store = hit->text_pending;
          src.entry = std::move(hit);
          sink.replay(src.entry->diags);
          return;
        }
      }
    }
    auto bytes = read_raw_source(root, src.rel, sink, &src.stamp);
    if (!bytes) return;
    std::string key = cache ? source_key(src.kind, src.rel, *bytes) : std::string();
    if (cache) {
      auto hit = cache->lookup(src.rel, key, &src.stamp, src.file);
      if (hit) {  // read and hashed this run: the stamp of these bytes vouches from now on
        hit->stamp = src.stamp;
        hit->read_ns = cache->run_clock();
      }
      // From the store: no text yet. It is derived again from these very bytes (the store keeps
      // only sources that decoded) when the body is rendered again, which is seldom.
      if (hit && hit->text_pending) {
        src.from_store = true;
        src.raw = std::move(*bytes);
      }
      if (hit) {
        src.entry = std::move(hit);
        sink.replay(src.entry->diags);
        return;
      }
    }
    ++parsed;
    src.fresh = true;
    auto e = std::make_shared<LoadedSource>();
    e->key = std::move(key);
    if (cache) {
      e->stamp = src.stamp;
      e->read_ns = cache->run_clock();
    }
    diag::Sink recorder{diag::Sink::Recorder{}};
    diag::Sink& out = cache ? recorder : sink;
    if (auto text = normalize_source(src.rel, std::move(*bytes), out)) {
      e->text = std::make_shared<const std::string>(std::move(*text));
      parse_source(src.kind, src.file, *e, out);
    }
    if (cache) {
      e->diags = recorder.items();
      sink.replay(e->diags);
    }
    src.entry = std::move(e);
  });
  // Each page into its place. Copied while a cache keeps the entry (serve) or will give it to
  // the store in stage 3 (parsed this run); moved otherwise — a run's own cache is dropped after
  // loading, and an entry from the store goes back to it only if its body must be rendered
  // again, and then its page is parsed again from the same bytes (stage 3).
  for (auto& src : sources) {
    if (!src.entry || (!src.entry->text && !src.from_store)) continue;
    auto place = [&](auto& slot) {
      using T = std::decay_t<decltype(slot)>;
      auto& page = std::get<T>(src.entry->page);
      if (cache && (cache->retains() || !src.from_store)) {
        slot = page;
      } else {
        slot = std::move(page);
        src.page_moved = cache != nullptr;
      }
    };
    switch (src.kind) {
      case Kind::landing: place(landing); break;
      case Kind::regulation: place(regulation); break;
      case Kind::program: place(programs[src.index]); break;
      case Kind::practice: place(practices[src.index]); break;
      case Kind::news: place(news[src.index]); break;
      case Kind::page: place(pages[src.index]); break;
    }
  }

  timer.lap("  загрузка: front matter");
  // Stage 2: URLs, collisions and the link map (sequential, in path order).
  LinkMap links;
  std::unordered_map<std::string, std::string> url_owner;  // url → source that took it
  url_owner.reserve(sources.size() + 16);
  links.reserve(sources.size() + found.files.size() + 16);
  const std::vector<std::pair<std::string, std::string>> fixed = {
      {"", "content/_index.md"},
      {sec.regulation + "/", "content/polozhenie.md"},
      {sec.roadmap + "/", "content/roadmap.yaml"},
      {sec.bank + "/", "content/bank.yaml"},
      {sec.monitoring + "/", "content/monitoring.yaml"},
      {sec.documents + "/", "content/documents.yaml"},
      {sec.programs + "/", "content/programs/"},
      {sec.practices + "/", "content/practices/"},
      {sec.news + "/", "content/news/"},
      {sec.search + "/", "(поиск)"},
      {"assets/", "(оформление)"},
      {"files/", "(файлы)"},
      {"page/", "(нумерация новостей)"},
      {sec.news + "/page/", "(нумерация новостей)"},
  };
  for (const auto& [url, src] : fixed) {
    if (url_owner.count(url)) {
      sink.report("slug.collision", {"site.yaml", 0, 0}, "два раздела получают один адрес «" + url + "»",
                  "Задайте разделам в sections разные адреса.");
      continue;
    }
    url_owner[url] = src;
    links.add(src, url);
  }
  auto is_published_news = [&](const model::NewsItem& n) {
    return (!n.draft || options.drafts) && (options.future || !(options.now < n.date));
  };
  static const std::string k_no_slug;
  // Each source's slug and address, in parallel (the strings are built per source); then, in path
  // order, the reports and the collisions.
  run_parallel(sources.size(), jobs, [&](std::size_t i) {
    MdSource& s = sources[i];
    if (s.kind == Kind::landing || s.kind == Kind::regulation) return;
    const std::string& slug_field = s.entry ? s.entry->slug_field : k_no_slug;
    if (!slug_field.empty()) {
      if (!config::is_safe_slug(slug_field)) return;  // reported below
      s.slug = slug_field;
    } else {
      s.slug = util::slugify(stem_of(s.rel));
      if (s.slug.empty()) return;  // reported below
    }
    switch (s.kind) {
      case Kind::program: s.url = sec.programs + "/" + s.slug + "/"; break;
      case Kind::practice: s.url = sec.practices + "/" + s.slug + "/"; break;
      case Kind::news: s.url = sec.news + "/" + s.slug + "/"; break;
      case Kind::page: s.url = s.slug + "/"; break;
      default: break;
    }
  });
  std::vector<MdSource*> ordered;
  ordered.reserve(sources.size());
  for (auto& s : sources) ordered.push_back(&s);
  std::sort(ordered.begin(), ordered.end(), [](const MdSource* a, const MdSource* b) { return a->rel < b->rel; });
  for (MdSource* s : ordered) {
    if (s->kind == Kind::landing) { landing.url = ""; continue; }
    if (s->kind == Kind::regulation) { regulation.url = sec.regulation + "/"; continue; }
    diag::SourcePos pos{s->file, 0, 0};
    const std::string& slug_field = s->entry ? s->entry->slug_field : k_no_slug;
    if (!slug_field.empty()) pos = s->entry->slug_pos;
    if (s->url.empty()) {
      if (!slug_field.empty())
        sink.report("path.outside", pos, "адрес страницы (slug) «" + slug_field + "» недопустим",
                    "Используйте латинские строчные буквы, цифры и дефис, например: shkola-nastavnikov");
      else
        sink.report("path.outside", pos, "из имени файла не получается адрес страницы",
                    "Переименуйте файл: буквы, цифры и дефис, например keys-1.md, или задайте поле slug.");
      continue;
    }
    model::PageBase* base = nullptr;
    bool published = true;
    switch (s->kind) {
      case Kind::program: base = &programs[s->index]; break;
      case Kind::practice: base = &practices[s->index]; break;
      case Kind::news:
        base = &news[s->index];
        published = is_published_news(news[s->index]);
        break;
      case Kind::page: base = &pages[s->index]; break;
      default: break;
    }
    if (!base) continue;
    auto [it, taken] = url_owner.try_emplace(s->url, s->rel);
    if (!taken) {
      sink.report("slug.collision", pos,
                  "адрес «" + s->url + "» уже занят: " + it->second,
                  "Переименуйте файл или задайте другое поле slug, чтобы адреса страниц различались.");
      continue;
    }
    base->slug = std::move(s->slug);
    base->url = s->url;
    links.add(s->rel, std::move(s->url), published);
  }
  for (const auto& f : found.files) links.add(f, f.substr(std::string("content/").size()));

  timer.lap("  загрузка: адреса и ссылки");
  // Stage 3: render Markdown bodies in parallel.
  const auto& rules = cfg.rules;
  const std::string map_digest = cache ? links.digest() : std::string();
  std::atomic<std::size_t> rendered{0}, links_asked{0};
  run_parallel(sources.size(), jobs, [&](std::size_t i) {
    MdSource& src = sources[i];
    if (!src.ok()) return;
    model::PageBase* base = nullptr;
    std::function<bool(std::string_view)> withhold;
    switch (src.kind) {
      case Kind::landing: base = &landing; break;
      case Kind::regulation: base = &regulation; break;
      case Kind::program: {
        auto& p = programs[src.index];
        base = &p;
        if (options.now < p.end) withhold = [&](std::string_view h) { return config::is_result_heading(rules, h); };
        break;
      }
      case Kind::practice: {
        auto& p = practices[src.index];
        base = &p;
        if (p.end && options.now < *p.end)
          withhold = [&](std::string_view h) { return config::is_result_heading(rules, h); };
        break;
      }
      case Kind::news: base = &news[src.index]; break;
      case Kind::page: base = &pages[src.index]; break;
    }
    if (src.kind != Kind::landing && src.kind != Kind::regulation && base->url.empty()) return;  // no URL
    MarkdownOptions mo;
    mo.unsafe_html = cfg.unsafe_html;
    mo.typography = cfg.typography;
    mo.withhold_heading = withhold;
    const std::string page_url = base->url;
    LoadedSource& e = *src.entry;
    if (!cache) {
      mo.resolve_link = [&](std::string_view url, const diag::SourcePos& p) {
        return links.resolve(url, src.rel, page_url, p, sink);
      };
      base->body = render_markdown(e.split.body, src.file, e.split.body_line, mo, sink);
      e.text.reset();  // the text is no longer needed
      return;
    }
    const RecordingResolver resolve = [&](std::string_view url, const diag::SourcePos& p, diag::Sink& s) {
      return links.resolve(url, src.rel, page_url, p, s);
    };
    // A fresh entry has no memo; a cached one keeps its memo while every answer holds.
    const std::string world = links_world(map_digest, page_url);
    bool asked = false;
    const bool holds = e.body && !e.body->lent && memo_holds(*e.body, mo, resolve, world, &asked);
    if (asked) ++links_asked;
    if (!holds) {
      if (!e.text && src.from_store) {
        // Its problems are among the entry's recorded ones already — unless its bytes changed
        // since stage 1 (below): then what reading and decoding them found is news.
        diag::Sink again{diag::Sink::Recorder{}};
        if (!src.raw) {
          // Not read in stage 1: read now. Bytes other than the key's were written meanwhile:
          // this run renders them, but nothing of it is stored (the next run reads them again).
          util::FileStamp now;
          src.raw = read_raw_source(root, src.rel, again, &now);
          if (!src.raw || source_key(src.kind, src.rel, *src.raw) != e.key) {
            src.no_store = true;
            e.read_ns = 0;  // not these bytes: never vouched for
          } else {
            src.stamp = now;
          }
        }
        if (src.raw)
          if (auto text = normalize_source(src.rel, std::move(*src.raw), again)) {
            e.text = std::make_shared<const std::string>(std::move(*text));
            if (src.page_moved) {
              // Its page went into the Site; the store gets the page as parsed, from the same
              // bytes (their problems are the entry's recorded ones). This splits the text too.
              diag::Sink same{diag::Sink::Recorder{}};
              parse_source(src.kind, src.file, e, same);
              src.page_moved = false;
            } else {
              e.split = split_front_matter(*e.text);
            }
          }
        src.raw.reset();
        e.text_pending = false;
        // New bytes that cannot be read or decoded: say so, or the page would go without its body
        // and without a word.
        if (src.no_store) sink.replay(again.items());
      }
      if (!e.text) return;  // not after the same bytes decoded once: nothing to render
      e.body = render_recorded(e.split.body, src.file, e.split.body_line, mo, resolve);
      ++rendered;
      src.fresh = true;
    }
    e.body->links_world = world;  // every answer holds here (checked or just recorded)
    if (src.fresh && cache->store()) {
      if (!src.no_store) cache->store()->put(src.rel, e, src.stamp);  // before the body is lent
      src.fresh = false;
    } else if (src.from_store && cache->store() && asked) {
      cache->store()->links_held(src.rel, world);  // not the world its record had
    }
    base->body = std::move(e.body->body);  // lent; return_bodies gives it back
    if (!options.render) base->body.html = model::StoredText();  // stored already; never rendered
    e.body->lent = true;
    sink.replay(e.body->diags);
    if (!cache->retains()) {  // a run's own cache: neither the text nor the bytes are needed now
      e.text.reset();
      src.raw.reset();
    }
  });
  if (cache) {
    // Sources parsed this run that got no body (no address, bad front matter) go to the store too.
    if (auto* store = cache->store())
      for (auto& src : sources)
        if (src.fresh && !src.no_store && src.entry && src.entry->text) store->put(src.rel, *src.entry, src.stamp);
    const LoadCache::Stats stats{sources.size(), parsed.load(), rendered.load(), unread.load(), links_asked.load()};
    if (cache->retains()) {
      std::map<std::string, std::shared_ptr<LoadedSource>> entries;
      for (auto& src : sources)
        if (src.entry) entries.emplace(src.rel, std::move(src.entry));
      cache->replace(std::move(entries), stats);
    } else {
      // A run's own cache is never looked up again: it only keeps the entries (the bodies are
      // lent from their memos) until it is let go, beside the later stages — no map of 10,000.
      std::vector<std::shared_ptr<LoadedSource>> entries;
      entries.reserve(sources.size());
      for (auto& src : sources)
        if (src.entry) entries.push_back(std::move(src.entry));
      cache->hold(std::move(entries), stats);
    }
  }

  timer.lap("  загрузка: Markdown");
  // Data files.
  LoadContext ctx{root, cfg, options, links, sink};
  auto load_data = [&](bool present, const char* rel, auto&& loader) {
    if (!present) return;
    auto text = read_source(root, rel, sink);
    if (!text) return;
    auto doc = parse_yaml(*text, rel, 1, sink);
    if (!doc) return;
    loader(*doc);
  };
  site.roadmap.present = found.has_roadmap;
  site.bank.present = found.has_bank;
  site.documents.present = found.has_documents;
  site.monitoring.present = found.has_monitoring;
  load_data(found.has_roadmap, "content/roadmap.yaml", [&](const YNode& d) { load_roadmap(d, site.roadmap, ctx); });
  load_data(found.has_bank, "content/bank.yaml", [&](const YNode& d) { load_bank(d, site.bank, ctx); });
  load_data(found.has_documents, "content/documents.yaml",
            [&](const YNode& d) { load_documents(d, site.documents, ctx); });
  load_data(found.has_monitoring, "content/monitoring.yaml",
            [&](const YNode& d) { load_monitoring(d, site.monitoring, ctx); });

  // The Положение's signed copy.
  if (found.has_regulation && !regulation.file.empty())
    regulation.file = check_file_field(regulation.file, regulation.pos.of("file"), ctx, "Положение, поле file");
  for (auto& n : news) {
    if (n.image.empty()) continue;
    util::PathProblem problem = util::PathProblem::none;
    auto joined = util::join_relative("content", n.image, &problem);
    if (!joined || joined->rfind("content/", 0) != 0) {
      if (problem == util::PathProblem::none) problem = util::PathProblem::escapes;
      sink.report("path.outside", n.pos.of("image"), "картинка «" + n.image + "»: " + std::string(util::describe(problem)),
                  "Положите картинку в content/files/ и укажите путь вида files/foto.jpg");
      n.image.clear();
    } else if (!std::binary_search(found.files.begin(), found.files.end(), *joined)) {
      sink.report("link.broken", n.pos.of("image"), "картинки «" + n.image + "» нет",
                  "Положите картинку в content/files/ и укажите путь вида files/foto.jpg (от папки content/).");
      n.image.clear();
    } else {
      n.image = joined->substr(8);
    }
  }

  // Files copied as they are.
  for (const auto& f : found.files) {
    std::error_code ec;
    model::StaticFile sf;
    sf.source = f;
    sf.output = f.substr(std::string("content/").size());
    sf.size = fs::file_size(root / f, ec);
    site.files.push_back(std::move(sf));
  }

  if (found.has_landing) site.landing = std::move(landing);
  if (found.has_regulation) site.regulation = std::move(regulation);
  auto listed = [](const model::PageBase& p) { return !p.url.empty(); };
  move_sorted(programs, site.programs, jobs, listed, [](const auto& a, const auto& b) {
    return std::tie(b.start, a.title, a.source) < std::tie(a.start, b.title, b.source);
  });
  move_sorted(practices, site.practices, jobs, listed,
              [](const auto& a, const auto& b) { return std::tie(a.title, a.source) < std::tie(b.title, b.source); });
  if (cache)  // a draft, a future item or one without an address: its lent body goes straight back
    for (auto& n : news)
      if (n.url.empty() || !is_published_news(n)) return_body(n, *cache);
  move_sorted(news, site.news, jobs, [&](const model::NewsItem& n) { return !n.url.empty() && is_published_news(n); },
              [](const auto& a, const auto& b) { return std::tie(b.date, b.source) < std::tie(a.date, a.source); });
  move_sorted(pages, site.pages, jobs, listed, [](const auto& a, const auto& b) {
    return std::tie(a.weight, a.title, a.source) < std::tie(b.weight, b.title, b.source);
  });
  return site;
}

}  // namespace nastavnik::content
