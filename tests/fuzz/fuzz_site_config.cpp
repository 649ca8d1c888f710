// libFuzzer target: site.yaml through load_site_config (rules overrides included). The loader
// reads a directory, so the input is written to a private temporary site first.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "config/load_config.hpp"
#include "diag/sink.hpp"

namespace {

/// The private site folder, removed at exit (libFuzzer ends with exit(), which runs destructors).
struct FuzzSite {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("nastavnik-fuzz-site-" + std::to_string(::getpid()));
  FuzzSite() { std::filesystem::create_directories(dir); }
  ~FuzzSite() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nastavnik;
  static const FuzzSite site;
  const auto& dir = site.dir;
  {
    std::ofstream out(dir / "site.yaml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  diag::Sink sink;
  (void)config::load_site_config(dir, sink);
  return 0;
}
