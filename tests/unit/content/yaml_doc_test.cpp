#include <catch2/catch.hpp>

#include "content/yaml_doc.hpp"

using namespace nastavnik;
using content::parse_yaml;
using content::YNode;

TEST_CASE("YAML positions are file-absolute, 1-based and count characters", "[content][yaml]") {
  diag::Sink sink;
  // The YAML block starts on line 2 of its file, as front matter does.
  auto doc = parse_yaml("title: \"Новость\"\nдата: 2024-09-15\nlist:\n  - один\n  - два\n", "a.md", 2, sink);
  REQUIRE(doc);
  REQUIRE(doc->is_map());
  const YNode* title = doc->get("title");
  REQUIRE(title);
  CHECK(title->pos.line == 2);
  CHECK(title->pos.column == 8);
  CHECK(title->quoted);
  CHECK(title->scalar == "Новость");
  const auto& [key, value] = doc->entries[1];
  CHECK(key.scalar == "дата");
  CHECK(value.pos.line == 3);
  CHECK(value.pos.column == 7);  // «дата: » is 6 characters (10 bytes)
  CHECK_FALSE(value.quoted);
  const YNode* list = doc->get("list");
  REQUIRE(list);
  REQUIRE(list->is_seq());
  CHECK(list->items[1].pos.line == 6);
  CHECK(list->items[1].pos.column == 5);
  CHECK(sink.sorted().empty());
}

TEST_CASE("a YAML syntax error becomes yaml.syntax at the right line", "[content][yaml]") {
  diag::Sink sink;
  auto doc = parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "data.yaml", 1, sink);
  CHECK_FALSE(doc);
  auto items = sink.sorted();
  REQUIRE(items.size() == 1);
  CHECK(items[0].code == "yaml.syntax");
  CHECK(items[0].pos.file == "data.yaml");
  CHECK(items[0].pos.line >= 2);
  CHECK(items[0].message.find("скоб") != std::string::npos);
}

TEST_CASE("tabs in indentation are a Russian yaml.syntax", "[content][yaml]") {
  diag::Sink sink;
  CHECK_FALSE(parse_yaml("a:\n\t- x\n", "t.yaml", 1, sink));
  REQUIRE(sink.errors() == 1);
  CHECK(sink.sorted()[0].code == "yaml.syntax");
}

TEST_CASE("an alias bomb is refused within bounded work", "[content][yaml]") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c)
    bomb += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  diag::Sink sink;
  CHECK_FALSE(parse_yaml(bomb, "bomb.yaml", 1, sink));
  REQUIRE(sink.errors() == 1);
  CHECK(sink.sorted()[0].message.find("слишком") != std::string::npos);
}

TEST_CASE("null, empty documents and quoted null", "[content][yaml]") {
  diag::Sink sink;
  auto empty = parse_yaml("", "e.yaml", 1, sink);
  REQUIRE(empty);
  CHECK(empty->is_null());
  auto doc = parse_yaml("a: ~\nb: \"null\"\nc:\n", "n.yaml", 1, sink);
  REQUIRE(doc);
  CHECK(doc->get("a")->is_null());
  CHECK(doc->get("b")->is_scalar());
  CHECK(doc->get("c")->is_null());
}
