#!/usr/bin/env bash
# Fetches a few small-to-medium C code bases from Debian's source packages
# (apt-get source) into a work directory outside the repository and writes a
# compile_commands.json for each (bear around the project's own build), so
# that run.sh can measure asapc's check mode on real code. Sources are never
# vendored into the repo. Needs root when the deb-src entry is missing.
#
# Usage: bench/realworld/fetch.sh [WORKDIR]   (default /tmp/asap-realworld)
#        PROJECTS="zlib libyaml" bench/realworld/fetch.sh
set -euo pipefail

WORK=${1:-/tmp/asap-realworld}
PROJECTS=${PROJECTS:-"zlib libyaml cjson lua5.4"}
JOBS=${JOBS:-2}

die() { echo "fetch.sh: error: $*" >&2; exit 2; }
command -v bear >/dev/null || die "bear is not installed (apt-get install bear)"
command -v dpkg-source >/dev/null || die "dpkg-source is not installed (apt-get install dpkg-dev)"

# apt-get source needs a deb-src line for bookworm.
if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  [ "$(id -u)" = 0 ] || die "no deb-src entry and not root: cannot add one"
  cat > /etc/apt/sources.list.d/asap-realworld-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq
fi

mkdir -p "$WORK"
cd "$WORK"

# Debian source package name of each project.
srcpkg() {
  case $1 in
    zlib) echo zlib ;; libyaml) echo libyaml ;; cjson) echo cjson ;; lua5.4) echo lua5.4 ;; expat) echo expat ;;
    *) die "unknown project '$1'" ;;
  esac
}

# Unpacked source directory of a source package (apt-get source names it
# NAME-VERSION).
srcdir() { ls -d "$WORK/$1"/*/ 2>/dev/null | head -1; }

# Removes the entries of compile_commands.json whose file ends in $2.
drop_file() {
  python3 - "$1" "$2" <<'PY'
import json, sys
db = json.load(open(sys.argv[1]))
db = [e for e in db if not e["file"].endswith("/" + sys.argv[2]) and e["file"] != sys.argv[2]]
json.dump(db, open(sys.argv[1], "w"), indent=1)
PY
}

# Each project's build under bear; only the C compiles matter.
build_project() {
  local name=$1 dir=$2
  cd "$dir"
  case $name in
    zlib)
      CC=gcc ./configure >/dev/null
      bear -- make -j"$JOBS" libz.a >/dev/null ;;
    libyaml)
      # The release tarball has no configure; its CMake build writes
      # config.h. Only the library (src/) is kept: tests/ are many programs.
      cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
      bear -- cmake --build build -j"$JOBS" --target yaml >/dev/null ;;
    cjson)
      bear -- sh -c 'gcc -std=c89 -c cJSON.c -o cJSON.o && gcc -std=c89 -c cJSON_Utils.c -o cJSON_Utils.o' ;;
    lua5.4)
      # Debian patches lua's Makefile to use libtool; compile the files the
      # way upstream's 'make linux' does. lua and luac both link the core:
      # keep one program (core + lua.c interpreter, no luac.c).
      # debian/rules writes this header; its one macro only names a path.
      echo '#define DEB_HOST_MULTIARCH "x86_64-linux-gnu"' > src/lua5.4-deb-multiarch.h
      bear -- sh -c 'cd src && for f in *.c; do
          [ "$f" = luac.c ] && continue
          gcc -std=gnu99 -O2 -Wall -DLUA_COMPAT_5_3 -DLUA_USE_LINUX -c "$f" -o "${f%.c}.o" || exit 1
        done' >/dev/null ;;
  esac
  [ -s compile_commands.json ] || die "$name: bear wrote no compile_commands.json"
}

for p in $PROJECTS; do
  pkg=$(srcpkg "$p")
  if [ -z "$(srcdir "$p")" ]; then
    mkdir -p "$WORK/$p"
    (cd "$WORK/$p" && apt-get source -qq "$pkg" >/dev/null 2>&1) \
      || die "apt-get source $pkg failed"
  fi
  d=$(srcdir "$p")
  if [ ! -s "$d/compile_commands.json" ]; then
    build_project "$p" "$d"
  fi
  echo "$p: $d ($(grep -c '"file"' "$d/compile_commands.json") compile commands)"
done
