// libFuzzer target: content/roadmap.yaml through the YAML adapter and load_roadmap.
#include "data_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nastavnik;
  return fuzz::run_data_loader<model::Roadmap>(data, size, "content/roadmap.yaml", [](auto& doc, auto& out, auto& ctx) {
    content::load_roadmap(doc, out, ctx);
  });
}
