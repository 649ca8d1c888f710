#include "render/layouts.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "render/embedded_layouts.hpp"

namespace nastavnik::render {

namespace fs = std::filesystem;

std::map<std::string, std::string> load_layouts(const std::string& site_dir, diag::Sink& sink) {
  std::map<std::string, std::string> files;
  for (const auto& f : embedded_layouts()) files[std::string(f.path)] = std::string(f.bytes);
  if (site_dir.empty()) return files;
  std::error_code ec;
  if (!fs::is_directory(site_dir, ec)) return files;

  std::vector<fs::path> found;
  for (fs::recursive_directory_iterator it(site_dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());  // deterministic, whatever the directory order
  for (const auto& p : found) {
    std::string rel = fs::relative(p, site_dir, ec).generic_string();
    if (ec || rel.empty() || rel.rfind("..", 0) == 0) continue;
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in && !in.eof()) {
      sink.report("template.error", diag::SourcePos{"layouts/" + rel, 0, 0}, "не удалось прочитать файл шаблона",
                  "проверьте права доступа к файлу");
      continue;
    }
    files[rel] = ss.str();
  }
  return files;
}

}  // namespace nastavnik::render
