#!/usr/bin/env bash
# Builds one example twice, with `asapc build` and with plain clang at the
# same optimisation level, runs both with the same arguments and fails unless
# their stdout and exit status are identical.
#
# usage: build-and-compare.sh ASAPC CLANG SRC OUT [PROGRAM ARGS...]
# Leaves OUT.asap and OUT.ref (executables) and OUT.asap.txt / OUT.ref.txt.
# E2E_OPT (default -O1) is the optimisation level of both builds; E2E_REF_LIBS
# are extra link flags of the plain build only (-lgc: the real Boehm GC).
set -uo pipefail
if [ $# -lt 4 ]; then
  echo "usage: build-and-compare.sh ASAPC CLANG SRC OUT [ARGS...]" >&2
  exit 2
fi
asapc=$1 clang=$2 src=$3 out=$4
shift 4
opt=${E2E_OPT:--O1}
case $src in *.cpp) clang=${clang}++ ;; esac

"$clang" $opt -w "$src" -o "$out.ref" ${E2E_REF_LIBS:-} ||
  { echo "FAIL: plain clang could not build $src" >&2; exit 1; }
"$asapc" build $opt "$src" -o "$out.asap" ||
  { echo "FAIL: asapc build could not build $src" >&2; exit 1; }

"$out.ref" "$@" >"$out.ref.txt"; ref_rc=$?
"$out.asap" "$@" >"$out.asap.txt"; asap_rc=$?
if [ $ref_rc -ne $asap_rc ]; then
  echo "FAIL: exit status differs: plain $ref_rc, asapc $asap_rc" >&2
  exit 1
fi
if ! diff -u "$out.ref.txt" "$out.asap.txt" >&2; then
  echo "FAIL: output of the asapc build differs from the plain build" >&2
  exit 1
fi
if [ ! -s "$out.ref.txt" ]; then
  echo "FAIL: $src printed nothing; an example must print its result" >&2
  exit 1
fi
echo "outputs match ($(wc -l <"$out.ref.txt") lines, exit status $ref_rc)"
