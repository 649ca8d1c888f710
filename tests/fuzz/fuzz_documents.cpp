// libFuzzer target: content/documents.yaml through the YAML adapter and load_documents.
#include "data_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nastavnik;
  return fuzz::run_data_loader<model::Documents>(data, size, "content/documents.yaml", [](auto& doc, auto& out, auto& ctx) {
    content::load_documents(doc, out, ctx);
  });
}
