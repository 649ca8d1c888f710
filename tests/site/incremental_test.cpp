// The incremental page cache (render/page_cache.hpp): a rebuild renders only pages whose inputs
// changed, and its output is always byte-identical to a clean single-threaded build.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "render/page_cache.hpp"
#include "render/search_index.hpp"
#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

pipeline::Result build(const fs::path& site, const fs::path& out, bool incremental = true, int jobs = 0) {
  pipeline::Options opt;
  opt.site_dir = site;
  opt.out_dir = out;
  opt.now = test::k_test_now;
  opt.incremental = incremental;
  opt.jobs = jobs;
  diag::Sink sink;
  auto r = pipeline::run(opt, sink);
  INFO("errors: " << sink.errors());
  REQUIRE(r.outcome == pipeline::Outcome::ok);
  return r;
}

/// The demo site (site.yaml and content/, built-in layouts) copied to `dir`.
void copy_demo(const fs::path& dir) {
  fs::copy(test::source_dir() / "site.yaml", dir / "site.yaml");
  fs::copy(test::source_dir() / "content", dir / "content", fs::copy_options::recursive);
}

void append(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::app | std::ios::binary);
  out << text;
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string s = test::read_file(file);
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << s;
}

/// The output without the caches' own files (a clean build writes none).
std::vector<std::pair<std::string, std::string>> pages_of(const fs::path& out) {
  auto all = test::snapshot(out);
  std::erase_if(all, [](const auto& f) { return render::is_cache_file(f.first); });
  return all;
}

/// A clean, single-threaded, non-incremental build of `site` into a fresh folder.
std::vector<std::pair<std::string, std::string>> clean_build(const fs::path& site) {
  test::TempDir out;
  build(site, out.path() / "clean", false, 1);
  return pages_of(out.path() / "clean");
}

/// The demo site copied to `site` and built twice into `out`: the second build swapped the
/// first one's tree out as `prev`.
void built_twice(const fs::path& site, const fs::path& out, const fs::path& prev) {
  copy_demo(site);
  build(site, out);
  build(site, out);
  REQUIRE(fs::exists(prev / ".nastavnik-output"));
}

std::string demo_news_path(const fs::path& site) {
  for (const auto& e : fs::directory_iterator(site / "content/news"))
    if (e.path().filename() == "anons-seminar-navigator.md") return e.path().string();
  FAIL("demo news item not found");
  return {};
}

}  // namespace

TEST_CASE("an unchanged rebuild renders no page and rewrites no file", "[site][incremental]") {
  test::TempDir site, out;
  copy_demo(site.path());
  auto first = build(site.path(), out.path() / "p");
  CHECK(first.render.reused == 0);
  REQUIRE(first.render.pages > 30);
  auto second = build(site.path(), out.path() / "p");
  CHECK(second.render.reused == second.render.pages);
  CHECK(second.write.written == 0);
}

TEST_CASE("editing one news item re-renders only the pages that show it", "[site][incremental]") {
  test::TempDir site, out;
  copy_demo(site.path());
  const fs::path p = out.path() / "p";
  build(site.path(), p);
  append(demo_news_path(site.path()), "\nНовое предложение для проверки.\n");
  auto r = build(site.path(), p);
  // The item itself; its card on the news list and the landing page shows its summary field,
  // so those stay, and every other page is taken from the previous output.
  CHECK(r.render.pages - r.render.reused >= 1);
  CHECK(r.render.pages - r.render.reused <= 3);
  CHECK(test::read_file(p / "novosti/anons-seminar-navigator/index.html").find("Новое предложение для проверки") !=
        std::string::npos);
  CHECK(pages_of(p) == clean_build(site.path()));
}

TEST_CASE("a changed layout, site.yaml value or neighbour reaches every page that shows it", "[site][incremental]") {
  test::TempDir site, out;
  copy_demo(site.path());
  const fs::path p = out.path() / "p";
  build(site.path(), p);

  SECTION("a layout partial") {
    fs::create_directories(site.path() / "layouts/partials");
    std::string footer = test::read_file(test::source_dir() / "layouts/partials/footer.mustache");
    std::ofstream(site.path() / "layouts/partials/footer.mustache", std::ios::binary) << footer << "<p>Новый подвал</p>\n";
    auto r = build(site.path(), p);
    CHECK(r.render.reused == 0);
    CHECK(test::read_file(p / "dokumenty/index.html").find("Новый подвал") != std::string::npos);
  }
  SECTION("the site title in site.yaml") {
    replace_in(site.path() / "site.yaml", "title: \"", "title: \"Обновлено: ");
    auto r = build(site.path(), p);
    CHECK(r.render.reused == 0);
    CHECK(test::read_file(p / "baza/index.html").find("Обновлено:") != std::string::npos);
  }
  SECTION("a news title shown on its neighbours' pages") {
    replace_in(demo_news_path(site.path()), "title: \"", "title: \"Перенесено: ");
    auto r = build(site.path(), p);
    CHECK(r.render.pages - r.render.reused >= 3);  // the item, its neighbours, lists
  }
  CHECK(pages_of(p) == clean_build(site.path()));
}

TEST_CASE("every field of a news item reaches its page, its neighbours and its list card", "[site][incremental]") {
  // News pages are keyed on their inputs (render/env.hpp: news_card_inputs), not on a built
  // context: a field left out of the key would leave a stale page. Each edit is one field.
  test::TempDir site, out;
  copy_demo(site.path());
  const fs::path p = out.path() / "p";
  build(site.path(), p);
  const fs::path with_image = site.path() / "content/news/seminar-pervyy-god.md";
  struct Edit {
    const char* what;
    fs::path file;
    std::string from, to;
  };
  const fs::path item = demo_news_path(site.path());
  const std::vector<Edit> edits = {
      {"title", item, "title: \"", "title: \"Перенесено: "},
      {"date", item, "date: 2026-11-13", "date: 2026-11-12"},
      {"summary", item, "summary: \"Приглашаем", "summary: \"Снова приглашаем"},
      {"tags", item, "tags: [анонс,", "tags: [объявление,"},
      {"another tag", item, "семинар,", "семинар, новое,"},
      {"event date", item, "event: { date: 2026-12-03", "event: { date: 2026-12-04"},
      {"event time", item, "time: \"14:30\"", "time: \"15:30\""},
      {"event place", item, "place: \"Актовый зал", "place: \"Спортивный зал"},
      {"body", item, "На семинаре обсудим", "На семинаре подробно обсудим"},
      {"image", with_image, "image: files/seminar.png", "image: files/shkola-nastavnikov.png"},
      {"image_alt", with_image, "image_alt: \"Схема:", "image_alt: \"Рисунок:"},
  };
  for (const auto& e : edits) {
    INFO("edited: " << e.what);
    replace_in(e.file, e.from, e.to);
    auto r = build(site.path(), p);
    CHECK(r.render.reused < r.render.pages);
    CHECK(pages_of(p) == clean_build(site.path()));
  }
}

TEST_CASE("the search index's saved memo: a rebuild stems only the edited document", "[site][incremental]") {
  test::TempDir site, out;
  copy_demo(site.path());
  const fs::path p = out.path() / "p";
  auto first = build(site.path(), p);
  CHECK(first.render.search_reused == 0);
  REQUIRE(fs::exists(p / render::k_search_memo));
  const auto docs = nlohmann::json::parse(test::read_file(p / "poisk/index.json"))["docs"].size();
  REQUIRE(docs > 20);

  const auto inode = [&] {
    struct stat st {};
    return ::lstat((p / render::k_search_memo).c_str(), &st) == 0 ? st.st_ino : 0;
  };
  const auto first_memo = inode();
  append(demo_news_path(site.path()), "\nНа встрече говорили о фестивале наставников.\n");
  auto second = build(site.path(), p);
  CHECK(second.render.search_reused == docs - 1);
  CHECK(pages_of(p) == clean_build(site.path()));
  // One document stemmed: the memo file stays as it was (not 27 MB written again at 10,000
  // pages), and the next build stems what changed since it was saved — both edited documents.
  CHECK(inode() == first_memo);
  append((site.path() / "content/pages/kurator.md").string(), "\nЕщё абзац о кураторе.\n");
  auto kept = build(site.path(), p);
  CHECK(kept.render.search_reused == docs - 2);
  CHECK(inode() == first_memo);
  CHECK(pages_of(p) == clean_build(site.path()));

  // A memo damaged on disk is not trusted: everything is stemmed again, the index is still right.
  std::string memo = test::read_file(p / render::k_search_memo);
  memo[memo.size() / 2] = static_cast<char>(memo[memo.size() / 2] ^ 1);
  std::ofstream(p / render::k_search_memo, std::ios::binary | std::ios::trunc) << memo;
  append(demo_news_path(site.path()), "\nИ ещё одна строка.\n");
  auto third = build(site.path(), p);
  CHECK(third.render.search_reused == 0);
  CHECK(pages_of(p) == clean_build(site.path()));

  // A symbolic link in its place (the writer makes none) is not followed, even to a sound memo.
  fs::copy_file(p / render::k_search_memo, out.path() / "memo-copy");
  fs::remove(p / render::k_search_memo);
  fs::create_symlink(out.path() / "memo-copy", p / render::k_search_memo);
  append(demo_news_path(site.path()), "\nЕщё строка.\n");
  auto fourth = build(site.path(), p);
  CHECK(fourth.render.search_reused == 0);
  CHECK(fs::symlink_status(p / render::k_search_memo).type() == fs::file_type::regular);
  CHECK(pages_of(p) == clean_build(site.path()));

  // A build without the page cache (a clean one) leaves no memo behind.
  build(site.path(), out.path() / "clean", false);
  CHECK_FALSE(fs::exists(out.path() / "clean" / render::k_search_memo));
}

TEST_CASE("an output page changed by hand, or a damaged manifest, is rendered again", "[site][incremental]") {
  test::TempDir site, out;
  copy_demo(site.path());
  const fs::path p = out.path() / "p";
  build(site.path(), p);
  SECTION("a page edited in the output") {
    append(p / "polozhenie/index.html", "<!-- правка руками -->");
    auto r = build(site.path(), p);
    CHECK(r.render.reused == r.render.pages - 1);
  }
  SECTION("a page replaced in the output by a symbolic link to a file of the same size") {
    // The link is not followed: the page is rendered again, a regular file (a link in the
    // output would be uploaded as whatever it points to).
    const fs::path page = p / "polozhenie/index.html";
    fs::copy_file(page, out.path() / "elsewhere.html");
    fs::remove(page);
    fs::create_symlink(out.path() / "elsewhere.html", page);
    auto r = build(site.path(), p);
    CHECK(r.render.reused == r.render.pages - 1);
    CHECK(fs::symlink_status(page).type() == fs::file_type::regular);
  }
  SECTION("garbage in the manifest") {
    std::ofstream(p / render::k_page_manifest, std::ios::binary | std::ios::trunc) << "nastavnik pages 1\nмусор\n";
    auto r = build(site.path(), p);
    CHECK(r.render.reused == 0);
  }
  SECTION("a manifest of another format") {
    std::ofstream(p / render::k_page_manifest, std::ios::binary | std::ios::trunc) << "nastavnik pages 0\n";
    CHECK(build(site.path(), p).render.reused == 0);
  }
  CHECK(pages_of(p) == clean_build(site.path()));
}

TEST_CASE("a 2,000-page site after a sequence of edits equals its clean -j 1 build", "[site][incremental]") {
  test::TempDir site, out;
  test::write_files(site.path(), R"(-- site.yaml --
title: "Наставничество"
base_url: "https://s.example.ru/nast/"
school: { name: "Школа" }
news: { per_page: 10 }
rules:
  severity: { regulation.missing: off, site.missing-section: off, document.required-missing: off }
)");
  fs::create_directories(site.path() / "content/news");
  const char* words[] = {"наставник", "наставляемый", "программа", "встреча", "школа", "проект", "ученик", "педагог"};
  auto news_file = [&](int i) { return site.path() / "content/news" / ("n" + std::to_string(i) + ".md"); };
  for (int i = 0; i < 2000; ++i) {
    std::string body;
    for (int k = 0; k < 40; ++k) body += std::string(words[(i * 7 + k * 3) % 8]) + (k % 10 == 9 ? ".\n\n" : " ");
    std::ofstream(news_file(i), std::ios::binary) << "---\ntitle: \"Новость " << i << "\"\ndate: 2025-"
                                                  << (1 + i % 12 < 10 ? "0" : "") << 1 + i % 12 << "-"
                                                  << (1 + i % 28 < 10 ? "0" : "") << 1 + i % 28 << "\n---\n"
                                                  << body;
  }
  const fs::path p = out.path() / "p";
  build(site.path(), p);
  // The files of snippets, by name, with their inodes.
  auto snippet_files = [&] {
    std::map<std::string, ino_t> files;
    for (const auto& e : fs::directory_iterator(p / "poisk/x")) {
      struct stat st {};
      REQUIRE(::lstat(e.path().c_str(), &st) == 0);
      files[e.path().filename().string()] = st.st_ino;
    }
    return files;
  };
  const auto snippets_before = snippet_files();
  const auto docs = nlohmann::json::parse(test::read_file(p / "poisk/index.json"))["docs"].size();
  CHECK(snippets_before.size() == (docs + render::k_snippet_chunk_docs - 1) / render::k_snippet_chunk_docs);
  append(news_file(5), "\nДописанный абзац.\n");
  CHECK(build(site.path(), p).render.reused > 1990);
  // One file of snippets is written again; every other one is the same file.
  const auto snippets_after = snippet_files();
  REQUIRE(snippets_after.size() == snippets_before.size());
  std::size_t rewritten = 0;
  for (const auto& [name, inode] : snippets_after) {
    auto old = snippets_before.find(name);
    REQUIRE(old != snippets_before.end());
    if (old->second != inode) ++rewritten;
  }
  CHECK(rewritten == 1);
  CHECK(pages_of(p) == clean_build(site.path()));
  replace_in(news_file(700), "title: \"Новость 700\"", "title: \"Новость семьсот\"");
  build(site.path(), p);
  fs::remove(news_file(1234));
  build(site.path(), p);
  std::ofstream(news_file(5000), std::ios::binary) << "---\ntitle: \"Свежая\"\ndate: 2025-12-30\n---\nТекст.\n";
  build(site.path(), p);
  replace_in(site.path() / "site.yaml", "per_page: 10", "per_page: 7");
  build(site.path(), p, true, 2);
  CHECK(pages_of(p) == clean_build(site.path()));
}

TEST_CASE("a build stopped by content errors leaves the output and the swapped-out tree as they were",
          "[site][incremental]") {
  // Nothing beside the output changes either (no temporary tree is left), and the next build
  // takes the swapped-out tree up again.
  test::TempDir site, out;
  const fs::path p = out.path() / "p", prev = out.path() / ".p.prev";
  built_twice(site.path(), p, prev);
  const auto live = test::snapshot(p), kept = test::snapshot(prev);
  const std::string news = demo_news_path(site.path());
  const std::string good = test::read_file(news);
  std::ofstream(news, std::ios::binary | std::ios::trunc) << "---\ntitle: [не закрыто\n---\nТекст.\n";
  pipeline::Options opt;
  opt.site_dir = site.path();
  opt.out_dir = p;
  opt.now = test::k_test_now;
  opt.incremental = true;
  diag::Sink sink;
  CHECK(pipeline::run(opt, sink).outcome == pipeline::Outcome::content_errors);
  CHECK(test::snapshot(p) == live);
  CHECK(test::snapshot(prev) == kept);
  std::size_t entries = 0;  // nothing else beside the output: no temporary tree left
  for (const auto& e : fs::directory_iterator(out.path())) {
    INFO(e.path().filename().string());
    CHECK((e.path() == p || e.path() == prev));
    ++entries;
  }
  CHECK(entries == 2);
  std::ofstream(news, std::ios::binary | std::ios::trunc) << good;
  append(news, "\nЕщё абзац.\n");
  auto r = build(site.path(), p);
  CHECK(r.render.reused + 8 > r.render.pages);  // the pages that show this item, and no more
  CHECK(pages_of(p) == clean_build(site.path()));
}

TEST_CASE("the swapped-out tree is reused as the next staging tree, whatever state it is in", "[site][incremental]") {
  test::TempDir site, out;
  const fs::path p = out.path() / "p", prev = out.path() / ".p.prev";
  built_twice(site.path(), p, prev);
  // Files of the live output are shared (hard links) with the staging tree: a build must
  // replace them, never write into them. A link kept elsewhere shows any write in place.
  fs::create_hard_link(p / "polozhenie/index.html", out.path() / "kept.html");
  const std::string kept_before = test::read_file(out.path() / "kept.html");
  // Damage the staging tree every way a killed build or a person could.
  std::ofstream(prev / "stray.html") << "лишний файл";
  fs::remove(prev / "index.html");
  fs::remove(prev / "404.html");
  fs::create_directories(prev / "404.html/x");  // a folder where a page goes
  fs::remove_all(prev / "novosti");
  std::ofstream(prev / "novosti") << "файл вместо папки";
  std::ofstream(prev / "poisk/index.json.nastavnik-new") << "{";
  // A folder replaced by a link to someone else's: not followed, not emptied.
  test::TempDir elsewhere;
  std::ofstream(elsewhere.path() / "index.html") << "чужой файл";
  fs::remove_all(prev / "praktiki");
  fs::create_directory_symlink(elsewhere.path(), prev / "praktiki");
  // A reused page replaced by another file (its own inode, not the live page's).
  fs::remove(prev / "dokumenty/index.html");
  std::ofstream(prev / "dokumenty/index.html") << "подменённая страница";
  append(site.path() / "content/polozhenie.md", "\nДобавленный абзац Положения.\n");
  build(site.path(), p);
  CHECK(test::read_file(elsewhere.path() / "index.html") == "чужой файл");
  CHECK(test::read_file(out.path() / "kept.html") == kept_before);
  CHECK(test::read_file(p / "polozhenie/index.html").find("Добавленный абзац Положения") != std::string::npos);
  CHECK(pages_of(p) == clean_build(site.path()));
  // And once more on top of the tree that was live a moment ago.
  append(site.path() / "content/polozhenie.md", "\nЕщё один абзац.\n");
  build(site.path(), p);
  CHECK(test::read_file(out.path() / "kept.html") == kept_before);
  CHECK(pages_of(p) == clean_build(site.path()));
}

TEST_CASE("the swapped-out tree is the owner's alone; the live folder keeps its permissions", "[site][incremental]") {
  test::TempDir site, out;
  copy_demo(site.path());
  const fs::path p = out.path() / "p", prev = out.path() / ".p.prev";
  auto mode = [](const fs::path& dir) { return fs::status(dir).permissions() & fs::perms::all; };
  build(site.path(), p);
  const auto fresh = mode(p);
  CHECK((fresh & fs::perms::others_read) != fs::perms::none);  // a new output is readable as usual
  // An administrator gives the web server's group access and nobody else.
  fs::permissions(p, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  append(site.path() / "content/polozhenie.md", "\nАбзац.\n");
  build(site.path(), p);
  CHECK(mode(p) == (fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec));
  // The previous build's pages (one just taken down, say) wait in .p.prev, which a web server
  // serving the folder around the output cannot enter.
  REQUIRE(fs::exists(prev / "index.html"));
  CHECK(mode(prev) == fs::perms::owner_all);
  append(site.path() / "content/polozhenie.md", "\nЕщё абзац.\n");
  build(site.path(), p);
  CHECK(mode(p) == (fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec));
  CHECK(mode(prev) == fs::perms::owner_all);
}
