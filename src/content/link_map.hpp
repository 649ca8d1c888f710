#pragma once
// Where each content file ends up in the output, so that Markdown links between content files
// become page URLs and missing targets become link.broken.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <optional>

#include "diag/sink.hpp"

namespace nastavnik::content {

class LinkMap {
 public:
  /// A content file ("content/practices/a.md", "content/roadmap.yaml", "content/files/x.pdf")
  /// and its output URL ("praktiki/a/", "files/x.pdf"). `published` false: a draft or a
  /// future item, left out of this build.
  void add(std::string source, std::string url, bool published = true);
  /// Room for `n` sources and URLs, so that adding them does not rehash.
  void reserve(std::size_t n) {
    m_sources.reserve(n);
    m_urls.reserve(n);
  }
  /// A site URL that exists in the output (section pages), for root-relative links.
  void add_url(std::string url);

  /// Resolves `url` written in `source` for the page at `page_url` (site-root-relative
  /// directory). Returns the href relative to the page, nullopt to keep the URL as written.
  /// Reports link.broken or path.outside into `sink`.
  std::optional<std::string> resolve(std::string_view url, const std::string& source, const std::string& page_url,
                                     const diag::SourcePos& pos, diag::Sink& sink) const;

  /// XXH3-128 (hex) of everything resolve reads besides its arguments: every source with its
  /// URL and whether it is published, and every URL. Two maps with the same digest resolve
  /// every link alike (a body's memo checks its links' answers by it: content/load_cache.hpp).
  std::string digest() const;

 private:
  struct Target {
    std::string url;
    bool published = true;
  };
  std::unordered_map<std::string, Target> m_sources;
  std::unordered_set<std::string> m_urls;
};

/// Decodes %XX escapes (invalid ones are kept as written).
std::string percent_decode(std::string_view s);

}  // namespace nastavnik::content
