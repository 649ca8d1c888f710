// The Mustache engine's own behaviour: diagnostics for broken templates (never a crash), the
// limits on recursion, the places where it departs from mstch on purpose, thread safety.
// Sameness with mstch on valid templates is mustache_diff_test.cpp.
#include "render/mustache.hpp"

#include <catch2/catch.hpp>
#include <thread>

using namespace nastavnik;
using Json = nlohmann::json;

namespace {

struct Rendered {
  std::string out;
  std::vector<diag::Diagnostic> diags;
};

/// Loads "t" (and partials "name" → text) and renders "t" with `ctx`.
Rendered run(const std::string& tmpl, const std::map<std::string, std::string>& partials = {},
             const Json& ctx = Json::object()) {
  std::map<std::string, std::string> files{{"t.mustache", tmpl}};
  for (const auto& [name, text] : partials) files["partials/" + name + ".mustache"] = text;
  diag::Sink sink;
  const render::Templates t(files, sink);
  Rendered r;
  r.out = t.render("t", ctx, sink);
  r.diags = sink.sorted();
  return r;
}

/// The one template.error of `r` whose message contains `text`, at `file`:`line`.
bool has(const Rendered& r, const std::string& file, int line, const std::string& text) {
  for (const auto& d : r.diags)
    if (d.code == "template.error" && d.pos.file == file && d.pos.line == line &&
        d.message.find(text) != std::string::npos)
      return true;
  return false;
}

std::string describe(const Rendered& r) {
  std::string s = "output: " + Json(r.out).dump();
  for (const auto& d : r.diags) s += "\n" + d.pos.file + ":" + std::to_string(d.pos.line) + ": " + d.message;
  return s;
}

}  // namespace

TEST_CASE("mustache: an unclosed section is reported at its line", "[render][mustache]") {
  auto r = run("a\n{{#x}}\nb\n{{> nope}}\n", {}, {{"x", true}});
  INFO(describe(r));
  CHECK(has(r, "layouts/t.mustache", 2, "секция «{{#x}}» не закрыта"));
  CHECK(has(r, "layouts/t.mustache", 4, "подключаемый шаблон «nope» не найден"));  // still checked
  CHECK(r.out == "a\n");  // as mstch: the unclosed section swallows the rest
}

TEST_CASE("mustache: crossed and stray close tags are reported", "[render][mustache]") {
  auto r = run("{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}\nx{{/c}}\n", {}, {{"a", true}, {"b", true}});
  INFO(describe(r));
  CHECK(has(r, "layouts/t.mustache", 3, "закрывает секцию «b», открытую в строке 2"));
  CHECK(has(r, "layouts/t.mustache", 4, "закрывает секцию «a», открытую в строке 1"));
  CHECK(has(r, "layouts/t.mustache", 5, "«{{/c}}» без открывающего"));
}

TEST_CASE("mustache: an unclosed tag is reported and left as text", "[render][mustache]") {
  auto r = run("a\nb {{c\n", {}, {{"c", "x"}});
  INFO(describe(r));
  CHECK(has(r, "layouts/t.mustache", 2, "незакрытый тег «{{»"));
  CHECK(r.out == "a\nb {{c\n");
}

TEST_CASE("mustache: an unknown partial is reported and renders nothing", "[render][mustache]") {
  auto r = run("a\n{{> nope}}b\n");
  INFO(describe(r));
  CHECK(has(r, "layouts/t.mustache", 2, "подключаемый шаблон «nope» не найден"));
  CHECK(r.out == "a\nb\n");
}

TEST_CASE("mustache: a partial that includes itself is a diagnostic, not a stack overflow", "[render][mustache]") {
  SECTION("directly") {
    auto r = run("{{> loop}}", {{"loop", "x\n{{> loop}}\n"}});
    INFO(describe(r));
    CHECK(has(r, "layouts/partials/loop.mustache", 2, "«loop» подключает сам себя"));
    CHECK(r.out == "x\n");  // the inclusion that closes the circle is cut
  }
  SECTION("through another partial") {
    auto r = run("{{> a}}", {{"a", "a{{> b}}"}, {"b", "b{{> a}}"}});
    INFO(describe(r));
    CHECK(has(r, "layouts/partials/b.mustache", 1, "по кругу: «a» → «b» → «a»"));
    CHECK(r.out == "ab");
  }
  SECTION("through its data: stopped at the depth limit") {
    // Inside {{#children}} the lookup of `children` climbs to the parent when a child has none:
    // valid Mustache that never ends.
    const Json ctx = {{"children", {{{"name", "a"}}}}};
    auto r = run("<{{> tree}}>", {{"tree", "{{#children}}{{name}}{{> tree}}{{/children}}"}}, ctx);
    INFO(describe(r));
    CHECK(r.out.empty());
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].pos.file == "layouts/partials/tree.mustache");
    CHECK(r.diags[0].message.find("глубже 200") != std::string::npos);
  }
  SECTION("a recursion that ends with its data is fine") {
    const Json ctx = {{"children", {{{"name", "a"}, {"children", {{{"name", "b"}, {"children", Json::array()}}}}}}}};
    auto r = run("<{{> tree}}>", {{"tree", "{{#children}}({{name}}{{> tree}}){{/children}}"}}, ctx);
    INFO(describe(r));
    CHECK(r.diags.empty());
    CHECK(r.out == "<(a(b))>");
  }
}

TEST_CASE("mustache: the depth limit is reported once per template, not once per page", "[render][mustache]") {
  diag::Sink sink;
  const render::Templates t({{"t.mustache", "{{> tree}}"}, {"partials/tree.mustache", "{{#c}}{{> tree}}{{/c}}"}}, sink);
  const Json ctx = {{"c", true}};
  for (int i = 0; i < 5; ++i) CHECK(t.render("t", ctx, sink).empty());
  CHECK(sink.errors() == 1);
}

TEST_CASE("mustache: sections nested too deep are a diagnostic", "[render][mustache]") {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "{{#a}}";
  deep += "x";
  for (int i = 0; i < 300; ++i) deep += "{{/a}}";
  auto r = run(deep, {}, {{"a", true}});
  CHECK(has(r, "layouts/t.mustache", 1, "глубже 200"));
}

TEST_CASE("mustache: tags with an empty name", "[render][mustache]") {
  // mstch throws std::length_error on these (it builds the name from a reversed range).
  auto r = run("a{{ }}b\n{{# }}c{{/ }}\n{{>  }}\n");
  INFO(describe(r));
  CHECK(has(r, "layouts/t.mustache", 1, "пустое имя в теге «{{ }}»"));
  CHECK(has(r, "layouts/t.mustache", 2, "пустое имя в теге «{{# }}»"));
  CHECK(has(r, "layouts/t.mustache", 3, "пустое имя в теге «{{>  }}»"));
  // …except a comment, which mstch also throws on: nothing of its text is used.
  auto c = run("a{{! }}b{{!}}c");
  INFO(describe(c));
  CHECK(c.diags.empty());
  CHECK(c.out == "abc");
  // {{}} is fine in mstch too: an empty name, found nowhere.
  CHECK(run("a{{}}b").out == "ab");
}

TEST_CASE("mustache: a delimiter change needs two delimiters", "[render][mustache]") {
  auto r = run("{{=<%%>=}}\n{{x}}", {}, {{"x", 1}});
  INFO(describe(r));
  CHECK(has(r, "layouts/t.mustache", 1, "неверная смена разделителей"));
  CHECK(r.out == "1");  // the delimiters stay {{ }}
  CHECK(run("{{=<% %>=}}<%x%>{{x}}<%={{ }}=%>{{x}}", {}, {{"x", 1}}).out == "1{{x}}1");
}

TEST_CASE("mustache: values render as through the old JSON → mstch conversion", "[render][mustache]") {
  const Json ctx = {{"i", 42},       {"u", 7u}, {"d", 0.5}, {"t", true}, {"f", false}, {"big", 4294967297LL},
                    {"s", "<&>\"'/"}};
  CHECK(run("{{i}} {{u}} {{d}} {{t}} {{f}} {{s}} {{{s}}}", {}, ctx).out ==
        "42 7 0.5 true false &lt;&amp;&gt;&quot;&#39;/ <&>\"'/");
  // Integers went through static_cast<int>: 2^32 + 1 renders as 1 (kept for identical output).
  CHECK(run("{{big}}", {}, ctx).out == "1");
}

TEST_CASE("mustache: a missing template is a diagnostic", "[render][mustache]") {
  diag::Sink sink;
  const render::Templates t({{"t.mustache", "x"}}, sink);
  CHECK(t.has("t"));
  CHECK_FALSE(t.has("u"));
  CHECK(t.render("u", Json::object(), sink).empty());
  REQUIRE(sink.sorted().size() == 1);
  CHECK(sink.sorted()[0].pos.file == "layouts/u.mustache");
}

TEST_CASE("mustache: rendering from 4 threads at once gives the same bytes", "[render][mustache]") {
  diag::Sink sink;
  const render::Templates t(
      {{"t.mustache", "<h1>{{title}}</h1>\n{{#items}}\n  {{> item}}\n{{/items}}\n{{^items}}пусто{{/items}}\n"},
       {"partials/item.mustache", "<li>{{name}} {{#tags}}[{{.}}]{{/tags}}</li>\n"}},
      sink);
  REQUIRE(sink.sorted().empty());
  std::vector<Json> contexts;
  for (int i = 0; i < 8; ++i) {
    Json items = Json::array();
    for (int k = 0; k < i * 30; ++k) items.push_back({{"name", "n" + std::to_string(k) + "<&>"}, {"tags", {"a", k}}});
    contexts.push_back({{"title", "страница " + std::to_string(i)}, {"items", items}});
  }
  std::vector<std::string> expected;
  for (const auto& c : contexts) expected.push_back(t.render("t", c, sink));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int th = 0; th < 4; ++th)
    threads.emplace_back([&, th] {
      for (int round = 0; round < 300; ++round) {
        const std::size_t i = static_cast<std::size_t>(round * 7 + th) % contexts.size();
        if (t.render("t", contexts[i], sink) != expected[i]) ++mismatches;
      }
    });
  for (auto& th : threads) th.join();
  CHECK(mismatches == 0);
  CHECK(sink.sorted().empty());
  CHECK(expected[0] == "<h1>страница 0</h1>\nпусто\n");
  CHECK(expected[1].find("  <li>n29&lt;&amp;&gt; [a][29]</li>\n") != std::string::npos);
}
