#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang (ASan + UBSan) in build-fuzz/ and runs
# each for SECONDS (default 30) from its checked-in seed corpus. New inputs go to a scratch corpus
# under build-fuzz/, never into the repository. Prints executions per target; a crash stops the
# script with the reproducer's path (turn it into a unit test, then fix it).
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-30}
BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
CXX_CLANG=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$CXX_CLANG" ]; then
  echo "fuzz.sh: нужен clang++ (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 2
fi
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  CXX="$CXX_CLANG" cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNASTAVNIK_FUZZ=ON >/dev/null
fi
ninja -C "$BUILD_DIR" -j "${JOBS:-2}" fuzz_targets >/dev/null
status=0
for src in tests/fuzz/fuzz_*.cpp; do
  name=$(basename "$src" .cpp)
  target=${name#fuzz_}
  work="$BUILD_DIR/corpus/$target"
  mkdir -p "$work" "$BUILD_DIR/crashes/$target"
  log="$BUILD_DIR/$name.log"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$BUILD_DIR/$name" "$work" "tests/fuzz/corpus/$target" -max_total_time="$SECONDS_PER_TARGET" \
      -rss_limit_mb=2048 -timeout=10 -max_len=65536 -artifact_prefix="$BUILD_DIR/crashes/$target/" \
      -print_final_stats=1 >"$log" 2>&1; then
    echo "$target: СБОЙ — см. $log и $BUILD_DIR/crashes/$target/" >&2
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  printf '%-14s %10s executions in %ss (%s)\n' "$target" "$runs" "$SECONDS_PER_TARGET" "$cov"
done
exit $status
