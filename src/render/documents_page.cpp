#include "render/env.hpp"
#include "render/format.hpp"

namespace nastavnik::render {

void build_documents(const Env& env, std::vector<PageSpec>& out) {
  const auto& sec = env.section("documents");
  const auto& docs = env.site.documents;
  PageSpec p;
  p.url = sec.slug + "/";
  p.path = p.url + "index.html";
  p.tmpl = "documents";
  p.section = sec.key;
  p.title = "Нормативная база и локальные акты";
  p.description = sec.planned;
  p.search_section = sec.title;
  const std::string root = root_of(p.url);
  Context& c = p.ctx;
  c["empty"] = docs.items.empty();
  c["planned"] = sec.planned;
  const model::DocLevel levels[] = {model::DocLevel::federal, model::DocLevel::regional, model::DocLevel::municipal,
                                    model::DocLevel::local, model::DocLevel::methodical};
  Context groups = Context::array();
  std::string search;
  for (auto level : levels) {
    Context items = Context::array();
    for (const auto& d : docs.items) {
      if (d.level != level) continue;
      Context it;
      it["title"] = env.text(d.title);
      it["number"] = d.number;
      it["date"] = d.date ? util::format_ru(*d.date) : "";
      it["date_iso"] = d.date ? util::to_iso(*d.date) : "";
      std::string url;
      bool external = false;
      if (!d.file.empty()) {
        url = root + d.file;
      } else if (!d.url.empty()) {
        url = d.url;
        external = true;
      }
      it["url"] = url;
      it["external"] = external;
      it["format"] = d.file.empty() ? "" : d.file_format;
      it["size"] = d.file.empty() || d.file_size == 0 ? "" : human_size(d.file_size);
      it["has_file_info"] = !d.file.empty() && (!d.file_format.empty() || d.file_size > 0);
      if (d.signature) {
        const auto& s = *d.signature;
        it["signature"] = {{"text", "Документ подписан простой электронной подписью"},
                           {"datetime", datetime_ru(s.datetime)},
                           {"datetime_iso", s.datetime},
                           {"signer", env.text(s.signer)},
                           {"position", env.text(s.position)},
                           {"key", s.key}};
      } else {
        it["signature"] = false;
      }
      items.push_back(std::move(it));
      search += d.title + ". ";
    }
    if (items.empty()) continue;
    groups.push_back({{"title", level_heading(level)},
                      {"anchor", level_anchor(level)},
                      {"count", static_cast<int>(items.size())},
                      {"items", std::move(items)}});
  }
  c["groups"] = std::move(groups);
  p.search_text = search;
  out.push_back(std::move(p));
}

}  // namespace nastavnik::render
