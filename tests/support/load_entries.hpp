#pragma once
// Parse-cache entries for the load store's tests (tests/unit/content/load_codec_test.cpp and
// load_store_test.cpp): every field set to something other than its default.
#include <string>
#include <vector>

#include "content/load_cache.hpp"
#include "model/pages.hpp"

namespace nastavnik::test {

inline diag::SourcePos at(int line) { return {"content/news/a.md", line, line + 2}; }

inline diag::Diagnostic diagnostic(int n) {
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

inline content::BodyMemo full_memo() {
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

inline content::LoadedSource entry_of(content::AnyPage page) {
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

inline std::vector<content::LoadedSource> entries_of_every_kind() {
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

inline content::LoadedSource news_entry(const std::string& key, std::size_t html_bytes = 10) {
  auto e = entry_of(page_with_base<model::NewsItem>());
  e.key = key;
  e.body->body.html = std::string(html_bytes, 'x');
  return e;
}

}  // namespace nastavnik::test
