#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

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

TEST_CASE("simple front matter read without yaml-cpp gives yaml-cpp's tree, on random documents", "[content][yaml]") {
  // Lines of every kind: what the fast way reads, and what it must leave to yaml-cpp.
  const std::vector<std::string> keys = {"title", "date", "tags", "summary", "image_alt", "x-y", "1a", "draft", "null",
                                         "Заголовок", "a:b", "-k", "k ", "title"};
  const std::vector<std::string> values = {
      "Встреча наставников", "2024-09-15", "Ученик помогает ученику.", "a  b", "(план) + итог = 100", "5;6$",
      "Вопрос, ответ", "«Школа» — № 6", "true", "null", "~", "Null", "10:00", "a # b", "a#b", "-x", "'x'", "x'y",
      "\"Новость\"", "\"a # b: c, d\"", "\"\"", "\" пробелы \"", "\"a\\\"b\"", "\"a\\nb\"", "\"a\" b", "\"a",
      "[]", "[ ]", "[a, b]", "[ результат , мониторинг ]", "[\"a\", b]", "[\"a, b\"]", "[a,]", "[a, [b]]", "[a b, c]",
      "[null]", "{a: b}", "&x a", "*x", "!tag a", "|", ">", "a\tb", "", "   ", "\xc2\xa0" "a", "a\xc2\x85" "b",
      "\xef\xbb\xbf" "a", "Ё", "x=1", "a/b.c_d", "é"};
  const std::vector<std::string> other_lines = {"", "   ", "# комментарий", "#x: y", "  - item", "---", "...", "  key: v",
                                                "key:", "key:value", "- a", "%YAML 1.2", "\t", "key:\tv"};
  // Half the documents from the pieces the fast way reads (keys once each), so that it is
  // exercised on many; the other half from every piece.
  const std::vector<std::string> good_keys = {"title", "date", "tags", "summary", "image_alt", "x-y", "1a", "Заголовок"};
  const std::vector<std::string> good_values = {
      "Встреча наставников", "2024-09-15", "Ученик помогает ученику.", "a  b", "(план) + итог = 100", "5;6$",
      "Вопрос, ответ", "«Школа» — № 6", "true", "\"Новость\"", "\"a # b: c, d\"", "\"\"", "\" пробелы \"", "[]",
      "[ ]", "[a, b]", "[ результат , мониторинг ]", "[\"a\", b]", "[a b, c]", "Ё", "x=1", "a/b.c_d", "é"};
  const std::vector<std::string> good_lines = {"", "   ", "# комментарий", "#x: y"};
  std::mt19937 rng(20261123);
  std::size_t fast = 0, total = 0;
  for (int round = 0; round < 30000; ++round) {
    const bool good = round % 2 == 0;
    const auto& ks = good ? good_keys : keys;
    const auto& vs = good ? good_values : values;
    const auto& ls = good ? good_lines : other_lines;
    std::string doc;
    std::vector<std::string> order = ks;
    std::shuffle(order.begin(), order.end(), rng);
    const int lines = 1 + static_cast<int>(rng() % 6);
    for (int l = 0; l < lines; ++l) {
      if (rng() % 8 == 0) {
        doc += ls[rng() % ls.size()];
      } else {
        doc += good ? order[static_cast<std::size_t>(l) % order.size()] : ks[rng() % ks.size()];
        doc += rng() % 10 == 0 ? ":   " : ": ";
        doc += vs[rng() % vs.size()];
        if (rng() % 10 == 0) doc += "  ";
      }
      if (l + 1 < lines || rng() % 2) doc += '\n';
    }
    ++total;
    INFO(doc);
    auto simple = content::parse_simple_yaml(doc, "content/news/a.md", 2);
    if (!simple) continue;
    ++fast;
    diag::Sink sink;
    auto full = content::parse_yaml_full(doc, "content/news/a.md", 2, sink);
    REQUIRE(full);
    REQUIRE(content::same_yaml(*simple, *full));
  }
  // The random documents must exercise the fast way, not only the way around it.
  CHECK(fast > total / 5);
  // And the demo site's kind of front matter is read the fast way.
  CHECK(content::parse_simple_yaml("title: \"Старт программы «Учитель — учитель»\"\ndate: 2025-09-01\n"
                                   "tags: [адаптация, педагоги]\nsummary: Наставники и молодые педагоги.\n",
                                   "a.md", 2));
}
