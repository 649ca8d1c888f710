#include <algorithm>

#include <nlohmann/json.hpp>

#include "render/feeds.hpp"
#include "render/format.hpp"
#include "render/search_index.hpp"
#include "util/text.hpp"

namespace nastavnik::render {

std::string sitemap(const Env& env, const std::vector<PageSpec>& pages) {
  std::vector<const PageSpec*> list;
  for (const auto& p : pages)
    if (p.in_sitemap) list.push_back(&p);
  std::sort(list.begin(), list.end(), [](const auto* a, const auto* b) { return a->url < b->url; });
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                  "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto* p : list) {
    x += "  <url><loc>" + util::xml_escape(env.absolute(p->url)) + "</loc>";
    if (p->lastmod) x += "<lastmod>" + util::to_iso(*p->lastmod) + "</lastmod>";
    x += "</url>\n";
  }
  x += "</urlset>\n";
  return x;
}

std::string robots(const Env& env) {
  return "User-agent: *\nAllow: /\n\nSitemap: " + env.absolute("sitemap.xml") + "\n";
}

std::vector<SearchDoc> search_docs(const std::vector<PageSpec>& pages) {
  std::vector<SearchDoc> docs;
  for (const auto& p : pages)
    if (p.in_search) docs.push_back({p.title, p.url, p.search_section, p.search_text, p.search_body});
  return docs;
}

}  // namespace nastavnik::render
