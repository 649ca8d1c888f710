#pragma once
// Results of external link checks kept for a while (.nastavnik-cache/links.json in the site),
// so that a second run within 24 hours sends no requests. Only good links are remembered: a
// broken one is checked again each time, since the curator is about to fix it.
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace nastavnik::net {

struct CachedLink {
  std::int64_t checked_at = 0;  ///< Unix seconds
  long status = 0;
  long redirect_status = 0;
  std::string redirect_to;
};

class LinkCache {
 public:
  /// Loads `file` if it exists; a damaged cache is ignored.
  LinkCache(std::filesystem::path file, std::chrono::seconds ttl);
  std::optional<CachedLink> find(const std::string& url) const;
  void store(const std::string& url, CachedLink entry);
  /// Writes the cache back (atomically); returns false on an I/O error.
  bool save() const;

 private:
  std::filesystem::path m_file;
  std::chrono::seconds m_ttl;
  std::map<std::string, CachedLink> m_entries;
};

std::int64_t unix_now();

}  // namespace nastavnik::net
