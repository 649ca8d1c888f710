#pragma once
// The deploy manifest: what nastavnik uploaded to a target, with a content hash per file. It is
// kept at the target as .nastavnik-manifest.json and decides what a deploy uploads and what
// `--delete` may remove (only files listed here: never anything nastavnik did not upload).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::net {

inline constexpr const char* k_manifest_name = ".nastavnik-manifest.json";

struct ManifestEntry {
  std::string hash;  ///< XXH3-64, 16 hex digits
  std::uint64_t size = 0;
};

struct Manifest {
  std::map<std::string, ManifestEntry> files;  ///< '/'-separated paths relative to the target
};

std::string manifest_to_json(const Manifest& manifest);
/// nullopt when the text is not a manifest of ours.
std::optional<Manifest> parse_manifest(std::string_view text);

struct LocalFile {
  std::string rel;
  std::string hash;
  std::uint64_t size = 0;
};

/// Every file of the output folder to deploy (without the output marker and any manifest),
/// sorted by path. Returns false with a Russian message on an I/O error.
bool scan_output(const std::filesystem::path& out, std::vector<LocalFile>& files, std::string& error);

struct DeployPlan {
  std::vector<LocalFile> upload;      ///< new or changed
  std::vector<std::string> remove;    ///< in the manifest, not in the output (only with --delete)
  std::vector<std::string> stale;     ///< in the manifest, not in the output, kept (no --delete)
  std::size_t unchanged = 0;
  std::uint64_t upload_bytes = 0;
  Manifest next;  ///< the manifest to write when everything went through
};

DeployPlan make_plan(const std::vector<LocalFile>& local, const Manifest& remote, bool remove);

}  // namespace nastavnik::net
