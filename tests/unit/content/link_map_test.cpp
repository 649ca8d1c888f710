#include "content/link_map.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "content/load_cache.hpp"

using namespace nastavnik;

namespace {

content::LinkMap map_of(const std::vector<std::tuple<std::string, std::string, bool>>& sources,
                        const std::vector<std::string>& urls) {
  content::LinkMap m;
  for (const auto& [source, url, published] : sources) m.add(source, url, published);
  for (const auto& url : urls) m.add_url(url);
  return m;
}

std::optional<std::string> resolve(const content::LinkMap& m, std::string_view url) {
  diag::Sink sink;
  return m.resolve(url, "content/news/a.md", "novosti/a/", {"content/news/a.md", 3, 1}, sink);
}

}  // namespace

TEST_CASE("link map: resolves content files to page addresses relative to the page", "[content][links]") {
  auto m = map_of({{"content/practices/keys.md", "praktiki/keys/", true}}, {"novosti/"});
  CHECK(resolve(m, "../practices/keys.md") == "../../praktiki/keys/");
  CHECK(resolve(m, "/novosti/") == "../");
  CHECK(resolve(m, "https://example.ru/") == std::nullopt);
  CHECK(resolve(m, "../practices/missing.md") == std::nullopt);
}

TEST_CASE("link map: its digest is the same for the same map in any order, and changes with what resolve reads",
          "[content][links]") {
  // A cached body's link answers are trusted without asking again while the digest (with the
  // page's address) is the one they were seen to hold for: anything resolve reads must change it.
  const std::vector<std::tuple<std::string, std::string, bool>> sources = {
      {"content/practices/keys.md", "praktiki/keys/", true},
      {"content/news/b.md", "novosti/b/", true},
      {"content/news/draft.md", "novosti/draft/", false},
      {"content/files/plan.pdf", "files/plan.pdf", true}};
  const std::vector<std::string> urls = {"novosti/", "praktiki/"};
  const std::string base = map_of(sources, urls).digest();
  CHECK(base.size() == 32);
  auto reversed = sources;
  std::reverse(reversed.begin(), reversed.end());
  CHECK(map_of(reversed, {urls.rbegin(), urls.rend()}).digest() == base);

  auto changed = sources;
  std::get<1>(changed[0]) = "praktiki/keys-2/";  // another address
  CHECK(map_of(changed, urls).digest() != base);
  changed = sources;
  std::get<2>(changed[2]) = true;  // a draft published
  CHECK(map_of(changed, urls).digest() != base);
  changed = sources;
  changed.pop_back();  // a file gone
  CHECK(map_of(changed, urls).digest() != base);
  CHECK(map_of(sources, {"novosti/"}).digest() != base);  // a section page gone
  // The digest and the page's address make the world a memo is checked in.
  CHECK(content::links_world(base, "novosti/a/") != content::links_world(base, "novosti/a2/"));
  CHECK(content::links_world(base, "novosti/a/") == content::links_world(base, "novosti/a/"));
}
