#include "net/link_cache.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace nastavnik::net {

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

LinkCache::LinkCache(std::filesystem::path file, std::chrono::seconds ttl) : m_file(std::move(file)), m_ttl(ttl) {
  std::ifstream in(m_file, std::ios::binary);
  if (!in) return;
  try {
    auto doc = nlohmann::json::parse(in);
    if (doc.value("version", 0) != 1) return;
    std::int64_t now = unix_now();
    for (const auto& [url, e] : doc.at("links").items()) {
      CachedLink c;
      c.checked_at = e.value("checked", std::int64_t{0});
      c.status = e.value("status", 0L);
      c.redirect_status = e.value("redirect", 0L);
      c.redirect_to = e.value("location", std::string{});
      if (now - c.checked_at < m_ttl.count() && c.checked_at <= now) m_entries.emplace(url, std::move(c));
    }
  } catch (const nlohmann::json::exception&) {
    m_entries.clear();
  }
}

std::optional<CachedLink> LinkCache::find(const std::string& url) const {
  auto it = m_entries.find(url);
  if (it == m_entries.end()) return std::nullopt;
  return it->second;
}

void LinkCache::store(const std::string& url, CachedLink entry) { m_entries[url] = std::move(entry); }

bool LinkCache::save() const {
  nlohmann::json links = nlohmann::json::object();
  for (const auto& [url, e] : m_entries) {
    nlohmann::json j = {{"checked", e.checked_at}, {"status", e.status}};
    if (e.redirect_status) {
      j["redirect"] = e.redirect_status;
      j["location"] = e.redirect_to;
    }
    links[url] = std::move(j);
  }
  nlohmann::json doc = {{"version", 1}, {"links", std::move(links)}};
  std::error_code ec;
  std::filesystem::create_directories(m_file.parent_path(), ec);
  auto tmp = m_file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << doc.dump(1) << "\n";
    if (!out) return false;
  }
  std::filesystem::rename(tmp, m_file, ec);
  return !ec;
}

}  // namespace nastavnik::net
