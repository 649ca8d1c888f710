#include "util/paths.hpp"

#include <catch2/catch.hpp>

using namespace nastavnik::util;

TEST_CASE("join_relative resolves . and .. lexically", "[util][paths]") {
  struct Case {
    const char* base;
    const char* rel;
    const char* out;
  };
  const std::vector<Case> cases = {
      {"content/news", "a.md", "content/news/a.md"},
      {"content/news", "../practices/keys-1.md", "content/practices/keys-1.md"},
      {"content/news", "./img/../a.png", "content/news/a.png"},
      {"content", "files//doc.pdf", "content/files/doc.pdf"},
      {"", "site.yaml", "site.yaml"},
      {"content/news", "../../site.yaml", "site.yaml"},
      {"content", "..", ""},
      {"content/", "files/", "content/files"},
  };
  for (const auto& c : cases) {
    INFO(c.base << " + " << c.rel);
    PathProblem p = PathProblem::escapes;
    const auto joined = join_relative(c.base, c.rel, &p);
    REQUIRE(joined);
    CHECK(*joined == c.out);
    CHECK(p == PathProblem::none);
  }
}

TEST_CASE("join_relative refuses paths that escape or are unsafe", "[util][paths]") {
  struct Case {
    std::string base;
    std::string rel;
    PathProblem problem;
  };
  const std::vector<Case> cases = {
      {"content/news", "../../../etc/passwd", PathProblem::escapes},
      {"content", "a/../../..", PathProblem::escapes},
      {"", "..", PathProblem::escapes},
      {"content", "/etc/passwd", PathProblem::absolute},
      {"content", "C:/Windows", PathProblem::absolute},
      {"content", "a\\b.pdf", PathProblem::backslash},
      {"content", std::string("a\0b", 3), PathProblem::nul_byte},
      {"content", std::string(256, 'x'), PathProblem::too_long},
      {"content", "", PathProblem::empty},
  };
  for (const auto& c : cases) {
    INFO(c.rel);
    PathProblem p = PathProblem::none;
    CHECK_FALSE(join_relative(c.base, c.rel, &p));
    CHECK(p == c.problem);
    CHECK_FALSE(describe(p).empty());
  }
  CHECK(join_relative("content", std::string(255, 'x')));
  CHECK_FALSE(join_relative("content", "../../x"));  // no problem pointer is fine too
  CHECK(describe(PathProblem::escapes) == "путь выходит за пределы папки сайта");
  CHECK(describe(PathProblem::none).empty());
}

TEST_CASE("parent_dir, relative_url, root_prefix", "[util][paths]") {
  CHECK(parent_dir("content/news/a.md") == "content/news");
  CHECK(parent_dir("a.md").empty());
  struct Case {
    const char* from;
    const char* to;
    const char* out;
  };
  const std::vector<Case> cases = {
      {"novosti/b/", "praktiki/a/", "../../praktiki/a/"},
      {"novosti/b/", "novosti/c/", "../c/"},
      {"novosti/", "novosti/c/", "c/"},
      {"", "praktiki/a/", "praktiki/a/"},
      {"praktiki/a/", "", "../../"},
      {"praktiki/a/", "praktiki/a/", "./"},
      {"", "", "./"},
      {"novosti/page/2/", "assets/site.css", "../../../assets/site.css"},
      {"praktiki/", "files/doc.pdf", "../files/doc.pdf"},
      {"praktiki/a/", "praktiki/a/#rezultaty", "#rezultaty"},
      {"novosti/b/", "/dokumenty/", "../../dokumenty/"},
      {"a/", "b/?q=1/2", "../b/?q=1/2"},
  };
  for (const auto& c : cases) {
    INFO(c.from << " → " << c.to);
    CHECK(relative_url(c.from, c.to) == c.out);
  }
  CHECK(root_prefix("") == "");
  CHECK(root_prefix("novosti/") == "../");
  CHECK(root_prefix("novosti/b/") == "../../");
  CHECK(root_prefix("novosti/page/2/") == "../../../");
}
