// Issue 4: hostile text in every field a curator can write never becomes active in the output.
// Each output page is parsed with gumbo (as a browser would) and every element and attribute is
// checked: only our own scripts, no event handlers, no script URLs, no images we did not make.
#include <catch2/catch.hpp>
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>

#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

const std::string k_payload =
    R"(<script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1) ' onmouseover='x)";

/// `s` as a double-quoted YAML scalar.
std::string yq(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

std::string site_files(const std::string& url, const std::string& school_site = "https://school.example.ru/") {
  const std::string P = yq(k_payload);
  const std::string U = yq(url);
  const std::string md_body = "## Цель\n\n" + k_payload + "\n\n" +
                              "[a](" + url + ") [b](JaVaScRiPt:alert(1)) [c]( javascript:alert(1)) "
                              "[d](java&#09;script:alert(1)) [e](vbscript:msgbox(1)) [f](data:text/html,<script>x</script>) "
                              "<javascript:alert(1)> [g](http://a.example/ \"\\\" onmouseover=x\") "
                              "![h](javascript:alert(1)) ![i](data:image/svg+xml,<svg/onload=alert(1)>) "
                              "![\" onerror=alert(1)](files/prikaz.pdf)\n\n"
                              "<div onclick=alert(1)>div</div>\n\n<iframe src=javascript:alert(1)></iframe>\n\n"
                              "## Содержание\n\n- " + k_payload + "\n\n## Результаты\n\n| " + k_payload + " | x |\n|---|---|\n| y | z |\n";
  return "-- site.yaml --\ntitle: " + P + "\ndescription: " + P +
         "\nbase_url: \"https://test.example.ru/nastavnichestvo/\"\nschool:\n  name: " + P + "\n  full_name: " + P +
         "\n  site: " + yq(school_site) + "\n  address: " + P + "\n  phone: " + P + "\n  email: " + P + "\ncurator:\n  name: " + P +
         "\n  position: " + P + "\n  email: " + P + "\n  phone: " + P +
         "\nrules:\n  severity: { field.type: warning, link.broken: warning, form.unknown: warning, "
         "document.missing-file: warning, path.outside: warning, regulation.missing-section: warning }\n"
         "-- content/_index.md --\n---\ntitle: " + P + "\nsummary: " + P + "\n---\n" + md_body +
         "-- content/news/pervaya.md --\n---\ntitle: " + P + "\ndate: 2024-09-15\nsummary: " + P + "\ntags: [" + P +
         "]\nimage: " + U + "\nimage_alt: " + P + "\nevent: { date: 2024-09-20, time: " + P + ", place: " + P +
         " }\n---\n" + md_body +
         "-- content/news/vtoraya.md --\n---\ntitle: \"Вторая\"\ndate: 2024-09-16\nimage: files/prikaz.pdf\nimage_alt: " + P +
         "\n---\nТекст.\n" +
         "-- content/practices/keys-1.md --\n---\ntitle: " + P + "\nform: " + P + "\nauthors: [" + P + "]\nsummary: " + P +
         "\ntags: [" + P + "]\n---\n" + md_body +
         "-- content/programs/adaptatsiya.md --\n---\ntitle: " + P +
         "\nform: \"учитель – ученик\"\nstart: 2024-09-10\nend: 2025-05-30\nauthors: [" + P + "]\nsummary: " + P +
         "\ntags: [" + P + "]\n---\n" + md_body +
         "-- content/pages/stranitsa.md --\n---\ntitle: " + P + "\nsummary: " + P + "\n---\n" + md_body +
         "-- content/polozhenie.md --\n---\ntitle: " + P + "\napproved: { order: " + P + ", date: 2024-08-30, by: " + P +
         " }\n---\n" + md_body +
         "-- content/roadmap.yaml --\ntitle: " + P + "\napproved: { order: " + P + ", date: 2024-08-30 }\nstages:\n  - title: " +
         P + "\n    events:\n      - title: " + P + "\n        details: " + yq(md_body) + "\n        due: " + P +
         "\n        responsible: " + P + "\n        result: " + P + "\n        status: " + P +
         "\n      - title: \"Со сроком\"\n        due: \"сентябрь 2024\"\n        status: done\n" +
         "-- content/documents.yaml --\ndocuments:\n  - title: " + P + "\n    level: local\n    kind: regulation_order\n    number: " +
         P + "\n    date: 2024-08-30\n    url: " + U + "\n  - title: " + P + "\n    level: local\n    number: " + P +
         "\n    file: files/prikaz.pdf\n    signature: { signer: " + P + ", position: " + P +
         ", date: 2024-08-30T10:00:00, key: " + P + " }\n  - title: " + P + "\n    level: " + P + "\n    url: " + U + "\n" +
         "-- content/monitoring.yaml --\ntitle: " + P + "\ndate: 2024-10-01\nindicators:\n  - group: " + P + "\n    name: " +
         P + "\n    value: 1\n    unit: " + P + "\n    source: " + U + "\n  - group: " + P + "\n    name: " + P +
         "\n    value: " + P + "\n    source: " + U + "\n" +
         "-- content/bank.yaml --\nmentors:\n  - id: m1\n    name: " + yq("Скриптова " + k_payload) +
         "\n    role: педагог\n    position: " + P +
         "\n    categories: [" + P + "]\n    consent: { processing: 2024-09-01, dissemination: 2024-09-01 }\n    publish: true\n"
         "mentees:\n  - id: s1\n    name: \"Учеников Иван\"\n    role: обучающийся\n    grade: 7\n    minor: true\n"
         "    categories: [" + P + "]\n    consent: { processing: 2024-09-02, guardian: 2024-09-02 }\n"
         "pairs:\n  - id: p1\n    mentor: m1\n    mentees: [s1]\n    form: " + P +
         "\n    order: { number: \"3\", date: 2024-09-10 }\n    start: 2024-09-10\n    end: 2025-05-30\n";
}

/// "javascript:" however it is spelled: case, white space and control characters inside.
bool dangerous_url(std::string_view v) {
  std::string s;
  for (char c : v)
    if (static_cast<unsigned char>(c) > 0x20) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (const char* scheme : {"javascript:", "vbscript:", "data:"})
    if (s.rfind(scheme, 0) == 0) return true;
  return false;
}

struct Finding {
  std::string file, what;
};

/// `check_files`: scripts and images must be files of the output (pages; not feed content, whose
/// URLs are absolute under xml:base).
void walk(const GumboNode* node, const fs::path& page, const fs::path& root, std::vector<Finding>& found,
          std::size_t& elements, bool check_files = true) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  ++elements;
  const GumboElement& el = node->v.element;
  std::string rel = page.lexically_relative(root).generic_string();
  auto attr = [&](const char* name) -> const char* {
    const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
    return a ? a->value : nullptr;
  };
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
    std::string name = a->name;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (name.rfind("on", 0) == 0) found.push_back({rel, "event handler attribute " + name});
    if ((name == "href" || name == "src" || name == "action" || name == "formaction" || name == "xlink:href" ||
         name == "poster" || name == "srcset") &&
        dangerous_url(a->value))
      found.push_back({rel, "script URL in " + name});
  }
  switch (el.tag) {
    case GUMBO_TAG_SCRIPT: {
      const char* src = attr("src");
      std::string s = src ? src : "";
      // Relative ("../assets/bvi.js") or, on 404.html, root-relative under base_url's path.
      fs::path file = !s.empty() && s.front() == '/' && s.find("/assets/") != std::string::npos
                          ? root / s.substr(s.find("/assets/") + 1)
                          : (page.parent_path() / s).lexically_normal();
      bool ours = !s.empty() && s.find("assets/") != std::string::npos && s.size() > 3 &&
                  s.compare(s.size() - 3, 3, ".js") == 0 && fs::is_regular_file(file);
      if (!ours) found.push_back({rel, "script element that is not ours"});
      break;
    }
    case GUMBO_TAG_IMG: {
      // Ours: a file of the output. cmark-gfm's safe mode leaves src="" for a script URL: inert.
      const char* src = attr("src");
      if (!src || (*src && check_files && !fs::is_regular_file((page.parent_path() / src).lexically_normal())))
        found.push_back({rel, "img element that we did not make"});
      break;
    }
    case GUMBO_TAG_FORM:  // ours: the search form, sent to our own search page
      if (!attr("id") || std::string(attr("id")) != "search-form") found.push_back({rel, "form that is not ours"});
      break;
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_STYLE:
      found.push_back({rel, std::string("element ") + gumbo_normalized_tagname(el.tag)});
      break;
    case GUMBO_TAG_META:  // ours: the Content-Security-Policy
      if (attr("http-equiv") && std::string(attr("http-equiv")) != "Content-Security-Policy")
        found.push_back({rel, "meta http-equiv"});
      break;
    default: break;
  }
  for (unsigned i = 0; i < el.children.length; ++i)
    walk(static_cast<const GumboNode*>(el.children.data[i]), page, root, found, elements, check_files);
}

std::string xml_unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool done = false;
    for (const auto& [ent, ch] : {std::pair{"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''},
                                  {"&amp;", '&'}})
      if (s.compare(i, std::strlen(ent), ent) == 0) {
        out.push_back(ch);
        i += std::strlen(ent) - 1;
        done = true;
        break;
      }
    if (!done) out.push_back(s[i]);
  }
  return out;
}

std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> parse_html(const std::string& bytes) {
  return {gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size()),
          [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); }};
}

struct Scan {
  std::size_t pages = 0, elements = 0, feed_entries = 0;
  std::vector<Finding> found;
};

Scan scan_output(const fs::path& root) {
  Scan s;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string bytes = test::read_file(e.path());
    std::string rel = e.path().lexically_relative(root).generic_string();
    auto ext = e.path().extension();
    if (ext == ".html") {
      ++s.pages;
      auto doc = parse_html(bytes);
      walk(doc->root, e.path(), root, s.found, s.elements);
    } else if (ext == ".xml" || ext == ".svg") {
      // Feeds and the sitemap: no live markup; text elements only escaped, and the HTML a feed
      // reader renders (content type="html") is checked as a page.
      for (const char* raw : {"<script", "<img", "<![CDATA["})
        if (bytes.find(raw) != std::string::npos) s.found.push_back({rel, std::string("raw ") + raw});
      for (std::size_t at = 0; (at = bytes.find("<content type=\"html\"", at)) != std::string::npos;) {
        std::size_t start = bytes.find('>', at) + 1, end = bytes.find("</content>", start);
        auto doc = parse_html(xml_unescape(std::string_view(bytes).substr(start, end - start)));
        walk(doc->root, e.path(), root, s.found, s.elements, false);
        ++s.feed_entries;
        at = end;
      }
    } else if (ext == ".js") {
      // The search index (JSON) and calendars hold the payload as plain text; it stays inert as
      // long as our scripts never turn data into markup.
      for (const char* sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"})
        if (bytes.find(sink) != std::string::npos) s.found.push_back({rel, std::string("script uses ") + sink});
    }
  }
  return s;
}

}  // namespace

TEST_CASE("html safety: hostile text in every curator field is never active in any output page", "[safety][site]") {
  std::size_t pages = 0, elements = 0;
  for (const std::string url : {"javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                "vbscript:msgbox(1)", "https://e.example/\"><script>alert(1)</script>"}) {
    INFO(url);
    test::TempDir dir, out;
    test::copy_base_site(dir.path());
    test::write_files(dir.path(), site_files(url));
    auto r = test::run_site(dir.path(), out.path() / "p");
    if (std::getenv("NASTAVNIK_KEEP")) fs::copy(out.path() / "p", std::getenv("NASTAVNIK_KEEP"), fs::copy_options::recursive);
    std::vector<std::string> errors;
    for (const auto& d : r.diagnostics)
      if (d.severity == diag::Severity::error) errors.push_back(d.pos.file + ":" + std::to_string(d.pos.line) + " " + d.code);
    for (const auto& e : errors) UNSCOPED_INFO(e);
    REQUIRE(r.outcome == pipeline::Outcome::ok);
    CHECK(test::has_code(r.diagnostics, "markup.raw-html"));
    auto s = scan_output(out.path() / "p");
    CHECK(s.pages > 15);
    CHECK(s.feed_entries == 2);
    for (const auto& f : s.found) FAIL_CHECK(f.file << ": " << f.what);
    pages += s.pages;
    elements += s.elements;
    // The payload is there, as text: it was escaped, not dropped.
    CHECK(test::read_file(out.path() / "p/novosti/pervaya/index.html").find("&lt;script&gt;alert(1)&lt;/script&gt;") !=
          std::string::npos);
  }
  // site.yaml is read before rules.severity applies: a script URL as the school's site is an error.
  for (const std::string url : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example/"}) {
    INFO(url);
    test::TempDir dir, out;
    test::copy_base_site(dir.path());
    test::write_files(dir.path(), site_files("https://e.example/", url));
    auto r = test::run_site(dir.path(), out.path() / "p");
    CHECK(r.outcome == pipeline::Outcome::content_errors);
    auto k = test::keys(r.diagnostics);
    CHECK(std::count(k.begin(), k.end(), "site.yaml:7:9 field.type") == 1);
    CHECK_FALSE(fs::exists(out.path() / "p"));
  }
  WARN("html safety: " << pages << " pages, " << elements << " elements checked");
}
