// Tier 3: tests/sites/invalid/<code>/ holds the files that break the base site exactly one way
// and expected.txt with the exact diagnostics ("file:line:col code", one per line).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

std::vector<std::string> read_lines(const fs::path& p) {
  std::vector<std::string> lines;
  std::ifstream in(p);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("the base site of the fixtures is clean", "[site][fixtures]") {
  test::TempDir dir;
  test::copy_base_site(dir.path());
  auto r = test::run_site(dir.path());
  CHECK(test::keys(r.diagnostics) == std::vector<std::string>{});
  CHECK(r.outcome == pipeline::Outcome::ok);
}

TEST_CASE("every invalid fixture gives exactly its diagnostics", "[site][fixtures]") {
  fs::path root = test::source_dir() / "tests/sites/invalid";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 9);
  for (const auto& c : cases) {
    std::string code = c.filename().string();
    DYNAMIC_SECTION(code) {
      test::TempDir dir;
      test::copy_base_site(dir.path());
      for (const auto& e : fs::recursive_directory_iterator(c)) {
        auto rel = fs::relative(e.path(), c);
        if (rel == "expected.txt" || rel == "now.txt" || rel == "remove.txt") continue;
        if (e.is_directory()) fs::create_directories(dir.path() / rel);
        else fs::copy_file(e.path(), dir.path() / rel, fs::copy_options::overwrite_existing);
      }
      for (const auto& gone : read_lines(c / "remove.txt")) fs::remove_all(dir.path() / gone);
      util::Date now = test::k_test_now;
      if (auto lines = read_lines(c / "now.txt"); !lines.empty()) now = *util::parse_iso_date(lines[0]);
      auto expected = read_lines(c / "expected.txt");
      auto r = test::run_site(dir.path(), {}, now);
      INFO("fixture " << code);
      CHECK(test::keys(r.diagnostics) == expected);
      // The directory is named after the code it demonstrates.
      CHECK(test::has_code(r.diagnostics, code));
    }
  }
}
