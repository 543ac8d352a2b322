#!/usr/bin/env bash
# Runs PROG under memcheck and prints valgrind's report on stdout (the
# program's own output is discarded) so FileCheck can read the verdict.
# Exits with valgrind's status: --error-exitcode=1 makes any invalid access,
# double free or definite/possible leak a failure.
#
# When REF is given (a plain build of the same program), also fails unless
# memcheck saw at least as many heap allocations in PROG as in REF: a clean
# verdict only means something if every allocation of the program was
# visible to valgrind (libasaprt reports its blocks through client requests).
#
# With --leaks-allowed, leaks are reported but do not count as errors (for
# programs whose objects cross functions, until issue 3 lands).
#
# usage: valgrind-report.sh PROG [--ref REF] [--leaks-allowed] [-- ARGS...]
set -uo pipefail
prog=$1; shift
ref=
leak_kinds=definite,possible
while [ $# -gt 0 ]; do
  case $1 in
    --ref) ref=$2; shift 2 ;;
    --leaks-allowed) leak_kinds=none; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done

allocs() { sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' "$1" | tr -d ,; }

log=$(mktemp)
trap 'rm -f "$log" "$log.ref"' EXIT
valgrind --leak-check=full --errors-for-leak-kinds=$leak_kinds --error-exitcode=1 "$prog" "$@" >/dev/null 2>"$log"
rc=$?
# Valgrind 3.19 cannot parse clang-16's DWARF 5 and says so at length; that
# noise is about symbol names only, so drop it from the report.
grep -v -e '^### unhandled dwarf2' -e 'get_Form_' -e 'Serious error when reading debug info' \
  -e 'When reading debug info from' -e 'unhandled DW_FORM' "$log"
if [ -n "$ref" ]; then
  valgrind "$ref" "$@" >/dev/null 2>"$log.ref"
  mine=$(allocs "$log"); theirs=$(allocs "$log.ref")
  if [ -z "$mine" ] || [ -z "$theirs" ] || [ "$mine" -lt "$theirs" ]; then
    echo "FAIL: memcheck saw ${mine:-?} allocations in $prog but ${theirs:-?} in the plain build $ref" >&2
    exit 1
  fi
fi
exit $rc
