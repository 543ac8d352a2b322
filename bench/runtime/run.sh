#!/usr/bin/env bash
# Runtime benchmarks: builds the GCBench-style program three ways (libasaprt,
# Boehm's libgc, hand-written frees on glibc malloc) and the allocation
# microbenchmark two ways (libasaprt, glibc), runs each RUNS times in
# alternation, and prints medians of wall time and peak RSS (GNU time's %e
# and %M) with ratios against the baseline of the same run.
#
# usage: bench/runtime/run.sh [BUILD_DIR] [RUNS]   (defaults: build, 5)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
RUNS=${2:-5}
LIB=$BUILD/lib/libasaprt.a
CC=${CC:-clang-16}
if [ ! -f "$LIB" ]; then
  echo "run.sh: $LIB not found; build the asaprt target first" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "run.sh: /usr/bin/time not found (Debian package 'time')" >&2
  exit 2
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SRC=$ROOT/bench/runtime
$CC -O2 -I"$ROOT/runtime/include" "$SRC/gcbench.c" "$LIB" -o "$WORK/gcbench-asap"
$CC -O2 "$SRC/gcbench.c" -lgc -o "$WORK/gcbench-boehm"
$CC -O2 -DMANUAL_FREE "$SRC/gcbench.c" -o "$WORK/gcbench-malloc"
$CC -O2 "$SRC/allocbench.c" "$LIB" -o "$WORK/alloc-asap"
$CC -O2 "$SRC/allocbench.c" -o "$WORK/alloc-glibc"

# Checksums must agree before timings mean anything.
ref=$("$WORK/gcbench-malloc")
for b in gcbench-asap gcbench-boehm; do
  out=$("$WORK/$b")
  [ "$out" = "$ref" ] || { echo "run.sh: $b printed '$out', expected '$ref'" >&2; exit 1; }
done
[ "$("$WORK/alloc-asap")" = "$("$WORK/alloc-glibc")" ] ||
  { echo "run.sh: allocbench outputs differ" >&2; exit 1; }

measure() { # binary -> appends "seconds kb" lines to $WORK/<binary>.txt
  /usr/bin/time -f "%e %M" -o "$WORK/one" "$WORK/$1" >/dev/null
  cat "$WORK/one" >>"$WORK/$1.txt"
}
for ((i = 0; i < RUNS; i++)); do
  for b in gcbench-asap gcbench-boehm gcbench-malloc alloc-asap alloc-glibc; do
    measure "$b"
  done
done

median() { # file column
  awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}
row() { # label binary baseline-binary
  local t m bt bm
  t=$(median "$WORK/$2.txt" 1); m=$(median "$WORK/$2.txt" 2)
  bt=$(median "$WORK/$3.txt" 1); bm=$(median "$WORK/$3.txt" 2)
  awk -v l="$1" -v t="$t" -v m="$m" -v bt="$bt" -v bm="$bm" 'BEGIN {
    printf "| %-34s | %8.2f | %9.1f | %7.2fx | %7.2fx |\n", l, t, m/1024, t/bt, m/bm }'
}
echo "Medians of $RUNS runs ($(date -u +%Y-%m-%d), $(nproc) cores)"
echo
echo "| program (baseline)                 | time (s) | RSS (MiB) | time/base | RSS/base |"
echo "|------------------------------------|---------:|----------:|---------:|--------:|"
row "gcbench, libasaprt (Boehm)"      gcbench-asap   gcbench-boehm
row "gcbench, Boehm libgc (Boehm)"    gcbench-boehm  gcbench-boehm
row "gcbench, glibc + frees (Boehm)"  gcbench-malloc gcbench-boehm
row "allocbench, libasaprt (glibc)"   alloc-asap     alloc-glibc
row "allocbench, glibc (glibc)"       alloc-glibc    alloc-glibc
