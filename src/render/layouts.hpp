#pragma once
// The layout files of a build: the embedded defaults, overridden file by file by the site's
// own layouts/ directory.
#include <map>
#include <string>

#include "diag/sink.hpp"

namespace nastavnik::render {

/// Path relative to layouts/ ('/' separated) → bytes. `site_dir` may be empty or absent.
std::map<std::string, std::string> load_layouts(const std::string& site_dir, diag::Sink& sink);

}  // namespace nastavnik::render
