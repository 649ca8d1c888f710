#include <map>

#include "render/env.hpp"
#include "render/format.hpp"

namespace nastavnik::render {

void build_search(const Env& env, std::vector<PageSpec>& out) {
  const auto& sec = env.section("search");
  PageSpec p;
  p.url = sec.slug + "/";
  p.path = p.url + "index.html";
  p.tmpl = "search";
  p.section = sec.key;
  p.title = "Поиск по разделу";
  p.description = "Поиск по материалам раздела «" + env.text(env.config.title) + "».";
  p.in_search = false;
  const std::string root = root_of(p.url);
  // Until the search script arrives, the page lists every page, grouped by section, in the
  // order they were built: 11,000 entries at 10,000 news. Its context is built only when the
  // page is rendered; the page cache keys it on the fields it lists.
  util::Hasher h;
  h.field("search 1");
  h.field(root);
  for (const auto& q : out) {
    if (!q.in_search) continue;
    h.field(q.search_section);
    h.field(q.title);
    h.field(q.url);
    h.field(q.description);
  }
  p.ctx_key = h.hex();
  const std::size_t listed = out.size();  // the pages before this one (out grows by it below)
  p.make_ctx = [&out, listed, root, url = p.url] {
    std::vector<std::string> order;
    std::map<std::string, Context> groups;
    for (std::size_t i = 0; i < listed; ++i) {
      const PageSpec& q = out[i];
      if (!q.in_search) continue;
      if (!groups.count(q.search_section)) {
        order.push_back(q.search_section);
        groups[q.search_section] = Context::array();
      }
      groups[q.search_section].push_back(
          {{"title", q.title}, {"url", q.url.empty() ? (root.empty() ? std::string("./") : root) : root + q.url},
           {"description", q.description}});
    }
    Context c;
    Context list = Context::array();
    for (const auto& name : order) list.push_back({{"title", name}, {"items", std::move(groups[name])}});
    c["groups"] = std::move(list);
    c["index_url"] = root + url + "index.json";
    c["action"] = root + url;
    return c;
  };
  out.push_back(std::move(p));
}

}  // namespace nastavnik::render
