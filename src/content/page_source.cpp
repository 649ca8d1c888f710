#include "content/page_source.hpp"

#include "content/field_reader.hpp"
#include "content/loaders.hpp"
#include "content/yaml_doc.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"

namespace nastavnik::content {

namespace {

using Kind = SourceKind;

AnyPage empty_page(Kind k) {
  switch (k) {
    case Kind::landing: return model::Landing{};
    case Kind::regulation: return model::Regulation{};
    case Kind::program: return model::Program{};
    case Kind::practice: return model::Practice{};
    case Kind::news: return model::NewsItem{};
    case Kind::page: return model::Page{};
  }
  return model::Page{};
}

std::string where_of(Kind k) {
  switch (k) {
    case Kind::landing: return "главная страница (_index.md)";
    case Kind::regulation: return "Положение";
    case Kind::program: return "программа";
    case Kind::practice: return "практика";
    case Kind::news: return "новость";
    case Kind::page: return "страница";
  }
  return "страница";
}

void read_common(FieldReader& r, model::PageBase& page, bool title_required) {
  page.title = r.text("title", title_required);
  page.summary = r.text("summary");
  page.tags = r.text_list("tags");
}

/// The tail of every kind with an address of its own: `slug:` and the field positions.
void read_address(FieldReader& r, model::PageBase& page, LoadedSource& e) {
  e.slug_field = r.text("slug");
  page.pos = r.positions();
  e.slug_pos = page.pos.of("slug");
}

}  // namespace

void parse_source(Kind kind, const diag::FileName& rel, LoadedSource& e, diag::Sink& sink) {
  e.page = empty_page(kind);
  const std::string& text = *e.text;
  e.split = split_front_matter(text);
  model::PageBase& base = std::visit([](auto& p) -> model::PageBase& { return p; }, e.page);
  base.source = rel;
  base.body_line = e.split.body_line;
  std::string where = where_of(kind);
  if (e.split.unterminated) {
    sink.report("yaml.syntax", {rel, 1, 1}, "блок front matter не закрыт: нет второй строки «---»",
                "Закончите блок полей строкой из трёх дефисов «---», затем пишите текст.");
    return;
  }
  YNode empty_map;
  empty_map.kind = YNode::Kind::map;
  empty_map.pos = {rel, 1, 1};
  std::optional<YNode> fm;
  if (e.split.has_front_matter) {
    fm = parse_yaml(e.split.yaml, rel, e.split.yaml_line, sink);
    if (!fm) return;
    if (fm->is_null()) {
      fm = empty_map;
    } else if (!expect_map(*fm, "front matter: " + where, sink)) {
      return;
    }
  } else {
    fm = empty_map;
  }
  e.ok = true;
  const YNode& node = *fm;
  switch (kind) {
    case Kind::landing: {
      FieldReader r(node, where, {"title", "summary", "description"}, sink);
      auto& landing = std::get<model::Landing>(e.page);
      read_common(r, landing, false);
      if (landing.summary.empty()) landing.summary = r.text("description");
      landing.pos = r.positions();
      break;
    }
    case Kind::regulation: {
      FieldReader r(node, where, {"title", "approved", "file", "summary"}, sink);
      auto& regulation = std::get<model::Regulation>(e.page);
      read_common(r, regulation, true);
      regulation.approved = read_approval(r, where, sink);
      regulation.file = r.text("file");
      regulation.pos = r.positions();
      break;
    }
    case Kind::program: {
      auto& p = std::get<model::Program>(e.page);
      FieldReader r(node, where, {"title", "form", "start", "end", "pair", "summary", "tags", "authors", "slug"}, sink);
      read_common(r, p, true);
      p.form = r.text("form", true);
      if (auto d = r.date("start", true)) p.start = *d;
      if (auto d = r.date("end", true)) p.end = *d;
      p.pair = r.text("pair");
      p.authors = r.text_list("authors");
      read_address(r, p, e);
      break;
    }
    case Kind::practice: {
      auto& p = std::get<model::Practice>(e.page);
      FieldReader r(node, where, {"title", "form", "start", "end", "pair", "summary", "tags", "authors", "slug"}, sink);
      read_common(r, p, true);
      p.form = r.text("form", true);
      p.start = r.date("start");
      p.end = r.date("end");
      p.pair = r.text("pair");
      p.authors = r.text_list("authors");
      read_address(r, p, e);
      break;
    }
    case Kind::news: {
      auto& n = std::get<model::NewsItem>(e.page);
      FieldReader r(node, where,
                    {"title", "date", "summary", "tags", "image", "image_alt", "draft", "event", "slug"}, sink);
      read_common(r, n, true);
      if (auto d = r.date("date", true)) n.date = *d;
      n.image = r.text("image");
      n.image_alt = r.text("image_alt");
      if (!n.image.empty() && util::trim(n.image_alt).empty()) {
        sink.report("field.missing", r.positions().of("image"), where + ": у картинки нет описания image_alt",
                    "Добавьте строку image_alt: \"что изображено\" — её прочтут незрячие посетители.");
      }
      n.draft = r.boolean("draft", false);
      if (const YNode* e = r.map("event")) {
        FieldReader er(*e, where + ", event", {"date", "time", "place"}, sink);
        model::NewsEvent ev;
        ev.date = er.date("date", true);
        ev.time = er.text("time");
        ev.place = er.text("place");
        n.event = ev;
      }
      read_address(r, n, e);
      break;
    }
    case Kind::page: {
      auto& p = std::get<model::Page>(e.page);
      FieldReader r(node, where, {"title", "weight", "menu", "summary", "slug"}, sink);
      read_common(r, p, true);
      if (auto w = r.integer("weight")) p.weight = static_cast<int>(*w);
      p.menu = r.boolean("menu", true);
      read_address(r, p, e);
      break;
    }
  }
}

std::string source_key(Kind kind, const std::string& rel, std::string_view bytes) {
  util::Hasher h;
  h.update(static_cast<std::uint64_t>(kind)).update(rel).update(static_cast<std::uint64_t>(rel.size())).update(bytes);
  return h.hex();
}

}  // namespace nastavnik::content
