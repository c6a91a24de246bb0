#!/usr/bin/env bash
# Installs what building, testing and benchmarking simdreduce needs on Debian 12 (bookworm).
# Safe to run again: packages already present are left alone.
set -euo pipefail

packages=(cmake make g++ clang pkg-config binutils python3 qemu-user valgrind libxsimd-dev xtl-dev catch2
          libbenchmark-dev libeigen3-dev "$@")

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
