// URLs named by the two data files whose links reach the output pages: monitoring.yaml
// (`source:` of indicators) and documents.yaml (`url:` of documents). Read minimally through the
// YAML adapter; a syntax error here is the build's business, so it only means "no URLs".
#include <fstream>
#include <sstream>

#include "content/yaml_doc.hpp"
#include "net/link_check.hpp"

namespace nastavnik::net {

namespace {

std::optional<content::YNode> load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  diag::Sink ignored;
  return content::parse_yaml(ss.str(), file.filename().string(), 1, ignored);
}

void collect(const content::YNode* list, const char* key, const std::string& page,
             std::vector<std::pair<std::string, std::string>>& out) {
  if (!list || !list->is_seq()) return;
  for (const auto& item : list->items) {
    const content::YNode* v = item.is_map() ? item.get(key) : nullptr;
    if (!v || !v->is_scalar()) continue;
    const std::string& url = v->scalar;
    if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) out.emplace_back(url, page);
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> data_file_urls(const LinkCheckOptions& options) {
  std::vector<std::pair<std::string, std::string>> out;
  auto content = options.site_dir / "content";
  if (auto doc = load(content / "monitoring.yaml"); doc && doc->is_map())
    collect(doc->get("indicators"), "source", options.monitoring_slug + "/index.html", out);
  if (auto doc = load(content / "documents.yaml"); doc && doc->is_map())
    collect(doc->get("documents"), "url", options.documents_slug + "/index.html", out);
  return out;
}

}  // namespace nastavnik::net
