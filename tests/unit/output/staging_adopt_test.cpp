// output::Staging::adopt: the swapped-out tree taken early as the staging tree, listed in the
// background, and either prepared for the new output (strays gone, the kept files' inodes known)
// or given back exactly as it was.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "output/writer.hpp"
#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {
std::vector<render::OutputFile> site_files(const std::string& word) {
  std::vector<render::OutputFile> files;
  for (const char* path : {"index.html", "a/index.html", "a/b/index.html", "c/index.html"})
    files.push_back({path, std::string(path) + " " + word, {}});
  return files;
}
std::uint64_t inode_of(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_ino) : 0;
}
}  // namespace

TEST_CASE("Staging::adopt touches nothing without a swapped-out tree, and gives it back unless committed",
          "[output][writer]") {
  test::TempDir dir;
  const fs::path out = dir.path() / "p", prev = dir.path() / ".p.prev";
  CHECK(output::Staging::adopt(out, 0) == nullptr);  // nothing built yet
  CHECK(fs::is_empty(dir.path()));
  REQUIRE(output::write_output(out, site_files("1")).ok);
  REQUIRE(output::write_output(out, site_files("2")).ok);
  REQUIRE(fs::exists(prev));
  std::ofstream(prev / "stray.html") << "лишний";
  const auto kept = test::snapshot(prev);
  const int jobs = GENERATE(0, 1);
  {
    auto st = output::Staging::adopt(out, jobs);
    REQUIRE(st != nullptr);
    CHECK_FALSE(fs::exists(prev));  // taken
  }  // the build stopped: given back
  CHECK(test::snapshot(prev) == kept);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 2);  // p and .p.prev, nothing else
}

TEST_CASE("an adopted staging tree is prepared for exactly the new paths", "[output][writer]") {
  test::TempDir dir;
  const fs::path out = dir.path() / "p", prev = dir.path() / ".p.prev";
  REQUIRE(output::write_output(out, site_files("1")).ok);
  REQUIRE(output::write_output(out, site_files("1")).ok);  // the same bytes: hard links to the live files
  REQUIRE(fs::exists(prev / "a/b/index.html"));
  // Damage it every way: a stray file, a stray folder with files deep inside, a file where a
  // folder goes, a folder where a file goes.
  std::ofstream(prev / "stray.html") << "лишний";
  fs::create_directories(prev / "old/deep/er");
  std::ofstream(prev / "old/deep/er/page.html") << "старое";
  fs::remove_all(prev / "c");
  std::ofstream(prev / "c") << "файл вместо папки";
  fs::remove(prev / "a/index.html");
  fs::create_directories(prev / "a/index.html/x");
  const int jobs = GENERATE(0, 1);
  auto st = output::Staging::adopt(out, jobs);
  REQUIRE(st != nullptr);
  const fs::path staged = dir.path() / (".p.tmp-" + std::to_string(::getpid()));
  const std::uint64_t live_root = inode_of(out / "index.html");
  CHECK(inode_of(staged / "index.html") == live_root);  // shared with the live output
  auto files = site_files("1");
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(f.path);
  std::string error;
  REQUIRE(st->prepare(paths, error));
  CHECK(error.empty());
  CHECK_FALSE(fs::exists(staged / "stray.html"));
  CHECK_FALSE(fs::exists(staged / "old"));
  CHECK(fs::is_directory(staged / "c"));
  CHECK_FALSE(fs::exists(staged / "a/index.html"));
  for (const auto& f : files) st->put(f);
  const auto written = st->commit();
  REQUIRE(written.ok);
  for (const auto& f : files) CHECK(test::read_file(out / f.path) == f.bytes);
  CHECK_FALSE(fs::exists(out / "stray.html"));
  CHECK_FALSE(fs::exists(out / "old"));
  CHECK(inode_of(out / "index.html") == live_root);  // kept: the listing knew it was the same file
}
