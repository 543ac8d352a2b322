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
PROJECTS=${PROJECTS:-"zlib minizip libyaml cjson lua5.4 giflib bzip2 lz4 sqlite3"}
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
    zlib) echo zlib ;; libyaml) echo libyaml ;; cjson) echo cjson ;; giflib) echo giflib ;; minizip) echo zlib ;; bzip2) echo bzip2 ;; lz4) echo lz4 ;; sqlite3) echo sqlite3 ;; lua5.4) echo lua5.4 ;; expat) echo expat ;;
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
    minizip)
      # zlib's contrib/minizip: the zip writer program (minizip.c) with the
      # zip/unzip/ioapi code it links; allocation is plain malloc/free.
      bear -- sh -c 'cd contrib/minizip && for f in ioapi.c zip.c unzip.c mztools.c minizip.c; do
          gcc -O2 -I../.. -D_LARGEFILE64_SOURCE=1 -c "$f" -o "${f%.c}.o" || exit 1
        done' >/dev/null ;;
    giflib)
      # The library and all the utilities: each utility has a main, so
      # asapc falls back to one file at a time.
      # -k: the manual pages need xmlto, which is not needed here.
      make clean >/dev/null 2>&1 || true
      bear -- make -k -j"$JOBS" >/dev/null 2>&1 || true ;;
    bzip2)
      # The bzip2 program with libbz2 (upstream's Makefile flags); the
      # test helpers and bzip2recover (another main) are left out.
      bear -- sh -c 'for f in blocksort.c huffman.c crctable.c randtable.c compress.c decompress.c bzlib.c bzip2.c; do
          gcc -O2 -Wall -D_FILE_OFFSET_BITS=64 -c "$f" -o "${f%.c}.o" || exit 1
        done' >/dev/null ;;
    lz4)
      # The lz4 command-line program: programs/ plus the library sources.
      bear -- sh -c 'for f in lib/lz4.c lib/lz4hc.c lib/lz4frame.c lib/xxhash.c lib/lz4file.c programs/*.c; do
          gcc -O2 -Ilib -c "$f" -o "${f%.c}.o" || exit 1
        done' >/dev/null ;;
    sqlite3)
      # Scale: the amalgamation (sqlite3.c, ~250k lines, generated with
      # tclsh) and the shell (shell.c) form the sqlite3 CLI. Compiling them
      # is not needed, so the two commands are written directly.
      (mkdir -p bld && cd bld && ../configure --disable-tcl >/dev/null && make sqlite3.c shell.c >/dev/null)
      python3 - "$dir" <<'PY'
import json, os, sys
d = os.path.join(sys.argv[1], "bld")
flags = ["gcc", "-O2", "-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION", "-I" + d]
db = [{"directory": d, "file": f, "arguments": flags + ["-c", f, "-o", f[:-2] + ".o"]}
      for f in ("sqlite3.c", "shell.c")]
json.dump(db, open(os.path.join(sys.argv[1], "compile_commands.json"), "w"), indent=1)
PY
      ;;
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
