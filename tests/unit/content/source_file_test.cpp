// Reading sources (content/source_file.cpp): one open, fstat and read per file, the size limit
// checked before reading, nothing but regular files.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>

#include "content/source_file.hpp"
#include "util/file.hpp"
#include "support/site_builder.hpp"

namespace fs = std::filesystem;
using namespace nastavnik;

namespace {

bool reported(const diag::Sink& sink, const std::string& text) {
  for (const auto& d : sink.sorted())
    if (d.message.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("read_raw_source: bytes as stored; the limit, missing files and FIFOs are diagnostics", "[content]") {
  test::TempDir dir;
  const fs::path root = dir.path();
  std::ofstream(root / "a.md", std::ios::binary) << "---\ntitle: А\n---\nТекст\r\n";
  std::ofstream(root / "empty.md", std::ios::binary).flush();

  diag::Sink sink;
  auto a = content::read_raw_source(root, "a.md", sink);
  REQUIRE(a);
  CHECK(*a == "---\ntitle: А\n---\nТекст\r\n");
  auto empty = content::read_raw_source(root, "empty.md", sink);
  REQUIRE(empty);
  CHECK(empty->empty());
  CHECK(sink.errors() == 0);

  SECTION("over the limit: refused before a byte is read (a sparse file of 64 MiB + 1)") {
    { std::ofstream(root / "big.md", std::ios::binary).flush(); }
    fs::resize_file(root / "big.md", content::k_max_source_bytes + 1);
    diag::Sink s;
    CHECK_FALSE(content::read_raw_source(root, "big.md", s));
    CHECK(reported(s, "файл слишком большой (64 МБ; предел — 64 МБ)"));
    // Exactly at the limit is still read.
    fs::resize_file(root / "big.md", content::k_max_source_bytes);
    diag::Sink s2;
    auto at_limit = content::read_raw_source(root, "big.md", s2);
    REQUIRE(at_limit);
    CHECK(at_limit->size() == content::k_max_source_bytes);
  }
  SECTION("missing: the system's reason") {
    diag::Sink s;
    CHECK_FALSE(content::read_raw_source(root, "gone.md", s));
    CHECK(reported(s, "не удаётся прочитать файл: No such file or directory"));
  }
  SECTION("a FIFO in place of a file: refused at once, never waited on") {
    REQUIRE(::mkfifo((root / "pipe.md").c_str(), 0600) == 0);
    diag::Sink s;
    CHECK_FALSE(content::read_raw_source(root, "pipe.md", s));
    CHECK(reported(s, "не удаётся прочитать файл"));
    CHECK_FALSE(util::read_file(root / "pipe.md"));
  }
}

TEST_CASE("read_file reads a file whose size the system does not know (/proc) to its end", "[content]") {
  // smaps of a test process is tens of kilobytes: several blocks of 4 KB, each doubling the buffer.
  auto smaps = util::read_file("/proc/self/smaps");
  REQUIRE(smaps);
  CHECK(smaps->size() > 16384);
  CHECK(smaps->back() == '\n');
  CHECK(smaps->find("VmFlags:") != std::string::npos);
}
