// libFuzzer target: the roadmap `due` parser (Russian dates, ranges, words).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "util/due.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)nastavnik::util::parse_due(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
