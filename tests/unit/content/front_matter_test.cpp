#include <catch2/catch.hpp>

#include "content/front_matter.hpp"

using nastavnik::content::split_front_matter;

TEST_CASE("front matter is split from the body with file lines", "[content]") {
  auto s = split_front_matter("---\ntitle: a\ndate: b\n---\nbody\nmore\n");
  CHECK(s.has_front_matter);
  CHECK_FALSE(s.unterminated);
  CHECK(s.yaml == "title: a\ndate: b\n");
  CHECK(s.yaml_line == 2);
  CHECK(s.body == "body\nmore\n");
  CHECK(s.body_line == 5);
}

TEST_CASE("no front matter: the whole text is the body", "[content]") {
  auto s = split_front_matter("# Title\n---\ntext");
  CHECK_FALSE(s.has_front_matter);
  CHECK(s.body == "# Title\n---\ntext");
  CHECK(s.body_line == 1);
}

TEST_CASE("front matter closed by '...' or with trailing spaces", "[content]") {
  auto a = split_front_matter("---\na: 1\n...\nx");
  CHECK(a.yaml == "a: 1\n");
  CHECK(a.body == "x");
  auto b = split_front_matter("---  \na: 1\n---   \nx");
  CHECK(b.has_front_matter);
  CHECK(b.body == "x");
}

TEST_CASE("an unterminated front matter is reported as such", "[content]") {
  auto s = split_front_matter("---\ntitle: a\nbody");
  CHECK(s.has_front_matter);
  CHECK(s.unterminated);
  auto only = split_front_matter("---");
  CHECK(only.unterminated);
}

TEST_CASE("empty front matter and an empty file", "[content]") {
  auto s = split_front_matter("---\n---\nbody");
  CHECK(s.has_front_matter);
  CHECK(s.yaml.empty());
  CHECK(s.body == "body");
  CHECK(s.body_line == 3);
  auto e = split_front_matter("");
  CHECK_FALSE(e.has_front_matter);
  CHECK(e.body.empty());
}
