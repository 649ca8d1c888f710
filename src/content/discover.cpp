#include "content/discover.hpp"

#include <algorithm>

#include "util/utf8.hpp"

namespace nastavnik::content {

namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& root_canonical, const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  if (ec) return false;
  auto r = root_canonical.lexically_normal().string();
  auto s = c.lexically_normal().string();
  return s == r || (s.size() > r.size() && s.compare(0, r.size(), r) == 0 && s[r.size()] == '/');
}

bool safe_name(const std::string& name) {
  if (name.empty() || name.size() > 255) return false;
  if (!util::utf8_valid(name)) return false;
  for (unsigned char c : name)
    if (c < 0x20 || c == '\\' || c == 0x7f) return false;
  return true;
}

}  // namespace

Discovered discover(const fs::path& root, diag::Sink& sink) {
  Discovered d;
  std::error_code ec;
  fs::path content = root / "content";
  if (!fs::is_directory(content, ec)) return d;
  fs::path root_canonical = fs::canonical(root, ec);
  // A folder of content/ (or content/ itself) that is a symlink out of the site would make every
  // file under it "inside" by its own name: check the folder once, before listing it.
  auto folder_outside = [&](const fs::path& dir, const std::string& rel) {
    std::error_code e;
    if (inside(root_canonical, dir)) return false;
    if (!fs::exists(dir, e)) return false;
    sink.report("path.outside", {rel, 0, 0}, "папка — символическая ссылка за пределы папки сайта",
                "Положите сами файлы в папку сайта вместо ссылки на другую папку.");
    return true;
  };
  if (folder_outside(content, "content")) return d;
  auto exists_file = [&](const char* name) {
    std::error_code e;
    auto p = content / name;
    if (fs::is_symlink(p, e) && !inside(root_canonical, p)) {
      sink.report("path.outside", {std::string("content/") + name, 0, 0},
                  "символическая ссылка ведёт за пределы папки сайта", "Положите сам файл в папку content/.");
      return false;
    }
    return fs::is_regular_file(p, e);
  };
  d.has_landing = exists_file("_index.md");
  d.has_regulation = exists_file("polozhenie.md");
  d.has_roadmap = exists_file("roadmap.yaml");
  d.has_bank = exists_file("bank.yaml");
  d.has_monitoring = exists_file("monitoring.yaml");
  d.has_documents = exists_file("documents.yaml");

  auto list_md = [&](const char* dir, std::vector<std::string>& out) {
    fs::path p = content / dir;
    std::error_code e;
    if (!fs::is_directory(p, e) || folder_outside(p, std::string("content/") + dir)) return;
    for (fs::directory_iterator it(p, e), end; !e && it != end; it.increment(e)) {
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      if (it->path().extension() != ".md") continue;
      std::string rel = std::string("content/") + dir + "/" + name;
      if (!safe_name(name)) {
        sink.report("path.outside", {rel, 0, 0}, "недопустимое имя файла", "Переименуйте файл: буквы, цифры, дефис.");
        continue;
      }
      if (it->is_symlink(e) && !inside(root_canonical, it->path())) {
        sink.report("path.outside", {rel, 0, 0}, "символическая ссылка ведёт за пределы папки сайта",
                    "Положите сам файл в папку content/.");
        continue;
      }
      if (!it->is_regular_file(e)) continue;
      out.push_back(rel);
    }
    std::sort(out.begin(), out.end());
  };
  list_md("programs", d.programs);
  list_md("practices", d.practices);
  list_md("news", d.news);
  list_md("pages", d.pages);

  fs::path files = content / "files";
  if (fs::is_directory(files, ec) && !folder_outside(files, "content/files")) {
    std::error_code e;
    fs::recursive_directory_iterator it(files, fs::directory_options::none, e), end;
    for (; !e && it != end; it.increment(e)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(e)) it.disable_recursion_pending();
        continue;
      }
      std::string rel = "content/" + it->path().lexically_relative(content).generic_string();
      if (!safe_name(name)) {
        sink.report("path.outside", {rel, 0, 0}, "недопустимое имя файла", "Переименуйте файл: буквы, цифры, дефис.");
        continue;
      }
      if (it->is_symlink(e)) {
        if (!inside(root_canonical, it->path())) {
          sink.report("path.outside", {rel, 0, 0}, "символическая ссылка ведёт за пределы папки сайта",
                      "Положите сам файл в папку content/files/.");
          if (it->is_directory(e)) it.disable_recursion_pending();
          continue;
        }
      }
      if (!it->is_regular_file(e)) continue;
      if (d.files.size() >= k_max_content_files) {
        sink.report("field.type", {"content/files", 0, 0},
                    "в content/files больше " + std::to_string(k_max_content_files) + " файлов",
                    "Уберите лишние файлы: сайт раздела не предназначен для хранения архивов.");
        break;
      }
      d.files.push_back(rel);
    }
    std::sort(d.files.begin(), d.files.end());
  }
  return d;
}

}  // namespace nastavnik::content
