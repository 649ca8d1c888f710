// The load store (content/load_store.cpp): every field of an entry comes back as written, a
// damaged or foreign entry never comes back, and the folder is used only when it is the user's
// own and no other run holds it.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>

#include "content/load_store.hpp"
#include "content/page_source.hpp"
#include "support/site_builder.hpp"

// A namespace of its own: this folder compiles as one unity batch, and a using-directive at
// file scope would reach the next file's names.
namespace load_store_test {

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

diag::SourcePos at(int line) { return {"content/news/a.md", line, line + 2}; }

diag::Diagnostic diagnostic(int n) {
  return {diag::Severity::warning, "code." + std::to_string(n), "сообщение " + std::to_string(n), "подсказка", at(n)};
}

/// Every field of the base set to something other than its default.
template <class P>
P page_with_base() {
  P p;
  p.source = "content/news/a.md";
  p.slug = "a";
  p.url = "novosti/a/";
  p.title = "Заголовок";
  p.summary = "Кратко";
  p.tags = {"тег", "ещё"};
  p.body.html = "<p>тело</p>";
  p.body.set_plain("тело");
  p.pos.self = at(1);
  p.pos.values = {{"title", at(2)}};
  p.pos.keys = {{"title", at(3)}};
  p.body_line = 7;
  return p;
}

content::BodyMemo full_memo() {
  content::BodyMemo m;
  m.unsafe_html = true;
  m.typography = false;
  m.withholding = true;
  m.headings = {{"Результаты", true}, {"Цели", false}};
  m.links = {{"../b/", at(4), std::string("../../novosti/b/"), {diagnostic(1)}}, {"zzz", at(5), std::nullopt, {}}};
  m.body.html = "<h2 id=\"celi\">Цели</h2><p>Текст «в кавычках»</p>";
  m.body.set_plain("Цели Текст «в кавычках»");
  m.body.headings = {{2, "Цели", "celi", at(6), false}, {2, "Результаты", "rezultaty", at(8), true}};
  m.body.blocks = {{.text = "Текст", .pos = at(7)}};
  m.body.has_withheld = true;
  m.diags = {diagnostic(2), diagnostic(3)};
  return m;
}

content::LoadedSource entry_of(content::AnyPage page) {
  content::LoadedSource e;
  e.key = "news|content/news/a.md|0123456789abcdef0123456789abcdef";
  e.ok = true;
  e.slug_field = "a";
  e.slug_pos = at(9);
  e.page = std::move(page);
  e.diags = {diagnostic(4)};
  e.body = full_memo();
  return e;
}

std::vector<content::LoadedSource> entries_of_every_kind() {
  std::vector<content::LoadedSource> out;
  out.push_back(entry_of(page_with_base<model::Landing>()));
  auto reg = page_with_base<model::Regulation>();
  reg.approved = model::Approval{"238/1", util::Date{2024, 8, 30}, "директор", {at(10), {{"order", at(11)}}, {}}};
  reg.file = "files/polozhenie.pdf";
  out.push_back(entry_of(reg));
  auto prog = page_with_base<model::Program>();
  prog.form = "учитель — учитель";
  prog.start = {2024, 9, 1};
  prog.end = {2025, 5, 31};
  prog.pair = "p1";
  prog.authors = {"Иванова"};
  out.push_back(entry_of(prog));
  auto pr = page_with_base<model::Practice>();
  pr.form = "ученик — ученик";
  pr.start = util::Date{2024, 9, 1};
  pr.authors = {"Петрова", "Сидоров"};
  pr.pair = "p2";
  out.push_back(entry_of(pr));
  auto news = page_with_base<model::NewsItem>();
  news.date = {2026, 11, 1};
  news.image = "files/a.jpg";
  news.image_alt = "описание";
  news.draft = true;
  news.event = model::NewsEvent{util::Date{2026, 11, 5}, "15:00", "актовый зал"};
  out.push_back(entry_of(news));
  auto page = page_with_base<model::Page>();
  page.weight = -3;
  page.menu = false;
  out.push_back(entry_of(page));
  auto bare = entry_of(model::Page{});
  bare.ok = false;
  bare.body.reset();
  out.push_back(bare);
  return out;
}

}  // namespace

TEST_CASE("load store: an entry of every kind reads back with every field", "[content][load-store]") {
  for (const auto& e : entries_of_every_kind()) {
    const std::string bytes = content::encode_source(e);
    auto back = content::decode_source(bytes);
    REQUIRE(back);
    CHECK(content::encode_source(*back) == bytes);
    CHECK(back->page.index() == e.page.index());
    CHECK(back->key == e.key);
    CHECK(back->ok == e.ok);
    CHECK(back->body.has_value() == e.body.has_value());
    CHECK_FALSE(back->text);  // derived from the source again, never stored
  }
  // Spot checks that the fields land where they belong (a symmetric mistake would round-trip).
  auto all = entries_of_every_kind();
  auto news = content::decode_source(content::encode_source(all[4]));
  REQUIRE(news);
  const auto& n = std::get<model::NewsItem>(news->page);
  CHECK(n.title == "Заголовок");
  CHECK(n.image_alt == "описание");
  CHECK(n.draft);
  CHECK(n.event->place == "актовый зал");
  CHECK(n.pos.of("title").line == 2);
  CHECK(n.pos.key("title").line == 3);
  CHECK(news->body->links[0].href == "../../novosti/b/");
  CHECK_FALSE(news->body->links[1].href);
  CHECK(news->body->body.headings[1].withheld);
  CHECK(news->body->diags[1].code == "code.3");
  CHECK(news->diags[0].severity == diag::Severity::warning);
  CHECK_FALSE(news->body->lent);
}

TEST_CASE("load store: positions take the caller's name of the source only when it is the stored one",
          "[content][load-store]") {
  auto all = entries_of_every_kind();
  const std::string bytes = content::encode_source(all[4]);  // a news item of content/news/a.md
  const diag::FileName own("content/news/a.md"), other("content/news/b.md");
  auto same = content::decode_source(bytes, own);
  REQUIRE(same);
  const auto& n = std::get<model::NewsItem>(same->page);
  CHECK(n.pos.self.file == own);
  CHECK(n.pos.values.at(0).second.file == own);
  auto wrong = content::decode_source(bytes, other);  // a caller's mistake never renames positions
  REQUIRE(wrong);
  const auto& w = std::get<model::NewsItem>(wrong->page);
  CHECK(w.pos.self.file.str() == "content/news/a.md");
  CHECK(w.pos.values.at(0).second.file.str() == "content/news/a.md");
  CHECK(content::encode_source(*wrong) == bytes);
}

TEST_CASE("load store: the fuzzer's seed entries are of the current format", "[content][load-store]") {
  // tests/fuzz/corpus/load_store: real entries of the demo site. A seed that no longer decodes
  // leaves the fuzzer only the magic to get past; a change of the format must renew them.
  std::size_t seeds = 0;
  for (const auto& f : fs::directory_iterator(fs::path(NASTAVNIK_SOURCE_DIR) / "tests/fuzz/corpus/load_store")) {
    INFO(f.path().string());
    const std::string bytes = test::read_file(f.path());
    auto e = content::decode_source(bytes);
    REQUIRE(e);
    CHECK(content::encode_source(*e) == bytes);
    ++seeds;
  }
  CHECK(seeds >= 5);
}

TEST_CASE("load store: a cut, lengthened or foreign entry does not decode", "[content][load-store]") {
  const std::string bytes = content::encode_source(entries_of_every_kind()[1]);
  for (std::size_t n = 0; n < bytes.size(); ++n) REQUIRE_FALSE(content::decode_source(std::string_view(bytes).substr(0, n)));
  CHECK_FALSE(content::decode_source(bytes + '\0'));
  std::string other = bytes;
  other[0] = 'X';
  CHECK_FALSE(content::decode_source(other));
}

namespace {

content::LoadedSource news_entry(const std::string& key, std::size_t html_bytes = 10) {
  auto e = entry_of(page_with_base<model::NewsItem>());
  e.key = key;
  e.body->body.html = std::string(html_bytes, 'x');
  return e;
}

}  // namespace

TEST_CASE("load store: found under its key after commit, not under another, not once damaged", "[content][load-store]") {
  test::TempDir dir;
  const fs::path cache = dir.path() / "cache", site = dir.path() / "site";
  fs::create_directories(site);
  fs::path store_dir;
  {
    std::string why;
    auto store = content::LoadStore::open(cache, site, why);
    REQUIRE(store);
    CHECK(why.empty());
    store_dir = store->dir();
    store->put("content/news/a.md", news_entry("k1"), {});
    store->put("content/news/b.md", news_entry("k2"), {});
    REQUIRE(store->commit());
    CHECK(store->stats().stored == 2);
  }
  struct stat st {};
  REQUIRE(::lstat(store_dir.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::lstat((cache / "load").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);

  auto reopen = [&] {
    std::string why;
    auto s = content::LoadStore::open(cache, site, why);
    REQUIRE(s);
    return s;
  };
  {
    auto store = reopen();
    auto a = store->find("content/news/a.md", "k1", nullptr);
    REQUIRE(a);
    CHECK(std::get<model::NewsItem>(a->page).title == "Заголовок");
    CHECK_FALSE(store->find("content/news/a.md", "k2", nullptr));  // the file's bytes changed
    CHECK_FALSE(store->find("content/news/c.md", "k1", nullptr));
    CHECK(store->stats().found == 1);
    REQUIRE(store->commit());  // keeps only what this run found: b.md is gone
  }
  {
    auto store = reopen();
    CHECK_FALSE(store->find("content/news/b.md", "k2", nullptr));
    CHECK(store->find("content/news/a.md", "k1", nullptr));
    REQUIRE(store->commit());
  }
  SECTION("a flipped byte in the pack") {
    std::string pack = test::read_file(store_dir / "pack-1");
    REQUIRE(pack.size() > 100);
    pack[50] ^= 0x20;  // inside a.md's entry, the first
    std::ofstream(store_dir / "pack-1", std::ios::binary | std::ios::trunc) << pack;
    CHECK_FALSE(reopen()->find("content/news/a.md", "k1", nullptr));
  }
  SECTION("a flipped byte in the index") {
    std::string index = test::read_file(store_dir / "index");
    index[index.size() / 2] ^= 0x01;
    std::ofstream(store_dir / "index", std::ios::binary | std::ios::trunc) << index;
    CHECK_FALSE(reopen()->find("content/news/a.md", "k1", nullptr));
  }
  SECTION("the index replaced by a symbolic link to a copy of itself") {
    fs::copy_file(store_dir / "index", dir.path() / "index-copy");
    fs::remove(store_dir / "index");
    fs::create_symlink(dir.path() / "index-copy", store_dir / "index");
    CHECK_FALSE(reopen()->find("content/news/a.md", "k1", nullptr));
  }
  SECTION("another site's store is another folder") {
    std::string why;
    auto other = content::LoadStore::open(cache, dir.path(), why);
    REQUIRE(other);
    CHECK(other->dir() != store_dir);
    CHECK_FALSE(other->find("content/news/a.md", "k1", nullptr));
  }
}

TEST_CASE("load store: a body's HTML is read when first used, checked then, and a failure counted",
          "[content][load-store]") {
  test::TempDir dir;
  const fs::path cache = dir.path() / "cache", site = dir.path() / "site";
  fs::create_directories(site);
  const std::string html = "<p>Тело новости, " + std::string(5000, 'x') + "</p>";
  fs::path store_dir;
  {
    std::string why;
    auto store = content::LoadStore::open(cache, site, why);
    REQUIRE(store);
    store_dir = store->dir();
    auto e = news_entry("k1");
    e.body->body.html = html;
    store->put("content/news/a.md", e, {});
    REQUIRE(store->commit());
  }
  auto reopen = [&] {
    std::string why;
    auto s = content::LoadStore::open(cache, site, why);
    REQUIRE(s);
    return s;
  };
  // The HTML is the tail of the entry: the only place in the pack where it is whole.
  const std::string pack = test::read_file(store_dir / "pack-1");
  const auto html_at = pack.find(html);
  REQUIRE(html_at != std::string::npos);
  CHECK(pack.find(html, html_at + 1) == std::string::npos);
  auto damage_html = [&] {
    std::string bad = pack;
    bad[html_at + html.size() / 2] ^= 0x01;
    std::ofstream(store_dir / "pack-1", std::ios::binary | std::ios::trunc) << bad;
  };

  SECTION("read when first used, by digest before that") {
    auto store = reopen();
    auto a = store->find("content/news/a.md", "k1", nullptr);
    REQUIRE(a);
    const model::StoredText& got = a->body->body.html;
    CHECK(got.pending());
    CHECK(got.size() == html.size());
    CHECK(got.digest() == model::StoredText::digest_of(html));
    CHECK(got.digest() == model::StoredText(html).digest());  // as a body rendered this run: same page key
    store.reset();  // the build renders after the store is closed
    CHECK(got.text() == html);
    CHECK_FALSE(got.pending());
    const model::StoredText copy = got;  // copies share the bytes
    CHECK(&copy.text() == &got.text());
  }
  SECTION("bytes changed under the run: empty, and counted where the build sees it") {
    auto store = reopen();
    auto a = store->find("content/news/a.md", "k1", nullptr);
    REQUIRE(a);
    auto failures = store->late_failures();
    store.reset();
    damage_html();
    CHECK(*failures == 0);
    CHECK(a->body->body.html.text().empty());
    CHECK(*failures == 1);
    CHECK(a->body->body.html.text().empty());  // read once
    CHECK(*failures == 1);
  }
  SECTION("serve reads it whole at once: a damaged HTML means parsing again") {
    damage_html();
    auto store = reopen();
    CHECK_FALSE(store->find("content/news/a.md", "k1", nullptr, /*whole=*/true));
    auto lazy = store->find("content/news/a.md", "k1", nullptr);  // the head alone is intact
    REQUIRE(lazy);
    CHECK(lazy->body->body.html.text().empty());
    CHECK(*store->late_failures() == 1);
  }
  SECTION("whole and intact") {
    auto a = reopen()->find("content/news/a.md", "k1", nullptr, /*whole=*/true);
    REQUIRE(a);
    CHECK_FALSE(a->body->body.html.pending());
    CHECK(a->body->body.html.text() == html);
  }
}

TEST_CASE("load store: a body's plain text is read only when used; its lead and its blocks' places are in the head",
          "[content][load-store]") {
  // A rebuild reads the heads of every entry: the plain text (a page's whole text again) is not
  // in them. The description takes the lead, the search index the digest; the leak scan and the
  // search index of a page it did not know read the text, checked against its digest.
  test::TempDir dir;
  const fs::path cache = dir.path() / "cache", site = dir.path() / "site";
  fs::create_directories(site);
  std::string plain;
  for (int i = 0; plain.size() < 6000; ++i) plain += "Абзац номер " + std::to_string(i) + " о наставничестве. ";
  const std::string block = plain.substr(plain.find("Абзац номер 7 "), 40);
  fs::path store_dir;
  {
    std::string why;
    auto store = content::LoadStore::open(cache, site, why);
    REQUIRE(store);
    store_dir = store->dir();
    auto e = news_entry("k1", 3000);
    e.body->body.set_plain(plain);
    e.body->body.blocks = {{.text = block, .pos = {}}};
    store->put("content/news/a.md", e, {});
    REQUIRE(store->commit());
  }
  const std::string pack = test::read_file(store_dir / "pack-1");
  const auto plain_at = pack.find(plain);
  REQUIRE(plain_at != std::string::npos);
  CHECK(pack.find(plain, plain_at + 1) == std::string::npos);  // once, in the tail
  auto reopen = [&] {
    std::string why;
    auto s = content::LoadStore::open(cache, site, why);
    REQUIRE(s);
    return s;
  };

  SECTION("the lead and the digest without the text") {
    auto store = reopen();
    auto a = store->find("content/news/a.md", "k1", nullptr);
    REQUIRE(a);
    const model::Body& body = a->body->body;
    CHECK(body.plain.pending());
    CHECK(body.plain.size() == plain.size());
    CHECK(body.plain.digest() == model::StoredText::digest_of(plain));
    CHECK(body.lead == util::truncate_text(plain, model::k_lead_chars));
    CHECK(body.lead.size() < 400);
    CHECK(body.plain.pending());  // the lead did not read it
    REQUIRE(body.blocks.size() == 1);
    CHECK(body.blocks[0].in_plain);  // a place, not a copy
    store.reset();
    CHECK(body.text_of(body.blocks[0]) == block);  // the leak scan reads it
    CHECK_FALSE(body.plain.pending());
    CHECK(body.plain.text() == plain);
  }
  SECTION("bytes changed under the run: the blocks are empty, and the failure counted") {
    std::string bad = pack;
    bad[plain_at + 100] ^= 0x01;
    std::ofstream(store_dir / "pack-1", std::ios::binary | std::ios::trunc) << bad;
    auto store = reopen();
    auto a = store->find("content/news/a.md", "k1", nullptr);
    REQUIRE(a);  // the head is intact
    auto failures = store->late_failures();
    CHECK(a->body->body.text_of(a->body->body.blocks[0]).empty());
    CHECK(*failures == 1);  // the build that scanned it is not written (pipeline)
    CHECK_FALSE(store->find("content/news/a.md", "k1", nullptr, /*whole=*/true));
  }
}

TEST_CASE("load store: one run at a time, and only in a folder of the user's own", "[content][load-store]") {
  test::TempDir dir;
  const fs::path cache = dir.path() / "cache", site = dir.path();
  std::string why;
  auto first = content::LoadStore::open(cache, site, why);
  REQUIRE(first);
  auto second = content::LoadStore::open(cache, site, why);
  CHECK_FALSE(second);
  CHECK(why.find("занят") != std::string::npos);
  first.reset();
  CHECK(content::LoadStore::open(cache, site, why));

  SECTION("open to others") {
    fs::permissions(cache, fs::perms::all);
    why.clear();
    CHECK_FALSE(content::LoadStore::open(cache, site, why));
    CHECK(why.find("другим") != std::string::npos);
  }
  SECTION("a symbolic link in place of the folder") {
    fs::create_directories(dir.path() / "elsewhere");
    const fs::path link = dir.path() / "link";
    fs::create_directory_symlink(dir.path() / "elsewhere", link);
    why.clear();
    CHECK_FALSE(content::LoadStore::open(link, site, why));
    CHECK(why.find("символическая ссылка") != std::string::npos);
    CHECK(fs::is_empty(dir.path() / "elsewhere"));
  }
}

TEST_CASE("load store: the pack is compacted once most of it is dead", "[content][load-store]") {
  test::TempDir dir;
  const fs::path cache = dir.path() / "cache", site = dir.path();
  fs::path store_dir;
  // Each run stores a new 4 MiB version of one source: after a few runs most of the pack is dead.
  for (int run = 0; run < 8; ++run) {
    std::string why;
    auto store = content::LoadStore::open(cache, site, why);
    REQUIRE(store);
    store_dir = store->dir();
    std::shared_ptr<content::LoadedSource> before;
    if (run > 0) CHECK((before = store->find("content/news/a.md", "k" + std::to_string(run - 1), nullptr)));
    store->put("content/news/a.md", news_entry("k" + std::to_string(run), 4 << 20), {});
    REQUIRE(store->commit());
    // A body found before a compaction removed its pack is still read from it.
    if (before) CHECK(before->body->body.html.text() == std::string(4 << 20, 'x'));
    CHECK(store->stats().pack_bytes <= 2 * store->stats().live_bytes + (16u << 20));
  }
  int packs = 0;
  for (const auto& e : fs::directory_iterator(store_dir))
    if (e.path().filename().string().rfind("pack-", 0) == 0) ++packs;
  CHECK(packs == 1);
  CHECK_FALSE(fs::exists(store_dir / "pack-1"));  // compacted into a later generation
  std::string why;
  auto store = content::LoadStore::open(cache, site, why);
  REQUIRE(store);
  CHECK(store->find("content/news/a.md", "k7", nullptr));
  CHECK(fs::file_size(store_dir / "pack-2") < (16u << 20));  // 32 MiB written in all
}

TEST_CASE("load store: a file is not read again only while its stamp is the one read, and was old then",
          "[content][load-store]") {
  test::TempDir dir;
  const fs::path cache = dir.path() / "cache", site = dir.path() / "site", file = site / "content/news/a.md";
  fs::create_directories(file.parent_path());
  std::ofstream(file) << "---\ntitle: А\n---\nТекст\n";
  const std::int64_t hour = 3600'000'000'000;
  const std::int64_t t0 = util::clock_now_ns();
  auto stamp = util::stat_file(file);
  REQUIRE(stamp);
  auto run = [&](std::int64_t clock) {
    std::string why;
    auto s = content::LoadStore::open(cache, site, why, clock);
    REQUIRE(s);
    return s;
  };
  {
    // Read (and hashed) at the moment it was written: racily clean, never vouched for.
    auto store = run(t0);
    store->put("content/news/a.md", news_entry("k1"), *stamp);
    REQUIRE(store->commit());
  }
  {
    auto store = run(t0 + hour);
    CHECK_FALSE(store->unchanged("content/news/a.md", *stamp));
    // Read and hashed again an hour later, with the same stamp: from now on it is vouched for.
    REQUIRE(store->find("content/news/a.md", "k1", &*stamp));
    REQUIRE(store->commit());
  }
  {
    auto store = run(t0 + 2 * hour);
    CHECK(store->unchanged("content/news/a.md", *stamp) == std::optional<std::string>("k1"));
    CHECK_FALSE(store->unchanged("content/news/b.md", *stamp));
    // Found by the stamp alone: the record keeps the stamp of the bytes last read.
    REQUIRE(store->find("content/news/a.md", "k1", nullptr));
    REQUIRE(store->commit());
  }
  // The same size and the old mtime put back: the ctime still tells.
  std::ofstream(file, std::ios::trunc) << "---\ntitle: Б\n---\nТекст\n";
  fs::last_write_time(file, fs::last_write_time(file) - std::chrono::hours(1));
  auto changed = util::stat_file(file);
  REQUIRE(changed);
  CHECK(changed->size == stamp->size);
  CHECK_FALSE(run(t0 + 3 * hour)->unchanged("content/news/a.md", *changed));
  // Another file in its place (an editor's save by rename): new times, perhaps another inode.
  CHECK(util::stat_file(file)->ino == changed->ino);
  fs::remove(file);
  std::ofstream(file) << "---\ntitle: А\n---\nТекст\n";
  CHECK_FALSE(run(t0 + 4 * hour)->unchanged("content/news/a.md", *util::stat_file(file)));
}

TEST_CASE("load store: another site's store unused for 30 days is removed, nothing else", "[content][load-store]") {
  test::TempDir dir;
  const fs::path cache = dir.path() / "cache";
  fs::create_directories(dir.path() / "old");
  fs::create_directories(dir.path() / "new");
  auto make = [&](const fs::path& site) {
    std::string why;
    auto s = content::LoadStore::open(cache, site, why);
    REQUIRE(s);
    s->put("content/news/a.md", news_entry("k"), {});
    REQUIRE(s->commit());
    return s->dir();
  };
  const fs::path old_store = make(dir.path() / "old");
  auto age = [&](const fs::path& store, int days) {
    for (const auto& f : fs::directory_iterator(store))
      fs::last_write_time(f.path(), fs::file_time_type::clock::now() - std::chrono::hours(24 * days));
  };
  auto open_new = [&] {
    std::string why;
    REQUIRE(content::LoadStore::open(cache, dir.path() / "new", why));
  };
  SECTION("unused for 40 days: removed") {
    age(old_store, 40);
    open_new();
    CHECK_FALSE(fs::exists(old_store));
  }
  SECTION("used 20 days ago: kept") {
    age(old_store, 20);
    open_new();
    CHECK(fs::exists(old_store / "index"));
  }
  SECTION("a file that is not a store's: kept") {
    std::ofstream(old_store / "notes.txt") << "мои заметки";
    age(old_store, 40);
    open_new();
    CHECK(fs::exists(old_store / "notes.txt"));
    CHECK(fs::exists(old_store / "index"));
  }
  SECTION("a run holds it: kept") {
    age(old_store, 40);
    std::string why;
    auto held = content::LoadStore::open(cache, dir.path() / "old", why);
    REQUIRE(held);
    age(old_store, 40);  // its own open touched nothing it would not touch anyway
    open_new();
    CHECK(fs::exists(old_store / "index"));
  }
}

TEST_CASE("limits: encoding a body whose text blocks are not in its plain text stays linear", "[safety][limits][load-store]") {
  // Typography makes a block's source text differ from the plain text («» for "", — for --), so
  // most blocks of such a page are not found there. Looking for each in the whole rest of an
  // 8 MB text was quadratic (100 s for a 2.8 MB page; this one would run past the test timeout).
  auto e = news_entry("k");
  auto& body = e.body->body;
  std::string plain;
  plain.reserve(8u << 20);
  while (plain.size() < (8u << 20)) plain += "Абзац «в кавычках» — вот так, типографика его изменила. ";
  body.set_plain(std::move(plain));
  body.blocks.clear();
  for (int i = 0; i < 60000; ++i)
    body.blocks.push_back(
        {.text = "Абзац \"в кавычках\" -- вот так, номер " + std::to_string(i) + ".", .pos = at(i + 1)});
  body.blocks.push_back({.text = "Абзац «в кавычках» — вот так", .pos = at(1)});  // and one that is there
  const std::string bytes = content::encode_source(e);
  auto back = content::decode_source(bytes);
  REQUIRE(back);
  REQUIRE(back->body->body.blocks.size() == body.blocks.size());
  CHECK(back->body->body.text_of(back->body->body.blocks[123]) == body.blocks[123].text);
  CHECK(back->body->body.text_of(back->body->body.blocks.back()) == body.blocks.back().text);
  CHECK(content::encode_source(*back) == bytes);
}

}  // namespace load_store_test
