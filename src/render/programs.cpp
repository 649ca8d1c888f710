#include "render/env.hpp"
#include "render/html_fixups.hpp"
#include "render/format.hpp"

namespace nastavnik::render {

namespace {

Context program_card(const Env& env, const model::Program& pr, std::string_view root) {
  auto st = model::program_status(pr, env.now);
  return {{"title", env.text(pr.title)},
          {"url", std::string(root) + pr.url},
          {"form", env.text(pr.form)},
          {"period", period_ru(pr.start, pr.end)},
          {"status_label", program_status_label(st)},
          {"status_class", program_status_class(st)},
          {"summary", env.text(collapse_spaces(pr.summary))},
          {"tags", tags_context(env, pr.tags)}};
}

Context authors_context(const Env& env, const std::vector<std::string>& authors) {
  Context arr = Context::array();
  for (const auto& a : authors) arr.push_back({{"name", env.text(a)}});
  return arr;
}

}  // namespace

Context authors_list(const Env& env, const std::vector<std::string>& authors) { return authors_context(env, authors); }

void build_programs(const Env& env, std::vector<PageSpec>& out) {
  const auto& sec = env.section("programs");
  const auto& programs = env.site.programs;
  PageSpec p;
  p.url = sec.slug + "/";
  p.path = p.url + "index.html";
  p.tmpl = "programs";
  p.section = sec.key;
  p.title = "Персонализированные программы наставничества";
  p.description = sec.planned;
  p.search_section = sec.title;
  p.search_text = sec.planned;
  const std::string root = root_of(p.url);
  Context& c = p.ctx;
  c["empty"] = programs.empty();
  c["planned"] = sec.planned;
  struct Group {
    model::ProgramStatus status;
    const char* title;
  };
  const Group order[] = {{model::ProgramStatus::running, "Реализуются"},
                         {model::ProgramStatus::planned, "Планируются"},
                         {model::ProgramStatus::finished, "Завершены"}};
  Context groups = Context::array();
  for (const auto& g : order) {
    Context items = Context::array();
    for (const auto& pr : programs)
      if (model::program_status(pr, env.now) == g.status) items.push_back(program_card(env, pr, root));
    if (items.empty()) continue;
    groups.push_back({{"title", g.title},
                      {"anchor", std::string(program_status_class(g.status))},
                      {"count", static_cast<int>(items.size())},
                      {"items", std::move(items)}});
  }
  c["groups"] = std::move(groups);
  out.push_back(std::move(p));

  for (const auto& pr : programs) {
    PageSpec q;
    q.url = pr.url;
    q.path = q.url + "index.html";
    q.tmpl = "program";
    q.section = sec.key;
    q.title = env.text(pr.title);
    q.description = describe_page(env, pr.summary, pr.body.lead, sec.planned);
    q.crumbs = {{"Программы", sec.slug + "/"}};
    q.og_type = "article";
    q.search_section = sec.title;
    q.search_body = &pr.body.plain;
    const std::string r = root_of(q.url);
    Context& k = q.ctx;
    k = program_card(env, pr, r);
    k["authors"] = authors_context(env, pr.authors);
    k["has_authors"] = !pr.authors.empty();
    k["body_html"] = body_html(pr.body.html.text());
    k["withheld"] = pr.body.has_withheld;
    k["end_date"] = util::format_ru(pr.end);
    k["list_url"] = r + sec.slug + "/";
    out.push_back(std::move(q));
  }
}

}  // namespace nastavnik::render
