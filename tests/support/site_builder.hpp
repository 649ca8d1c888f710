#pragma once
// Site tests build a site from one string holding several files, as Hugo's integration tests:
//   "-- site.yaml --\n…\n-- content/news/a.md --\n…"
#include <filesystem>
#include <string>
#include <string_view>

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

}  // namespace nastavnik::test
