#include "util/hash.hpp"

#include <xxhash.h>

namespace nastavnik::util {

std::uint64_t hash64(std::string_view data) { return XXH3_64bits(data.data(), data.size()); }

std::string hash_hex(std::string_view data) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::uint64_t value = hash64(data);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = k_hex[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace nastavnik::util
