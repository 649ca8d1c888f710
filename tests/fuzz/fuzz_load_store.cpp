// libFuzzer target: decoding an entry of the load store (content/load_store.cpp). The store's
// checksums keep damage out, but the decoder must stand on its own: any bytes give an entry or
// nothing, never a crash, a hang or a huge allocation; an entry that decodes encodes back to
// the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/load_store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nastavnik;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto e = content::decode_source(bytes))
    if (content::encode_source(*e) != bytes) std::abort();
  return 0;
}
