#include "util/allocator.hpp"

#include <cstdlib>

#ifdef NASTAVNIK_MIMALLOC
#include <mimalloc.h>
#endif

namespace nastavnik::util {

std::string allocator_name() {
#ifdef NASTAVNIK_MIMALLOC
  void* probe = std::calloc(1, 64);  // calloc: the block is not read, but initialised all the same
  const bool ours = probe != nullptr && mi_is_in_heap_region(probe);
  std::free(probe);
  if (ours) {
    const int v = mi_version();  // 209 = 2.0.9
    return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
           std::to_string(v % 10);
  }
#endif
  return "malloc библиотеки C";
}

}  // namespace nastavnik::util
