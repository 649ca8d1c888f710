#pragma once
// `nastavnik links`: checks every link of the output tree. Sees only the output folder, the
// config values passed in and two data files' URLs (content/monitoring.yaml, documents.yaml).
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace nastavnik::net {

struct LinkCheckOptions {
  std::filesystem::path site_dir;
  std::filesystem::path out_dir;
  std::string base_url;          ///< absolute, ends with '/'
  std::string monitoring_slug = "monitoring";  ///< pages the data files' URLs are attributed to
  std::string documents_slug = "dokumenty";
  bool external = false;
  std::chrono::milliseconds timeout{10'000};
  int concurrency = 8;
  int per_host = 2;
  std::vector<std::string> exclude;  ///< ECMAScript regular expressions, searched in the URL
  std::filesystem::path cache_file;  ///< empty: no cache
  std::chrono::seconds cache_ttl{24 * 3600};
  int max_attempts = 3;
  std::chrono::milliseconds backoff{500};  ///< first retry delay, doubled each time
  std::chrono::seconds max_retry_after{30};
  /// Called after each checked link (done, total); on the calling thread.
  std::function<void(std::size_t, std::size_t)> progress;
};

struct LinkResult {
  std::string url;  ///< external: the URL; internal: the site path with the fragment
  bool external = false;
  bool broken = false;
  std::string error;  ///< Russian: «404 Не найдено», «тайм-аут 10 с», «файл не найден»
  long status = 0;
  long redirect_status = 0;  ///< 301 or 308 when permanently redirected
  std::string redirect_to;
  bool from_cache = false;
  int attempts = 0;
  std::vector<std::string> pages;  ///< output-relative files that contain the link, sorted
};

struct LinkReport {
  bool ok = true;          ///< false: the output could not be read (see error)
  std::string error;       ///< Russian
  std::size_t checked = 0;  ///< distinct links checked (internal and external)
  std::size_t internal = 0, external = 0, excluded = 0, cached = 0;
  std::size_t requests = 0;  ///< HTTP requests sent
  std::size_t max_in_flight = 0;
  std::vector<LinkResult> broken;     ///< sorted by URL
  std::vector<LinkResult> redirects;  ///< permanent redirects (not errors)
};

LinkReport check_links(const LinkCheckOptions& options);

/// The external part, used by check_links: checks `results` (url set, pages kept) in place.
void check_external(std::vector<LinkResult>& results, const LinkCheckOptions& options, LinkReport& report);

/// http(s) URLs named by content/monitoring.yaml (`source:`) and content/documents.yaml (`url:`),
/// each with the output page that shows it.
std::vector<std::pair<std::string, std::string>> data_file_urls(const LinkCheckOptions& options);

}  // namespace nastavnik::net
