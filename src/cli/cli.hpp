#pragma once
// The command line: the only part of the program that prints or exits.
namespace nastavnik::cli {

/// Exit codes of every command (SPEC).
enum class ExitStatus : int {
  ok = 0,       ///< success (warnings allowed unless --strict)
  content = 1,  ///< content errors, broken links, failed upload
  usage = 2,    ///< usage error, unreadable site, I/O failure
};

int run(int argc, char** argv);

}  // namespace nastavnik::cli
