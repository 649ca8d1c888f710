#!/usr/bin/env bash
# Benchmark: nastavnik against Hugo and against the Markdown parser alone (the floor), on the
# synthetic corpus of ../shared/bench/gen_corpus.py. Prints medians and ratios of wall time and
# peak memory for full builds, check, a rebuild after one changed file and one after the next edit.
# nastavnik's parse cache (content/load_store.hpp) gets a folder of its own per size, emptied
# before each cold build and cold check: "build" and "check" are first runs ever; "build, parse
# cache warm" is a full build into an empty output folder with the cache of earlier runs.
#   bench/run.sh [SIZES…]        default: 1000 10000
#   RUNS=5 bench/run.sh 1000 10000 50000
#   OUT=/dev/shm/bench bench/run.sh   # both tools write their output there (tmpfs: the time of the
#                                      # work itself, without the disk's cost of creating inodes)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
GEN=${GEN:-$ROOT/../shared/bench/gen_corpus.py}
RUNS=${RUNS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
WORK=${BENCH_DIR:-/tmp/nastavnik-bench}

need=()
for p in hugo cmark-gfm time bc python3; do
  case $p in time) [ -x /usr/bin/time ] || need+=(time) ;; *) command -v "$p" >/dev/null || need+=("$p") ;; esac
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
[ -x build/nastavnik ] || SKIP_DEMO=1 scripts/setup.sh
BIN=${NASTAVNIK_BIN:-$ROOT/build/nastavnik}
NOW=2026-11-20

# peak RSS (KiB) and wall seconds of one command, from GNU time
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

mkdir -p "$WORK"
printf "%-8s %-24s %10s %10s\n" pages what "wall, s" "peak, MiB"
for n in "${SIZES[@]}"; do
  nd=$WORK/nastavnik-$n; hd=$WORK/hugo-$n
  if [ ! -d "$nd" ]; then python3 "$GEN" "$n" "$nd" --flavor nastavnik; fi
  if [ ! -d "$hd" ]; then
    python3 "$GEN" "$n" "$hd" --flavor hugo
    cp -r "$ROOT/bench/hugo-layouts" "$hd/layouts"
    printf 'baseURL = "https://bench.example.ru/nastavnichestvo/"\nlanguageCode = "ru"\ntitle = "Целевая модель наставничества"\npaginate = 10\ndisableKinds = ["taxonomy", "term"]\n[markup.goldmark.renderer]\nunsafe = false\n' > "$hd/config.toml"
  fi
  # where the two tools write (default: public/ in each site, as a user would)
  if [ -n "${OUT:-}" ]; then nout=$OUT/nastavnik-$n; hout=$OUT/hugo-$n; mkdir -p "$OUT"; else nout=$nd/public; hout=$hd/public; fi
  nprev=$(dirname "$nout")/.$(basename "$nout").prev
  ncache=${OUT:-$WORK}/nastavnik-cache-$n   # on the same disk as the output, as ~/.cache would be
  site=(-s "$nd" --now $NOW --cache-dir "$ncache")
  declare -A wall=() mem=()
  for i in $(seq "$RUNS"); do
    # alternate the tools so that neither always runs on a warm or a cold cache
    rm -rf "$nout" "$nprev" "$hout" "$ncache"
    read -r w m < <(measure "$BIN" check "${site[@]}"); wall[check0]+="$w "; mem[check0]+="$m "
    rm -rf "$ncache"
    read -r w m < <(measure "$BIN" build "${site[@]}" -o "$nout" --quiet); wall[nb]+="$w "; mem[nb]+="$m "
    read -r w m < <(measure hugo --quiet -s "$hd" -d "$hout"); wall[hugo]+="$w "; mem[hugo]+="$m "
    read -r w m < <(measure sh -c "find $nd/content/news -name '*.md' -print0 | xargs -0 cat | cmark-gfm -e table"); wall[floor]+="$w "; mem[floor]+="$m "
    read -r w m < <(measure "$BIN" check "${site[@]}"); wall[check]+="$w "; mem[check]+="$m "
    echo "правка $i" >> "$nd/content/news/n1.md"
    read -r w m < <(measure "$BIN" build "${site[@]}" -o "$nout" --quiet); wall[rebuild]+="$w "; mem[rebuild]+="$m "
    # the next edit: the tree swapped out last time is now the staging tree (the steady state of
    # a curator who saves again and again)
    echo "правка $i, снова" >> "$nd/content/news/n1.md"
    read -r w m < <(measure "$BIN" build "${site[@]}" -o "$nout" --quiet); wall[rebuild2]+="$w "; mem[rebuild2]+="$m "
    rm -rf "$nout" "$nprev"
    read -r w m < <(measure "$BIN" build "${site[@]}" -o "$nout" --quiet); wall[nbwarm]+="$w "; mem[nbwarm]+="$m "
  done
  for k in nb nbwarm hugo floor check0 check rebuild rebuild2; do
    W=$(tr ' ' '\n' <<<"${wall[$k]}" | grep . | median); M=$(tr ' ' '\n' <<<"${mem[$k]}" | grep . | median)
    eval "W_$k=$W; M_$k=$M"
    label=$k; [ $k = nb ] && label="nastavnik build"; [ $k = floor ] && label="floor (cmark-gfm)"
    [ $k = nbwarm ] && label="build, parse cache warm"; [ $k = check0 ] && label="nastavnik check"
    [ $k = check ] && label="check, parse cache warm"; [ $k = rebuild ] && label="rebuild, 1 file changed"; [ $k = rebuild2 ] && label="rebuild, next edit"
    printf "%-8s %-24s %10.3f %10.1f\n" "$n" "$label" "$W" "$(echo "$M/1024" | bc -l)"
  done
  printf "%-8s %-24s %10.3f %10.3f\n" "$n" "nastavnik/Hugo" "$(echo "$W_nb/$W_hugo" | bc -l)" "$(echo "$M_nb/$M_hugo" | bc -l)"
  printf "%-8s %-24s %10.3f %10.3f\n" "$n" "nastavnik/floor" "$(echo "$W_nb/$W_floor" | bc -l)" "$(echo "$M_nb/$M_floor" | bc -l)"
  printf "%-8s %-24s %10.3f\n" "$n" "check/build" "$(echo "$W_check0/$W_nb" | bc -l)"
  printf "%-8s %-24s %10.3f ms\n" "$n" "per page (build)" "$(echo "1000*$W_nb/$n" | bc -l)"
  unset wall mem
done
