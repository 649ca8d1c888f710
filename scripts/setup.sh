#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages), builds nastavnik and generates public/ from the
# demo site in the repository root. Idempotent: a second run only rebuilds what changed.
#   scripts/setup.sh            # Release-like build in build/
#   BUILD_DIR=… CMAKE_ARGS=… scripts/setup.sh
#   SETUP_STEP=packages|build   # only the packages, or only the build (scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3
  libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm
  libyaml-cpp-dev libcurl4-openssl-dev catch2 libmstch-dev libboost-dev
  libcli11-dev nlohmann-json3-dev libtbb-dev libicu-dev libstemmer-dev
  libgumbo-dev libcpp-httplib-dev libxxhash-dev libmimalloc-dev
  chromium
  pure-ftpd openssh-server openssh-client nginx-light openssl
  # clang with its sanitizer and libFuzzer runtimes, and lld: the ASan+UBSan and fuzzing build of
  # scripts/sanitize.sh (scripts/test.sh runs it)
  clang-14 libclang-rt-14-dev lld-14
)
PACKAGES+=(${EXTRA_PACKAGES:-})
# Browser tests: Java for the Nu HTML Checker, node and npm. A node or Java installed outside
# Debian's packages (NodeSource, SDKs) is used as it is.
command -v java >/dev/null 2>&1 || PACKAGES+=(default-jre-headless)
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ] && [ "${SETUP_STEP:-}" != "build" ]; then
  echo "Устанавливаю пакеты: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
[ "${SETUP_STEP:-}" = "packages" ] && exit 0

BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} ${CMAKE_ARGS:-} >/dev/null
ninja -C "$BUILD_DIR" -j "${JOBS:-$(nproc)}" nastavnik nastavnik_tests

# node modules of the browser tests (tests/browser): when missing or when package-lock.json changed.
stamp=tests/browser/node_modules/.nastavnik-lock
if [ ! -d tests/browser/node_modules ] || ! cmp -s tests/browser/package-lock.json "$stamp"; then
  (cd tests/browser && npm ci --no-audit --no-fund) && cp tests/browser/package-lock.json "$stamp"
fi

if [ "${SKIP_DEMO:-0}" != "1" ]; then
  "$BUILD_DIR/nastavnik" build -s . -o public
fi
