#pragma once
// Site tests build a site from one string holding several files, as Hugo's integration tests:
//   "-- site.yaml --\n…\n-- content/news/a.md --\n…"
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "pipeline/pipeline.hpp"
#include "util/date.hpp"

namespace nastavnik::test {

/// A temporary directory removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

/// Writes every "-- path --" section of `files` under `dir`.
void write_files(const std::filesystem::path& dir, std::string_view files);
std::string read_file(const std::filesystem::path& path);

/// The fixed "today" of every site test, so that date rules do not drift.
inline constexpr util::Date k_test_now{2026, 11, 20};

/// True in the ASan+UBSan build (scripts/sanitize.sh), where the binary runs several times slower:
/// tests that size their input by time scale it down there.
#ifdef NASTAVNIK_SANITIZED
inline constexpr bool k_sanitized = true;
#else
inline constexpr bool k_sanitized = false;
#endif

/// The source tree (for tests/sites/…, the demo site).
std::filesystem::path source_dir();
/// Copies tests/sites/base (a small complete valid site) into `dir`.
void copy_base_site(const std::filesystem::path& dir);

struct RunResult {
  pipeline::Outcome outcome;
  std::vector<diag::Diagnostic> diagnostics;
  int errors = 0, warnings = 0;
};
/// Runs the pipeline in-process (check when out is empty, else build into out).
RunResult run_site(const std::filesystem::path& dir, const std::filesystem::path& out = {},
                   util::Date now = k_test_now);
/// "file:line:col code" for each diagnostic, in the printed order.
std::vector<std::string> keys(const std::vector<diag::Diagnostic>& items);
/// True when some diagnostic has this code.
bool has_code(const std::vector<diag::Diagnostic>& items, std::string_view code);

struct ProcessResult {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};
/// Runs the real nastavnik binary with `args` (no shell), in `cwd` when given.
ProcessResult run_binary(const std::vector<std::string>& args, const std::filesystem::path& cwd = {});
/// Every regular file under dir, relative, sorted, with its bytes.
std::vector<std::pair<std::string, std::string>> snapshot(const std::filesystem::path& dir);

}  // namespace nastavnik::test
