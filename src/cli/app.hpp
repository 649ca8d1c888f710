#pragma once
// Helpers shared by the commands: a CLI11 app with Russian help, Russian parse errors, common
// options and printing of diagnostics.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "diag/sink.hpp"
#include "util/date.hpp"

namespace nastavnik::cli {

/// A command's parser with Russian labels and `-h,--help`.
std::unique_ptr<CLI::App> make_app(const std::string& name, const std::string& description);

/// Parses args (without the program and command names). On --help prints help and returns
/// ExitStatus::ok; on a usage error prints a Russian message and returns ExitStatus::usage;
/// nullopt when parsing succeeded and the command should run.
std::optional<ExitStatus> parse(CLI::App& app, std::vector<std::string> args);

/// `--now YYYY-MM-DD` or today's date. Returns false (after printing) for a bad value.
bool resolve_now(const std::string& text, util::Date& out);

struct PrintOptions {
  bool json = false;
  bool quiet = false;  ///< only errors, no summary
  std::filesystem::path site_dir;
};

/// Prints the sink's diagnostics (text to stderr with the summary line, or JSON to stdout).
void print_diagnostics(const diag::Sink& sink, const PrintOptions& options);

/// Prints a usage/I/O problem in Russian to stderr.
void print_error(const std::string& message);

/// True when stdout/stderr is a terminal and NO_COLOR is not set.
bool use_color(int fd);

}  // namespace nastavnik::cli
