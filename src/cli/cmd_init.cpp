// `nastavnik init DIR`: a new minimal site that builds with zero errors and zero warnings.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "scaffold/scaffold.hpp"
#include "util/plural.hpp"

namespace nastavnik::cli {

namespace fs = std::filesystem;

ExitStatus cmd_init(const std::vector<std::string>& args) {
  std::string dir;
  auto app = make_app("init",
                      "Создать новый сайт раздела «Целевая модель наставничества» в пустой (или новой) папке.\n"
                      "Пример: nastavnik init nastavnichestvo");
  app->add_option("DIR", dir, "папка нового сайта (новая или пустая)")->required()->type_name("ПАПКА");
  if (auto st = parse(*app, args)) return *st;

  std::error_code ec;
  const fs::path root = dir;
  if (fs::exists(root, ec)) {
    if (!fs::is_directory(root, ec)) {
      print_error("«" + dir + "» — это файл, а не папка. Укажите новую или пустую папку.");
      return ExitStatus::usage;
    }
    if (!fs::is_empty(root, ec) || ec) {
      print_error("папка «" + dir + "» не пуста — nastavnik init создаёт сайт только в новой или пустой папке, "
                  "чтобы ничего не перезаписать.\n  подсказка: укажите другую папку, например: nastavnik init novyy-sayt");
      return ExitStatus::usage;
    }
  }
  const auto files = scaffold::init_site(util::today());
  for (const auto& [rel, bytes] : files) {
    fs::path path = root / rel;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    out.close();
    if (!out) {
      print_error("не удалось записать " + path.string() + " (проверьте права на папку)");
      return ExitStatus::usage;
    }
  }
  for (const char* d : {"content/files", "content/pages"}) fs::create_directories(root / d, ec);
  std::cout << "Создан сайт в папке " << root.string() << " (" << util::count_ru(static_cast<long>(files.size()), "файл", "файла", "файлов") << ").\n"
            << "Дальше:\n"
            << "  1. Впишите название школы и адрес раздела в " << (root / "site.yaml").string() << "\n"
            << "  2. Заполните content/polozhenie.md, content/roadmap.yaml, content/bank.yaml, content/documents.yaml\n"
            << "  3. Смотрите результат в браузере: nastavnik serve -s " << root.string() << "\n"
            << "  4. Соберите сайт для выкладки: nastavnik build -s " << root.string() << "\n";
  return ExitStatus::ok;
}

}  // namespace nastavnik::cli
