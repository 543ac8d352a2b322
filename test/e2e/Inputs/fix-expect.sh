#!/usr/bin/env bash
# Applies asapc's leak fix-its to a copy of a planted-leak program and checks
# the result: `asapc check --fix` must change the copy, a second
# `asapc check` must find nothing (exit 0), and a plain build of the fixed
# copy must run with memcheck finding no leak and no error (when valgrind is
# installed).
#
# usage: fix-expect.sh ASAPC CLANG SRC OUT
#   OUT.c is the fixed copy, OUT the plain build of it.
set -uo pipefail
if [ $# -ne 4 ]; then
  echo "usage: fix-expect.sh ASAPC CLANG SRC OUT" >&2
  exit 2
fi
asapc=$1 clang=$2 src=$3 out=$4
cp "$src" "$out.c" || exit 1
"$asapc" check --fix "$out.c"
if cmp -s "$src" "$out.c"; then
  echo "FAIL: asapc check --fix did not change $(basename "$src")" >&2
  exit 1
fi
echo "--- applied fix:"
diff "$src" "$out.c"
"$asapc" check "$out.c"; rc=$?
if [ $rc -ne 0 ]; then
  echo "FAIL: the fixed program still has findings (asapc check exited $rc)" >&2
  exit 1
fi
"$clang" -O1 -w "$out.c" -o "$out" || exit 1
if command -v valgrind >/dev/null; then
  valgrind -q --leak-check=full --error-exitcode=1 "$out" >/dev/null ||
    { echo "FAIL: memcheck finds errors or leaks in the fixed program" >&2; exit 1; }
fi
echo "ok: fixed, clean under asapc check and memcheck"
