#pragma once
// The bytes of one load-store entry (content/load_store.hpp): a LoadedSource written field by
// field and read back with every bound checked. Also the little reader and writer the store's
// index is made with. Native byte order: the bytes never leave the machine (the store's
// identity names the binary that wrote them).
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "content/load_cache.hpp"

namespace nastavnik::content {

/// One entry's bytes: everything of a LoadedSource but the text and its split (derived from the
/// source bytes again), the `lent` flag, and the stamp (kept in the index). A head — the magic,
/// its own size, every field, and the size and digest of the body's HTML and plain text — then
/// a tail: the HTML and the plain text themselves, which a rebuild reads only for the pages it
/// renders again, the search index for a page it did not know, and the leak scan when the bank
/// names people (model::StoredText).
std::string encode_source(const LoadedSource& e);
/// The entry back, its texts read from the tail at once and checked against their digests; null
/// when `bytes` are not exactly one well-formed entry.
/// `file`, when given, is the entry's source's name as the caller holds it (the stored one must
/// equal it): the positions share it instead of the name being interned again — from two
/// threads at once, 10,000 names cost the pool's shared maps a microsecond each.
std::shared_ptr<LoadedSource> decode_source(std::string_view bytes, const diag::FileName& file = {});

/// The size of the head of an entry's bytes as the entry says; 0 when they do not start as one.
std::uint64_t entry_head_size(std::string_view bytes);
/// Where a stored text of a body is: `size` bytes at `at` in the tail, with this digest.
using TextAt = std::function<model::StoredText(std::uint64_t at, std::uint64_t size, std::string digest)>;
/// An entry from its head alone, with a tail of `tail_size` bytes reached through `text_at`;
/// null when `head` is not exactly one well-formed head or the tail is not exactly its texts.
std::shared_ptr<LoadedSource> decode_head(std::string_view head, std::uint64_t tail_size, const TextAt& text_at,
                                          const diag::FileName& file = {});

namespace codec {

struct Out {
  std::string b;
  std::string tail;       ///< what goes after the head: the body's HTML and plain text
  std::string_view file;  ///< the entry's own source: positions in it are written without it
  void u8(std::uint8_t v) { b.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { b.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void u64(std::uint64_t v) { b.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
  void str(std::string_view s) {
    u64(s.size());
    b.append(s);
  }
};

struct In {
  In(const char* begin, const char* stop) : p(begin), end(stop) {}
  const char* p;
  const char* end;
  bool ok = true;
  diag::FileName file;  ///< the entry's own source (see Out::file)
  const TextAt* text_at = nullptr;
  std::uint64_t tail_size = 0, tail_used = 0;  ///< the tail, and how much of it the head placed
  bool take(void* dst, std::size_t n) {
    if (!ok || static_cast<std::size_t>(end - p) < n) return ok = false;
    std::memcpy(dst, p, n);
    p += n;
    return true;
  }
  std::uint8_t u8() {
    std::uint8_t v = 0;
    take(&v, 1);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    take(&v, sizeof v);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    take(&v, sizeof v);
    return v;
  }
  int i32() { return static_cast<int>(u32()); }
  bool flag() {
    auto v = u8();
    if (v > 1) ok = false;
    return v == 1;
  }
  std::string str() {
    auto n = u64();
    if (!ok || n > static_cast<std::uint64_t>(end - p)) {
      ok = false;
      return {};
    }
    std::string s(p, n);
    p += n;
    return s;
  }
  /// A count of items that take at least one byte each: never more than what is left.
  std::size_t count() {
    auto n = u64();
    if (!ok || n > static_cast<std::uint64_t>(end - p)) {
      ok = false;
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
};


}  // namespace codec

}  // namespace nastavnik::content
