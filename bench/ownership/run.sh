#!/usr/bin/env bash
# Issue-3 benchmark table: how much of each ownership program's memory asap
# releases statically.
#
# Builds every examples/ownership program twice (asapc build and plain
# clang, same -O), runs both under valgrind and prints, per program:
#   allocs        heap allocations of the program: memcheck's count for the
#                 plain build
#   asapc allocs  memcheck's count for the asapc build (more when deep drops
#                 allocate their explicit stacks)
#   asapc frees   frees memcheck saw in the asapc build (program frees,
#                 releases asap inserted, and under valgrind libasaprt's
#                 exit-time collection of unreachable collector objects)
#   compiler      releases asap inserted that ran ("released by compiler"
#                 from libasaprt's ASAP_STATS=1 counters, native run)
#   collector     allocations sent to the collector (ASAP_STATS)
#   static        compiler / allocs: the fraction of the program's
#                 allocations released by code asap inserted
#   output        whether stdout equals the plain build's
#   vg errors     memcheck errors other than leaks (invalid read/write,
#                 double/mismatched free); must be 0
#   time ratio    native run time asapc build / plain build: median of 5
#                 rounds measured side by side in this run (timeratio.py),
#                 followed by the plain build's median time per run
# Benchmarks are not tests: this prints a table and exits 0 unless a program
# cannot be built or run (1), or on usage errors (2).
#
# usage: bench/ownership/run.sh BUILD_DIR
# Sizes: the programs' defaults (list-drop builds 10^7 cells), or SIZE_<name>
# in the environment (e.g. SIZE_list_drop=1000000).
set -uo pipefail
if [ $# -ne 1 ]; then
  echo "usage: bench/ownership/run.sh BUILD_DIR" >&2
  exit 2
fi
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "$1" 2>/dev/null && pwd) || { echo "run.sh: no such build directory: $1" >&2; exit 2; }
ASAPC=$BUILD/bin/asapc
CLANG=${CLANG:-clang-16}
OPT=${OPT:--O1}
[ -x "$ASAPC" ] || { echo "run.sh: $ASAPC not found; build first" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "run.sh: valgrind not found" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
status=0

heap_field() { # FILE N: Nth number of "total heap usage: A allocs, F frees"
  sed -n 's/.*total heap usage: \([0-9,]*\) allocs, \([0-9,]*\) frees.*/\1 \2/p' "$1" |
    tr -d , | cut -d' ' -f"$2"
}

stat() { # FILE LABEL: the count of one ASAP_STATS line
  sed -n "s/^asap-stats: $2 *\([0-9]*\).*/\1/p" "$1"
}

printf '%-12s %10s %12s %11s %10s %9s %7s %7s %9s %s\n' \
  program allocs "asapc allocs" "asapc frees" compiler collector static output "vg errors" "time ratio"
for src in "$ROOT"/examples/ownership/*.c; do
  name=$(basename "$src" .c)
  var=SIZE_${name//-/_}
  args=(${!var:-})
  if ! "$ASAPC" build $OPT "$src" -o "$WORK/$name" 2>"$WORK/$name.err"; then
    printf '%-12s asapc build failed: %s\n' "$name" "$(head -n1 "$WORK/$name.err")"
    status=1; continue
  fi
  "$CLANG" $OPT -w "$src" -o "$WORK/$name.ref" || { status=1; continue; }
  valgrind --leak-check=summary --errors-for-leak-kinds=none \
    "$WORK/$name" "${args[@]}" >"$WORK/$name.out" 2>"$WORK/$name.vg"
  rc=$?
  valgrind "$WORK/$name.ref" "${args[@]}" >"$WORK/$name.ref.out" 2>"$WORK/$name.ref.vg"
  ref_rc=$?
  allocs=$(heap_field "$WORK/$name.vg" 1)
  frees=$(heap_field "$WORK/$name.vg" 2)
  plain_allocs=$(heap_field "$WORK/$name.ref.vg" 1)
  errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$WORK/$name.vg")
  if [ $rc -eq $ref_rc ] && cmp -s "$WORK/$name.out" "$WORK/$name.ref.out"; then
    match=same
  else
    match=DIFFERS; status=1
  fi
  ASAP_STATS=1 "$WORK/$name" "${args[@]}" >/dev/null 2>"$WORK/$name.stats"
  compiler=$(stat "$WORK/$name.stats" "released by compiler")
  collector=$(stat "$WORK/$name.stats" "collector allocations")
  if [ -n "$plain_allocs" ] && [ "$plain_allocs" -gt 0 ] && [ -n "$compiler" ]; then
    static=$(awk -v c="$compiler" -v a="$plain_allocs" 'BEGIN { printf "%.4f", c / a }')
  else
    static=n/a
  fi
  read -r ratio _ plain_ms < <(python3 "$ROOT/bench/ownership/timeratio.py" "$WORK/$name" "$WORK/$name.ref" "${args[@]}")
  ratio="$ratio (${plain_ms}ms)"
  printf '%-12s %10s %12s %11s %10s %9s %7s %7s %9s %s\n' \
    "$name" "${plain_allocs:-?}" "${allocs:-?}" "${frees:-?}" "${compiler:-?}" \
    "${collector:-?}" "$static" "$match" "${errors:-?}" "$ratio"
done
exit $status
