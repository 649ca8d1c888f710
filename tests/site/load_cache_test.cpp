// The load cache (content/load_cache.hpp) that serve keeps between rebuilds, and the same cache
// on disk (content/load_store.hpp) that single builds keep between runs: an unchanged source is
// not parsed or rendered again, and a build through the cache always gives the same output and
// the same diagnostics as a build without it — after edits of the text, and after changes that
// reach a body without touching its file (a deleted link target, today's date, the rules and
// switches of site.yaml, a severity override).
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "content/load_cache.hpp"
#include "content/load_store.hpp"
#include "content/page_source.hpp"
#include "render/page_cache.hpp"
#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

struct CacheBuilt {
  pipeline::Outcome outcome;
  std::vector<std::string> diags;  ///< "file:line:col severity code message", printed order
  std::vector<std::pair<std::string, std::string>> files;
};

/// How the builds under test keep what they loaded: serve's caches in memory, or the load
/// store on disk of separate single builds.
struct Keeper {
  /// *_aged: the run's clock an hour ahead, so that every file looks old enough for its stamp
  /// to be trusted: unchanged files are not even read.
  /// serve_store: serve's cache with the store for its first build, as `nastavnik serve` does.
  enum class Kind { serve, store, store_aged, serve_aged, serve_store };
  explicit Keeper(Kind k) : kind(k) {}
  Kind kind;
  bool serves() const { return kind == Kind::serve || kind == Kind::serve_aged || kind == Kind::serve_store; }
  bool aged() const { return kind == Kind::store_aged || kind == Kind::serve_aged; }
  bool uses_store() const { return !serves() || (kind == Kind::serve_store && builds == 0); }
  int builds = 0;
  pipeline::Caches caches;
  test::TempDir cache_dir;
  content::LoadCache::Stats loaded;  ///< of the last build
  content::LoadStore::Stats stored;  ///< of the last build (store kinds)
  content::LoadCache::Stats last() const { return loaded; }
};

Keeper::Kind keeper_kind(int i) {
  const Keeper::Kind kinds[] = {Keeper::Kind::serve, Keeper::Kind::store, Keeper::Kind::store_aged,
                                Keeper::Kind::serve_aged, Keeper::Kind::serve_store};
  return kinds[i];
}

CacheBuilt build_once(const fs::path& site, const fs::path& out, Keeper* keeper, util::Date now, int jobs = 0) {
  pipeline::Options opt;
  opt.site_dir = site;
  opt.out_dir = out;
  opt.now = now;
  opt.jobs = jobs;
  if (keeper && keeper->serves()) opt.caches = &keeper->caches;
  if (keeper && keeper->uses_store()) opt.cache_dir = keeper->cache_dir.path();
  if (keeper && keeper->aged()) opt.cache_clock_ns = util::clock_now_ns() + 3600'000'000'000;
  opt.incremental = keeper != nullptr;
  diag::Sink sink;
  auto r = pipeline::run(opt, sink);
  if (keeper) {
    CHECK(r.cache_note.empty());
    CHECK(r.load_store_used == keeper->uses_store());
    keeper->loaded = r.loaded;
    keeper->stored = r.load_store;
    ++keeper->builds;
  }
  CacheBuilt b;
  b.outcome = r.outcome;
  for (const auto& d : sink.sorted())
    b.diags.push_back(d.pos.file + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " +
                      std::string(diag::severity_name(d.severity)) + " " + d.code + " " + d.message);
  if (r.outcome == pipeline::Outcome::ok) {
    b.files = test::snapshot(out);
    std::erase_if(b.files, [](const auto& f) { return render::is_cache_file(f.first); });
  }
  return b;
}

/// Builds `site` through `cache` and, for comparison, cleanly without any cache (-j 1); both
/// must agree on the outcome, the diagnostics and every output byte.
CacheBuilt build_with_and_without_cache(const fs::path& site, const fs::path& out, Keeper& cache, util::Date now = test::k_test_now) {
  CacheBuilt cached = build_once(site, out, &cache, now);
  test::TempDir clean_dir;
  CacheBuilt clean = build_once(site, clean_dir.path() / "out", nullptr, now, 1);
  CHECK(cached.outcome == clean.outcome);
  CHECK(cached.diags == clean.diags);
  CHECK(cached.files.size() == clean.files.size());
  CHECK(cached.files == clean.files);
  return cached;
}

void write_text(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary | std::ios::trunc) << text; }

void edit_text(const fs::path& file, const std::string& from, const std::string& to) {
  std::string s = test::read_file(file);
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
  write_text(file, s);
}

/// A run through the store of `cache` — a build into `out`, or a check when `out` is empty —
/// that must stop because the store changed under it; its message.
std::string stopped_by_store(const fs::path& site, const fs::path& out, const Keeper& cache) {
  pipeline::Options opt;
  opt.site_dir = site;
  opt.now = test::k_test_now;
  opt.cache_dir = cache.cache_dir.path();
  opt.write = !out.empty();
  opt.out_dir = out;
  opt.incremental = true;
  diag::Sink sink;
  auto r = pipeline::run(opt, sink);
  CHECK(r.outcome == pipeline::Outcome::io_error);
  CHECK(r.error.find("кэш разбора") != std::string::npos);
  return r.error;
}

bool diags_mention(const std::vector<std::string>& diags, const std::string& part) {
  for (const auto& d : diags)
    if (d.find(part) != std::string::npos) return true;
  return false;
}

bool output_has(const CacheBuilt& b, const std::string& path, const std::string& part) {
  for (const auto& [p, bytes] : b.files)
    if (p == path) return bytes.find(part) != std::string::npos;
  FAIL("no output file " << path);
  return false;
}

}  // namespace

TEST_CASE("the load cache parses only the saved file and agrees with a build without it", "[site][load-cache]") {
  test::TempDir dir;
  const fs::path site = dir.path() / "site", out = dir.path() / "out";
  fs::create_directories(site);
  fs::copy(test::source_dir() / "site.yaml", site / "site.yaml", fs::copy_options::overwrite_existing);
  fs::copy(test::source_dir() / "content", site / "content", fs::copy_options::recursive);
  Keeper cache{keeper_kind(GENERATE(0, 1, 2, 3, 4))};

  build_with_and_without_cache(site, out, cache);
  const auto first = cache.last();
  CHECK(first.sources > 20);
  if (cache.uses_store() || cache.kind == Keeper::Kind::serve_store) CHECK(cache.stored.stored == first.sources);
  CHECK(first.parsed == first.sources);
  CHECK(first.bodies_rendered == first.sources);

  SECTION("nothing changed: nothing parsed or rendered") {
    build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed == 0);
    CHECK(cache.last().bodies_rendered == 0);
    // With files old enough, not even read; otherwise read and hashed.
    CHECK(cache.last().unread == (cache.aged() ? first.sources : 0));
    if (!cache.serves()) CHECK(cache.stored.unread == cache.last().unread);
  }
  SECTION("one news item saved: one file parsed, one body rendered") {
    std::string news;
    for (const auto& e : fs::directory_iterator(site / "content/news"))
      if (news.empty() || e.path().filename().string() < news) news = e.path().filename().string();
    std::ofstream(site / "content/news" / news, std::ios::app) << "\nДобавлен абзац при сохранении.\n";
    auto b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed == 1);
    CHECK(cache.last().bodies_rendered == 1);
    CHECK(cache.last().unread == (cache.aged() ? first.sources - 1 : 0));
    CHECK(output_has(b, "novosti/" + news.substr(0, news.size() - 3) + "/index.html", "Добавлен абзац при сохранении"));
  }
  SECTION("a file deleted leaves the cache and the site") {
    const auto sources = first.sources;
    std::ofstream(site / "content/news/vremennaya.md") << "---\ntitle: \"Временная\"\ndate: 2026-11-01\n---\nТекст.\n";
    build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().sources == sources + 1);
    CHECK(cache.last().parsed == 1);
    REQUIRE(fs::exists(out / "novosti/vremennaya/index.html"));
    fs::remove(site / "content/news/vremennaya.md");
    auto b = build_with_and_without_cache(site, out, cache);
    REQUIRE(b.outcome == pipeline::Outcome::ok);
    CHECK(cache.last().sources == sources);
    CHECK(cache.last().parsed == 0);
    CHECK_FALSE(fs::exists(out / "novosti/vremennaya"));  // updated in place: the page and its folder are gone
    if (cache.serves()) CHECK(cache.caches.written_to == out);
  }
}

TEST_CASE("a check fills the load store: the build after it parses nothing and agrees with a clean build",
          "[site][load-cache][load-store]") {
  // check drops each body's HTML once it is stored (nothing is rendered): it must be stored
  // whole before that, or the next build would publish empty pages from the store.
  test::TempDir dir;
  const fs::path site = dir.path() / "site", out = dir.path() / "out";
  fs::create_directories(site);
  fs::copy(test::source_dir() / "site.yaml", site / "site.yaml", fs::copy_options::overwrite_existing);
  fs::copy(test::source_dir() / "content", site / "content", fs::copy_options::recursive);
  Keeper cache{Keeper::Kind::store};
  pipeline::Options check;
  check.site_dir = site;
  check.now = test::k_test_now;
  check.cache_dir = cache.cache_dir.path();
  check.write = false;
  diag::Sink sink;
  const auto checked = pipeline::run(check, sink);
  REQUIRE(checked.outcome == pipeline::Outcome::ok);
  CHECK(checked.load_store.stored == checked.loaded.sources);
  auto b = build_with_and_without_cache(site, out, cache);
  REQUIRE(b.outcome == pipeline::Outcome::ok);
  CHECK(cache.last().parsed == 0);
  CHECK(cache.last().bodies_rendered == 0);
}

TEST_CASE("a cached body is rendered again when something outside its file changes its meaning", "[site][load-cache]") {
  test::TempDir dir;
  const fs::path site = dir.path() / "site", out = dir.path() / "out";
  test::copy_base_site(site);
  Keeper cache{keeper_kind(GENERATE(0, 1, 2, 3, 4))};
  const fs::path news = site / "content/news/pervaya.md";
  const fs::path practice = site / "content/practices/keys-1.md";

  auto b = build_with_and_without_cache(site, out, cache);
  REQUIRE(b.outcome == pipeline::Outcome::ok);
  REQUIRE(output_has(b, "novosti/pervaya/index.html", "href=\"../../praktiki/keys-1/\""));

  SECTION("the page a link points to is deleted, then restored") {
    const std::string kept = test::read_file(practice);
    fs::remove(practice);
    b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed == 0);  // the news file did not change…
    CHECK(diags_mention(b.diags, "content/news/pervaya.md:5:"));  // …but its link is now broken
    CHECK(diags_mention(b.diags, "link.broken"));
    write_text(practice, kept);
    b = build_with_and_without_cache(site, out, cache);
    CHECK_FALSE(diags_mention(b.diags, "link.broken"));
    CHECK(output_has(b, "novosti/pervaya/index.html", "href=\"../../praktiki/keys-1/\""));
  }
  SECTION("the page a link points to gets another address") {
    // Unchanged link map: no body's link questions are asked again (its digest and the page's
    // address are where the answers were seen to hold — kept by serve in memory, by the store in
    // its index). A second news item links to a page that keeps its address.
    write_text(site / "content/news/vtoraya.md",
               "---\ntitle: \"Вторая новость\"\ndate: 2024-09-20\n---\nСм. [программу](../programs/adaptatsiya.md).\n");
    b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().links_asked == 1);  // a new page: another map for the first item's links
    b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().links_asked == 0);
    edit_text(practice, "title: \"Кейс 1\"", "title: \"Кейс 1\"\nslug: \"keys-odin\"");
    b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().links_asked == 2);  // every body with links: the map is another
    CHECK(cache.last().parsed == 1);  // the practice, not the news that links to it
    CHECK(output_has(b, "novosti/pervaya/index.html", "href=\"../../praktiki/keys-odin/\""));
    b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().links_asked == 0);  // the second item's answers held in the new map: recorded
  }
  SECTION("today's date: a running practice's results are withheld, then published") {
    b = build_with_and_without_cache(site, out, cache, util::Date{2025, 1, 15});
    CHECK_FALSE(output_has(b, "praktiki/keys-1/index.html", ">Результаты</h2>"));
    b = build_with_and_without_cache(site, out, cache, util::Date{2025, 6, 15});
    CHECK(cache.last().parsed == 0);
    CHECK(output_has(b, "praktiki/keys-1/index.html", ">Результаты</h2>"));
  }
  SECTION("the result headings of site.yaml's rules") {
    b = build_with_and_without_cache(site, out, cache, util::Date{2025, 1, 15});
    CHECK_FALSE(output_has(b, "praktiki/keys-1/index.html", ">Результаты</h2>"));
    std::ofstream(site / "site.yaml", std::ios::app) << "rules:\n  result_headings: [\"Итоги\"]\n";
    b = build_with_and_without_cache(site, out, cache, util::Date{2025, 1, 15});
    CHECK(output_has(b, "praktiki/keys-1/index.html", ">Результаты</h2>"));
  }
  SECTION("typography and raw HTML switches") {
    edit_text(news, "Текст новости", "Текст \"новости\" <b>жирный</b>");
    b = build_with_and_without_cache(site, out, cache);
    CHECK(output_has(b, "novosti/pervaya/index.html", "«новости»"));
    std::ofstream(site / "site.yaml", std::ios::app) << "typography: false\nmarkup:\n  unsafe_html: true\n";
    b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed == 0);
    CHECK(output_has(b, "novosti/pervaya/index.html", "&quot;новости&quot;"));
    CHECK(output_has(b, "novosti/pervaya/index.html", "<b>жирный</b>"));
  }
  SECTION("a warning of an unchanged file is reported on every rebuild, as site.yaml's severity says") {
    edit_text(news, "Текст новости", "Текст <b>новости</b>");
    b = build_with_and_without_cache(site, out, cache);
    const auto warnings = b.diags;
    REQUIRE(diags_mention(warnings, "content/news/pervaya.md:5:"));
    b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed == 0);
    CHECK(b.diags == warnings);
    std::string code;
    for (const auto& d : warnings)
      if (d.find("content/news/pervaya.md:5:") == 0) code = d.substr(d.find(' ', d.find(' ') + 1) + 1), code = code.substr(0, code.find(' '));
    REQUIRE_FALSE(code.empty());
    std::ofstream(site / "site.yaml", std::ios::app) << "rules:\n  severity:\n    " << code << ": error\n";
    b = build_with_and_without_cache(site, out, cache);
    CHECK(b.outcome == pipeline::Outcome::content_errors);
  }
  SECTION("a bank name in an unchanged body is caught on every rebuild, and once the bank names it") {
    // The leak scan reads the text blocks a cached body keeps as places in its plain text.
    edit_text(news, "Текст новости",
              "Текст новости.\n\n- Встречу провёл Учеников Иван.\n\nПосле встречи Сидорова Мария Олеговна.");
    b = build_with_and_without_cache(site, out, cache);
    CHECK(b.outcome == pipeline::Outcome::content_errors);
    REQUIRE(diags_mention(b.diags, "content/news/pervaya.md:7:"));
    CHECK(diags_mention(b.diags, "privacy.leak"));
    b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed == 0);
    CHECK(b.outcome == pipeline::Outcome::content_errors);
    CHECK(diags_mention(b.diags, "content/news/pervaya.md:7:"));
    CHECK_FALSE(diags_mention(b.diags, "content/news/pervaya.md:9:"));
    // A person added to the bank: the unchanged body now leaks a second name.
    edit_text(site / "content/bank.yaml", "pairs:", R"(  - id: s2
    name: "Сидорова Мария Олеговна"
    role: обучающийся
    grade: 8
    minor: true
    consent: { processing: 2024-09-02, guardian: 2024-09-02 }
pairs:)");
    b = build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed <= 1);  // the bank, not the news item
    CHECK(diags_mention(b.diags, "content/news/pervaya.md:7:"));
    CHECK(diags_mention(b.diags, "content/news/pervaya.md:9:"));
  }
  SECTION("a file made unreadable UTF-8 and fixed again") {
    const std::string kept = test::read_file(news);
    write_text(news, kept + "\xff\n");
    b = build_with_and_without_cache(site, out, cache);
    CHECK(diags_mention(b.diags, "utf8.invalid"));
    // Built again while it stays broken (with the clock ahead, its stamp now vouches for it).
    b = build_with_and_without_cache(site, out, cache);
    CHECK(diags_mention(b.diags, "utf8.invalid"));
    write_text(news, kept);
    b = build_with_and_without_cache(site, out, cache);
    CHECK_FALSE(diags_mention(b.diags, "utf8.invalid"));
    CHECK(b.outcome == pipeline::Outcome::ok);
  }
}

TEST_CASE("a damaged load store only means parsing again", "[site][load-cache][load-store]") {
  test::TempDir dir;
  const fs::path site = dir.path() / "site", out = dir.path() / "out";
  test::copy_base_site(site);
  Keeper cache{Keeper::Kind::store};
  build_with_and_without_cache(site, out, cache);
  const auto sources = cache.last().sources;
  REQUIRE(sources > 3);
  fs::path pack;
  for (const auto& e : fs::recursive_directory_iterator(cache.cache_dir.path()))
    if (e.path().filename().string().rfind("pack-", 0) == 0) pack = e.path();
  REQUIRE(!pack.empty());
  std::string bytes = test::read_file(pack);
  SECTION("every entry's bytes changed") {
    for (std::size_t i = 0; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
    write_text(pack, bytes);
    build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed == sources);
    build_with_and_without_cache(site, out, cache);  // and stored afresh
    CHECK(cache.last().parsed == 0);
  }
  SECTION("the HTML of the bodies changed after their heads were written") {
    // The HTML is each entry's tail, read only for a page rendered again (model::StoredText): the
    // heads still read back, the bodies do not. Nothing rendered from them may be written.
    std::size_t damaged = 0;
    for (auto at = bytes.find("</p>"); at != std::string::npos; at = bytes.find("</p>", at + 1), ++damaged)
      bytes[at + 2] = 'q';
    REQUIRE(damaged > 0);
    write_text(pack, bytes);
    const auto before = test::snapshot(out);
    edit_text(site / "site.yaml", "title: \"", "title: \"Новое: ");  // every page is rendered again
    CHECK(stopped_by_store(site, out, cache).find("запустите сборку снова") != std::string::npos);
    CHECK(test::snapshot(out) == before);  // the output stays as it was
    // The next run parses everything again, and agrees with a build without the cache.
    build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed == sources);
  }
  SECTION("the plain text of the bodies changed after their heads were written: check concludes nothing") {
    // The plain text ends each entry's tail and is read only when used: by the leak scan (the
    // site's bank names people who may not be published). A scan of texts that did not read
    // back would pass a leak.
    std::size_t damaged = 0;
    for (std::size_t at = 1; at <= bytes.size(); ++at)
      if (at == bytes.size() || content::entry_head_size(std::string_view(bytes).substr(at)) > 0) {
        bytes[at - 1] = static_cast<char>(bytes[at - 1] ^ 0x01);
        ++damaged;
      }
    REQUIRE(damaged > 3);
    write_text(pack, bytes);
    CHECK(stopped_by_store(site, {}, cache).find("проверка не закончена") != std::string::npos);
    build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed == sources);
  }
  SECTION("the pack cut short") {
    write_text(pack, bytes.substr(0, bytes.size() / 2));
    build_with_and_without_cache(site, out, cache);
    CHECK(cache.last().parsed > 0);
    CHECK(cache.last().parsed < sources);
  }
}

TEST_CASE("the search index's memo is kept beside the parse cache: a build into a fresh folder stems nothing again",
          "[site][load-store][search]") {
  test::TempDir dir, cache_dir;
  const fs::path site = dir.path() / "site";
  test::copy_base_site(site);
  auto run = [&](const fs::path& out) {
    pipeline::Options opt;
    opt.site_dir = site;
    opt.out_dir = out;
    opt.now = test::k_test_now;
    opt.cache_dir = cache_dir.path();
    opt.incremental = true;
    diag::Sink sink;
    auto r = pipeline::run(opt, sink);
    REQUIRE(r.outcome == pipeline::Outcome::ok);
    REQUIRE(r.load_store_used);
    return r;
  };
  CHECK(run(dir.path() / "a").render.search_reused == 0);
  fs::path memo;
  for (const auto& e : fs::recursive_directory_iterator(cache_dir.path()))
    if (e.path().filename() == "search") memo = e.path();
  REQUIRE(!memo.empty());
  CHECK_FALSE(fs::exists(dir.path() / "a" / render::k_search_memo));  // not in the output
  const auto docs =
      nlohmann::json::parse(test::read_file(dir.path() / "a/poisk/index.json"))["docs"].size();
  REQUIRE(docs > 3);
  // A fresh output folder: every document comes from the memo, and the output is the same.
  CHECK(run(dir.path() / "b").render.search_reused == docs);
  CHECK(test::snapshot(dir.path() / "b") == test::snapshot(dir.path() / "a"));
  const std::string sound = test::read_file(memo);
  SECTION("a damaged memo is not trusted") {
    std::string bad = sound;
    bad[bad.size() / 2] = static_cast<char>(bad[bad.size() / 2] ^ 1);
    write_text(memo, bad);
    CHECK(run(dir.path() / "c").render.search_reused == 0);
    CHECK(test::snapshot(dir.path() / "c") == test::snapshot(dir.path() / "a"));
    CHECK(test::read_file(memo) == sound);  // and saved again
  }
  SECTION("a symbolic link in its place is not followed, even to a sound memo") {
    write_text(dir.path() / "memo-copy", sound);
    fs::remove(memo);
    fs::create_symlink(dir.path() / "memo-copy", memo);
    CHECK(run(dir.path() / "c").render.search_reused == 0);
    CHECK(fs::symlink_status(memo).type() == fs::file_type::regular);
  }
}

TEST_CASE("serve's first build takes what builds stored, and its rebuilds agree", "[site][load-cache][load-store]") {
  test::TempDir dir;
  const fs::path site = dir.path() / "site", out = dir.path() / "out";
  test::copy_base_site(site);
  Keeper build{Keeper::Kind::store};
  build_with_and_without_cache(site, dir.path() / "built", build);
  const auto sources = build.last().sources;
  REQUIRE(sources > 3);

  Keeper serve{Keeper::Kind::serve_store};
  fs::copy(build.cache_dir.path(), serve.cache_dir.path(), fs::copy_options::recursive);  // what build stored
  build_with_and_without_cache(site, out, serve);
  CHECK(serve.last().parsed == 0);
  CHECK(serve.stored.found == sources);
  // Its kept entries have no text yet: a body that must be rendered again reads its file then.
  const std::string kept = test::read_file(site / "content/practices/keys-1.md");
  fs::remove(site / "content/practices/keys-1.md");
  auto b = build_with_and_without_cache(site, out, serve);
  CHECK(diags_mention(b.diags, "link.broken"));
  write_text(site / "content/practices/keys-1.md", kept);
  b = build_with_and_without_cache(site, out, serve);
  CHECK_FALSE(diags_mention(b.diags, "link.broken"));
  std::ofstream(site / "content/news/pervaya.md", std::ios::app) << "\nЕщё абзац.\n";
  b = build_with_and_without_cache(site, out, serve);
  CHECK(serve.last().parsed == 1);
  CHECK(output_has(b, "novosti/pervaya/index.html", "Ещё абзац"));
}

TEST_CASE("a source rewritten during a run is read as it is when its body is rendered, and its problems are reported",
          "[site][load-cache][load-store]") {
  test::TempDir dir;
  const fs::path site = dir.path() / "site", out = dir.path() / "out";
  test::copy_base_site(site);
  Keeper cache{Keeper::Kind::store_aged};
  build_with_and_without_cache(site, out, cache);
  const std::string rel = "content/news/pervaya.md";
  const std::string old_bytes = test::read_file(site / rel);
  write_text(site / rel, old_bytes + "\nБитый байт: \xff\n");  // not UTF-8
  // The race, arranged: the store's record of the file keeps the key of its old bytes under the
  // stamp of the new ones — as when the file is written after a run trusted its stamp (stage 1)
  // and before that run reads it to render its body again (stage 3).
  {
    std::string why;
    auto store = content::LoadStore::open(cache.cache_dir.path(), site, why, util::clock_now_ns() + 3600'000'000'000);
    REQUIRE(store);
    auto e = store->find(rel, content::source_key(content::SourceKind::news, rel, old_bytes), nullptr, true);
    REQUIRE(e);
    const auto stamp = util::stat_file(site / rel);
    REQUIRE(stamp);
    store->put(rel, *e, *stamp);
    REQUIRE(store->commit());
  }
  // Its body must be rendered again: the page it links to is gone.
  fs::remove(site / "content/practices/keys-1.md");
  auto b = build_once(site, out, &cache, test::k_test_now);
  CHECK(b.outcome == pipeline::Outcome::content_errors);
  CHECK(diags_mention(b.diags, rel + ":7:"));
  CHECK(diags_mention(b.diags, "utf8.invalid"));
}
