#include "config/load_config.hpp"

#include <algorithm>
#include <set>

#include "content/field_reader.hpp"
#include "content/source_file.hpp"
#include "content/yaml_doc.hpp"
#include "diag/codes.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

namespace nastavnik::config {

namespace {

using content::FieldReader;
using content::YNode;
const std::string k_file = "site.yaml";

std::vector<NamedMatch> read_named_matches(const YNode& seq, std::string_view what, diag::Sink& sink) {
  std::vector<NamedMatch> out;
  for (const auto& item : seq.items) {
    if (!content::expect_map(item, what, sink)) continue;
    FieldReader r(item, std::string(what), {"name", "match"}, sink);
    NamedMatch m;
    m.name = r.text("name", true);
    m.match = r.text_list("match", true);
    if (!m.name.empty() && !m.match.empty()) out.push_back(std::move(m));
  }
  return out;
}

void read_rules(const YNode& node, Rules& rules, diag::Sink& sink) {
  FieldReader r(node, "rules", {"forms", "regulation_sections", "program_months", "result_headings",
                                "practice_sections", "roadmap_stages", "required_documents", "required_sections",
                                "severity"},
                sink);
  if (const YNode* forms = r.seq("forms")) {
    std::vector<FormRule> list;
    for (const auto& item : forms->items) {
      if (!content::expect_map(item, "форма наставничества в rules.forms", sink)) continue;
      FieldReader f(item, "форма наставничества в rules.forms", {"name", "mentor", "mentee"}, sink);
      FormRule rule;
      rule.name = f.text("name", true);
      rule.mentor_roles = f.text_list("mentor", true);
      rule.mentee_roles = f.text_list("mentee", true);
      if (!rule.name.empty()) list.push_back(std::move(rule));
    }
    rules.forms = std::move(list);
  }
  if (const YNode* s = r.seq("regulation_sections"))
    rules.regulation_sections = read_named_matches(*s, "раздел в rules.regulation_sections", sink);
  if (const YNode* s = r.seq("practice_sections"))
    rules.practice_sections = read_named_matches(*s, "раздел в rules.practice_sections", sink);
  if (const YNode* s = r.seq("roadmap_stages"))
    rules.roadmap_stages = read_named_matches(*s, "этап в rules.roadmap_stages", sink);
  if (const YNode* m = r.map("program_months")) {
    FieldReader pm(*m, "rules.program_months", {"min", "max"}, sink);
    if (auto v = pm.integer("min", false, 1, 120)) rules.program_min_months = static_cast<int>(*v);
    if (auto v = pm.integer("max", false, 1, 120)) rules.program_max_months = static_cast<int>(*v);
  }
  if (r.raw("result_headings")) rules.result_headings = r.text_list("result_headings");
  if (r.raw("required_documents")) rules.required_documents = r.text_list("required_documents");
  if (r.raw("required_sections")) {
    static const std::vector<std::string> known = {"regulation", "roadmap", "bank", "programs", "practices",
                                                   "documents", "news", "monitoring"};
    std::vector<std::string> list;
    for (auto& [name, pos] : r.text_list_pos("required_sections")) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        auto best = util::closest(name, known);
        sink.report("field.type", pos, "rules.required_sections: неизвестный раздел «" + name + "»",
                    best ? "возможно, имелось в виду «" + *best + "»" : "");
        continue;
      }
      list.push_back(name);
    }
    rules.required_sections = std::move(list);
  }
  if (const YNode* sev = r.map("severity")) {
    std::vector<std::string> codes;
    for (const auto& c : diag::all_codes()) codes.emplace_back(c.code);
    for (const auto& [k, v] : sev->entries) {
      if (!k.is_scalar()) continue;
      if (!diag::is_known_code(k.scalar)) {
        auto best = util::closest(k.scalar, codes);
        sink.report("field.unknown", k.pos, "rules.severity: неизвестный код диагностики «" + k.scalar + "»",
                    best ? "возможно, имелось в виду «" + *best + "»" : "Список кодов — в docs/diagnostics.md.");
        continue;
      }
      diag::Severity s;
      if (!v.is_scalar() || !diag::parse_severity(util::to_lower(util::trim(v.scalar)), s)) {
        sink.report("field.type", v.pos, "rules.severity." + k.scalar + ": нужно error, warning или off",
                    "Например: " + k.scalar + ": warning");
        continue;
      }
      rules.severity[k.scalar] = s;
    }
  }
}

}  // namespace

bool is_safe_slug(std::string_view slug) {
  if (slug.empty() || slug.size() > 80) return false;
  for (char c : slug)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return slug.front() != '-' && slug.back() != '-';
}

bool set_base_url(SiteConfig& config, std::string url) {
  url = util::trim(url);
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return false;
  std::string scheme = util::to_lower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return false;
  std::size_t host_start = scheme_end + 3;
  std::size_t path_start = url.find('/', host_start);
  std::string host = url.substr(host_start, path_start == std::string::npos ? std::string::npos : path_start - host_start);
  if (host.empty()) return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  if (url.find('?') != std::string::npos || url.find('#') != std::string::npos) return false;
  if (url.back() != '/') url.push_back('/');
  config.base_url = url;
  config.base_path = path_start == std::string::npos ? "/" : url.substr(path_start);
  return true;
}

ConfigResult load_site_config(const std::filesystem::path& root, diag::Sink& sink) {
  ConfigResult result;
  SiteConfig& cfg = result.config;
  cfg.rules = default_rules();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(root / k_file, ec)) {
    result.status = ConfigStatus::missing;
    return result;
  }
  int errors_before = sink.errors();
  auto text = content::read_source(root, k_file, sink);
  if (!text) {
    result.status = ConfigStatus::invalid;
    return result;
  }
  auto doc = content::parse_yaml(*text, k_file, 1, sink);
  if (!doc) {
    result.status = ConfigStatus::invalid;
    return result;
  }
  if (doc->is_null()) {
    sink.report("field.missing", {k_file, 1, 1}, "site.yaml пуст: нет обязательных полей title, base_url, school",
                "Скопируйте site.yaml из демонстрационного сайта или создайте сайт командой «nastavnik init».");
    result.status = ConfigStatus::invalid;
    return result;
  }
  if (!content::expect_map(*doc, "site.yaml", sink)) {
    result.status = ConfigStatus::invalid;
    return result;
  }
  FieldReader r(*doc, "site.yaml",
                {"title", "description", "base_url", "school", "curator", "sections", "news", "typography", "markup",
                 "rules", "deploy", "links"},
                sink);
  cfg.title = r.text("title", true);
  cfg.description = r.text("description");
  cfg.title_pos = r.positions().of("title");
  cfg.description_pos = r.positions().of("description");
  std::string base = r.text("base_url", true);
  if (!base.empty() && !set_base_url(cfg, base))
    r.wrong_type("base_url", *r.raw("base_url"), "абсолютным адресом http(s)://…",
                 "Например: base_url: \"https://school1.example.ru/nastavnichestvo/\"");
  if (cfg.base_url.empty()) set_base_url(cfg, "https://example.invalid/");
  if (const YNode* s = r.map("school", true)) {
    FieldReader sr(*s, "school", {"name", "full_name", "site", "address", "phone", "email"}, sink);
    cfg.school.name = sr.text("name", true);
    cfg.school.full_name = sr.text("full_name");
    cfg.school.site = sr.text("site");
    // Rendered as a link on every page: only http(s), never javascript: or data:.
    if (std::string lower = util::to_lower(util::trim(cfg.school.site));
        !lower.empty() && lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0) {
      sr.wrong_type("site", *sr.raw("site"), "адресом http(s)://…", "Например: site: \"https://school1.example.ru/\"");
      cfg.school.site.clear();
    }
    cfg.school.address = sr.text("address");
    cfg.school.phone = sr.text("phone");
    cfg.school.email = sr.text("email");
  }
  if (const YNode* c = r.map("curator")) {
    FieldReader cr(*c, "curator", {"name", "position", "email", "phone"}, sink);
    Curator cur;
    cur.name = cr.text("name", true);
    cur.position = cr.text("position");
    cur.email = cr.text("email");
    cur.phone = cr.text("phone");
    cfg.curator_pos = cr.positions().of("name");
    cfg.curator = cur;
  }
  if (const YNode* s = r.map("sections")) {
    FieldReader sr(*s, "sections",
                   {"regulation", "roadmap", "bank", "programs", "practices", "news", "documents", "monitoring", "search"},
                   sink);
    std::set<std::string> used;
    auto slug = [&](const char* key, std::string& target) {
      std::string v = sr.text(key);
      if (v.empty()) {
        used.insert(target);
        return;
      }
      if (!is_safe_slug(v)) {
        sink.report("path.outside", sr.positions().of(key),
                    std::string("sections.") + key + ": «" + v + "» не годится как адрес раздела",
                    "Используйте латинские строчные буквы, цифры и дефис, например: dorozhnaya-karta");
        return;
      }
      target = v;
    };
    slug("regulation", cfg.sections.regulation);
    slug("roadmap", cfg.sections.roadmap);
    slug("bank", cfg.sections.bank);
    slug("programs", cfg.sections.programs);
    slug("practices", cfg.sections.practices);
    slug("news", cfg.sections.news);
    slug("documents", cfg.sections.documents);
    slug("monitoring", cfg.sections.monitoring);
    slug("search", cfg.sections.search);
  }
  if (const YNode* n = r.map("news")) {
    FieldReader nr(*n, "news", {"per_page"}, sink);
    if (auto v = nr.integer("per_page", false, 1, 1000)) cfg.news_per_page = static_cast<int>(*v);
  }
  cfg.typography = r.boolean("typography", true);
  if (const YNode* m = r.map("markup")) {
    FieldReader mr(*m, "markup", {"unsafe_html"}, sink);
    cfg.unsafe_html = mr.boolean("unsafe_html", false);
  }
  if (const YNode* rules = r.map("rules")) read_rules(*rules, cfg.rules, sink);
  if (const YNode* d = r.map("deploy")) {
    FieldReader dr(*d, "deploy", {"target", "max_delete"}, sink);
    cfg.deploy_target = dr.text("target");
    if (auto v = dr.integer("max_delete", false, 0, 1'000'000)) cfg.deploy_max_delete = static_cast<int>(*v);
  }
  if (const YNode* l = r.map("links")) {
    FieldReader lr(*l, "links", {"timeout", "concurrency", "exclude"}, sink);
    if (auto v = lr.integer("timeout", false, 1, 600)) cfg.links.timeout = static_cast<int>(*v);
    if (auto v = lr.integer("concurrency", false, 1, 64)) cfg.links.concurrency = static_cast<int>(*v);
    cfg.links.exclude = lr.text_list("exclude");
  }
  if (sink.errors() > errors_before) result.status = ConfigStatus::invalid;
  return result;
}

}  // namespace nastavnik::config
