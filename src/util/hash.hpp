#pragma once
// Content hashes (xxHash, XXH3 64-bit) for the incremental cache and deploy manifests.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace nastavnik::util {

std::uint64_t hash64(std::string_view data);
/// 16 lower-case hex digits.
std::string hash_hex(std::string_view data);
/// 32 hex digits of XXH3-128 of a file's bytes, read in blocks; empty when it cannot be read or
/// is empty (then nothing may be keyed on it).
std::string hash_file(const std::string& path);

/// What a loaded program or shared library is, for the caches' identities: "build-id:" and the
/// GNU build ID of the module holding `symbol` (a hash the linker computes over the whole
/// output, read from the module's notes in memory: nothing to read or hash), else the XXH3-128
/// of its file's bytes. Empty when neither can be had (then nothing may be keyed on it).
std::string module_identity(const void* symbol);

/// module_identity of the running program, computed once: a new build of nastavnik never
/// reuses what an older one cached (pages, the search memo, the load store), even under the
/// same version number. Hashing the 45 MB binary cost every run 10 ms. Empty when unknown
/// (then nothing is reused).
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
  /// A length-prefixed field (its size as 8 bytes, then its bytes): no two sequences of fields
  /// hash the same stream. What every key of the caches is made of.
  Hasher& field(std::string_view data) { return update(static_cast<std::uint64_t>(data.size())).update(data); }
  /// 32 lower-case hex digits.
  std::string hex() const;
  /// The same hash as two numbers (high, low): a key of keys, without a string.
  std::pair<std::uint64_t, std::uint64_t> value() const;

 private:
  void flush() const;
  void* m_state;  ///< XXH3_state_t
  // Small updates (a JSON context is thousands of short strings and their lengths) are gathered
  // here and handed to XXH3 in blocks: the hash of a stream does not depend on how it is cut.
  mutable std::size_t m_len = 0;
  mutable char m_buf[1024];
};

}  // namespace nastavnik::util
