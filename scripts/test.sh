#!/usr/bin/env bash
# Runs every test: installs and builds what is missing (scripts/setup.sh), then the whole
# CTest suite (unit, site, invalid fixtures, golden pages, CLI tests on the real binary).
set -euo pipefail
cd "$(dirname "$0")/.."
# CI builds with -Werror (STYLE.md); locally the flags stay as the set-up command left them.
if [ "${CI:-}" = "true" ]; then export CMAKE_ARGS="${CMAKE_ARGS:-} -DNASTAVNIK_WERROR=ON"; fi
SKIP_DEMO=1 scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" "$@"
# Issue 4: the suite under ASan+UBSan and 30 s of fuzzing per target. From scratch they need two
# more full builds (gcc+ASan, clang+libFuzzer): well over CI's 20 minutes on 2 cores, so they run
# when asked (nightly, before a release): NASTAVNIK_DEEP_CHECKS=1 scripts/test.sh
if [ "${NASTAVNIK_DEEP_CHECKS:-0}" = "1" ]; then
  scripts/sanitize.sh
  scripts/fuzz.sh 30
fi
