#include "render/env.hpp"
#include "render/html_fixups.hpp"
#include "render/format.hpp"

#include <algorithm>

#include <oneapi/tbb/parallel_for.h>

namespace nastavnik::render {

namespace {

std::string list_url(const std::string& base, int page) {
  return page <= 1 ? base : base + "page/" + std::to_string(page) + "/";
}

}  // namespace

std::vector<int> pager_window(int page, int pages) {
  // Every number while there are few pages; then the first, the last and two either side of
  // the current one, 0 marking a gap. Listing all of them made each of 2,000 list pages carry
  // 2,000 links: quadratic in the number of news (100,000 news items did not build in 900 s).
  constexpr int kAll = 9, kAround = 2;
  std::vector<int> out;
  if (pages <= kAll) {
    for (int k = 1; k <= pages; ++k) out.push_back(k);
    return out;
  }
  int from = std::max(2, page - kAround), to = std::min(pages - 1, page + kAround);
  out.push_back(1);
  if (from > 2) out.push_back(from == 3 ? 2 : 0);
  for (int k = from; k <= to; ++k) out.push_back(k);
  if (to < pages - 1) out.push_back(to == pages - 2 ? pages - 1 : 0);
  out.push_back(pages);
  return out;
}

int news_page_count(const Env& env) {
  int per = env.config.news_per_page > 0 ? env.config.news_per_page : 10;
  int n = static_cast<int>(env.site.news.size());
  return n == 0 ? 1 : (n + per - 1) / per;
}

void build_news(const Env& env, std::vector<PageSpec>& out) {
  const auto& sec = env.section("news");
  const auto& news = env.site.news;
  const int per = env.config.news_per_page > 0 ? env.config.news_per_page : 10;
  const int pages = news_page_count(env);
  const std::string base = sec.slug + "/";

  // List pages, then item pages: each independent of the others, built in parallel and appended
  // in order. Their contexts (news_card's typography is most of the cost, and an item's body) are
  // built only for the pages that are rendered: 10,000 news are 11,000 pages to key on a rebuild.
  // Built in place at the end of `out`: a PageSpec is half a kilobyte, 11,000 of them.
  const std::size_t lists_at = out.size(), items_at = lists_at + static_cast<std::size_t>(pages);
  out.resize(items_at + news.size());
  // Each item's card inputs (news_card_inputs, without the page's root), hashed once: its list
  // page and its own page both key on it, instead of each reading the item again.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> cards(news.size());
  tbb::parallel_for(std::size_t(0), news.size(), [&](std::size_t i) {
    util::Hasher h;
    news_card_inputs(h, news[i], {});
    cards[i] = h.value();
  });
  auto card = [&](util::Hasher& h, std::size_t i) { h.update(cards[i].first).update(cards[i].second); };
  tbb::parallel_for(1, pages + 1, [&](int page) {
    PageSpec& p = out[lists_at + static_cast<std::size_t>(page - 1)];
    p.url = list_url(base, page);
    p.path = p.url + "index.html";
    p.tmpl = "news_list";
    p.section = sec.key;
    p.title = page == 1 ? "Новости" : "Новости — страница " + std::to_string(page);
    p.description = sec.planned;
    if (page > 1) p.crumbs = {{"Новости", base}};
    p.in_search = page == 1;
    p.search_section = sec.title;
    p.search_text = sec.planned;
    const std::string root = root_of(p.url);
    const int first = (page - 1) * per, last = std::min(page * per, static_cast<int>(news.size()));
    // The list's keys are built only when the page is rendered; the page cache keys it on this.
    util::Hasher h;
    h.field("news_list 2");
    for (int v : {page, pages, first, last, static_cast<int>(news.empty())}) h.update(static_cast<std::uint64_t>(v));
    h.field(root);
    h.field(base);
    h.field(sec.planned);
    for (int i = first; i < last; ++i) card(h, static_cast<std::size_t>(i));
    p.ctx_key = h.hex();
    p.make_ctx = [&env, &news, &sec, base, root, page, pages, first, last] {
      Context c;
      c["empty"] = news.empty();
      c["card_level"] = 2;
      c["planned"] = sec.planned;
      Context items = Context::array();
      for (int i = first; i < last; ++i) items.push_back(news_card(env, news[static_cast<std::size_t>(i)], root));
      c["items"] = std::move(items);
      c["feed_url"] = root + base + "feed.xml";
      c["events_ics_url"] = root + "events.ics";
      Context pag;
      pag["has_pages"] = pages > 1;
      pag["page"] = page;
      pag["pages_total"] = pages;
      pag["prev_url"] = page > 1 ? root + list_url(base, page - 1) : "";
      pag["next_url"] = page < pages ? root + list_url(base, page + 1) : "";
      Context links = Context::array();
      for (int k : pager_window(page, pages)) {
        if (k == 0)
          links.push_back({{"gap", true}});
        else
          links.push_back({{"n", k}, {"url", root + list_url(base, k)}, {"current", k == page}});
      }
      pag["links"] = std::move(links);
      c["pagination"] = std::move(pag);
      return c;
    };
  });

  tbb::parallel_for(std::size_t(0), news.size(), [&](std::size_t i) {
    const auto& n = news[i];
    PageSpec& q = out[items_at + i];
    q.url = n.url;
    q.path = q.url + "index.html";
    q.tmpl = "news_item";
    q.section = sec.key;
    q.title = env.text(n.title);
    q.description = describe_page(env, n.summary, n.body.lead, q.title);
    q.crumbs = {{"Новости", base}};
    q.og_type = "article";
    q.image = n.image;
    q.lastmod = n.date;
    q.search_section = sec.title;
    q.search_body = &n.body.plain;
    const std::string root = root_of(q.url);
    // The item's keys are built only when the page is rendered; the page cache keys it on this:
    // the card, the body and the neighbours' titles and addresses.
    const model::NewsItem* newer = i > 0 ? &news[i - 1] : nullptr;
    const model::NewsItem* older = i + 1 < news.size() ? &news[i + 1] : nullptr;
    util::Hasher h;
    h.field("news_item 2");
    h.field(root);
    card(h, i);
    h.field(n.body.html.digest());  // the bytes are read only if the page is rendered
    h.field(base);
    for (const auto* o : {newer, older}) {
      h.update(static_cast<std::uint64_t>(o != nullptr));
      if (o) h.field(o->title), h.field(o->url);
    }
    q.ctx_key = h.hex();
    q.make_ctx = [&env, &n, base, root, newer, older] {
      Context c = news_card(env, n, root);
      c["body_html"] = body_html(n.body.html.text());
      c["list_url"] = root + base;
      // Newer and older neighbours (the list is newest first).
      c["newer"] = newer ? Context{{"title", env.text(newer->title)}, {"url", root + newer->url}} : Context(false);
      c["older"] = older ? Context{{"title", env.text(older->title)}, {"url", root + older->url}} : Context(false);
      return c;
    };
  });
}

}  // namespace nastavnik::render
