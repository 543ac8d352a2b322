#!/usr/bin/env bash
# Runs asapc's check mode on the code bases fetch.sh prepared and prints one
# table: files, lines of C, wall time and peak RSS of the analysis
# (/usr/bin/time -v), findings by rule and asapc's exit status (3 = asapc
# crashed or hit an internal error: a bug to report). asapc itself links the
# database into one program when it can and falls back to one file at a
# time otherwise; the 'mode' column says which happened.
#
# Usage: bench/realworld/run.sh [BUILD_DIR] [WORKDIR]
#   BUILD_DIR defaults to /work/main/build-real, WORKDIR to /tmp/asap-realworld.
# The findings of each project are kept in WORKDIR/results/NAME.txt (text)
# and NAME.sarif for triage.
set -uo pipefail

BUILD=$(realpath -m "${1:-/work/main/build-real}")
WORK=$(realpath -m "${2:-/tmp/asap-realworld}")
PROJECTS=${PROJECTS:-"zlib minizip libyaml cjson lua5.4 giflib bzip2 lz4 sqlite3"}
ASAPC=$BUILD/bin/asapc

die() { echo "run.sh: error: $*" >&2; exit 2; }
[ -x "$ASAPC" ] || die "no asapc in $BUILD/bin (build target asapc)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
mkdir -p "$WORK/results"

printf '%-9s %5s %7s %-7s %6s %7s %5s %5s %5s %5s %5s %5s %5s %5s %4s\n' \
  project files lines mode wall_s rss_MiB sites undec total leak dfree uaf mism nonhp exit\

for p in $PROJECTS; do
  dir=$(ls -d "$WORK/$p"/*/ 2>/dev/null | head -1)
  if [ -z "$dir" ] || [ ! -s "$dir/compile_commands.json" ]; then
    echo "$p: not fetched (run bench/realworld/fetch.sh)" >&2; continue
  fi
  dir=${dir%/}
  out=$WORK/results/$p
  files=$(python3 -c 'import json,sys; print(len({e["file"] for e in json.load(open(sys.argv[1]))}))' \
          "$dir/compile_commands.json")
  lines=$(python3 -c '
import json, os, sys
db = json.load(open(sys.argv[1]))
seen = set(); n = 0
for e in db:
    f = os.path.join(e["directory"], e["file"])
    if f not in seen:
        seen.add(f); n += sum(1 for _ in open(f, errors="replace"))
print(n)' "$dir/compile_commands.json")
  (cd "$dir" && /usr/bin/time -v -o "$out.time" "$ASAPC" check -p . --no-color \
      --sarif "$out.sarif" >"$out.stdout" 2>"$out.txt")
  status=$?
  # /usr/bin/time exits with the command's status; a signal shows in its file.
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
           n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i];
           printf "%.1f", s }' "$out.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out.time")
  mode=whole
  grep -q 'asapc: warning: .* each file on its own' "$out.txt" && mode=perfile
  count() { grep -c "warning: .*\[$1\]" "$out.txt"; }
  total=$(grep -c 'warning: .*\[asap-' "$out.txt")
  # Coverage: the allocation sites asapc explain lists, and how many of them
  # it leaves undecided (escaping into memory it does not model): check
  # mode can only report on the others.
  (cd "$dir" && "$ASAPC" explain -p . >"$out.explain" 2>/dev/null)
  sites=$(awk '/^[0-9]+ allocation sites?$/ { n = $1 } END { print n + 0 }' "$out.explain")
  undec=$(grep -c ': undecided: ' "$out.explain")
  printf '%-9s %5s %7s %-7s %6s %7s %5s %5s %5s %5s %5s %5s %5s %5s %4s\n' \
    "$p" "$files" "$lines" "$mode" "$wall" "$rss" "$sites" "$undec" "$total" \
    "$(count asap-leak)" "$(count asap-double-free)" "$(count asap-use-after-free)" \
    "$(count asap-mismatched-dealloc)" "$(count asap-non-heap-free)" "$status"
  [ "$status" -ge 2 ] && echo "  $p: asapc exit $status: $(grep 'asapc: error' "$out.txt" | head -1)" >&2
done
exit 0
