#include "support/site_builder.hpp"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace nastavnik::test {

TempDir::TempDir() {
  std::random_device rd;
  auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("nastavnik-test-" + std::to_string(rd()));
    if (std::filesystem::create_directory(candidate)) {
      m_path = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

void write_files(const std::filesystem::path& dir, std::string_view files) {
  std::string current;
  std::string content;
  auto flush = [&] {
    if (current.empty()) return;
    auto target = dir / current;
    std::filesystem::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    out << content;
  };
  std::size_t pos = 0;
  while (pos <= files.size()) {
    std::size_t eol = files.find('\n', pos);
    std::string_view line = files.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    if (line.size() > 6 && line.substr(0, 3) == "-- " && line.substr(line.size() - 3) == " --") {
      flush();
      current = std::string(line.substr(3, line.size() - 6));
      content.clear();
    } else if (!current.empty()) {
      content.append(line);
      if (eol != std::string_view::npos) content.push_back('\n');
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  flush();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace nastavnik::test
