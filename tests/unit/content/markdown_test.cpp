#include <catch2/catch.hpp>

#include "content/markdown.hpp"
#include "util/name_match.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace nastavnik;
using content::MarkdownOptions;
using content::render_markdown;

namespace {

model::Body render_md(const std::string& text, MarkdownOptions opt, diag::Sink& sink) {
  opt.typography = false;
  return render_markdown(text, "content/news/a.md", 5, opt, sink);
}

}  // namespace

TEST_CASE("GFM extensions: tables, strikethrough, autolinks, task lists", "[content][markdown]") {
  diag::Sink sink;
  auto b = render_md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ https://example.org\n\n- [x] done\n- [ ] todo\n", {},
                  sink);
  CHECK(b.html.text().find("<table>") != std::string::npos);
  CHECK(b.html.text().find("<del>old</del>") != std::string::npos);
  CHECK(b.html.text().find("<a href=\"https://example.org\">") != std::string::npos);
  CHECK(b.html.text().find("type=\"checkbox\"") != std::string::npos);
  CHECK(sink.sorted().empty());
}

TEST_CASE("parallel parses keep strikethrough and autolinks (cmark-gfm's global character table)",
          "[content][markdown]") {
  // Before the fix ~1 build in 5 lost a <del>: each parse cleared the shared table of the others.
  const std::string text =
      "Абзац с ~~зачёркнутым~~ словом и ссылкой www.example.org.\n\n| a | b |\n|---|---|\n| ~~x~~ | 2 |\n";
  std::atomic<int> missing{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 400; ++i) {
        diag::Sink sink;
        auto b = render_md(text, {}, sink);
        if (b.html.text().find("<del>зачёркнутым</del>") == std::string::npos || b.html.text().find("<del>x</del>") == std::string::npos ||
            b.html.text().find("href=\"http://www.example.org\"") == std::string::npos)
          ++missing;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(missing.load() == 0);
}

TEST_CASE("raw HTML is reported at its file line and dropped", "[content][markdown]") {
  diag::Sink sink;
  auto b = render_md("Текст\n\n<iframe src=\"x\"></iframe>\n\nи<span>строка</span>\n", {}, sink);
  CHECK(b.html.text().find("iframe") == std::string::npos);
  CHECK(b.html.text().find("<span>") == std::string::npos);
  CHECK(b.html.text().find("строка") != std::string::npos);
  auto items = sink.sorted();
  REQUIRE(items.size() == 3);
  CHECK(items[0].code == "markup.raw-html");
  CHECK(items[0].pos.line == 7);  // body line 3 + first line 5 - 1
  CHECK(items[0].pos.column == 1);
  CHECK(items[1].pos.line == 9);
  CHECK(items[1].pos.column == 2);  // in characters, after «и»
  CHECK(items[2].pos.column == 14);
}

TEST_CASE("raw HTML is kept with unsafe_html", "[content][markdown]") {
  diag::Sink sink;
  MarkdownOptions opt;
  opt.unsafe_html = true;
  auto b = render_md("<div class=\"x\">ok</div>\n", opt, sink);
  CHECK(b.html.text().find("<div class=\"x\">") != std::string::npos);
  CHECK(sink.sorted().empty());
}

TEST_CASE("dangerous URLs never become links", "[content][markdown]") {
  diag::Sink sink;
  auto b = render_md("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x) ![d](vbscript:x)\n", {},
                  sink);
  CHECK(b.html.text().find("javascript") == std::string::npos);
  CHECK(b.html.text().find("JaVaScRiPt") == std::string::npos);
  CHECK(b.html.text().find("data:") == std::string::npos);
  CHECK(b.html.text().find("vbscript") == std::string::npos);
  CHECK(content::is_dangerous_url(" javascript:x"));
  CHECK_FALSE(content::is_dangerous_url("https://x"));
}

TEST_CASE("links go through the resolver with their positions", "[content][markdown]") {
  diag::Sink sink;
  MarkdownOptions opt;
  std::vector<std::pair<std::string, int>> seen;
  opt.resolve_link = [&](std::string_view url, const diag::SourcePos& pos) -> std::optional<std::string> {
    seen.emplace_back(std::string(url), pos.line);
    if (url == "x.md") return std::string("../x/");
    return std::nullopt;
  };
  auto b = render_md("Первый абзац.\n\nСм. [икс](x.md) и [сайт](https://e.org).\n", opt, sink);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].first == "x.md");
  CHECK(seen[0].second == 7);
  CHECK(b.html.text().find("href=\"../x/\"") != std::string::npos);
  CHECK(b.html.text().find("href=\"https://e.org\"") != std::string::npos);
}

TEST_CASE("headings get stable unique anchors", "[content][markdown]") {
  diag::Sink sink;
  auto b = render_md("## 1. Общие положения\n\n## Цель\n\n### Цель\n", {}, sink);
  REQUIRE(b.headings.size() == 3);
  CHECK(b.headings[0].id == "1-obshchie-polozheniya");
  CHECK(b.headings[1].id == "tsel");
  CHECK(b.headings[2].id == "tsel-2");
  CHECK(b.headings[2].level == 3);
  CHECK(b.html.text().find("<h2 id=\"tsel\">") != std::string::npos);
  CHECK(b.headings[0].pos.line == 5);
}

TEST_CASE("result sections are withheld up to the next heading of the same level", "[content][markdown]") {
  diag::Sink sink;
  MarkdownOptions opt;
  opt.withhold_heading = [](std::string_view h) { return h == "Результаты"; };
  auto b = render_md("## Цель\n\nцель\n\n## Результаты\n\nсекрет\n\n### Подробно\n\nещё секрет\n\n## План\n\nплан\n", opt,
                  sink);
  CHECK(b.has_withheld);
  CHECK(b.html.text().find("секрет") == std::string::npos);
  CHECK(b.plain.text().find("секрет") == std::string::npos);
  CHECK(b.lead.find("секрет") == std::string::npos);
  CHECK(b.html.text().find("план") != std::string::npos);
  CHECK(b.html.text().find("цель") != std::string::npos);
  REQUIRE(b.headings.size() == 4);
  CHECK(b.headings[1].withheld);
  CHECK(b.headings[2].withheld);
  CHECK_FALSE(b.headings[3].withheld);
  // the leak scan still sees withheld text
  bool found = false;
  for (const auto& blk : b.blocks) found = found || blk.text == "секрет";
  CHECK(found);
}

TEST_CASE("published text blocks are places in the plain text; the leak scan finds names in them", "[content][markdown]") {
  diag::Sink sink;
  MarkdownOptions opt;  // typography on: no-break spaces, «» and — in the plain text
  opt.withhold_heading = [](std::string_view h) { return h == "Результаты"; };
  auto b = render_markdown(
      "# О \"кейсе\"\n\nНаставник - Иванова М. П., ученица Петрова Анна.\n\n| в | классе |\n|---|---|\n| 1 | "
      "Сидоров И. |\n\n## Результаты\n\nСмирнов Олег - \"победитель\"\n",
      "a.md", 1, opt, sink);
  const std::string& plain = b.plain.text();
  std::vector<std::string> published, withheld;
  for (const auto& blk : b.blocks) {
    if (blk.in_plain) {
      REQUIRE(blk.at + blk.size <= plain.size());
      published.emplace_back(b.text_of(blk));
    } else {
      withheld.push_back(blk.text);
    }
  }
  // Heading, paragraph, four table cells; each as it stands in the plain text (typographed).
  REQUIRE(published.size() == 6);
  CHECK(published[0] == "О\u00a0«кейсе»");
  CHECK(published[1] == "Наставник\u00a0— Иванова\u00a0М.\u00a0П., ученица Петрова Анна.");
  CHECK(published[5] == "Сидоров\u00a0И.");
  // The withheld section's blocks as written, not in the plain text.
  CHECK(withheld == std::vector<std::string>{"Результаты", "Смирнов Олег - \"победитель\""});
  util::NameMatcher names;
  names.add(0, "Иванова Мария Петровна");
  names.add(1, "Петрова Анна");
  names.add(2, "Сидоров Иван");
  names.add(3, "Смирнов Олег");
  std::vector<std::size_t> found;
  for (const auto& blk : b.blocks)
    for (std::size_t k : names.find(b.text_of(blk))) found.push_back(k);
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::size_t>{0, 1, 2, 3});
}

TEST_CASE("typography applies to text, never to code", "[content][markdown]") {
  diag::Sink sink;
  MarkdownOptions opt;
  auto b = render_markdown("Он сказал \"привет\" - и ушёл. `\"код\" - тут`\n", "a.md", 1, opt, sink);
  CHECK(b.html.text().find("«привет»") != std::string::npos);
  CHECK(b.html.text().find("—") != std::string::npos);
  CHECK(b.html.text().find("<code>&quot;код&quot; - тут</code>") != std::string::npos);
}
