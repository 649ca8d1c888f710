#include "diag/file_name.hpp"

#include <mutex>
#include <ostream>
#include <shared_mutex>
#include <unordered_set>

namespace nastavnik::diag {

namespace {

struct Pool {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Nodes never move: pointers to them stay. (A lock-free concurrent set was tried: its tagged
  // pointers hide the names from the leak checker of the sanitizer build.)
  std::shared_mutex mutex;
  std::unordered_set<std::string, Hash, std::equal_to<>> names;
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
  const std::string* found = nullptr;
  {
    std::shared_lock lock(p.mutex);
    if (auto it = p.names.find(name); it != p.names.end()) found = &*it;
  }
  if (!found) {
    std::unique_lock lock(p.mutex);
    found = &*p.names.emplace(name).first;
  }
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
