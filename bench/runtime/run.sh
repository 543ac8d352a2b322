#!/usr/bin/env bash
# Runtime benchmarks: builds the GCBench-style program three ways (libasaprt,
# Boehm's libgc, hand-written frees on glibc malloc) and the allocation
# microbenchmark two ways (libasaprt, glibc), runs each RUNS times in
# alternation, and prints medians of wall time, CPU time (user + system) and
# peak RSS (GNU time's %e, %U+%S and %M) with ratios against the baseline of
# the same run. On a loaded machine wall time is mostly scheduling noise;
# CPU time is the steadier figure (Boehm marks with a second thread when
# it has one, so its CPU time may exceed its wall time).
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

measure() { # binary -> appends "wall kb cpu" lines to $WORK/<binary>.txt
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/one" "$WORK/$1" >/dev/null
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$WORK/one" >>"$WORK/$1.txt"
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
  local t m c bt bm bc
  t=$(median "$WORK/$2.txt" 1); m=$(median "$WORK/$2.txt" 2); c=$(median "$WORK/$2.txt" 3)
  bt=$(median "$WORK/$3.txt" 1); bm=$(median "$WORK/$3.txt" 2); bc=$(median "$WORK/$3.txt" 3)
  awk -v l="$1" -v t="$t" -v m="$m" -v c="$c" -v bt="$bt" -v bm="$bm" -v bc="$bc" 'BEGIN {
    printf "| %-32s | %6.2f | %6.2f | %7.1f | %6.2fx | %6.2fx | %6.2fx |\n",
      l, t, c, m/1024, t/bt, (bc > 0 ? c/bc : 0), m/bm }'
}
echo "Medians of $RUNS runs ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg))"
echo
echo "| program (baseline)               | wall s |  CPU s | RSS MiB | wall/base | CPU/base | RSS/base |"
echo "|----------------------------------|-------:|-------:|--------:|----------:|---------:|---------:|"
row "gcbench, libasaprt (Boehm)"      gcbench-asap   gcbench-boehm
row "gcbench, Boehm libgc (Boehm)"    gcbench-boehm  gcbench-boehm
row "gcbench, glibc + frees (Boehm)"  gcbench-malloc gcbench-boehm
row "allocbench, libasaprt (glibc)"   alloc-asap     alloc-glibc
row "allocbench, glibc (glibc)"       alloc-glibc    alloc-glibc
