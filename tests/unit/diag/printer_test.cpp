#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "diag/printer.hpp"
#include "diag/sink.hpp"

using namespace nastavnik::diag;

TEST_CASE("text form matches SPEC", "[diag]") {
  std::vector<Diagnostic> items = {{Severity::error, "form.unknown", "неизвестная форма наставничества «учитель – учитеь»",
                                    "возможно, имелось в виду «учитель – учитель»", {"content/practices/keys-1.md", 4, 7}}};
  TextStyle style;
  style.source_lines = false;
  CHECK(format_text(items, style) ==
        "content/practices/keys-1.md:4:7: ошибка [form.unknown]: неизвестная форма наставничества «учитель – учитеь»\n"
        "  подсказка: возможно, имелось в виду «учитель – учитель»\n");
}

TEST_CASE("JSON form matches SPEC", "[diag]") {
  std::vector<Diagnostic> items = {{Severity::warning, "field.unknown", "м", "п", {"a.md", 2, 1}},
                                   {Severity::error, "regulation.missing", "нет", "", {"content/polozhenie.md", 0, 0}}};
  auto j = nlohmann::json::parse(format_json(items));
  CHECK(j["errors"] == 1);
  CHECK(j["warnings"] == 1);
  REQUIRE(j["diagnostics"].size() == 2);
  auto d = j["diagnostics"][0];
  CHECK(d["file"] == "a.md");
  CHECK(d["line"] == 2);
  CHECK(d["column"] == 1);
  CHECK(d["severity"] == "warning");
  CHECK(d["code"] == "field.unknown");
  CHECK(d["message"] == "м");
  CHECK(d["hint"] == "п");
  CHECK(j["diagnostics"][1]["line"] == 0);
}

TEST_CASE("the sink sorts by file and line, drops duplicates and applies severities", "[diag]") {
  Sink sink;
  sink.set_overrides({{"roadmap.overdue", Severity::off}, {"field.unknown", Severity::error}});
  sink.report("link.broken", {"b.md", 3, 1}, "x");
  sink.report("link.broken", {"a.md", 9, 2}, "y");
  sink.report("link.broken", {"a.md", 9, 2}, "y");
  sink.report("roadmap.overdue", {"content/roadmap.yaml", 5, 3}, "z");
  sink.report("field.unknown", {"a.md", 1, 1}, "w");
  auto items = sink.sorted();
  REQUIRE(items.size() == 3);
  CHECK(items[0].pos.line == 1);
  CHECK(items[0].severity == Severity::error);
  CHECK(items[1].pos.file == "a.md");
  CHECK(items[2].pos.file == "b.md");
  CHECK(sink.errors() == 3);
  CHECK(sink.warnings() == 0);
}

TEST_CASE("severity names parse, including bare off", "[diag]") {
  Severity s;
  CHECK(parse_severity("off", s));
  CHECK(s == Severity::off);
  CHECK(parse_severity("false", s));
  CHECK(s == Severity::off);
  CHECK(parse_severity("warning", s));
  CHECK(s == Severity::warning);
  CHECK_FALSE(parse_severity("loud", s));
}
