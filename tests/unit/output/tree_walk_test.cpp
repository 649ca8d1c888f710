// The writer's listing of its staging tree (output/tree_walk.hpp): every entry once, folders by
// the listing's type, symbolic links never followed, inodes as stat gives them — whether the
// listing ran in the background or is taken at once.
#include "output/tree_walk.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {
std::map<std::string, std::pair<bool, std::uint64_t>> listed(output::TreeListing& listing, std::size_t* count = nullptr) {
  std::map<std::string, std::pair<bool, std::uint64_t>> seen;
  const auto entries = listing.take();
  for (const auto& e : entries) seen[e.rel] = {e.is_dir, e.inode};
  if (count) *count = entries.size();
  return seen;
}
}  // namespace

TEST_CASE("TreeListing lists every entry once with its type and inode, and never follows a link", "[output]") {
  test::TempDir dir, elsewhere;
  const fs::path root = dir.path() / "tree";
  fs::create_directories(root / "a/b");
  fs::create_directories(root / "deep/er/still");
  for (int i = 0; i < 300; ++i) fs::create_directories(root / "many" / std::to_string(i));  // one level, many folders
  std::ofstream(root / "top.html") << "1";
  std::ofstream(root / "a/b/page.html") << "2";
  std::ofstream(root / "deep/er/still/hidden.html") << "3";
  std::ofstream(root / "many/299/index.html") << "4";
  std::ofstream(elsewhere.path() / "secret.html") << "5";
  fs::create_directory_symlink(elsewhere.path(), root / "link");
  const int jobs = GENERATE(0, 1, 2);

  output::TreeListing listing(root, jobs);
  std::size_t count = 0;
  auto seen = listed(listing, &count);
  CHECK(count == seen.size());  // each entry once
  // top.html a a/b a/b/page.html deep deep/er deep/er/still …/hidden.html link many, many/0…299, many/299/index.html
  CHECK(seen.size() == 10 + 300 + 1);
  CHECK(seen.count("deep/er/still/hidden.html"));
  CHECK(seen.count("link/secret.html") == 0);
  REQUIRE(seen.count("link"));
  CHECK_FALSE(seen["link"].first);
  CHECK(seen["a/b"].first);
  CHECK(seen["many/299"].first);
  CHECK_FALSE(seen["a/b/page.html"].first);
  for (const char* file : {"top.html", "a/b/page.html", "many/299/index.html"}) {
    struct stat st {};
    REQUIRE(::lstat((root / file).c_str(), &st) == 0);
    CHECK(seen[file].second == static_cast<std::uint64_t>(st.st_ino));
  }
}

TEST_CASE("TreeListing of a missing folder or a link to one lists nothing; one never taken stops", "[output]") {
  test::TempDir dir;
  output::TreeListing absent(dir.path() / "absent", 0);
  CHECK(absent.take().empty());
  fs::create_directories(dir.path() / "real");
  std::ofstream(dir.path() / "real/x") << "x";
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "link");
  output::TreeListing link(dir.path() / "link", 0);
  CHECK(link.take().empty());
  for (int i = 0; i < 200; ++i) fs::create_directories(dir.path() / "real/many" / std::to_string(i));
  { output::TreeListing dropped(dir.path() / "real", 0); }  // destroyed while it may still be listing
  output::TreeListing real(dir.path() / "real", 0);
  CHECK(real.take().size() == 2 + 200);  // x, many, many/0…199
}
