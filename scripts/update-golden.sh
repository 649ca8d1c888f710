#!/usr/bin/env bash
# Regenerates tests/golden/expected/ from the demo site (after an intended change of output).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
ninja -C "$BUILD_DIR" nastavnik_tests
NASTAVNIK_UPDATE_GOLDEN=1 "$BUILD_DIR/nastavnik_tests" "[golden]"
git status --short tests/golden/expected
