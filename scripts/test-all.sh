#!/usr/bin/env bash
# Runs every test suite against a built tree and prints the counts:
# lit (passes, driver, pack, e2e), then GoogleTest (one binary per component).
set -uo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$BUILD" && pwd)
LIT=${LIT:-/usr/lib/llvm-16/build/utils/lit/lit.py}
status=0

echo "== unit tests (GoogleTest) =="
unit_pass=0; unit_fail=0
for t in "$BUILD"/bin/*-unittests; do
  [ -x "$t" ] || continue
  out=$("$t" --gtest_brief=1 2>&1); rc=$?
  n=$("$t" --gtest_list_tests | grep -c '^  ')
  if [ $rc -eq 0 ]; then
    unit_pass=$((unit_pass + n)); echo "  $(basename "$t"): $n passed"
  else
    echo "$out"; unit_fail=$((unit_fail + 1)); status=1
    echo "  $(basename "$t"): FAILED"
  fi
done
echo "unit: $unit_pass tests passed, $unit_fail binaries failed"

echo "== lit tests (passes, driver, pack, e2e) =="
python3 "$LIT" -sv "$BUILD/test" || status=1

exit $status
