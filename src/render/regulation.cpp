#include "render/env.hpp"
#include "render/html_fixups.hpp"
#include "render/format.hpp"

namespace nastavnik::render {

Context approval_context(const Env& env, const std::optional<model::Approval>& a) {
  if (!a || (a->order.empty() && !a->date && a->by.empty())) return false;
  Context c;
  c["order"] = a->order;
  c["date"] = a->date ? util::format_ru(*a->date) : "";
  c["date_iso"] = a->date ? util::to_iso(*a->date) : "";
  c["by"] = env.text(a->by);
  return c;
}

void build_regulation(const Env& env, std::vector<PageSpec>& out) {
  const auto& sec = env.section("regulation");
  const auto& reg = env.site.regulation;
  PageSpec p;
  p.url = sec.slug + "/";
  p.path = p.url + "index.html";
  p.tmpl = "regulation";
  p.section = sec.key;
  p.title = reg && !reg->title.empty() ? env.text(reg->title) : "Положение о системе наставничества";
  p.description = describe_page(env, reg ? reg->summary : "", reg ? reg->body.lead : "", sec.planned);
  p.search_section = sec.title;
  if (reg) p.search_body = &reg->body.plain;
  const std::string root = root_of(p.url);
  Context& c = p.ctx;
  c["empty"] = !reg.has_value();
  c["planned"] = sec.planned;
  if (reg) {
    c["approval"] = approval_context(env, reg->approved);
    if (!reg->file.empty()) {
      std::uint64_t size = env.file_size(reg->file);
      std::string ext;
      if (auto dot = reg->file.rfind('.'); dot != std::string::npos && reg->file.find('/', dot) == std::string::npos)
        for (char ch : reg->file.substr(dot + 1)) ext += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
      c["file"] = Context{{"url", root + reg->file}, {"format", ext}, {"size", size ? human_size(size) : ""}};
    } else {
      c["file"] = false;
    }
    Context toc = Context::array();
    for (const auto& h : reg->body.headings) {
      if (h.withheld || h.id.empty() || h.level < 1 || h.level > 3) continue;
      toc.push_back({{"text", env.text(h.text)}, {"id", h.id}, {"level", h.level}, {"sub", h.level > 2}});
    }
    c["has_toc"] = !toc.empty();
    c["toc"] = std::move(toc);
    c["body_html"] = body_html(reg->body.html.text());
  }
  out.push_back(std::move(p));
}

}  // namespace nastavnik::render
