// The writer's walk of its staging tree (output/tree_walk.hpp): every entry once, folders by the
// listing's type, symbolic links never followed, inodes as stat gives them.
#include "output/tree_walk.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

TEST_CASE("walk_tree lists every entry with its type and inode, and never follows a link", "[output]") {
  test::TempDir dir, elsewhere;
  const fs::path root = dir.path() / "tree";
  fs::create_directories(root / "a/b");
  fs::create_directories(root / "skip/deep");
  for (int i = 0; i < 300; ++i) fs::create_directories(root / "many" / std::to_string(i));  // one level, many folders
  std::ofstream(root / "top.html") << "1";
  std::ofstream(root / "a/b/page.html") << "2";
  std::ofstream(root / "skip/deep/hidden.html") << "3";
  std::ofstream(elsewhere.path() / "secret.html") << "4";
  fs::create_directory_symlink(elsewhere.path(), root / "link");
  const int jobs = GENERATE(0, 1);

  std::map<std::string, std::pair<bool, std::uint64_t>> seen;
  int calls = 0;
  output::walk_tree(root, jobs, [&](const std::string& rel, bool is_dir, std::uint64_t inode) {
    ++calls;
    seen[rel] = {is_dir, inode};
    return rel != "skip";  // not into this one
  });
  CHECK(calls == static_cast<int>(seen.size()));  // each entry once
  CHECK(seen.size() == 7 + 300);                  // top.html a a/b a/b/page.html skip link many, many/0…299
  CHECK(seen.count("skip/deep") == 0);
  CHECK(seen.count("link/secret.html") == 0);
  REQUIRE(seen.count("link"));
  CHECK_FALSE(seen["link"].first);
  CHECK(seen["a/b"].first);
  CHECK_FALSE(seen["a/b/page.html"].first);
  CHECK(seen.count("many/299"));
  for (const char* file : {"top.html", "a/b/page.html"}) {
    struct stat st {};
    REQUIRE(::lstat((root / file).c_str(), &st) == 0);
    CHECK(seen[file].second == static_cast<std::uint64_t>(st.st_ino));
  }
}

TEST_CASE("walk_tree of a missing folder or a link to one visits nothing", "[output]") {
  test::TempDir dir;
  int calls = 0;
  auto count = [&](const std::string&, bool, std::uint64_t) { return ++calls, true; };
  output::walk_tree(dir.path() / "absent", 0, count);
  fs::create_directories(dir.path() / "real");
  std::ofstream(dir.path() / "real/x") << "x";
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "link");
  output::walk_tree(dir.path() / "link", 0, count);
  CHECK(calls == 0);
}
