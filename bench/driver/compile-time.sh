#!/usr/bin/env bash
# Prints a table of compile times for examples/alloc-only: `asapc build -O1`
# against plain `clang-16 -O1` on the same file in the same run (median of
# 5, wall milliseconds, ratio asapc/clang), and `asapc check`. A table, not a
# timed test: the machine is shared, so only the ratios mean anything.
#
# usage: bench/driver/compile-time.sh [BUILD_DIR]   (default: build)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
ASAPC=$BUILD/bin/asapc
CLANG=${CLANG:-clang-16}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

median5() { sort -n | sed -n 3p; }
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  # asapc check exits 1 when it reports findings (these programs never
  # free); 2 and above is a failure.
  [ $? -le 1 ] || echo "warning: failed: $*" >&2
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

printf "%-20s %12s %10s %7s %12s\n" example "asapc build" "clang -O1" ratio "asapc check"
for src in "$ROOT"/examples/alloc-only/*.c; do
  b=$(for _ in 1 2 3 4 5; do ms "$ASAPC" build -O1 "$src" -o "$OUT/asap"; done | median5)
  c=$(for _ in 1 2 3 4 5; do ms "$CLANG" -O1 -w "$src" -o "$OUT/ref"; done | median5)
  k=$(for _ in 1 2 3 4 5; do ms "$ASAPC" check "$src"; done | median5)
  printf "%-20s %10s ms %7s ms %7s %9s ms\n" "$(basename "$src")" "$b" "$c" \
    "$(awk -v a="$b" -v b="$c" 'BEGIN { printf "%.2f", a / b }')" "$k"
done
