#!/usr/bin/env bash
# Installs the Debian packages asap needs to build and test, when missing.
# Run as root on Debian 12 (bookworm). Safe to re-run: does nothing when
# everything is already present.
set -euo pipefail

PACKAGES=(
  cmake make g++ python3
  llvm-16-dev llvm-16-tools clang-16 libclang-16-dev libclang-cpp16-dev
  libz3-dev libboost-graph-dev
  libgtest-dev googletest valgrind
  libgc-dev time
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "asap: all build dependencies present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "asap: missing packages: ${missing[*]}" >&2
  echo "asap: run this script as root to install them" >&2
  exit 2
fi

echo "asap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
