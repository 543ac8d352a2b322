#!/usr/bin/env bash
# Runs every benchmark against a built tree; each prints its own table.
# Benchmarks are not tests: they measure ratios against a baseline built
# and run side by side in the same invocation, and report medians.
set -uo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
status=0
run() { echo; echo "== $* =="; "$@" || status=1; }
run python3 "$ROOT/bench/pack/run.py" --build "$BUILD"
run "$ROOT/bench/runtime/run.sh" "$BUILD" 5
run "$ROOT/bench/ownership/run.sh" "$BUILD"
run "$ROOT/bench/driver/compile-time.sh" "$BUILD"
exit $status
