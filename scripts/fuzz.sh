#!/usr/bin/env bash
# Runs each libFuzzer target of tests/fuzz/ for SECONDS (default 20) from its checked-in seed corpus,
# as many at a time as there are cores. The targets are built by scripts/sanitize.sh in build-san/
# (clang, ASan + UBSan). New inputs go to a scratch corpus under build-san/fuzz/, never into the
# repository. Prints executions per target; a crash, leak, timeout or sanitizer report fails the
# script with the reproducer's path (turn it into a unit test, then fix it).
#   scripts/fuzz.sh [SECONDS] [TARGET…]      e.g. scripts/fuzz.sh 300 due markdown
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-20}
shift || true
BUILD_DIR=${SAN_BUILD_DIR:-build-san}
scripts/sanitize.sh --build-only >/dev/null
work="$BUILD_DIR/fuzz"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/fuzz_*.cpp; do
    name=$(basename "$src" .cpp)
    targets+=("${name#fuzz_}")
  done
fi

run_one() {  # $1: target; writes $work/$1.log and $work/$1.status
  local target=$1 status=0
  mkdir -p "$work/corpus/$target" "$work/crashes/$target"
  # -rss_limit_mb: the 64 MB source limit plus ASan's overhead; -timeout: one input, seconds.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$BUILD_DIR/fuzz_$target" "$work/corpus/$target" "tests/fuzz/corpus/$target" \
    -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -artifact_prefix="$work/crashes/$target/" -print_final_stats=1 >"$work/$target.log" 2>&1 || status=$?
  echo "$status" >"$work/$target.status"
}

mkdir -p "$work"
jobs_max=$(nproc)
for target in "${targets[@]}"; do
  [ -x "$BUILD_DIR/fuzz_$target" ] || { echo "fuzz.sh: нет цели fuzz_$target" >&2; exit 2; }
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
  run_one "$target" &
done
wait

failed=0
for target in "${targets[@]}"; do
  log="$work/$target.log"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  corpus=$(find "$work/corpus/$target" "tests/fuzz/corpus/$target" -type f | wc -l)
  if [ "$(cat "$work/$target.status")" = "0" ]; then
    printf 'fuzz %-14s %9s executions in %ss, coverage %s, corpus %s\n' "$target" "$runs" "$SECONDS_PER_TARGET" "$cov" "$corpus"
  else
    printf 'fuzz %-14s СБОЙ после %s запусков: %s\n' "$target" "$runs" "$log" >&2
    grep -m1 -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" >&2 || tail -5 "$log" >&2
    ls "$work/crashes/$target" >&2
    failed=1
  fi
done
exit $failed
