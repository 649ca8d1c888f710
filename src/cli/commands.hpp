#pragma once
// The table of commands. Each command lives in its own cmd_<name>.cpp.
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace nastavnik::cli {

using Handler = ExitStatus (*)(const std::vector<std::string>& args);

struct Command {
  const char* name;
  const char* summary;  ///< Russian, one line
  Handler handler;
};

const std::vector<Command>& commands();

ExitStatus cmd_build(const std::vector<std::string>& args);
ExitStatus cmd_check(const std::vector<std::string>& args);
ExitStatus cmd_version(const std::vector<std::string>& args);
ExitStatus cmd_serve(const std::vector<std::string>& args);
ExitStatus cmd_new(const std::vector<std::string>& args);
ExitStatus cmd_init(const std::vector<std::string>& args);
ExitStatus cmd_links(const std::vector<std::string>& args);
ExitStatus cmd_deploy(const std::vector<std::string>& args);

}  // namespace nastavnik::cli
