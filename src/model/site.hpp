#pragma once
// The whole site as loaded: plain data, no behaviour beyond small queries.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/site_config.hpp"
#include "model/bank.hpp"
#include "model/documents.hpp"
#include "model/monitoring.hpp"
#include "model/pages.hpp"
#include "model/roadmap.hpp"

namespace nastavnik::model {

/// A file under content/files/ copied to the output as it is.
struct StaticFile {
  std::string source;   ///< "content/files/a.pdf"
  std::string output;   ///< "files/a.pdf"
  std::uint64_t size = 0;
};

struct BuildOptions {
  Date now;
  bool drafts = false;
  bool future = false;
  /// False for `check`: nothing is rendered, so a body's HTML is dropped as soon as it is stored
  /// (validation never reads it): the memory is reused by the next bodies instead of growing.
  bool render = true;
};

struct Site {
  std::string root;  ///< absolute site directory
  config::SiteConfig config;
  BuildOptions options;
  std::optional<Landing> landing;
  std::optional<Regulation> regulation;
  Roadmap roadmap;
  Bank bank;
  Monitoring monitoring;
  Documents documents;
  std::vector<Program> programs;    ///< sorted by start date, newest first
  std::vector<Practice> practices;  ///< sorted by title
  std::vector<NewsItem> news;       ///< published only (drafts/future dropped unless asked), newest first
  std::vector<Page> pages;          ///< sorted by weight, then title
  std::vector<StaticFile> files;
};

/// Status of a programme on a given day.
inline ProgramStatus program_status(const Program& p, const Date& now) {
  if (now < p.start) return ProgramStatus::planned;
  if (p.end < now) return ProgramStatus::finished;
  return ProgramStatus::running;
}

}  // namespace nastavnik::model
