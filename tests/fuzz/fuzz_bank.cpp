// libFuzzer target: content/bank.yaml through the YAML adapter and load_bank.
#include "data_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nastavnik;
  return fuzz::run_data_loader<model::Bank>(data, size, "content/bank.yaml", [](auto& doc, auto& out, auto& ctx) {
    content::load_bank(doc, out, ctx);
  });
}
