#include "diag/file_name.hpp"

#include <oneapi/tbb/concurrent_unordered_set.h>

#include <ostream>

namespace nastavnik::diag {

namespace {

struct Pool {
  struct Hash {
    using is_transparent = void;
    using transparent_key_equal = std::equal_to<>;  // oneTBB: lookups by string_view
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Lookups take no lock (10,000 sources are named in each of three stages); nodes never move:
  // pointers to them stay.
  tbb::concurrent_unordered_set<std::string, Hash, std::equal_to<>> names;
};

Pool& pool() {
  static Pool* const p = new Pool();  // never freed: positions live until the process ends
  return *p;
}

}  // namespace

const std::string* FileName::intern(std::string_view name) {
  if (name.empty()) return nullptr;
  // The names this thread used last (the file it is reading, site.yaml, a layout): found again
  // without a lock or a hash. Replaced in turn.
  constexpr std::size_t k_recent = 4;
  thread_local const std::string* recent[k_recent] = {};
  thread_local std::size_t next = 0;
  for (const std::string* r : recent)
    if (r && *r == name) return r;
  Pool& p = pool();
  auto it = p.names.find(name);
  const std::string* found = it != p.names.end() ? &*it : &*p.names.emplace(name).first;
  recent[next] = found;
  next = (next + 1) % k_recent;
  return found;
}

std::ostream& operator<<(std::ostream& os, const FileName& f) { return os << f.str(); }

const std::string& FileName::empty_name() {
  static const std::string* const none = new std::string();
  return *none;
}

}  // namespace nastavnik::diag
