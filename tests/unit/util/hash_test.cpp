#include "util/hash.hpp"

#include <dlfcn.h>
#include <link.h>
#include <xxhash.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

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

TEST_CASE("Hasher: the same 128-bit hash however the stream is cut (its buffer is invisible)", "[util][hash]") {
  std::string all;
  for (int i = 0; i < 9000; ++i) all.push_back(static_cast<char>('a' + (i * 7919) % 26));
  // One update of everything, against pieces of every size around the 1 KiB buffer, numbers
  // (8 bytes each, little-endian) in between.
  nastavnik::util::Hasher whole;
  whole.update(all);
  const std::string expected = whole.hex();
  // …which is XXH3-128 of the bytes, high half first.
  const XXH128_hash_t direct = XXH3_128bits(all.data(), all.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(direct.high64),
                static_cast<unsigned long long>(direct.low64));
  CHECK(expected == hex);
  for (std::size_t piece : {std::size_t(1), std::size_t(7), std::size_t(1023), std::size_t(1024), std::size_t(1025),
                            std::size_t(3000), std::size_t(9000)}) {
    INFO("pieces of " << piece);
    nastavnik::util::Hasher h;
    for (std::size_t at = 0; at < all.size(); at += piece) h.update(std::string_view(all).substr(at, piece));
    CHECK(h.hex() == expected);
    CHECK(h.hex() == expected);  // asking twice changes nothing
  }
  std::string with_number = "ab";
  for (int i = 0; i < 8; ++i) with_number.push_back(static_cast<char>((0x0102030405060708ull >> (8 * i)) & 0xFF));
  nastavnik::util::Hasher a, b;
  a.update("ab").update(std::uint64_t{0x0102030405060708ull});
  b.update(with_number);
  CHECK(a.hex() == b.hex());
  // Updating after hex() continues the same stream.
  nastavnik::util::Hasher c, d;
  c.update("x");
  (void)c.hex();
  c.update("y");
  d.update("xy");
  CHECK(c.hex() == d.hex());
}

namespace {
/// The build ID `readelf -n` prints for a file (binutils, which every C++ toolchain has).
std::string readelf_build_id(const std::string& file) {
  std::string out;
  if (FILE* p = ::popen(("readelf -n '" + file + "' 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    ::pclose(p);
  }
  auto at = out.find("Build ID: ");
  if (at == std::string::npos) return {};
  at += 10;
  return out.substr(at, out.find('\n', at) - at);
}
}  // namespace

TEST_CASE("module_identity is the GNU build ID of the program or library holding a symbol", "[util][hash]") {
  // Read from the loaded module's notes, it must be what the linker wrote into the file.
  const std::string program = binary_identity();
  REQUIRE(program.rfind("build-id:", 0) == 0);
  // (This process's file: /proc/self in readelf would be readelf.)
  CHECK(program == "build-id:" + readelf_build_id(std::filesystem::read_symlink("/proc/self/exe").string()));
  CHECK(module_identity(reinterpret_cast<const void*>(&hash64)) == program);
  Dl_info libc{};
  REQUIRE(::dladdr(reinterpret_cast<const void*>(&::dl_iterate_phdr), &libc) != 0);
  const std::string lib = module_identity(reinterpret_cast<const void*>(&::dl_iterate_phdr));
  CHECK(lib == "build-id:" + readelf_build_id(libc.dli_fname));
  CHECK(lib != program);
  // An address in no module: nothing to key on.
  int on_stack = 0;
  CHECK(module_identity(&on_stack).empty());
}

TEST_CASE("module_identity of a library without a build ID is the hash of its file", "[util][hash]") {
  const std::string path = NASTAVNIK_NO_BUILD_ID_LIB;
  REQUIRE(readelf_build_id(path).empty());  // linked with --build-id=none
  void* lib = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  REQUIRE(lib != nullptr);
  void* probe = ::dlsym(lib, "nastavnik_no_build_id_probe");
  REQUIRE(probe != nullptr);
  const std::string id = module_identity(probe);
  CHECK(id == hash_file(path));
  CHECK(id.rfind("build-id:", 0) == std::string::npos);
  CHECK(id.size() == 32);
  ::dlclose(lib);
}
