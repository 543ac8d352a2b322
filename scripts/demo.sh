#!/usr/bin/env bash
# The README's main job: shows both halves of asap on examples/.
#
#  1. check mode: `asapc check` on every planted bug in examples/check (the
#     diagnostics are printed; exit status 1 is expected) and on every fixed
#     twin (no finding; exit status 0 expected);
#  2. build mode: `asapc build` on every allocation-only program in
#     examples/alloc-only, run it, compare its output with a plain clang build
#     and run it under valgrind, showing memcheck's heap verdict.
#
# Ends with a summary table. Exits 1 if any build-mode program fails to
# build, differs from the plain build or is not valgrind-clean, or if check
# mode misses a planted bug or flags a fixed twin; 2 on usage errors.
#
# usage: scripts/demo.sh BUILD_DIR
set -uo pipefail
if [ $# -ne 1 ]; then
  echo "usage: scripts/demo.sh BUILD_DIR" >&2
  exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$1" 2>/dev/null && pwd) || { echo "demo.sh: no such build directory: $1" >&2; exit 2; }
ASAPC=$BUILD/bin/asapc
CLANG=${CLANG:-clang-16}
OPT=${OPT:--O1}
[ -x "$ASAPC" ] || { echo "demo.sh: $ASAPC not found; build first (make build)" >&2; exit 2; }
command -v "$CLANG" >/dev/null || { echo "demo.sh: $CLANG not found" >&2; exit 2; }
HAVE_VALGRIND=1
command -v valgrind >/dev/null || HAVE_VALGRIND=0

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
status=0
bold() { if [ -t 1 ]; then printf '\033[1m%s\033[0m\n' "$*"; else printf '%s\n' "$*"; fi; }
# valgrind 3.19 cannot read clang-16's DWARF 5 and complains at length.
vg_filter() {
  grep -v -e '^### unhandled dwarf2' -e 'get_Form_' -e 'Serious error when reading debug info' \
    -e 'When reading debug info from' -e 'unhandled DW_FORM'
}

# ---------------------------------------------------------------- check mode
bold "== 1. asapc check: planted bugs (examples/check/*-bug.*) =="
check_rows=()
for src in "$ROOT"/examples/check/*-bug.c "$ROOT"/examples/check/*-bug.cpp; do
  [ -e "$src" ] || continue
  name=$(basename "$src")
  echo
  bold "\$ asapc check examples/check/$name"
  (cd "$ROOT" && "$ASAPC" check "examples/check/$name")
  rc=$?
  echo "(exit status $rc)"
  expected=$(grep -c 'asap-expect:' "$src")
  if [ $rc -eq 1 ]; then verdict="reported"; else verdict="MISSED (exit $rc)"; status=1; fi
  check_rows+=("$(printf '%-32s %-7s %s' "$name" "bug" "$verdict, $expected marker(s)")")
done

echo
bold "== asapc check: fixed twins (examples/check/*-fixed.*) =="
for src in "$ROOT"/examples/check/*-fixed.c "$ROOT"/examples/check/*-fixed.cpp; do
  [ -e "$src" ] || continue
  name=$(basename "$src")
  out=$(cd "$ROOT" && "$ASAPC" check "examples/check/$name" 2>&1)
  rc=$?
  if [ $rc -eq 0 ] && ! grep -q '\[asap-' <<<"$out"; then
    verdict="clean"
    echo "\$ asapc check examples/check/$name   -> clean (exit 0)"
  else
    verdict="FLAGGED (exit $rc)"; status=1
    echo "\$ asapc check examples/check/$name   -> exit $rc"
    echo "$out"
  fi
  check_rows+=("$(printf '%-32s %-7s %s' "$name" "fixed" "$verdict")")
done

# ---------------------------------------------------------------- build mode
echo
bold "== 2. asapc build: allocation-only programs (examples/alloc-only) =="
build_rows=()
for src in "$ROOT"/examples/alloc-only/*.c; do
  name=$(basename "$src" .c)
  echo
  bold "\$ asapc build $OPT examples/alloc-only/$name.c -o $name && ./$name"
  if ! "$ASAPC" build $OPT "$src" -o "$WORK/$name" 2>"$WORK/$name.build.err"; then
    cat "$WORK/$name.build.err"
    build_rows+=("$(printf '%-18s %-8s %-8s %s' "$name" "no" "-" "asapc build FAILED")")
    status=1
    continue
  fi
  "$CLANG" $OPT -w "$src" -o "$WORK/$name.ref"
  "$WORK/$name" >"$WORK/$name.out"; rc=$?
  "$WORK/$name.ref" >"$WORK/$name.ref.out"; ref_rc=$?
  head -n 4 "$WORK/$name.out"
  lines=$(wc -l <"$WORK/$name.out")
  [ "$lines" -gt 4 ] && echo "... ($lines lines)"
  if [ $rc -eq $ref_rc ] && cmp -s "$WORK/$name.out" "$WORK/$name.ref.out"; then
    match=yes
  else
    match=NO; status=1
    diff "$WORK/$name.ref.out" "$WORK/$name.out" | head -n 10
  fi
  if [ $HAVE_VALGRIND -eq 1 ]; then
    valgrind --leak-check=full --error-exitcode=1 "$WORK/$name" >/dev/null 2>"$WORK/$name.vg"
    vg_rc=$?
    echo "\$ valgrind --leak-check=full ./$name"
    vg_filter <"$WORK/$name.vg" | grep -E 'total heap usage|All heap blocks|definitely lost:|ERROR SUMMARY'
    heap=$(sed -n 's/.*total heap usage: \([0-9,]*\) allocs, \([0-9,]*\) frees.*/\1 allocs, \2 frees/p' "$WORK/$name.vg")
    if [ $vg_rc -eq 0 ] && grep -q 'All heap blocks were freed' "$WORK/$name.vg"; then
      vg="all heap blocks freed ($heap)"
    else
      lost=$(sed -n 's/.*definitely lost: \(.*\)/\1/p' "$WORK/$name.vg")
      errs=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$WORK/$name.vg")
      vg="NOT CLEAN: ${errs:-?} errors${lost:+, lost $lost} ($heap)"
      status=1
    fi
  else
    vg="valgrind not installed"
  fi
  build_rows+=("$(printf '%-18s %-8s %-8s %s' "$name" "yes" "$match" "$vg")")
done

# ---------------------------------------------------------------- summary
echo
bold "== summary: check mode =="
printf '%-32s %-7s %s\n' "program" "kind" "asapc check"
printf '%s\n' "${check_rows[@]}"
echo
bold "== summary: build mode =="
printf '%-18s %-8s %-8s %s\n' "program" "built" "same out" "valgrind on the asapc build"
printf '%s\n' "${build_rows[@]}"
echo
if [ $status -eq 0 ]; then echo "demo: all as expected"; else echo "demo: FAILURES above"; fi
exit $status
