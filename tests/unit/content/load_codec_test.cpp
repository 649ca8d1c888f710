// The parse cache's entry encoding (content/load_codec.cpp): every field of an entry comes back
// as written, a damaged or foreign entry never comes back, and encoding stays linear.
#include <catch2/catch.hpp>

#include "content/load_codec.hpp"
#include "support/load_entries.hpp"
#include "support/site_builder.hpp"

// A namespace of its own: this folder compiles as one unity batch, and a using-directive at
// file scope would reach the next file's names.
namespace load_codec_test {

namespace fs = std::filesystem;
using namespace nastavnik;
using test::at;
using test::entries_of_every_kind;
using test::news_entry;

TEST_CASE("load store: an entry of every kind reads back with every field", "[content][load-store]") {
  for (const auto& e : entries_of_every_kind()) {
    const std::string bytes = content::encode_source(e);
    auto back = content::decode_source(bytes);
    REQUIRE(back);
    CHECK(content::encode_source(*back) == bytes);
    CHECK(back->page.index() == e.page.index());
    CHECK(back->key == e.key);
    CHECK(back->ok == e.ok);
    CHECK(back->body.has_value() == e.body.has_value());
    CHECK_FALSE(back->text);  // derived from the source again, never stored
  }
  // Spot checks that the fields land where they belong (a symmetric mistake would round-trip).
  auto all = entries_of_every_kind();
  auto news = content::decode_source(content::encode_source(all[4]));
  REQUIRE(news);
  const auto& n = std::get<model::NewsItem>(news->page);
  CHECK(n.title == "Заголовок");
  CHECK(n.image_alt == "описание");
  CHECK(n.draft);
  CHECK(n.event->place == "актовый зал");
  CHECK(n.pos.of("title").line == 2);
  CHECK(n.pos.key("title").line == 3);
  CHECK(news->body->links[0].href == "../../novosti/b/");
  CHECK_FALSE(news->body->links[1].href);
  CHECK(news->body->body.headings[1].withheld);
  CHECK(news->body->diags[1].code == "code.3");
  CHECK(news->diags[0].severity == diag::Severity::warning);
  CHECK_FALSE(news->body->lent);
}

TEST_CASE("load store: positions take the caller's name of the source only when it is the stored one",
          "[content][load-store]") {
  auto all = entries_of_every_kind();
  const std::string bytes = content::encode_source(all[4]);  // a news item of content/news/a.md
  const diag::FileName own("content/news/a.md"), other("content/news/b.md");
  auto same = content::decode_source(bytes, own);
  REQUIRE(same);
  const auto& n = std::get<model::NewsItem>(same->page);
  CHECK(n.pos.self.file == own);
  CHECK(n.pos.values.at(0).second.file == own);
  auto wrong = content::decode_source(bytes, other);  // a caller's mistake never renames positions
  REQUIRE(wrong);
  const auto& w = std::get<model::NewsItem>(wrong->page);
  CHECK(w.pos.self.file.str() == "content/news/a.md");
  CHECK(w.pos.values.at(0).second.file.str() == "content/news/a.md");
  CHECK(content::encode_source(*wrong) == bytes);
}

TEST_CASE("load store: the fuzzer's seed entries are of the current format", "[content][load-store]") {
  // tests/fuzz/corpus/load_store: real entries of the demo site. A seed that no longer decodes
  // leaves the fuzzer only the magic to get past; a change of the format must renew them.
  std::size_t seeds = 0;
  for (const auto& f : fs::directory_iterator(fs::path(NASTAVNIK_SOURCE_DIR) / "tests/fuzz/corpus/load_store")) {
    INFO(f.path().string());
    const std::string bytes = test::read_file(f.path());
    auto e = content::decode_source(bytes);
    REQUIRE(e);
    CHECK(content::encode_source(*e) == bytes);
    ++seeds;
  }
  CHECK(seeds >= 5);
}

TEST_CASE("load store: a cut, lengthened or foreign entry does not decode", "[content][load-store]") {
  const std::string bytes = content::encode_source(entries_of_every_kind()[1]);
  for (std::size_t n = 0; n < bytes.size(); ++n) REQUIRE_FALSE(content::decode_source(std::string_view(bytes).substr(0, n)));
  CHECK_FALSE(content::decode_source(bytes + '\0'));
  std::string other = bytes;
  other[0] = 'X';
  CHECK_FALSE(content::decode_source(other));
}

TEST_CASE("limits: encoding a body whose text blocks are not in its plain text stays linear", "[safety][limits][load-store]") {
  // Blocks given as text, not as places in the plain text (a withheld section's): stored whole.
  // Looking for each in the whole rest of an 8 MB text was quadratic once (100 s for a 2.8 MB
  // page; this one would run past the test timeout).
  auto e = news_entry("k");
  auto& body = e.body->body;
  std::string plain;
  plain.reserve(8u << 20);
  while (plain.size() < (8u << 20)) plain += "Абзац «в кавычках» — вот так, типографика его изменила. ";
  body.set_plain(std::move(plain));
  body.blocks.clear();
  for (int i = 0; i < 60000; ++i)
    body.blocks.push_back(
        {.text = "Абзац \"в кавычках\" -- вот так, номер " + std::to_string(i) + ".", .pos = at(i + 1)});
  body.blocks.push_back({.text = "Абзац «в кавычках» — вот так", .pos = at(1)});  // and one that is there
  const std::string bytes = content::encode_source(e);
  auto back = content::decode_source(bytes);
  REQUIRE(back);
  REQUIRE(back->body->body.blocks.size() == body.blocks.size());
  CHECK(back->body->body.text_of(back->body->body.blocks[123]) == body.blocks[123].text);
  CHECK(back->body->body.text_of(back->body->body.blocks.back()) == body.blocks.back().text);
  CHECK(content::encode_source(*back) == bytes);
}

}  // namespace load_codec_test
