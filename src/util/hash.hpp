#pragma once
// Content hashes (xxHash, XXH3 64-bit) for the incremental cache and deploy manifests.
#include <cstdint>
#include <string>
#include <string_view>

namespace nastavnik::util {

std::uint64_t hash64(std::string_view data);
/// 16 lower-case hex digits.
std::string hash_hex(std::string_view data);

}  // namespace nastavnik::util
