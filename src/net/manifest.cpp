#include "net/manifest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "output/writer.hpp"
#include "util/hash.hpp"

namespace nastavnik::net {

namespace fs = std::filesystem;

std::string manifest_to_json(const Manifest& manifest) {
  nlohmann::json files = nlohmann::json::object();
  for (const auto& [rel, e] : manifest.files) files[rel] = {{"xxh3", e.hash}, {"size", e.size}};
  nlohmann::json doc = {{"generator", "nastavnik"}, {"version", 1}, {"files", std::move(files)}};
  return doc.dump(1) + "\n";
}

std::optional<Manifest> parse_manifest(std::string_view text) {
  try {
    auto doc = nlohmann::json::parse(text);
    if (!doc.is_object() || doc.value("generator", "") != "nastavnik" || doc.value("version", 0) != 1) return std::nullopt;
    Manifest m;
    for (const auto& [rel, e] : doc.at("files").items()) {
      // A manifest names paths inside the target only.
      if (rel.empty() || rel.front() == '/' || rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos)
        continue;
      m.files[rel] = ManifestEntry{e.at("xxh3").get<std::string>(), e.value("size", std::uint64_t{0})};
    }
    return m;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

bool scan_output(const fs::path& out, std::vector<LocalFile>& files, std::string& error) {
  files.clear();
  try {
    for (auto it = fs::recursive_directory_iterator(out); it != fs::recursive_directory_iterator(); ++it) {
      if (!it->is_regular_file()) continue;
      std::string rel = fs::relative(it->path(), out).generic_string();
      if (rel == output::k_marker || rel == k_manifest_name || output::is_cache_file(rel)) continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      if (!in && !in.eof()) {
        error = "не удалось прочитать файл " + it->path().string();
        return false;
      }
      std::string bytes = ss.str();
      files.push_back(LocalFile{rel, util::hash_hex(bytes), bytes.size()});
    }
  } catch (const fs::filesystem_error& e) {
    error = "не удалось прочитать папку результата: " + e.path1().string();
    return false;
  }
  std::sort(files.begin(), files.end(), [](const LocalFile& a, const LocalFile& b) { return a.rel < b.rel; });
  return true;
}

DeployPlan make_plan(const std::vector<LocalFile>& local, const Manifest& remote, bool remove) {
  DeployPlan plan;
  for (const auto& f : local) {
    auto it = remote.files.find(f.rel);
    if (it != remote.files.end() && it->second.hash == f.hash) {
      ++plan.unchanged;
    } else {
      plan.upload.push_back(f);
      plan.upload_bytes += f.size;
    }
    plan.next.files[f.rel] = ManifestEntry{f.hash, f.size};
  }
  for (const auto& [rel, e] : remote.files) {
    if (plan.next.files.count(rel)) continue;
    if (remove) {
      plan.remove.push_back(rel);
    } else {
      plan.stale.push_back(rel);
      plan.next.files[rel] = e;  // still ours: a later --delete may remove it
    }
  }
  return plan;
}

}  // namespace nastavnik::net
