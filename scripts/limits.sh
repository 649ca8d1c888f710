#!/usr/bin/env bash
# The heavy limits of issue 4, on the real binary: a 50 MB page, a 70 MB page (over the 64 MB
# source limit), 100,000 files under content/files and 100,000 tiny news items. Prints the exit
# status, wall time and peak memory (RSS) of each build, from /usr/bin/time -v.
#   scripts/limits.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build}/nastavnik
[ -x "$BIN" ] || { echo "limits.sh: нет $BIN — сначала соберите проект" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "limits.sh: нужен /usr/bin/time (apt-get install time)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

base_site() {  # $1: directory
  mkdir -p "$1/content/news" "$1/content/files"
  cat >"$1/site.yaml" <<'YAML'
title: "Наставничество"
base_url: "https://s.example.ru/nast/"
school: { name: "Школа" }
rules:
  severity: { regulation.missing: off, site.missing-section: off, document.required-missing: off }
YAML
}

measure() {  # $1: label, $2: site
  local log="$WORK/time.log" status=0
  /usr/bin/time -v "$BIN" build -s "$2" -o "$WORK/out-$1" --now 2026-11-20 --quiet >"$WORK/stdout" 2>"$log" || status=$?
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  printf '%-28s exit %d  time %8s  peak RSS %6d MB\n' "$1" "$status" "$wall" $((rss / 1024))
  grep -v '^\s' "$log" | grep -v 'Command being timed' | head -3 | sed 's/^/    /' || true
  head -3 "$WORK/stdout" | sed 's/^/    /'
  rm -rf "$WORK/out-$1"
}

page() {  # $1: site, $2: size in MB
  python3 - "$1/content/news/big.md" "$2" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
para = ("Наставник и молодой учитель обсуждают план урока, **итоги** встречи и "
        "[кейс](https://example.org/keys). ") * 8 + "\n\n"
with open(path, "w") as f:
    f.write('---\ntitle: "Большая"\ndate: 2024-09-01\n---\n')
    n = mb * 1024 * 1024 // len(para.encode())
    for i in range(n):
        f.write(para if i % 50 else "## Раздел %d\n\n- пункт\n- пункт\n\n> цитата\n\n" % i)
PY
}

echo "nastavnik limits ($(nproc) cores)"
S="$WORK/s50";  base_site "$S"; page "$S" 50;  measure "50 MB page" "$S";  rm -rf "$S"
S="$WORK/s70";  base_site "$S"; page "$S" 70;  measure "70 MB page (over 64 MB)" "$S"; rm -rf "$S"
S="$WORK/files"; base_site "$S"
python3 - "$S/content/files" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(100):
    os.makedirs(f"{root}/d{d:02}", exist_ok=True)
    for i in range(1000):
        with open(f"{root}/d{d:02}/f{i:04}.txt", "w") as f:
            f.write("x")
PY
measure "100,000 files in files/" "$S"; rm -rf "$S"
S="$WORK/news"; base_site "$S"
python3 - "$S/content/news" <<'PY'
import sys
root = sys.argv[1]
for i in range(100000):
    with open(f"{root}/n{i:06}.md", "w") as f:
        f.write(f'---\ntitle: "Новость {i}"\ndate: 2024-0{1 + i % 9}-1{i % 9}\n---\nТекст {i}.\n')
PY
measure "100,000 news items" "$S"; rm -rf "$S"
