#include "util/allocator.hpp"

#include <cstdlib>
#include <mutex>
#include <vector>

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

void keep_until_exit(std::shared_ptr<void> what) {
  struct Kept {
    std::mutex mutex;
    std::vector<std::shared_ptr<void>> items;
  };
  static Kept* const kept = new Kept();  // never destroyed: what it holds is never freed
  std::lock_guard lock(kept->mutex);
  kept->items.push_back(std::move(what));
}

}  // namespace nastavnik::util
