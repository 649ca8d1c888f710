#pragma once
// Render stage: the loaded and validated Site → every output file, in memory.
#include <string>
#include <vector>

#include "diag/sink.hpp"
#include "model/site.hpp"

namespace nastavnik::render {

/// One file of the output tree. Either `bytes` holds its content, or `copy_from` names a site
/// file (absolute path) to copy as it is.
struct OutputFile {
  std::string path;  ///< relative to the output root, '/' separated, e.g. "novosti/a/index.html"
  std::string bytes;
  std::string copy_from;
};

struct RenderOptions {
  std::string layouts_dir;  ///< the site's own layouts/ (may not exist): overrides file by file
  bool serve_mode = false;  ///< inject the live-reload script
  int jobs = 0;             ///< 0: all cores
};

/// Renders every page, feed, calendar, sitemap, asset and copied file. Template problems are
/// reported into the sink. Output order is deterministic (sorted by path).
std::vector<OutputFile> render_site(const model::Site& site, const RenderOptions& options, diag::Sink& sink);

}  // namespace nastavnik::render
