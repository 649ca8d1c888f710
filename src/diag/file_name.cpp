#include "diag/file_name.hpp"

#include <mutex>
#include <ostream>
#include <shared_mutex>
#include <unordered_map>

namespace nastavnik::diag {

namespace {

struct Pool {
  // Each name is its own string, never moved or freed: FileName points to it. The map's keys
  // view those strings. std::hash<std::string_view> makes the map keep each key's hash code: a
  // hash of its own was taken for a cheap one, so that every rehash and every walk of a bucket
  // hashed the names again (a rebuild interning 10,000 names spent 25 ms in it).
  // (A lock-free concurrent set was tried: its tagged pointers hide the names from the leak
  // checker of the sanitizer build.) In shards by hash: a rebuild interns 10,000 new names from
  // every thread at once, and one lock for all of them put the threads to sleep on each other.
  struct Shard {
    std::shared_mutex mutex;
    std::unordered_map<std::string_view, const std::string*> names;
  };
  static constexpr std::size_t k_shards = 64;
  Shard shards[k_shards];
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
  const std::size_t hash = std::hash<std::string_view>{}(name);
  Pool::Shard& shard = pool().shards[(hash >> 7) % Pool::k_shards];  // not the bits that pick the bucket
  const std::string* found = nullptr;
  {
    std::shared_lock lock(shard.mutex);
    if (auto it = shard.names.find(name); it != shard.names.end()) found = it->second;
  }
  if (!found) {
    std::unique_lock lock(shard.mutex);
    if (auto it = shard.names.find(name); it != shard.names.end()) {
      found = it->second;  // another thread's, since the look above
    } else {
      found = new std::string(name);
      shard.names.emplace(*found, found);
    }
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
