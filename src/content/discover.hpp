#pragma once
// Finding the content files of a site.
#include <filesystem>
#include <string>
#include <vector>

#include "diag/sink.hpp"

namespace nastavnik::content {

struct Discovered {
  std::vector<std::string> programs, practices, news, pages;  ///< "content/news/a.md", sorted
  std::vector<std::string> files;                             ///< "content/files/…", sorted
  bool has_landing = false, has_regulation = false, has_roadmap = false, has_bank = false,
       has_monitoring = false, has_documents = false;
};

/// At most this many files under content/; more is refused (a site is not a file dump).
constexpr std::size_t k_max_content_files = 200'000;

/// Lists content/ of `root`. Symbolic links that lead outside the site, and names that cannot
/// become safe output paths, get path.outside and are skipped. Hidden files (".…") are ignored.
Discovered discover(const std::filesystem::path& root, diag::Sink& sink);

}  // namespace nastavnik::content
