#!/usr/bin/env bash
# Runs every test (this is CI's command, .ci/run):
#   1. installs what is missing and builds nastavnik with gcc in build/ (scripts/setup.sh);
#   2. the whole CTest suite on it: unit, site, invalid fixtures, golden pages, CLI tests on the
#      real binary, real servers, the browser suites;
#   3. the Catch suite again under ASan + UBSan (clang, build-san/: scripts/sanitize.sh);
#   4. every libFuzzer target for FUZZ_SECONDS from its seed corpus (scripts/fuzz.sh).
# The clang build of step 3 starts at once at the lowest priority (nice 19), so it takes only
# the cores that the gcc build and the tests leave idle, and does not slow them down.
# NASTAVNIK_DEEP_CHECKS=1 (nightly, before a release) fuzzes 5 minutes per target instead of 20 s.
#   scripts/test.sh [ctest arguments for step 2…]
set -euo pipefail
cd "$(dirname "$0")/.."
# CI builds with -Werror (STYLE.md); locally the flags stay as the set-up command left them.
if [ "${CI:-}" = "true" ]; then export CMAKE_ARGS="${CMAKE_ARGS:-} -DNASTAVNIK_WERROR=ON"; fi
if [ "${NASTAVNIK_DEEP_CHECKS:-0}" = "1" ]; then
  FUZZ_SECONDS=${FUZZ_SECONDS:-300}
else
  FUZZ_SECONDS=${FUZZ_SECONDS:-20}
fi
BUILD_DIR=${BUILD_DIR:-build}
SAN_BUILD_DIR=${SAN_BUILD_DIR:-build-san}
export SAN_BUILD_DIR
start=$SECONDS
phase_start=$SECONDS
times=()
phase() {  # $1: what starts now; closes the previous phase
  if [ -n "${phase_name:-}" ]; then times+=("$(printf '%4d s  %s' $((SECONDS - phase_start)) "$phase_name")"); fi
  phase_name=$1
  phase_start=$SECONDS
  [ -n "$1" ] && printf '\n== [%s] %s (%d s от начала)\n' "$(date +%H:%M:%S)" "$1" $((SECONDS - start))
  return 0
}

phase "1/4 пакеты и сборка gcc в $BUILD_DIR/"
SETUP_STEP=packages scripts/setup.sh
mkdir -p "$SAN_BUILD_DIR"
san_log="$SAN_BUILD_DIR/background-build.log"
# setsid: its own process group, to stop it whole. A new session is also a new scheduling autogroup
# (kernel.sched_autogroup_enabled), which competes with this one as an equal whatever the nice
# value of its processes: the group's own nice value is lowered too.
setsid bash -c 'echo 19 2>/dev/null >/proc/self/autogroup; exec nice -n 19 scripts/sanitize.sh --build-only' \
  >"$san_log" 2>&1 &
san_pid=$!
trap 'kill -- -"$san_pid" 2>/dev/null || true' EXIT  # a failed step stops the background build
SETUP_STEP=build SKIP_DEMO=1 scripts/setup.sh

phase "2/4 тесты (ctest) на сборке gcc"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" "$@"

phase "3/4 тесты Catch под ASan+UBSan (clang, $SAN_BUILD_DIR/)"
if ! wait "$san_pid"; then
  cat "$san_log" >&2
  echo "test.sh: сборка с санитайзерами не удалась (журнал: $san_log)" >&2
  exit 1
fi
scripts/sanitize.sh

phase "4/4 фаззинг: ${FUZZ_SECONDS} с на цель"
scripts/fuzz.sh "$FUZZ_SECONDS"

phase ""
printf '\nВремя по этапам (сборка clang шла в фоне с этапа 1):\n'
printf '  %s\n' "${times[@]}"
printf '  %4d s  всего\n' $((SECONDS - start))
