// libFuzzer target: content/monitoring.yaml through the YAML adapter and load_monitoring.
#include "data_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nastavnik;
  return fuzz::run_data_loader<model::Monitoring>(data, size, "content/monitoring.yaml", [](auto& doc, auto& out, auto& ctx) {
    content::load_monitoring(doc, out, ctx);
  });
}
