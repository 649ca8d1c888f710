#!/usr/bin/env bash
# Issue 4: the whole Catch suite under AddressSanitizer + UndefinedBehaviorSanitizer. One clang
# build in build-san/ (-DNASTAVNIK_FUZZ=ON) serves this and the libFuzzer targets of scripts/fuzz.sh:
# the library objects carry ASan, UBSan and libFuzzer's coverage hooks and link into both.
# The suite runs through CTest (one process per test case, in parallel); the browser suites are node
# and run on the normal build only. A sanitizer report from any process (the tests, the nastavnik
# binary and servers they start) is written to build-san/sanitizer-logs/ and fails the run.
#   scripts/sanitize.sh [--build-only] [ctest arguments…]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${SAN_BUILD_DIR:-build-san}
CXX_CLANG=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$CXX_CLANG" ]; then
  echo "sanitize.sh: нужен clang++ (scripts/setup.sh ставит clang-14 и libclang-rt-14-dev)" >&2
  exit 2
fi
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  # -O1 as ASan's documentation advises (and ~10 % less compile time than -O2 -g); line tables
  # are enough for symbolised reports; lld links the 10 executables faster than ld.bfd.
  CXX="$CXX_CLANG" cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld \
    -DNASTAVNIK_FUZZ=ON ${CMAKE_ARGS:-} >/dev/null
fi
ninja -C "$BUILD_DIR" -j "${JOBS:-$(nproc)}" nastavnik nastavnik_tests fuzz_targets
[ "${1:-}" = "--build-only" ] && exit 0

logs="$PWD/$BUILD_DIR/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$logs/asan}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan}
status=0
ctest --test-dir "$BUILD_DIR" --label-exclude browser --output-on-failure -j "$(nproc)" "$@" || status=$?
if [ -n "$(ls -A "$logs")" ]; then
  echo "sanitize.sh: отчёты санитайзеров ($logs):" >&2
  for f in "$logs"/*; do
    echo "---- $f" >&2
    cat "$f" >&2
  done
  status=1
fi
exit $status
