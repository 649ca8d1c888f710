#pragma once
// Content discovery and loading: site directory → model::Site (the "load" stage).
#include <filesystem>

#include "config/site_config.hpp"
#include "diag/sink.hpp"
#include "model/site.hpp"

namespace nastavnik::content {

class LoadCache;

/// Loads every content file of `root` in parallel (at most `jobs` threads, 0 = all cores),
/// checking fields, rendering Markdown bodies and resolving links. Every problem goes to
/// `sink`; loading never stops at the first one. With a `cache` (serve keeps one between
/// rebuilds), unchanged sources are not parsed or rendered again; see content/load_cache.hpp.
model::Site load_site(const std::filesystem::path& root, config::SiteConfig config,
                      const model::BuildOptions& options, diag::Sink& sink, int jobs = 0,
                      LoadCache* cache = nullptr);

}  // namespace nastavnik::content
