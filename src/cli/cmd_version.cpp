#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "util/allocator.hpp"

namespace nastavnik::cli {

ExitStatus cmd_version(const std::vector<std::string>& args) {
  auto app = make_app("version", "Показать версию nastavnik.");
  if (auto st = parse(*app, args)) return *st;
  std::cout << "nastavnik " << NASTAVNIK_VERSION << "\n"
            << "память: " << util::allocator_name() << "\n";
  return ExitStatus::ok;
}

}  // namespace nastavnik::cli
