#pragma once

#include <string>

namespace nastavnik::util {

// Which allocator serves this process's malloc: "mimalloc 2.0.9" when the build links mimalloc
// (NASTAVNIK_MIMALLOC, see CMakeLists.txt) and its override is in effect, otherwise the C library's.
// The check is real (an allocated block is asked whether it lives in mimalloc's heap), so a link
// order that lets glibc's malloc win shows here and fails the version test.
std::string allocator_name();

}  // namespace nastavnik::util
