#include "render/env.hpp"
#include "render/html_fixups.hpp"
#include "render/format.hpp"

namespace nastavnik::render {

void build_pages(const Env& env, std::vector<PageSpec>& out) {
  for (const auto& pg : env.site.pages) {
    PageSpec p;
    p.url = pg.url;
    p.path = p.url + "index.html";
    p.tmpl = "page";
    p.section = "page:" + pg.url;
    p.title = env.text(pg.title);
    p.description = describe_page(env, pg.summary, pg.body.lead, p.title);
    p.search_section = "Страницы";
    p.search_body = &pg.body.plain;
    Context& c = p.ctx;
    c["summary"] = env.text(collapse_spaces(pg.summary));
    c["body_html"] = body_html(pg.body.html.text());
    c["empty"] = pg.body.html.empty();
    c["tags"] = tags_context(env, pg.tags);
    out.push_back(std::move(p));
  }
}

void build_not_found(const Env& env, std::vector<PageSpec>& out) {
  PageSpec p;
  p.url = "";
  p.path = "404.html";
  p.tmpl = "404";
  p.section = "404";
  p.title = "Страница не найдена";
  p.description = "Запрошенная страница не найдена.";
  p.in_sitemap = false;
  p.in_search = false;
  // A 404 page is served at any URL, so its links are root-relative (base_url's path).
  p.root_override = env.config.base_path.empty() ? "/" : env.config.base_path;
  Context sections = Context::array();
  for (const auto& s : env.sections())
    sections.push_back({{"title", s.title}, {"url", p.root_override + s.slug + "/"}});
  p.ctx["sections"] = std::move(sections);
  out.push_back(std::move(p));
}

}  // namespace nastavnik::render
