#include <catch2/catch.hpp>

#include "render/html_fixups.hpp"

using namespace nastavnik::render;

TEST_CASE("body headings are demoted below the page's h1", "[render]") {
  CHECK(demote_headings("<h1 id=\"a\">A</h1><p>x</p><h2>B</h2><h6>C</h6>") ==
        "<h2 id=\"a\">A</h2><p>x</p><h3>B</h3><h6>C</h6>");
  CHECK(demote_headings("<h2>B</h2><h3>C</h3>") == "<h2>B</h2><h3>C</h3>");
  CHECK(demote_headings("<p>no headings, <hr> <header></p>") == "<p>no headings, <hr> <header></p>");
  CHECK(demote_headings("<h2>x</h2>", 3) == "<h3>x</h3>");
}

TEST_CASE("obsolete align attributes become classes", "[render]") {
  CHECK(replace_align("<th align=\"center\">a</th><td align=\"right\">1</td>") ==
        "<th class=\"align-center\">a</th><td class=\"align-right\">1</td>");
  CHECK(body_html("<h1>T</h1><td align=\"left\">") == "<h2>T</h2><td class=\"align-left\">");
}

TEST_CASE("phone numbers become tel: URIs", "[render]") {
  CHECK(tel_href("+7 (4212) 55-17-17") == "tel:+74212551717");
  CHECK(tel_href("8 800 100-00-00 доб. 12") == "tel:8800100000012");
}

TEST_CASE("typography on a rendered page: text nodes only", "[render]") {
  const std::string nb = "\u00a0";
  CHECK(typograph_html("<p class=\"a b\" title=\"в доме\">Дом в лесу</p>") ==
        "<p class=\"a b\" title=\"в доме\">Дом в" + nb + "лесу</p>");
  CHECK(typograph_html("<code>в \"x\"</code><p>&quot;Да&quot; - нет &amp; в</p>") ==
        "<code>в \"x\"</code><p>«Да»" + nb + "— нет &amp; в</p>");
  CHECK(typograph_html("<head><title>в доме</title></head><svg><text>в доме</text></svg><!-- в доме -->") ==
        "<head><title>в доме</title></head><svg><text>в доме</text></svg><!-- в доме -->");
  // A '>' left bare in text comes out as &gt;, with or without an entity beside it.
  CHECK(typograph_html("<p>a > b в доме</p><p>x > y &amp; z</p>") ==
        "<p>a &gt; b в" + nb + "доме</p><p>x &gt; y &amp; z</p>");
  const std::string once = typograph_html("<p>Он сказал: \"в 2024 г. - всё\"</p>");
  CHECK(typograph_html(once) == once);
  // Every tag whose content stays as written, and tags that only look like them.
  for (const std::string tag : {"head", "script", "style", "code", "pre", "kbd", "samp", "textarea", "svg"}) {
    const std::string raw = "<" + tag + ">в \"x\" - y</" + tag + "><p>в доме</p>";
    CHECK(typograph_html(raw) == "<" + tag + ">в \"x\" - y</" + tag + "><p>в" + nb + "доме</p>");
  }
  for (const std::string tag : {"p", "span", "section", "strong", "caption", "table", "header", "sup", "preview", "s"})
    CHECK(typograph_html("<" + tag + ">в \"x\"</" + tag + ">") == "<" + tag + ">в" + nb + "«x»</" + tag + ">");
  CHECK(typograph_html("<!--") == "<!--");
  CHECK(typograph_html("<!-") == "<!-");
}

TEST_CASE("task-list checkboxes get an accessible name", "[render]") {
  CHECK(body_html("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> a</li>"
                  "<li><input type=\"checkbox\" disabled=\"\" /> b</li>") ==
        "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"выполнено\" /> a</li>"
        "<li><input type=\"checkbox\" disabled=\"\" aria-label=\"не выполнено\" /> b</li>");
}

TEST_CASE("tables go into keyboard-scrollable regions", "[render]") {
  CHECK(wrap_tables("<p>a</p><table><tr><td>1</td></tr></table><table></table>") ==
        "<p>a</p><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Таблица 1\"><table><tr><td>1</td></tr></table></div>"
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Таблица 2\"><table></table></div>");
}
