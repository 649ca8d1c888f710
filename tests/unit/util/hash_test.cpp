#include "util/hash.hpp"

#include <catch2/catch.hpp>

using namespace nastavnik::util;

TEST_CASE("hash64 is XXH3-64 and stable", "[util][hash]") {
  // Reference values of XXH3_64bits (seed 0).
  CHECK(hash64("") == 0x2D06800538D394C2ULL);
  CHECK(hash_hex("") == "2d06800538d394c2");
  CHECK(hash64("abc") == hash64(std::string("abc")));
  CHECK(hash64("abc") != hash64("abd"));
  CHECK(hash64(std::string("a\0b", 3)) != hash64("a"));
  const std::string h = hash_hex("Наставничество");
  CHECK(h.size() == 16);
  CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
}
