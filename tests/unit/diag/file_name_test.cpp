#include "diag/file_name.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "diag/diagnostic.hpp"

using nastavnik::diag::FileName;
using nastavnik::diag::SourcePos;

TEST_CASE("FileName: one copy per name, shared by every position; compares and prints as its string",
          "[diag][file-name]") {
  const std::string rel = "content/news/" + std::string("pervaya.md");
  const FileName a = rel, b = std::string_view("content/news/pervaya.md"), c = "content/news/vtoraya.md";
  CHECK(a.c_str() == b.c_str());  // interned: the same bytes, not a copy
  CHECK(a == b);
  CHECK_FALSE(a == c);
  CHECK(a == "content/news/pervaya.md");
  CHECK(a == rel);
  CHECK(a < c);
  CHECK(a.str() == rel);
  CHECK(a + ":5" == "content/news/pervaya.md:5");
  CHECK("файл " + a == "файл content/news/pervaya.md");
  std::ostringstream os;
  os << c;
  CHECK(os.str() == "content/news/vtoraya.md");

  const FileName none;
  CHECK(none.empty());
  CHECK(none == FileName(""));
  CHECK(none.str().empty());

  // Positions copy a pointer: a SourcePos is small and trivially shared.
  SourcePos p{a, 3, 7};
  SourcePos q = p;
  CHECK(q.file.c_str() == a.c_str());
  CHECK(sizeof(SourcePos) <= 16);
}

TEST_CASE("FileName: names interned from many threads at once stay one copy each", "[diag][file-name]") {
  std::vector<std::vector<const char*>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round)
        for (int i = 0; i < 500; ++i) seen[t].push_back(FileName("content/news/n" + std::to_string(i) + ".md").c_str());
    });
  for (auto& th : threads) th.join();
  for (std::size_t t = 1; t < seen.size(); ++t) CHECK(seen[t] == seen[0]);
  CHECK(std::set<const char*>(seen[0].begin(), seen[0].end()).size() == 500);
}
