#pragma once

#include <memory>
#include <string>

namespace nastavnik::util {

// Which allocator serves this process's malloc: "mimalloc 2.0.9" when the build links mimalloc
// (NASTAVNIK_MIMALLOC, see CMakeLists.txt) and its override is in effect, otherwise the C library's.
// The check is real (an allocated block is asked whether it lives in mimalloc's heap), so a link
// order that lets glibc's malloc win shows here and fails the version test.
std::string allocator_name();

/// Keeps `what` until the process ends, never freed: a run that is the process's last (build,
/// check) leaves its big structures — the site model, the pages, the search memo — to the
/// system instead of freeing them piece by piece on one core (8-11 ms each at 10,000 pages).
/// Reachable from a static pointer, so the sanitizer build's leak checker does not count it.
void keep_until_exit(std::shared_ptr<void> what);

}  // namespace nastavnik::util
