#pragma once
// Content hashes (xxHash, XXH3 64-bit) for the incremental cache and deploy manifests.
#include <cstdint>
#include <string>
#include <string_view>

namespace nastavnik::util {

std::uint64_t hash64(std::string_view data);
/// 16 lower-case hex digits.
std::string hash_hex(std::string_view data);
/// 32 hex digits of XXH3-128 of a file's bytes, read in blocks; empty when it cannot be read or
/// is empty (then nothing may be keyed on it).
std::string hash_file(const std::string& path);

/// XXH3-128 of the running executable's bytes, hashed once: a new build of nastavnik never
/// reuses what an older one cached (pages, the search memo, the load store), even under the
/// same version number. Empty when /proc/self/exe cannot be read (then nothing is reused).
const std::string& binary_identity();

/// Streaming XXH3 128-bit hash, for keys that must not collide in practice (the page cache).
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  Hasher& update(std::string_view data);
  Hasher& update(std::uint64_t value);
  /// 32 lower-case hex digits.
  std::string hex() const;

 private:
  void flush() const;
  void* m_state;  ///< XXH3_state_t
  // Small updates (a JSON context is thousands of short strings and their lengths) are gathered
  // here and handed to XXH3 in blocks: the hash of a stream does not depend on how it is cut.
  mutable std::size_t m_len = 0;
  mutable char m_buf[1024];
};

}  // namespace nastavnik::util
