// Differential test of the Mustache engine (render/mustache*.cpp) against mstch 1.0.2, the engine
// nastavnik used before and the only place mstch is still linked. Both must give the same bytes
// for every embedded layout and for generated templates, under many contexts.
#include <catch2/catch.hpp>
#include <mstch/mstch.hpp>
#include <random>
#include <set>

#include "render/embedded_layouts.hpp"
#include "render/mustache.hpp"
#include "util/text.hpp"

using namespace nastavnik;
using Json = nlohmann::json;

namespace {

/// The old adapter's conversion, kept verbatim: it is part of the behaviour being compared.
mstch::node to_node(const Json& v) {
  switch (v.type()) {
    case Json::value_t::object: {
      mstch::map m;
      for (auto it = v.begin(); it != v.end(); ++it) m.emplace(it.key(), to_node(it.value()));
      return m;
    }
    case Json::value_t::array: {
      mstch::array a;
      for (const auto& e : v) a.push_back(to_node(e));
      return a;
    }
    case Json::value_t::string:
      return v.get_ref<const std::string&>();
    case Json::value_t::boolean:
      return v.get<bool>();
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return static_cast<int>(v.get<long long>());
    case Json::value_t::number_float:
      return v.get<double>();
    default:
      return nullptr;
  }
}

std::string with_mstch(const std::string& tmpl, const Json& ctx, const std::map<std::string, std::string>& partials) {
  static const bool configured = [] {
    mstch::config::escape = [](const std::string& s) { return util::html_escape(s); };  // as the old adapter
    return true;
  }();
  (void)configured;
  return mstch::render(tmpl, to_node(ctx), partials);
}

/// `files` as Templates wants them: "t.mustache" and "partials/<name>.mustache".
std::map<std::string, std::string> layout_files(const std::string& tmpl,
                                                const std::map<std::string, std::string>& partials) {
  std::map<std::string, std::string> files{{"t.mustache", tmpl}};
  for (const auto& [name, text] : partials) files["partials/" + name + ".mustache"] = text;
  return files;
}

void require_same(const std::string& tmpl, const Json& ctx, const std::map<std::string, std::string>& partials = {}) {
  diag::Sink sink;
  const render::Templates engine(layout_files(tmpl, partials), sink);
  std::string what = "template: " + Json(tmpl).dump();
  for (const auto& [name, text] : partials) what += "\npartial " + name + ": " + Json(text).dump();
  INFO(what << "\ncontext: " << ctx.dump());
  // JSON-quoted, so that a difference in whitespace is visible in the report.
  CHECK(Json(engine.render("t", ctx, sink)).dump() == Json(with_mstch(tmpl, ctx, partials)).dump());
}

const Json k_ctx = {
    {"a", true},
    {"b", false},
    {"s", "x <b>&amp; \"q\" 'a' /?=# ё «ёлочки» — 😀"},
    {"e", ""},
    {"z", 0},
    {"one", 1},
    {"neg", -7},
    {"f", 1.5},
    {"f0", 0.0},
    {"floats", {1e21, 100000.0, 1234567.0, 0.1, -0.0, 2.5e-7, 3.14159265}},
    {"n", nullptr},
    {"list", {{{"name", "один"}, {"x", 1}}, {{"name", "два<"}, {"x", 0}}, {{"name", ""}}}},
    {"strings", {"p", "q&", ""}},
    {"el", Json::array()},
    {"eo", Json::object()},
    {"nested", {{"x", {{"y", "deep"}, {"list", {1, 2, 3}}}}, {"b", false}}},
    {"lists", {Json::array({1, 2}), Json::array(), Json::array({"x"})}},
    {"mixed", {true, false, nullptr, 0, "", Json::object(), Json::array()}},
};

}  // namespace

TEST_CASE("mustache: tricky templates render as mstch does", "[render][mustache]") {
  const std::vector<std::string> templates = {
      "{{a}}|{{b}}|{{s}}|{{{s}}}|{{&s}}|{{ s }}|{{& s }}|{{{ s }}}|{{z}}|{{one}}|{{neg}}|{{f}}|{{f0}}|{{n}}|{{list}}|"
      "{{eo}}|{{missing}}|{{}}",
      "{{#floats}}{{.}},{{/floats}}",
      "{{#e}}E{{/e}}{{#z}}Z{{/z}}{{#f0}}F{{/f0}}{{#eo}}O{{/eo}}{{#el}}L{{/el}}{{#n}}N{{/n}}{{#missing}}M{{/missing}}"
      "{{^e}}e{{/e}}{{^z}}z{{/z}}{{^f0}}f{{/f0}}{{^eo}}o{{/eo}}{{^el}}l{{/el}}{{^n}}n{{/n}}{{^missing}}m{{/missing}}",
      "{{#list}}[{{name}}:{{x}}:{{s}}]{{/list}}",
      "{{#strings}}<{{.}}>{{/strings}}{{#strings}}{{^b}}({{.}}){{/b}}{{/strings}}",
      "{{#s}}({{.}}){{/s}}{{#nested}}{{.}}{{/nested}}{{#a}}{{.}}{{/a}}{{#one}}{{.}}{{/one}}",
      "{{nested.x.y}}{{#nested.x}}{{y}}{{/nested.x}}{{nested.q.y}}{{nested.x.y.z}}{{#nested.x.list}}{{.}}{{/"
      "nested.x.list}}",
      "{{#nested}}{{#b}}B{{/b}}{{^b}}not b{{/b}}{{a}}{{/nested}}",
      "{{#lists}}[{{#.}}{{.}}{{/.}}]{{/lists}}{{#mixed}}({{.}}){{/mixed}}",
      "{{#list}}{{#list}}{{name}}{{/list}}/{{/list}}",
      "{{#strings}}{{#eo}}({{.}}){{/eo}}{{/strings}}{{#eo}}{{#.}}dot{{/.}}{{/eo}}",
      "{{#a}}{{#a}}x{{/a}}{{/a}}",
      "{{^el}}\n  nothing\n{{/el}}\n",
      "a\n  {{#a}}\n  b\n  {{/a}}\nc\n",
      "a\n  {{#b}}\n  b\n  {{/b}}\nc\n",
      "#{{#a}}\n/\n  {{/a}}",
      "{{#a}} {{/a}}  \nx",
      "\t{{#a}}\t\nx\n\t{{/a}}",
      "x\r\n  {{#a}}\r\ny\r\n  {{/a}}\r\n",
      "{{! comment }}\n  {{! c2 }}  \nx\n{{!\n multi\n line\n}}\ny{{!x}}z\n",
      "  {{#list}}{{name}}{{/list}}  \n",
      "  {{#list}}{{/list}}  \n|",
      "{{=<% %>=}}<%s%> {{s}} <%={{ }}=%>{{s}}",
      "{{=| |=}}|s| |{s}| |&s|\n|={{ }}=|{{{s}}}",
      "{{= | | =}}\n|#a|\n|s|\n|/a|\n",
      "{{#a}}{{/a}}",
      "\n{{#a}}\n\n{{/a}}\n",
      "no tags at all\n",
      "",
      "{{s}}",
      "text {{s}} text\n{{#list}}\n- {{name}}\n{{/list}}\nend",
  };
  for (const auto& t : templates) require_same(t, k_ctx);
}

TEST_CASE("mustache: partials and their indentation render as mstch does", "[render][mustache]") {
  const std::map<std::string, std::string> p = {
      {"sec", "{{#a}}\nx\n{{/a}}\n"},
      {"nosec", "{{#b}}\nx\n{{/b}}\n"},
      {"lines", "l1\n{{> q}}\nl2\n  {{> q}}\n"},
      {"q", "q1\nq2\n"},
      {"open", "{{#a}}\n  {{#s}}\n{{.}}\n  {{/s}}\n{{/a}}\nend"},
      {"card", "<article>\n  <h3>{{name}}</h3>\n  {{> tags}}\n</article>\n"},
      {"tags", "{{#list}}\n<ul>\n  {{#name}}<li>{{name}}</li>{{/name}}\n</ul>\n{{/list}}\n"},
      {"noeol", "a\nb"},
      {"empty", ""},
      {"only", "{{s}}"},
  };
  const std::vector<std::string> templates = {
      "a\n  {{> sec}}\nb\n",
      "a\n  {{> nosec}}\nb\n",
      "a\n  {{> lines}}\nb\n",
      "<\n  {{> open}}\n>\n",
      "x {{> noeol}}\n",
      "  {{> noeol}} \n",
      "{{#a}}\n  {{> noeol}}\n{{/a}}\n",
      "  {{#list}}{{> card}}{{/list}}\nb\n",
      "<div>\n  {{#list}}\n    {{> card}}\n  {{/list}}\n</div>\n",
      "\t{{> q}}\r\n{{> q}}{{> q}}\n  {{> empty}}\n  {{> only}}\n",
      "{{> missing}}|{{>q}}|{{> q }}",
      "  {{> q}}",
  };
  for (const auto& t : templates) require_same(t, k_ctx, p);
}

// ---- generated templates -------------------------------------------------------------------

namespace {

const std::vector<std::string> k_names = {"a",         "b",       "s",        "e",          "z", "f",
                                          "list",      "nested",  "nested.x", "nested.x.y", ".", "missing",
                                          "missing.x", "strings", "el",       "n"};

/// A random well-formed template: balanced sections, known names, partials p1/p2 (p2 includes
/// none, so nothing recurses), whitespace and line breaks around tags, a delimiter change now and
/// then.
class Generator {
 public:
  explicit Generator(unsigned seed) : m_rng(seed) {}

  std::string tmpl(int depth, bool partials) {
    std::string out;
    const int n = pick(1, 8);
    for (int i = 0; i < n; ++i) out += piece(depth, partials);
    return out;
  }

 private:
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
  const std::string& name() { return k_names[pick(0, static_cast<int>(k_names.size()) - 1)]; }

  std::string ws() {
    static const std::vector<std::string> k = {"", "", " ", "  ", "\t", "\n", "\r\n", " \n", "\n  "};
    return k[pick(0, static_cast<int>(k.size()) - 1)];
  }

  std::string piece(int depth, bool partials) {
    switch (pick(0, 11)) {
      case 0:
        return "text";
      case 1:
        return ws() + "<p>" + ws();
      case 2:
        return "{{" + name() + "}}";
      case 3:
        return pick(0, 1) ? "{{{" + name() + "}}}" : "{{& " + name() + " }}";
      case 4:
        return ws() + "{{! note " + name() + "}}" + ws();
      case 5:
      case 6:
      case 7: {
        if (depth >= 3) return "{{" + name() + "}}";
        const std::string& n = name();
        const char sigil = pick(0, 2) ? '#' : '^';
        return ws() + "{{" + sigil + n + "}}" + ws() + tmpl(depth + 1, partials) + ws() + "{{/" + n + "}}" + ws();
      }
      case 8:
        if (!partials) return "\n";
        return ws() + "{{> " + (pick(0, 1) ? "p1" : "p2") + "}}" + ws();
      case 9: {
        const std::string n = name();
        return "\n" + ws() + "{{#" + n + "}}\n" + ws() + "{{" + name() + "}}\n" + ws() + "{{/" + n + "}}\n";
      }
      case 10:
        // {{#a}} … {{/a}} with a delimiter change inside and back.
        return "{{=<% %>=}}" + ws() + "<%#a%>" + ws() + "<%" + name() + "%><%={{ }}=%>" + ws() + "{{/a}}";
      default:
        return "\n";
    }
  }

  std::mt19937 m_rng;
};

/// A random context over the same names.
Json random_value(std::mt19937& rng, int depth);

Json random_object(std::mt19937& rng, int depth) {
  Json o = Json::object();
  for (const char* n : {"a", "b", "s", "e", "z", "f", "list", "nested", "x", "y", "strings", "el", "n"})
    if (std::uniform_int_distribution<int>(0, 2)(rng) != 0) o[n] = random_value(rng, depth + 1);
  return o;
}

Json random_value(std::mt19937& rng, int depth) {
  switch (std::uniform_int_distribution<int>(0, depth >= 3 ? 8 : 11)(rng)) {
    case 0:
      return true;
    case 1:
      return false;
    case 2:
      return "v<&>\"'ё";
    case 3:
      return "";
    case 4:
      return 0;
    case 5:
      return 42;
    case 6:
      return 2.5;
    case 7:
      return nullptr;
    case 8:
      return Json::array();
    case 9:
    case 10: {
      Json a = Json::array();
      for (int i = std::uniform_int_distribution<int>(1, 3)(rng); i > 0; --i) a.push_back(random_value(rng, depth + 1));
      return a;
    }
    default:
      return random_object(rng, depth);
  }
}

}  // namespace

TEST_CASE("mustache: generated templates render as mstch does", "[render][mustache]") {
  for (unsigned seed = 1; seed <= 1500; ++seed) {
    Generator gen(seed);
    const std::map<std::string, std::string> partials = {{"p1", gen.tmpl(1, false) + "{{> p2}}\n" + gen.tmpl(1, false)},
                                                         {"p2", gen.tmpl(1, false)}};
    const std::string t = gen.tmpl(0, true);
    std::mt19937 rng(seed);
    for (int i = 0; i < 3; ++i) {
      INFO("seed " << seed << " context " << i);
      require_same(t, random_object(rng, 0), partials);
    }
  }
}

// ---- the embedded layouts ------------------------------------------------------------------

namespace {

/// Every name used in `text` (variables and sections), split at dots.
void collect_names(std::string_view text, std::set<std::string>& out) {
  for (std::size_t i = text.find("{{"); i != std::string_view::npos; i = text.find("{{", i + 2)) {
    const std::size_t close = text.find("}}", i + 2);
    if (close == std::string_view::npos) break;
    std::string_view tag = text.substr(i + 2, close - i - 2);
    while (!tag.empty() && std::string_view("{&#^/ ").find(tag.front()) != std::string_view::npos) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '}')) tag.remove_suffix(1);
    if (tag.empty() || tag.front() == '!' || tag.front() == '>' || tag.front() == '=') continue;
    std::size_t from = 0;
    for (std::size_t dot = tag.find('.');; dot = tag.find('.', from)) {
      out.emplace(tag.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from));
      if (dot == std::string_view::npos) break;
      from = dot + 1;
    }
  }
}

/// A context that gives every name a value of a random kind (`mode` 0), a true one (1) or a
/// false one (2). Lists and objects hold the same names again, fewer of them deeper down.
Json layout_context(const std::vector<std::string>& names, std::mt19937& rng, int mode, int depth) {
  auto roll = [&](int hi) { return std::uniform_int_distribution<int>(0, hi)(rng); };
  Json o = Json::object();
  for (const auto& n : names) {
    if (depth > 0 && mode == 0 && roll(2) != 0) continue;
    int kind = mode == 1 ? 3 : mode == 2 ? 0 : roll(3);
    if (mode == 0 && (depth == 0 ? roll(6) >= 4 : depth == 1 && roll(7) == 0)) kind = 4 + roll(1);
    switch (kind) {
      case 0:
        o[n] = roll(1) ? Json(false) : Json("");
        break;
      case 1:
        o[n] = true;
        break;
      case 2:
        o[n] = "«" + n + "» <&> \"'";
        break;
      case 3:
        o[n] = roll(1) ? Json(3) : Json("значение " + n);
        break;
      case 4: {
        Json a = Json::array();
        for (int i = roll(2); i > 0; --i) a.push_back(layout_context(names, rng, mode, depth + 1));
        o[n] = a;
        break;
      }
      default:
        o[n] = layout_context(names, rng, mode, depth + 1);
    }
  }
  return o;
}

}  // namespace

TEST_CASE("mustache: every embedded layout renders as mstch does", "[render][mustache]") {
  std::map<std::string, std::string> partials;
  std::map<std::string, std::string> templates;
  std::set<std::string> name_set;
  for (const auto& f : render::embedded_layouts()) {
    const std::string path(f.path);
    if (path.size() < 9 || path.compare(path.size() - 9, 9, ".mustache") != 0) continue;
    collect_names(f.bytes, name_set);
    if (path.rfind("partials/", 0) == 0)
      partials[path.substr(9, path.size() - 18)] = std::string(f.bytes);
    else
      templates[path.substr(0, path.size() - 9)] = std::string(f.bytes);
  }
  REQUIRE(templates.count("base"));
  REQUIRE(partials.size() >= 10);
  const std::vector<std::string> names(name_set.begin(), name_set.end());

  std::map<std::string, std::string> files;
  for (const auto& [n, t] : templates) files[n + ".mustache"] = t;
  for (const auto& [n, t] : partials) files["partials/" + n + ".mustache"] = t;
  diag::Sink sink;
  const render::Templates engine(files, sink);
  CHECK(sink.sorted().empty());

  std::mt19937 rng(2026);
  for (int mode = 0; mode < 3; ++mode) {
    for (int round = 0; round < (mode == 0 ? 6 : 1); ++round) {
      const Json ctx = layout_context(names, rng, mode, 0);
      for (const auto& [name, text] : templates) {
        INFO("layout " << name << ", mode " << mode << ", round " << round);
        const std::string ours = engine.render(name, ctx, sink);
        CHECK(ours == with_mstch(text, ctx, partials));
      }
    }
  }
  CHECK(sink.sorted().empty());
}
