#include "cli/commands.hpp"

#include <iostream>

#include "cli/app.hpp"
#include "util/suggest.hpp"

namespace nastavnik::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"build", "проверить сайт и собрать его в папку public/", cmd_build},
      {"check", "только проверить сайт, не собирая результат", cmd_check},
      {"links", "проверить ссылки собранного сайта (с --external — и внешние)", cmd_links},
      {"deploy", "загрузить собранный сайт на хостинг (FTP, FTPS, SFTP, WebDAV, папка)", cmd_deploy},
      {"serve", "предпросмотр в браузере: пересборка и обновление страниц при сохранении", cmd_serve},
      {"new", "создать практику, новость, программу или страницу по шаблону", cmd_new},
      {"init", "создать новый сайт в пустой папке", cmd_init},
      {"version", "показать версию", cmd_version},
  };
  return table;
}

namespace {

void print_usage(std::ostream& out) {
  out << "nastavnik — генератор раздела «Целевая модель наставничества» школьного сайта\n\n"
         "Использование: nastavnik КОМАНДА [ПАРАМЕТРЫ]\n\nКоманды:\n";
  for (const auto& c : commands()) {
    std::string name = c.name;
    out << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') << c.summary << "\n";
  }
  out << "\nСправка по команде: nastavnik КОМАНДА --help\n";
}

}  // namespace

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  if (args.empty()) {
    print_usage(std::cerr);
    return static_cast<int>(ExitStatus::usage);
  }
  const std::string& name = args.front();
  if (name == "-h" || name == "--help" || name == "help") {
    print_usage(std::cout);
    return 0;
  }
  if (name == "--version" || name == "-V") return static_cast<int>(cmd_version({}));
  for (const auto& c : commands()) {
    if (name == c.name) {
      try {
        return static_cast<int>(c.handler(std::vector<std::string>(args.begin() + 1, args.end())));
      } catch (const std::exception& e) {
        print_error(std::string("внутренняя ошибка: ") + e.what());
        return static_cast<int>(ExitStatus::usage);
      }
    }
  }
  std::vector<std::string> names;
  for (const auto& c : commands()) names.emplace_back(c.name);
  std::cerr << "nastavnik: неизвестная команда «" << name << "»\n";
  if (auto best = util::closest(name, names)) std::cerr << "  подсказка: возможно, имелось в виду «" << *best << "»\n";
  std::cerr << "Список команд: nastavnik --help\n";
  return static_cast<int>(ExitStatus::usage);
}

}  // namespace nastavnik::cli
