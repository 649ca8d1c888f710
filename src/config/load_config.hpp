#pragma once
// site.yaml → SiteConfig, with the rule set's overrides.
#include <filesystem>
#include <optional>

#include "config/site_config.hpp"
#include "diag/sink.hpp"

namespace nastavnik::config {

enum class ConfigStatus { ok, missing, invalid };

struct ConfigResult {
  ConfigStatus status = ConfigStatus::ok;
  SiteConfig config;  ///< filled as far as possible even when invalid
};

/// Reads `root/site.yaml`. `missing` when there is no such file (not a site directory).
ConfigResult load_site_config(const std::filesystem::path& root, diag::Sink& sink);

/// Checks and normalises an absolute http(s) base URL: adds the trailing '/', fills base_path.
/// Returns false when the URL is not absolute http(s).
bool set_base_url(SiteConfig& config, std::string url);

/// A URL slug of a section: [a-z0-9-], 1..80 characters.
bool is_safe_slug(std::string_view slug);

}  // namespace nastavnik::config
