// Tier 2: whole sites written as one string, run through the real pipeline.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

// These tests are about loading and output, not about the domain rules: a site of one news item
// would otherwise be told that it lacks the Положение and the sections of §8.2.
const char* k_site_yaml = R"(-- site.yaml --
title: "Наставничество"
base_url: "https://s.example.ru/nast/"
school:
  name: "Школа"
rules:
  severity: { regulation.missing: off, site.missing-section: off, document.required-missing: off }
)";

std::string page(const fs::path& out, const std::string& rel) { return test::read_file(out / rel); }

}  // namespace

TEST_CASE("a YAML error in front matter points at the file line, counting characters", "[site]") {
  test::TempDir dir;
  test::write_files(dir.path(), std::string(k_site_yaml) + R"(-- content/news/a.md --
---
title: "Новость"
date: 2024-09-15
summary: "Краткое описание"
tags:
  - один
  - два
автор: "Ё": лишнее двоеточие
---
Текст.
)");
  auto r = test::run_site(dir.path());
  REQUIRE(test::has_code(r.diagnostics, "yaml.syntax"));
  const auto& d = r.diagnostics.front();
  CHECK(d.pos.file == "content/news/a.md");
  CHECK(d.pos.line == 8);
  CHECK(d.pos.column >= 1);
  CHECK(d.pos.column <= 12);  // characters, not bytes: the line is 30 characters, 50 bytes
}

TEST_CASE("field.unknown suggests the closest field and points at the key", "[site]") {
  test::TempDir dir;
  test::write_files(dir.path(), std::string(k_site_yaml) + R"(-- content/news/a.md --
---
title: "Новость"
  # comment
dtae: 2024-09-15
---
)");
  auto r = test::run_site(dir.path());
  CHECK(test::keys(r.diagnostics) ==
        std::vector<std::string>{"content/news/a.md:2:1 field.missing", "content/news/a.md:4:1 field.unknown"});
  CHECK(r.diagnostics[1].hint.find("date") != std::string::npos);
}

TEST_CASE("BOM and Windows line ends are accepted", "[site]") {
  test::TempDir dir;
  test::write_files(dir.path(), k_site_yaml);
  fs::create_directories(dir.path() / "content/news");
  std::ofstream(dir.path() / "content/news/a.md", std::ios::binary)
      << "\xEF\xBB\xBF---\r\ntitle: \"Новость\"\r\ndate: 2024-09-15\r\n---\r\nТекст.\r\n";
  test::TempDir out;
  auto r = test::run_site(dir.path(), out.path() / "public");
  CHECK(r.errors == 0);
  CHECK(page(out.path() / "public", "novosti/a/index.html").find("Текст.") != std::string::npos);
}

TEST_CASE("drafts and future news are left out unless asked", "[site]") {
  test::TempDir dir;
  test::write_files(dir.path(), std::string(k_site_yaml) + R"(-- content/news/old.md --
---
title: "Старая"
date: 2024-09-15
---
-- content/news/draft.md --
---
title: "Черновик"
date: 2024-09-16
draft: true
---
-- content/news/future.md --
---
title: "Будущая"
date: 2030-01-01
---
)");
  test::TempDir out;
  auto r = test::run_site(dir.path(), out.path() / "p");
  REQUIRE(r.errors == 0);
  CHECK(fs::exists(out.path() / "p/novosti/old/index.html"));
  CHECK_FALSE(fs::exists(out.path() / "p/novosti/draft/index.html"));
  CHECK_FALSE(fs::exists(out.path() / "p/novosti/future/index.html"));
  CHECK(page(out.path() / "p", "novosti/feed.xml").find("Черновик") == std::string::npos);

  pipeline::Options opt;
  opt.site_dir = dir.path();
  opt.out_dir = out.path() / "q";
  opt.now = test::k_test_now;
  opt.drafts = true;
  opt.future = true;
  diag::Sink sink;
  REQUIRE(pipeline::run(opt, sink).outcome == pipeline::Outcome::ok);
  CHECK(fs::exists(out.path() / "q/novosti/draft/index.html"));
  CHECK(fs::exists(out.path() / "q/novosti/future/index.html"));
}

TEST_CASE("links between content files become relative page URLs", "[site]") {
  test::TempDir dir;
  test::write_files(dir.path(), std::string(k_site_yaml) + R"(-- content/practices/keys-1.md --
---
title: "Кейс"
form: "учитель – ученик"
---
-- content/news/a.md --
---
title: "Новость"
date: 2024-09-15
---
[кейс](../practices/keys-1.md#itogi), [карта](../roadmap.yaml), [положение](../polozhenie.md),
[файл](../files/doc.pdf), [сайт](https://example.org/), [плохо](javascript:alert(1)).
-- content/roadmap.yaml --
title: "Карта"
-- content/files/doc.pdf --
%PDF-1.4
)");
  test::TempDir out;
  auto r = test::run_site(dir.path(), out.path() / "p");
  INFO(test::keys(r.diagnostics).size());
  REQUIRE(r.errors == 0);
  std::string html = page(out.path() / "p", "novosti/a/index.html");
  CHECK(html.find("href=\"../../praktiki/keys-1/#itogi\"") != std::string::npos);
  CHECK(html.find("href=\"../../dorozhnaya-karta/\"") != std::string::npos);
  CHECK(html.find("href=\"../../polozhenie/\"") != std::string::npos);
  CHECK(html.find("href=\"../../files/doc.pdf\"") != std::string::npos);
  CHECK(html.find("href=\"https://example.org/\"") != std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(fs::exists(out.path() / "p/files/doc.pdf"));
}

TEST_CASE("raw HTML is dropped with a warning; kept with markup.unsafe_html", "[site]") {
  test::TempDir dir;
  test::write_files(dir.path(), std::string(k_site_yaml) + R"~(-- content/news/a.md --
---
title: "Новость"
date: 2024-09-15
---
До <b onclick="x()">жирного</b> после.

<script>alert(1)</script>
)~");
  test::TempDir out;
  auto r = test::run_site(dir.path(), out.path() / "p");
  auto html = page(out.path() / "p", "novosti/a/index.html");
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("onclick") == std::string::npos);
  int raw = 0;
  for (const auto& d : r.diagnostics) raw += d.code == "markup.raw-html";
  CHECK(raw == 3);
}

TEST_CASE("a failed build writes nothing and leaves the previous output as it was", "[site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::TempDir out;
  fs::path pub = out.path() / "public";
  REQUIRE(test::run_site(dir.path(), pub).outcome == pipeline::Outcome::ok);
  auto before = test::snapshot(pub);
  REQUIRE(before.size() > 20);
  test::write_files(dir.path(), R"(-- content/news/pervaya.md --
---
title: "Первая новость"
date: 2024-13-45
---
)");
  auto r = test::run_site(dir.path(), pub);
  CHECK(r.outcome == pipeline::Outcome::content_errors);
  CHECK(test::snapshot(pub) == before);
}

TEST_CASE("two builds of the same input give byte-identical output", "[site]") {
  test::TempDir out;
  fs::path demo = test::source_dir();
  auto a = test::run_site(demo, out.path() / "a");
  auto b = test::run_site(demo, out.path() / "b");
  REQUIRE(a.outcome == pipeline::Outcome::ok);
  REQUIRE(b.outcome == pipeline::Outcome::ok);
  CHECK(test::snapshot(out.path() / "a") == test::snapshot(out.path() / "b"));
}

TEST_CASE("every output path of SPEC exists, even for an empty site", "[site]") {
  test::TempDir dir;
  test::write_files(dir.path(), k_site_yaml);
  test::TempDir out;
  auto r = test::run_site(dir.path(), out.path() / "p");
  REQUIRE(r.outcome == pipeline::Outcome::ok);
  for (const char* p : {"index.html", "polozhenie/index.html", "dorozhnaya-karta/index.html", "baza/index.html",
                        "monitoring/index.html", "programmy/index.html", "praktiki/index.html",
                        "novosti/index.html", "novosti/feed.xml", "dokumenty/index.html", "poisk/index.html",
                        "roadmap.ics", "events.ics", "sitemap.xml", "robots.txt", "404.html"})
    CHECK(fs::exists(out.path() / "p" / p));
}

TEST_CASE("the build refuses a non-empty folder it did not create", "[site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::TempDir out;
  std::ofstream(out.path() / "precious.txt") << "do not delete";
  auto r = test::run_site(dir.path(), out.path());
  CHECK(r.outcome == pipeline::Outcome::io_error);
  CHECK(test::read_file(out.path() / "precious.txt") == "do not delete");
}

TEST_CASE("a site's own layouts override the built-in ones file by file", "[site]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), R"(-- layouts/404.mustache --
<p>Своя страница 404</p>
)");
  test::TempDir out;
  REQUIRE(test::run_site(dir.path(), out.path() / "p").outcome == pipeline::Outcome::ok);
  CHECK(page(out.path() / "p", "404.html").find("Своя страница 404") != std::string::npos);
  CHECK(page(out.path() / "p", "index.html").find("<html") != std::string::npos);
}
