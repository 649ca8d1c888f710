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
  std::shared_mutex mutex;
  std::unordered_set<std::string, Hash, std::equal_to<>> names;  // nodes never move: pointers stay
};

Pool& pool() {
  static Pool* const p = new Pool();  // never freed: positions live until the process ends
  return *p;
}

}  // namespace

const std::string* FileName::intern(std::string_view name) {
  if (name.empty()) return nullptr;
  // The same name again and again (every position of one file): no lock.
  thread_local const std::string* last = nullptr;
  if (last && *last == name) return last;
  Pool& p = pool();
  {
    std::shared_lock lock(p.mutex);
    if (auto it = p.names.find(name); it != p.names.end()) return last = &*it;
  }
  std::unique_lock lock(p.mutex);
  return last = &*p.names.emplace(name).first;
}

std::ostream& operator<<(std::ostream& os, const FileName& f) { return os << f.str(); }

const std::string& FileName::empty_name() {
  static const std::string* const none = new std::string();
  return *none;
}

}  // namespace nastavnik::diag
