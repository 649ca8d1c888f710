// libFuzzer target: decoding an entry of the load store (content/load_codec.cpp). The store's
// checksums keep damage out, but the decoder must stand on its own: any bytes give an entry or
// nothing, never a crash, a hang or a huge allocation; an entry that decodes encodes to bytes
// that decode to the same entry (the encoder's choices — a block as its place in the plain
// text, a position in the entry's own file as a flag — make one canonical form of several).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/load_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nastavnik;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto e = content::decode_source(bytes)) {
    const std::string canonical = content::encode_source(*e);
    auto again = content::decode_source(canonical);
    if (!again || content::encode_source(*again) != canonical) std::abort();
  }
  return 0;
}
