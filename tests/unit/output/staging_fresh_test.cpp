// output::Staging on a fresh staging tree (the first build, or the first after the swapped-out
// tree was removed): the folders that hold only files are made by put() with their first file,
// on the render stage's threads, instead of one at a time before rendering.
#include <catch2/catch.hpp>
#include <unistd.h>

#include "output/writer.hpp"
#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {
std::vector<render::OutputFile> files_of(const std::string& word) {
  std::vector<render::OutputFile> files;
  for (const char* path : {"index.html", "a/index.html", "a/b/index.html", "a/b/feed.xml", "c/index.html",
                           "d/e/f/index.html", "d/e/f/g.css"})
    files.push_back({path, std::string(path) + " " + word, {}});
  return files;
}
}  // namespace

TEST_CASE("a fresh staging tree makes each page's folder with its first file", "[output][writer]") {
  test::TempDir dir;
  const fs::path out = dir.path() / "p";
  const bool built_before = GENERATE(false, true);  // no output yet, or one without .p.prev
  if (built_before) {
    REQUIRE(output::write_output(out, files_of("старое")).ok);
    REQUIRE(fs::exists(out / "a/b/index.html"));
  }
  const auto files = files_of("новое");
  std::string error;
  auto st = output::Staging::open(out, output::paths_of(files), error, 0);
  REQUIRE(st != nullptr);
  const fs::path tmp = dir.path() / (".p.tmp-" + std::to_string(::getpid()));
  REQUIRE(fs::is_directory(tmp));
  // Folders above other folders are there; folders of files only are not, yet.
  CHECK(fs::is_directory(tmp / "a"));
  CHECK(fs::is_directory(tmp / "d/e"));
  CHECK_FALSE(fs::exists(tmp / "a/b"));
  CHECK_FALSE(fs::exists(tmp / "c"));
  CHECK_FALSE(fs::exists(tmp / "d/e/f"));
  st->put(files[4]);  // c/index.html
  CHECK(fs::is_regular_file(tmp / "c/index.html"));
  // The others from two threads: two files share a/b and d/e/f.
  std::vector<render::OutputFile> rest;
  for (std::size_t i = 0; i < files.size(); ++i)
    if (i != 4) rest.push_back(files[i]);
  st->put_all(rest, 2);
  const auto result = st->commit();
  REQUIRE(result.ok);
  CHECK(result.written == files.size());
  std::vector<std::pair<std::string, std::string>> expected;
  for (const auto& f : files) expected.emplace_back(f.path, f.bytes);
  expected.emplace_back(output::k_marker, "nastavnik output; safe to delete\n");
  std::sort(expected.begin(), expected.end());
  CHECK(test::snapshot(out) == expected);
}
