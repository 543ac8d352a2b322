#!/usr/bin/env bash
# Runs `asapc check` on one planted-bug program (or its fixed twin) and
# compares the findings with the `// asap-expect: RULE` markers in the source.
#
# Every marker must be matched by a clang-style warning
#   SRC:LINE:COL: warning: ... [RULE]
# on the marker's own line, and every asap warning must be matched by a
# marker: a finding on the wrong line, a missing one or an extra one fails.
# The exit status must be 1 when markers exist and 0 when there are none.
# The same run writes SARIF (--sarif), whose results must name the same
# lines and rules.
#
# usage: check-expect.sh ASAPC SRC [ASAPC FLAGS...]
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: check-expect.sh ASAPC SRC [FLAGS...]" >&2
  exit 2
fi
asapc=$1 src=$2
shift 2
base=$(basename "$src")

expected=$(grep -n 'asap-expect: *asap-[a-z-]*' "$src" |
  sed 's/^\([0-9]*\):.*asap-expect: *\(asap-[a-z-]*\).*/\1 \2/' | sort -u)

diag=$(mktemp)
sarif=$(mktemp)
trap 'rm -f "$diag" "$sarif"' EXIT
"$asapc" check "$@" --sarif "$sarif" "$src" >"$diag" 2>&1
rc=$?
cat "$diag"

# Findings in this file, as "LINE RULE".
esc=$(printf '%s' "$base" | sed 's/[.[\*^$]/\\&/g')
reported=$(sed -n "s/^\(.*\/\)\{0,1\}$esc:\([0-9]*\):[0-9]*: warning: .*\[\(asap-[a-z-]*\)\]\$/\2 \3/p" "$diag" | sort -u)
# asap findings anywhere else (another file, no location) are unexpected.
elsewhere=$(grep '\[asap-[a-z-]*\]$' "$diag" | grep -v -E "^(.*/)?$esc:[0-9]+:[0-9]+: " || true)

status=0
if [ -n "$expected" ]; then want_rc=1; else want_rc=0; fi
if [ $rc -ne $want_rc ]; then
  echo "FAIL: asapc check exited $rc, expected $want_rc" >&2
  status=1
fi
missing=$(comm -23 <(echo "$expected") <(echo "$reported") | sed '/^$/d')
extra=$(comm -13 <(echo "$expected") <(echo "$reported") | sed '/^$/d')
if [ -n "$missing" ]; then
  echo "FAIL: expected finding(s) not reported (line rule):" >&2
  echo "$missing" | sed 's/^/  /' >&2
  status=1
fi
if [ -n "$extra" ]; then
  echo "FAIL: unexpected finding(s) (line rule):" >&2
  echo "$extra" | sed 's/^/  /' >&2
  status=1
fi
if [ -n "$elsewhere" ]; then
  echo "FAIL: finding(s) outside $base:" >&2
  echo "$elsewhere" | sed 's/^/  /' >&2
  status=1
fi
sarif_found=$(python3 "$(dirname "$0")/sarif-findings.py" "$sarif" "$base" | sort -u) || status=1
if [ "$sarif_found" != "$expected" ]; then
  echo "FAIL: SARIF results (line rule) differ from the markers:" >&2
  diff <(echo "$expected") <(echo "$sarif_found") | sed 's/^/  /' >&2
  status=1
fi
[ $status -eq 0 ] && echo "ok: $(echo "$expected" | sed '/^$/d' | wc -l) expected finding(s) reported at the marked lines"
exit $status
