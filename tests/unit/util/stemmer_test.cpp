#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>

#include <libstemmer.h>

#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/stemmer.hpp"

using nastavnik::util::Stemmer;

TEST_CASE("Stemmer reduces Russian word forms to one stem", "[util][stemmer]") {
  Stemmer s("russian");
  CHECK(s.stem("наставников") == s.stem("наставник"));
  CHECK(s.stem("наставникам") == s.stem("наставник"));
  CHECK(s.stem("программы") == s.stem("программа"));
  CHECK(s.stem("программ") == s.stem("программа"));
  CHECK(s.stem("наставник") == "наставник");
  CHECK(s.stem("программа") == "программ");
  CHECK(s.stem("") == "");
}

TEST_CASE("Stemmer rejects an unknown language", "[util][stemmer]") {
  CHECK_THROWS_AS(Stemmer("klingon"), std::runtime_error);
}

TEST_CASE("Stemmer names the library that stems by its build ID (the search memo's identity)", "[util][stemmer]") {
  // Debian's libstemmer is a shared library: an upgrade of it changes its build ID and so makes a
  // saved search memo (render/search_index.hpp) load nothing.
  const void* stem = reinterpret_cast<const void*>(&sb_stemmer_stem);
  const std::string file = nastavnik::util::file_of_symbol(stem);
  REQUIRE_FALSE(file.empty());
  CHECK(std::filesystem::is_regular_file(file));
  CHECK(file.find("libstemmer") != std::string::npos);
  const std::string id = Stemmer::library_id();
  CHECK(id.rfind("build-id:", 0) == 0);
  CHECK(id == nastavnik::util::module_identity(stem));
  CHECK(id != nastavnik::util::binary_identity());
}
