// Tier 4: a few pages of the demo site compared byte for byte with checked-in HTML.
// Regenerate on purpose: scripts/update-golden.sh (sets NASTAVNIK_UPDATE_GOLDEN=1).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

const std::vector<std::string> k_pages = {
    "index.html",          "polozhenie/index.html", "dorozhnaya-karta/index.html", "baza/index.html",
    "dokumenty/index.html", "novosti/index.html",   "novosti/feed.xml",            "roadmap.ics",
};

std::string golden_name(const std::string& page) {
  std::string name = page;
  for (auto& c : name)
    if (c == '/') c = '_';
  return name;
}

}  // namespace

TEST_CASE("demo pages match the golden files", "[golden]") {
  test::TempDir out;
  auto r = test::run_site(test::source_dir(), out.path() / "public");
  REQUIRE(r.outcome == pipeline::Outcome::ok);
  bool update = std::getenv("NASTAVNIK_UPDATE_GOLDEN") != nullptr;
  fs::path dir = test::source_dir() / "tests/golden/expected";
  for (const auto& page : k_pages) {
    INFO(page << " (regenerate with scripts/update-golden.sh if the change is intended)");
    std::string actual = test::read_file(out.path() / "public" / page);
    REQUIRE_FALSE(actual.empty());
    fs::path golden = dir / golden_name(page);
    if (update) {
      fs::create_directories(dir);
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    REQUIRE(fs::exists(golden));
    CHECK(actual == test::read_file(golden));
  }
}
