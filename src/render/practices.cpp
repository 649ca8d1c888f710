#include <algorithm>
#include <map>

#include "render/env.hpp"
#include "render/html_fixups.hpp"
#include "render/format.hpp"

namespace nastavnik::render {

namespace {

Context practice_card(const Env& env, const model::Practice& pr, std::string_view root) {
  return {{"title", env.text(pr.title)},
          {"url", std::string(root) + pr.url},
          {"form", env.text(pr.form)},
          {"period", period_ru(pr.start, pr.end)},
          {"status_label", ""},
          {"status_class", ""},
          {"summary", env.text(collapse_spaces(pr.summary))},
          {"tags", tags_context(env, pr.tags)}};
}

}  // namespace

void build_practices(const Env& env, std::vector<PageSpec>& out) {
  const auto& sec = env.section("practices");
  const auto& practices = env.site.practices;
  PageSpec p;
  p.url = sec.slug + "/";
  p.path = p.url + "index.html";
  p.tmpl = "practices";
  p.section = sec.key;
  p.title = "Лучшие практики наставничества";
  p.description = sec.planned;
  p.search_section = sec.title;
  p.search_text = sec.planned;
  const std::string root = root_of(p.url);
  Context& c = p.ctx;
  c["empty"] = practices.empty();
  c["planned"] = sec.planned;

  // By form: the rules' order first, then forms written otherwise, alphabetically.
  std::vector<std::string> forms;
  for (const auto& f : env.config.rules.forms)
    if (std::any_of(practices.begin(), practices.end(), [&](const auto& pr) { return pr.form == f.name; }))
      forms.push_back(f.name);
  std::vector<std::string> other;
  for (const auto& pr : practices)
    if (std::find(forms.begin(), forms.end(), pr.form) == forms.end() &&
        std::find(other.begin(), other.end(), pr.form) == other.end())
      other.push_back(pr.form);
  std::sort(other.begin(), other.end());
  forms.insert(forms.end(), other.begin(), other.end());
  Context groups = Context::array();
  int gi = 0;
  for (const auto& f : forms) {
    Context items = Context::array();
    for (const auto& pr : practices)
      if (pr.form == f) items.push_back(practice_card(env, pr, root));
    ++gi;
    groups.push_back({{"title", f.empty() ? std::string("Другие формы") : capitalize_first(env.text(f))},
                      {"anchor", "form-" + std::to_string(gi)},
                      {"count", static_cast<int>(items.size())},
                      {"items", std::move(items)}});
  }
  c["groups"] = std::move(groups);

  // By tag, alphabetically.
  std::map<std::string, std::vector<const model::Practice*>> by_tag;
  for (const auto& pr : practices)
    for (const auto& t : pr.tags) by_tag[t].push_back(&pr);
  Context tags = Context::array();
  int ti = 0;
  for (const auto& [tag, list] : by_tag) {
    Context items = Context::array();
    for (const auto* pr : list) items.push_back({{"title", env.text(pr->title)}, {"url", root + pr->url}});
    ++ti;
    tags.push_back({{"name", env.text(tag)},
                    {"anchor", "tag-" + std::to_string(ti)},
                    {"count", static_cast<int>(list.size())},
                    {"items", std::move(items)}});
  }
  c["has_topics"] = !tags.empty();
  c["topics"] = std::move(tags);
  out.push_back(std::move(p));

  for (const auto& pr : practices) {
    PageSpec q;
    q.url = pr.url;
    q.path = q.url + "index.html";
    q.tmpl = "practice";
    q.section = sec.key;
    q.title = env.text(pr.title);
    q.description = describe_page(env, pr.summary, pr.body.lead, sec.planned);
    q.crumbs = {{sec.title, sec.slug + "/"}};
    q.og_type = "article";
    q.search_section = sec.title;
    q.search_body = &pr.body.plain;
    const std::string r = root_of(q.url);
    Context& k = q.ctx;
    k = practice_card(env, pr, r);
    k["authors"] = authors_list(env, pr.authors);
    k["has_authors"] = !pr.authors.empty();
    k["body_html"] = body_html(pr.body.html.text());
    k["withheld"] = pr.body.has_withheld;
    k["end_date"] = pr.end ? util::format_ru(*pr.end) : "";
    k["list_url"] = r + sec.slug + "/";
    out.push_back(std::move(q));
  }
}

}  // namespace nastavnik::render
