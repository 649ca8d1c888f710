#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "render/feeds.hpp"
#include "render/env.hpp"
#include "render/format.hpp"
#include "support/site_builder.hpp"
#include "util/utf8.hpp"
#include "unit/render/render_fixture.hpp"

using namespace nastavnik;
using test::by_path;

namespace {

const std::vector<std::string> k_spec_paths = {
    "index.html",           "polozhenie/index.html", "dorozhnaya-karta/index.html", "baza/index.html",
    "monitoring/index.html", "programmy/index.html", "praktiki/index.html",         "novosti/index.html",
    "novosti/feed.xml",      "dokumenty/index.html",  "poisk/index.html",            "poisk/index.json",
    "roadmap.ics",           "events.ics",            "sitemap.xml",                 "robots.txt",
    "404.html",              "assets/style.css"};

std::vector<render::OutputFile> build(const model::Site& site, diag::Sink& sink, render::RenderOptions opt = {}) {
  return render::render_site(site, opt, sink);
}

/// Every href/src value of an HTML file.
std::vector<std::string> links_of(const std::string& html) {
  static const std::regex re(R"re((?:href|src)="([^"]*)")re");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

/// Resolves `link` against the directory of `page` ("novosti/a/index.html") lexically.
std::string resolve(const std::string& page, std::string link) {
  if (auto hash = link.find('#'); hash != std::string::npos) link.erase(hash);
  std::vector<std::string> parts;
  std::string dir = page.substr(0, page.rfind('/') == std::string::npos ? 0 : page.rfind('/') + 1);
  std::string full = dir + link;
  std::string cur;
  for (std::size_t i = 0; i <= full.size(); ++i) {
    if (i == full.size() || full[i] == '/') {
      if (cur == "..") {
        if (parts.empty()) return "<outside>";
        parts.pop_back();
      } else if (!cur.empty() && cur != ".") {
        parts.push_back(cur);
      }
      cur.clear();
    } else {
      cur += full[i];
    }
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  bool is_dir = link.empty() || link.back() == '/' || link == "." || link == "..";
  if (is_dir) out += out.empty() ? "index.html" : "/index.html";
  return out;
}

}  // namespace

TEST_CASE("every SPEC output path exists for a full site", "[render]") {
  diag::Sink sink;
  auto files = by_path(build(test::full_site(), sink));
  for (const auto& p : k_spec_paths) {
    INFO(p);
    CHECK(files.count(p) == 1);
  }
  for (const char* p : {"programmy/adaptatsiya/index.html", "praktiki/keys-1/index.html", "novosti/news-5/index.html",
                        "kurator/index.html", "novosti/page/2/index.html", "files/prikaz.pdf"})
    CHECK(files.count(p) == 1);
  CHECK(files["files/prikaz.pdf"].copy_from == "/nonexistent-site/content/files/prikaz.pdf");
  CHECK(files["files/prikaz.pdf"].bytes.empty());
  CHECK(sink.errors() == 0);
}

TEST_CASE("an empty site still has every page, saying nothing is published", "[render]") {
  diag::Sink sink;
  auto files = by_path(build(test::empty_site(), sink));
  for (const auto& p : k_spec_paths) {
    INFO(p);
    CHECK(files.count(p) == 1);
  }
  for (const char* p : {"polozhenie/index.html", "dorozhnaya-karta/index.html", "baza/index.html", "monitoring/index.html",
                        "programmy/index.html", "praktiki/index.html", "novosti/index.html", "dokumenty/index.html"}) {
    INFO(p);
    CHECK(files[p].bytes.find("Информация пока не\u00a0опубликована") != std::string::npos);
  }
  CHECK(files["roadmap.ics"].bytes.find("BEGIN:VCALENDAR\r\n") == 0);
  CHECK(files["novosti/feed.xml"].bytes.find("<feed") != std::string::npos);
  CHECK(sink.errors() == 0);
}

TEST_CASE("pages have one h1, lang, canonical, skip link, landmarks", "[render]") {
  diag::Sink sink;
  for (const auto& f : build(test::full_site(), sink)) {
    if (f.path.size() < 5 || f.path.substr(f.path.size() - 5) != ".html") continue;
    INFO(f.path);
    const auto& h = f.bytes;
    CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(h.find("<html lang=\"ru\">") != std::string::npos);
    std::size_t h1 = 0;
    for (std::size_t pos = h.find("<h1"); pos != std::string::npos; pos = h.find("<h1", pos + 1)) ++h1;
    CHECK(h1 == 1);
    CHECK(h.find("class=\"skip-link\" href=\"#main\"") != std::string::npos);
    CHECK(h.find("<main id=\"main\"") != std::string::npos);
    CHECK(h.find("<header") != std::string::npos);
    CHECK(h.find("<footer") != std::string::npos);
    CHECK(h.find("aria-label=\"Навигационная цепочка\"") != std::string::npos);
    if (f.path != "404.html")
      CHECK(h.find("<link rel=\"canonical\" href=\"https://school1.example.ru/nastavnichestvo/") != std::string::npos);
  }
}

TEST_CASE("internal links are relative and resolve to output files", "[render]") {
  diag::Sink sink;
  auto out = build(test::full_site(), sink);
  auto files = by_path(out);
  for (const auto& f : out) {
    if (f.path.size() < 5 || f.path.substr(f.path.size() - 5) != ".html" || f.path == "404.html") continue;
    for (const auto& link : links_of(f.bytes)) {
      if (link.rfind("https://", 0) == 0 || link.rfind("mailto:", 0) == 0 || link.rfind("tel:", 0) == 0 ||
          link.rfind("#", 0) == 0)
        continue;
      INFO(f.path << " → " << link);
      CHECK(link.rfind("/", 0) != 0);  // never root-absolute
      CHECK(files.count(resolve(f.path, link)) == 1);
    }
  }
  const auto& news = files["novosti/news-3/index.html"].bytes;
  CHECK(news.find("href=\"../../assets/style.css\"") != std::string::npos);
  CHECK(news.find("href=\"../../novosti/\"") != std::string::npos);
  CHECK(files["index.html"].bytes.find("href=\"assets/style.css\"") != std::string::npos);
  // 404 is served at any depth: its links are root-relative to base_url's path.
  CHECK(files["404.html"].bytes.find("href=\"/nastavnichestvo/assets/style.css\"") != std::string::npos);
}

TEST_CASE("navigation marks the current section", "[render]") {
  diag::Sink sink;
  auto files = by_path(build(test::full_site(), sink));
  CHECK(files["novosti/index.html"].bytes.find("aria-current=\"page\">Новости</a>") != std::string::npos);
  CHECK(files["novosti/news-1/index.html"].bytes.find("aria-current=\"true\">Новости</a>") != std::string::npos);
}

TEST_CASE("news are paginated by news_per_page", "[render]") {
  diag::Sink sink;
  auto files = by_path(build(test::full_site(), sink));  // 5 news, 2 per page → 3 pages
  CHECK(files.count("novosti/page/2/index.html") == 1);
  CHECK(files.count("novosti/page/3/index.html") == 1);
  CHECK(files.count("novosti/page/4/index.html") == 0);
  CHECK(files.count("novosti/page/1/index.html") == 0);
  const auto& p2 = files["novosti/page/2/index.html"].bytes;
  CHECK(p2.find("Новость 3") != std::string::npos);
  CHECK(p2.find("Новость 5") == std::string::npos);
  CHECK(p2.find("href=\"../../../novosti/page/3/\" rel=\"next\"") != std::string::npos);
}

TEST_CASE("news pagination links a bounded window of pages", "[render]") {
  using V = std::vector<int>;
  CHECK(render::pager_window(1, 1) == V{1});
  CHECK(render::pager_window(3, 9) == V{1, 2, 3, 4, 5, 6, 7, 8, 9});
  CHECK(render::pager_window(1, 2000) == V{1, 2, 3, 0, 2000});
  CHECK(render::pager_window(4, 2000) == V{1, 2, 3, 4, 5, 6, 0, 2000});  // 2 is shown, not a gap of one
  CHECK(render::pager_window(1000, 2000) == V{1, 0, 998, 999, 1000, 1001, 1002, 0, 2000});
  CHECK(render::pager_window(2000, 2000) == V{1, 0, 1998, 1999, 2000});
  CHECK(render::pager_window(1997, 2000) == V{1, 0, 1995, 1996, 1997, 1998, 1999, 2000});
  // Every page is reachable from page 1 by following the window: each window links further on.
  for (int pages : {10, 57, 500})
    for (int page = 1; page < pages; ++page) {
      auto w = render::pager_window(page, pages);
      CHECK(std::find(w.begin(), w.end(), page + 1) != w.end());
      CHECK(w.size() <= 9);
    }
}

TEST_CASE("a list page of a big news section stays small", "[render]") {
  auto site = test::full_site();
  site.config.news_per_page = 1;
  const auto first = site.news.front();
  for (int i = 0; i < 300; ++i) {
    auto n = first;
    n.slug = "n" + std::to_string(i);
    n.url = "novosti/" + n.slug + "/";
    n.source = "content/news/" + n.slug + ".md";
    site.news.push_back(n);
  }
  diag::Sink sink;
  auto files = by_path(build(site, sink));
  const auto& p150 = files["novosti/page/150/index.html"].bytes;
  CHECK(p150.find("href=\"../../../novosti/page/151/\"") != std::string::npos);
  CHECK(p150.find("novosti/page/2/\"") == std::string::npos);
  CHECK(p150.find("aria-hidden=\"true\">…</li>") != std::string::npos);
  CHECK(p150.find("novosti/page/300/\"") == std::string::npos);  // 305 pages: 300 is in the gap
  CHECK(p150.find("novosti/page/305/\"") != std::string::npos);
}

TEST_CASE("landing shows latest news, upcoming events and progress", "[render]") {
  diag::Sink sink;
  auto all = by_path(build(test::full_site(), sink));
  const auto& idx = all["index.html"].bytes;
  CHECK(idx.find("Новость 5") != std::string::npos);
  CHECK(idx.find("Новость 3") != std::string::npos);
  CHECK(idx.find("Новость 2") == std::string::npos);  // only the latest three
  CHECK(idx.find("Ближайшие мероприятия") != std::string::npos);
  CHECK(idx.find("Выполнено 1 из\u00a02") != std::string::npos);  // cancelled excluded
}

TEST_CASE("roadmap shows statuses, due lines and overdue marks", "[render]") {
  diag::Sink sink;
  auto all = by_path(build(test::full_site(), sink));
  const auto& rm = all["dorozhnaya-karta/index.html"].bytes;
  CHECK(rm.find("badge-done\">Выполнено") != std::string::npos);
  CHECK(rm.find("badge-in-progress\">В\u00a0работе") != std::string::npos);
  CHECK(rm.find("badge-cancelled\">Отменено") != std::string::npos);
  CHECK(rm.find("badge badge-overdue\">Просрочено</span>") != std::string::npos);  // e2 ended in 2022
  CHECK(rm.find("<span class=\"due-line\">ноябрь") != std::string::npos);
  CHECK(rm.find("<span class=\"due-line\">до") != std::string::npos);
}

TEST_CASE("Atom feed is well formed", "[render]") {
  diag::Sink sink;
  auto all = by_path(build(test::full_site(), sink));
  const auto& feed = all["novosti/feed.xml"].bytes;
  CHECK(feed.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"", 0) == 0);
  auto count = [&](const std::string& s) {
    std::size_t n = 0;
    for (auto p = feed.find(s); p != std::string::npos; p = feed.find(s, p + 1)) ++n;
    return n;
  };
  CHECK(count("<entry>") == 5);
  CHECK(count("</entry>") == 5);
  CHECK(feed.find("<updated>2026-10-05T00:00:00Z</updated>") != std::string::npos);
  CHECK(feed.find("<id>https://school1.example.ru/nastavnichestvo/novosti/news-5/</id>") != std::string::npos);
  CHECK(feed.find("&lt;p&gt;Текст") != std::string::npos);  // content escaped
  CHECK(feed.find("<p>") == std::string::npos);
  CHECK(feed.rfind("</feed>\n") == feed.size() - 8);
}

TEST_CASE("the Atom feed holds the newest news only", "[render]") {
  auto site = test::full_site();
  const auto first = site.news.front();
  site.news.clear();
  for (int i = 0; i < 120; ++i) {  // newest first, one a day
    auto n = first;
    n.slug = "n" + std::to_string(i);
    n.url = "novosti/" + n.slug + "/";
    n.source = "content/news/" + n.slug + ".md";
    n.date = util::add_days(test::d(2026, 11, 1), -i);
    site.news.push_back(n);
  }
  diag::Sink sink;
  auto files = by_path(build(site, sink));
  const auto& feed = files["novosti/feed.xml"].bytes;
  std::size_t entries = 0;
  for (auto p = feed.find("<entry>"); p != std::string::npos; p = feed.find("<entry>", p + 1)) ++entries;
  CHECK(entries == render::k_feed_entries);
  CHECK(feed.find("/novosti/n0/</id>") != std::string::npos);
  CHECK(feed.find("/novosti/n49/</id>") != std::string::npos);
  CHECK(feed.find("/novosti/n50/</id>") == std::string::npos);
  CHECK(feed.find("<updated>2026-11-01T00:00:00Z</updated>") != std::string::npos);
  CHECK(files.count("novosti/n119/index.html") == 1);  // every item keeps its page
}

TEST_CASE("iCalendar files follow RFC 5545", "[render]") {
  diag::Sink sink;
  auto files = by_path(build(test::full_site(), sink));
  for (const char* name : {"roadmap.ics", "events.ics"}) {
    INFO(name);
    const auto& ics = files[name].bytes;
    REQUIRE(ics.size() > 2);
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
    std::size_t start = 0;
    while (start < ics.size()) {
      auto end = ics.find("\r\n", start);
      REQUIRE(end != std::string::npos);
      CHECK(end - start <= 75);
      CHECK(ics.substr(start, end - start).find('\n') == std::string::npos);
      start = end + 2;
    }
  }
  const auto& rm = files["roadmap.ics"].bytes;
  CHECK(rm.find("\r\n ") != std::string::npos);  // the long title is folded
  // Unfold and check escaping and the all-day dates.
  std::string unfolded = std::regex_replace(rm, std::regex("\r\n "), "");
  CHECK(unfolded.find("SUMMARY:Изучение материалов\\, анализ\\; выводы \\\\ итоги\r\n") != std::string::npos);
  CHECK(unfolded.find("DTSTART;VALUE=DATE:20240901\r\nDTEND;VALUE=DATE:20241001\r\n") != std::string::npos);
  CHECK(unfolded.find("DTSTAMP:20240830T000000Z") != std::string::npos);
  CHECK(unfolded.find("DESCRIPTION:Этап: Подготовка условий\\nСрок") != std::string::npos);
  std::size_t events = 0;
  for (auto p = unfolded.find("BEGIN:VEVENT"); p != std::string::npos; p = unfolded.find("BEGIN:VEVENT", p + 1)) ++events;
  CHECK(events == 2);  // the open event has no dates
  const auto& ev = files["events.ics"].bytes;
  CHECK(ev.find("DTSTART:20261201T150000\r\n") != std::string::npos);
  CHECK(ev.find("LOCATION:Актовый зал\\, каб. 1\\; корпус 2\r\n") != std::string::npos);
  CHECK(ev.find("UID:news-") != std::string::npos);
}

TEST_CASE("ics folding never splits a UTF-8 sequence", "[render]") {
  std::string line = "SUMMARY:" + std::string(100, 'a');
  for (int i = 0; i < 50; ++i) line += "ж";
  std::string folded = render::ics_line(line);
  std::size_t start = 0;
  while (start < folded.size()) {
    auto end = folded.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 75);
    if (end < folded.size() - 2) CHECK((static_cast<unsigned char>(folded[end + 2 + 1]) & 0xC0) != 0x80);
    start = end + 2;
  }
  CHECK(std::regex_replace(folded, std::regex("\r\n "), "") == line + "\r\n");
  CHECK(render::ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
}

TEST_CASE("output is byte-identical between runs and job counts", "[render]") {
  diag::Sink s1, s2;
  render::RenderOptions one, two;
  one.jobs = 1;
  two.jobs = 2;
  auto a = build(test::full_site(), s1, one);
  auto b = build(test::full_site(), s2, two);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO(a[i].path);
    CHECK(a[i].path == b[i].path);
    CHECK(a[i].bytes == b[i].bytes);
    CHECK(a[i].copy_from == b[i].copy_from);
  }
  CHECK(std::is_sorted(a.begin(), a.end(), [](const auto& x, const auto& y) { return x.path < y.path; }));
}

TEST_CASE("append_json_string writes what nlohmann's dump writes, on random bytes", "[render]") {
  const std::vector<std::string> pieces = {"а", "ё", "x", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", std::string(1, '\0'),
                                           "\x01", "\x1f", "\x7f", "😀", "—", "\xff", "\xd0", "\xe2\x80", "\xed\xa0\x80",
                                           "\xc0\xaf", "\xf4\x90\x80\x80", "\xef\xbf\xbf", " "};
  std::uint32_t seed = 777;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int k = static_cast<int>(next() % 12); k > 0; --k) text += pieces[next() % pieces.size()];
    std::string ours = "prefix:";
    render::append_json_string(ours, text);
    INFO(text);
    CHECK(ours == "prefix:" + nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

TEST_CASE("a body that contains the body marker itself is rendered once, in place", "[render]") {
  auto site = test::full_site();
  site.config.typography = true;
  const std::string marker = "\x01nastavnik-body\x01";
  site.news.front().body.html = "<p>Начало " + marker + " конец тела.</p>";
  site.news.front().title = "Заголовок " + marker;
  diag::Sink sink;
  auto files = by_path(build(site, sink));
  const auto& page = files[site.news.front().url + "index.html"].bytes;
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = page.find(what); at != std::string::npos; at = page.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(count("конец тела.") == 1);
  CHECK(count("<p>Начало ") == 1);
  CHECK(page.find("<title>Заголовок " + marker) != std::string::npos);  // the title keeps its text
}

TEST_CASE("a site's layouts/ overrides one template", "[render]") {
  test::TempDir dir;
  test::write_files(dir.path(),
                    "-- 404.mustache --\n<h1>Своя страница 404</h1><p>{{site.school.name}}</p>\n"
                    "-- assets/extra.txt --\nextra\n");
  diag::Sink sink;
  render::RenderOptions opt;
  opt.layouts_dir = dir.path().string();
  auto files = by_path(build(test::full_site(), sink, opt));
  CHECK(files["404.html"].bytes.find("<h1>Своя страница 404</h1>") != std::string::npos);
  CHECK(files["404.html"].bytes.find("<!DOCTYPE html>") == 0);  // base still wraps it
  CHECK(files["index.html"].bytes.find("Своя страница") == std::string::npos);
  CHECK(files["assets/extra.txt"].bytes == "extra\n");
  CHECK(sink.errors() == 0);
}

TEST_CASE("a broken template is a diagnostic, not a crash", "[render]") {
  test::TempDir dir;
  test::write_files(dir.path(), "-- page.mustache --\n<h1>{{page.title}}</h1>{{#body_html}}\n{{> no_such_partial}}\n");
  diag::Sink sink;
  render::RenderOptions opt;
  opt.layouts_dir = dir.path().string();
  auto files = build(test::full_site(), sink, opt);
  CHECK(sink.errors() >= 2);
  bool found = false;
  for (const auto& d : sink.sorted())
    if (d.code == "template.error" && d.pos.file == "layouts/page.mustache") found = true;
  CHECK(found);
  CHECK(!files.empty());
}

TEST_CASE("YAML values are HTML-escaped", "[render]") {
  auto site = test::full_site();
  site.news[0].title = "<script>alert(\"x\")</script>";
  site.config.school.name = "Школа & <b>";
  diag::Sink sink;
  for (const auto& f : build(site, sink)) {
    if (f.path.find(".html") == std::string::npos && f.path.find(".xml") == std::string::npos) continue;
    INFO(f.path);
    CHECK(f.bytes.find("<script>alert") == std::string::npos);
    CHECK(f.bytes.find("<b>") == std::string::npos);
  }
  auto files = by_path(build(site, sink));
  CHECK(files["novosti/news-5/index.html"].bytes.find("&lt;script&gt;alert(") != std::string::npos);
}

TEST_CASE("no unpublishable bank person reaches any output file", "[render]") {
  diag::Sink sink;
  auto out = build(test::full_site(), sink);
  const std::vector<std::string> secrets = {
      "Скрытова", "Зинаида", "учитель-дефектолог-секрет", "secret-m-777",     // publish: false
      "Безсогласова", "педагог-библиотекарь-секрет", "secret-m-888",          // no dissemination consent
      "Несовершеннолетний", "11Щ", "secret-s-999",                             // a minor with publish: true
      "Тайная", "7Ж", "secret-s-1000", "pair-secret"};
  for (const auto& f : out)
    for (const auto& s : secrets) {
      INFO(f.path << " contains " << s);
      CHECK(f.bytes.find(s) == std::string::npos);
    }
  auto files = by_path(out);
  const auto& bank = files["baza/index.html"].bytes;
  CHECK(bank.find("Иванова Мария Петровна") != std::string::npos);
  CHECK(bank.find("учитель математики") != std::string::npos);
  CHECK(bank.find("группа риска") != std::string::npos);  // categories are counted
}

TEST_CASE("bank page counts mentors, mentees, pairs and groups", "[render]") {
  diag::Sink sink;
  auto all = by_path(build(test::full_site(), sink));
  const auto& bank = all["baza/index.html"].bytes;
  std::string flat = std::regex_replace(bank, std::regex("\\s+"), " ");
  CHECK(flat.find("<span class=\"stat-value\">3</span> <span class=\"stat-label\">наставников") != std::string::npos);
  CHECK(flat.find("<span class=\"stat-value\">2</span> <span class=\"stat-label\">наставляемых") != std::string::npos);
  CHECK(flat.find("<span class=\"stat-value\">1</span> <span class=\"stat-label\">наставнических пар") !=
        std::string::npos);
  CHECK(flat.find("<span class=\"stat-value\">1</span> <span class=\"stat-label\">наставнических групп") !=
        std::string::npos);
}

TEST_CASE("documents show number, date, format, size and signature", "[render]") {
  diag::Sink sink;
  auto all = by_path(build(test::full_site(), sink));
  const auto& docs = all["dokumenty/index.html"].bytes;
  CHECK(docs.find("PDF, 245 КБ") != std::string::npos);
  CHECK(docs.find("Федеральный уровень") < docs.find("Локальные акты школы"));
  CHECK(docs.find("title=\"Документ подписан простой электронной подписью\"") != std::string::npos);
  CHECK(docs.find("7 ноября 2022") != std::string::npos);
  CHECK(docs.find("10:15") != std::string::npos);
  CHECK(docs.find("01D8F2A1") != std::string::npos);
  CHECK(docs.find("href=\"../files/prikaz.pdf\"") != std::string::npos);
  CHECK(docs.find("href=\"https://example.ru/273\"") != std::string::npos);
}

TEST_CASE("human sizes and Russian date-times", "[render]") {
  CHECK(render::human_size(812) == "812 Б");
  CHECK(render::human_size(250880) == "245 КБ");
  CHECK(render::human_size(1258291) == "1,2 МБ");
  CHECK(render::human_size(15 * 1024 * 1024) == "15 МБ");
  CHECK(render::human_size(1024 * 1024) == "1 МБ");
  CHECK(render::datetime_ru("2022-11-07T10:15:00") == "7 ноября 2022 г., 10:15");
  CHECK(render::datetime_ru("вчера") == "вчера");
  CHECK(render::capitalize_first("учитель – ученик") == "Учитель – ученик");
  CHECK(render::capitalize_first("ёж") == "Ёж");
  CHECK(render::capitalize_first("работодатель") == "Работодатель");
}

TEST_CASE("search index lists pages as JSON", "[render]") {
  diag::Sink sink;
  auto files = by_path(build(test::full_site(), sink));
  auto json = nlohmann::json::parse(files["poisk/index.json"].bytes);
  REQUIRE(json["docs"].is_array());
  REQUIRE(json["terms"].is_object());
  // A page's snippet is in the file of snippets of its number's group of 32, beside the index.
  const std::size_t per = json["snippets"]["per"];
  bool found = false;
  for (std::size_t n = 0; n < json["docs"].size(); ++n) {
    const auto& e = json["docs"][n];
    if (e["u"] != "novosti/news-1/" || e["s"] != "Новости") continue;
    std::string file = json["snippets"]["files"][n / per];
    REQUIRE(file.find("?v=") != std::string::npos);
    file.erase(file.find("?v="));
    REQUIRE(files.count("poisk/" + file));
    found = nlohmann::json::parse(files["poisk/" + file].bytes)[n % per] == "Текст кейс.";
  }
  CHECK(found);
  CHECK(files["sitemap.xml"].bytes.find("<loc>https://school1.example.ru/nastavnichestvo/novosti/news-1/</loc>"
                                        "<lastmod>2026-10-01</lastmod>") != std::string::npos);
  CHECK(files["sitemap.xml"].bytes.find("404") == std::string::npos);
  CHECK(files["robots.txt"].bytes.find("Sitemap: https://school1.example.ru/nastavnichestvo/sitemap.xml") !=
        std::string::npos);
}
