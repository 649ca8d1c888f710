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
  // order they were built.
  std::vector<std::string> order;
  std::map<std::string, Context> groups;
  for (const auto& q : out) {
    if (!q.in_search) continue;
    if (!groups.count(q.search_section)) {
      order.push_back(q.search_section);
      groups[q.search_section] = Context::array();
    }
    groups[q.search_section].push_back(
        {{"title", q.title}, {"url", q.url.empty() ? (root.empty() ? std::string("./") : root) : root + q.url},
         {"description", q.description}});
  }
  Context list = Context::array();
  for (const auto& name : order) list.push_back({{"title", name}, {"items", std::move(groups[name])}});
  p.ctx["groups"] = std::move(list);
  p.ctx["index_url"] = root + p.url + "index.json";
  p.ctx["action"] = root + p.url;
  out.push_back(std::move(p));
}

}  // namespace nastavnik::render
