#!/usr/bin/env bash
# Fails unless every example program has its own end-to-end test and every
# planted bug carries at least one asap-expect marker, so an example cannot be
# added (or a marker lost) without the suite noticing.
#
# usage: coverage.sh EXAMPLES_DIR E2E_TEST_DIR
set -uo pipefail
examples=$1 tests=$2
status=0 count=0
for dir in alloc-only check ownership soundness gc-api; do
  for src in "$examples/$dir"/*.c "$examples/$dir"/*.cpp; do
    [ -e "$src" ] || continue
    name=$(basename "$src"); name=${name%.*}
    count=$((count + 1))
    if [ ! -f "$tests/$dir/$name.test" ]; then
      echo "FAIL: $dir/$(basename "$src") has no test $dir/$name.test" >&2
      status=1
    fi
    case $name in
      *-bug)
        grep -q 'asap-expect: *asap-' "$src" ||
          { echo "FAIL: $src has no asap-expect marker" >&2; status=1; }
        twin=${src/-bug./-fixed.}
        [ -f "$twin" ] || { echo "FAIL: $src has no fixed twin" >&2; status=1; } ;;
      *-fixed)
        ! grep -q 'asap-expect:' "$src" ||
          { echo "FAIL: fixed twin $src carries a marker" >&2; status=1; } ;;
    esac
  done
done
echo "$count example programs checked"
exit $status
