#!/usr/bin/env bash
# simdreduce.pc names xsimd in Requires, with no -I of its own for it, when xsimd's .pc
# describes the headers simdreduce was configured with, even where that .pc spells its
# directory relative to itself as vcpkg's does (${pcfiledir}/../../include, which pkg-config
# expands without normalizing).
# Usage: tests/consumers/pkg_config_requires.sh <build-dir>
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$1"
rm -rf "$out"
xsimd_include="$(dirname "$(dirname "$(find /usr/include -maxdepth 2 -path '*/xsimd/xsimd.hpp' | head -n 1)")")"
mkdir -p "$out/xsimd-prefix/lib/pkgconfig" "$out/xsimd-prefix/include"
ln -s "$xsimd_include/xsimd" "$out/xsimd-prefix/include/xsimd"
cat >"$out/xsimd-prefix/lib/pkgconfig/xsimd.pc" <<'PC'
prefix=${pcfiledir}/../..
includedir=${prefix}/include

Name: xsimd
Description: xsimd as vcpkg installs it
Version: 8.1.0
Cflags: -I${includedir}
PC
PKG_CONFIG_PATH="$out/xsimd-prefix/lib/pkgconfig" cmake -S . -B "$out/build" -DSIMDREDUCE_BUILD_TESTS=OFF \
  -DSIMDREDUCE_BUILD_BENCHMARKS=OFF -DSIMDREDUCE_BUILD_EXAMPLES=OFF \
  -DSIMDREDUCE_XSIMD_INCLUDE_DIR="$out/xsimd-prefix/include" >"$out/configure.log" 2>&1 \
  || { cat "$out/configure.log"; exit 1; }
pc="$out/build/simdreduce.pc"
grep -q '^Requires: xsimd' "$pc" || { echo "simdreduce.pc lacks Requires: xsimd:"; cat "$pc"; exit 1; }
if grep '^Cflags:' "$pc" | grep -q -- "-I/"; then
  echo "simdreduce.pc carries an absolute -I:"; cat "$pc"; exit 1
fi
echo "pkg-config metadata: Requires: xsimd, Cflags relative to the .pc file"
