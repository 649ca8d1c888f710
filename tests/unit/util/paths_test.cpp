#include "util/paths.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

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

namespace {
// The vector-based formulations join_relative and relative_url had before they were rewritten
// without allocations (the reference for the random test below).
std::vector<std::string_view> parts_of(std::string_view s) {
  std::vector<std::string_view> parts;
  for (std::size_t pos = 0; pos <= s.size();) {
    std::size_t slash = s.find('/', pos);
    if (slash == std::string_view::npos) slash = s.size();
    parts.push_back(s.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return parts;
}
std::optional<std::string> reference_join(std::string_view base, std::string_view rel) {
  if (rel.empty()) return std::nullopt;
  std::vector<std::string_view> stack;
  for (std::string_view source : {base, rel})
    for (std::string_view part : parts_of(source)) {
      if (part.size() > 255) return std::nullopt;
      if (part.empty() || part == ".") continue;
      if (part == "..") {
        if (stack.empty()) return std::nullopt;
        stack.pop_back();
        continue;
      }
      stack.push_back(part);
    }
  std::string out;
  for (std::string_view part : stack) {
    if (!out.empty()) out.push_back('/');
    out.append(part);
  }
  return out;
}
std::string reference_relative_url(std::string_view from_dir, std::string_view to) {
  std::string_view suffix;
  if (const std::size_t q = to.find_first_of("?#"); q != std::string_view::npos) {
    suffix = to.substr(q);
    to = to.substr(0, q);
  }
  while (!to.empty() && to.front() == '/') to.remove_prefix(1);
  const std::size_t last = to.rfind('/');
  const std::string_view to_dir = last == std::string_view::npos ? std::string_view{} : to.substr(0, last);
  const std::string_view leaf = last == std::string_view::npos ? to : to.substr(last + 1);
  auto dirs = [](std::string_view d) {
    std::vector<std::string_view> out;
    for (auto p : parts_of(d))
      if (!p.empty() && p != ".") out.push_back(p);
    return out;
  };
  const auto a = dirs(from_dir), b = dirs(to_dir);
  std::size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (std::size_t i = common; i < a.size(); ++i) out += "../";
  for (std::size_t i = common; i < b.size(); ++i) out.append(b[i]).push_back('/');
  out.append(leaf);
  if (out.empty() && suffix.empty()) out = "./";
  out.append(suffix);
  return out;
}
}  // namespace

TEST_CASE("join_relative and relative_url equal their vector formulations on random paths", "[util][paths]") {
  const std::vector<std::string> pieces = {"a", "b", "novosti", "x.html", ".", "..", "", "/", "/", "/", "?q", "#f",
                                           std::string(256, 'z')};
  std::uint32_t seed = 99;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  auto path = [&] {
    std::string s;
    for (int k = static_cast<int>(next() % 9); k > 0; --k) s += pieces[(next() >> 8) % pieces.size()];
    return s;
  };
  for (int round = 0; round < 20000; ++round) {
    const std::string base = path(), rel = path();
    INFO("[" << base << "] [" << rel << "]");
    const bool safe = base.find_first_of(":\\") == std::string::npos && rel.find_first_of(":\\") == std::string::npos &&
                      (base.empty() || base[0] != '/') && (rel.empty() || rel[0] != '/');
    if (safe) REQUIRE(join_relative(base, rel) == reference_join(base, rel));
    REQUIRE(relative_url(base, rel) == reference_relative_url(base, rel));
  }
}
