// The load store (content/load_store.cpp): an entry is found only under its key and whole, its
// texts are read when used, the folder is used only when it is the user's own and no other run
// holds it, the pack is compacted and stale stores go. (The entries' encoding:
// load_codec_test.cpp.)
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>

#include "content/load_store.hpp"
#include "content/page_source.hpp"
#include "support/load_entries.hpp"
#include "support/site_builder.hpp"

// A namespace of its own: this folder compiles as one unity batch, and a using-directive at
// file scope would reach the next file's names.
namespace load_store_test {

namespace fs = std::filesystem;
using namespace nastavnik;
using test::at;
using test::entry_of;
using test::news_entry;
using test::page_with_base;

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
    e.body->body.blocks = {{.text = {}, .in_plain = true, .at = plain.find(block), .size = block.size(), .pos = {}}};
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

}  // namespace load_store_test
