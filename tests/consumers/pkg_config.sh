#!/usr/bin/env bash
# Builds tests/consumers/consumer.cpp with no CMake at all: pkg-config for the flags and the
# README's manual recipe for runtime dispatch (one object per path, -O2 -fno-lto, ascending).
# Usage: tests/consumers/pkg_config.sh <install-prefix> <build-dir>
set -euo pipefail
prefix="$1" out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
export PKG_CONFIG_PATH="$prefix/share/pkgconfig"
cflags="$(pkg-config --cflags simdreduce)"
source="$prefix/share/cmake/simdreduce/simdreduce_dispatch_arch.cpp"
cxx="${CXX:-c++}"

paths=("scalar|simdreduce::scalar|")
defines=(-DSIMDREDUCE_DISPATCH_ENABLED=1)
if [ "$(uname -m)" = "x86_64" ]; then
  paths+=("sse2|xsimd::sse2|-msse2" "sse4_2|xsimd::sse4_2|-msse4.2" "avx2|xsimd::avx2|-mavx2 -mfma")
  defines+=(-DSIMDREDUCE_DISPATCH_HAS_SSE2=1 -DSIMDREDUCE_DISPATCH_HAS_SSE4_2=1 -DSIMDREDUCE_DISPATCH_HAS_AVX2=1)
elif [ "$(uname -m)" = "aarch64" ]; then
  paths+=("neon64|xsimd::neon64|")
  defines+=(-DSIMDREDUCE_DISPATCH_HAS_NEON64=1)
fi
objects=()
for entry in "${paths[@]}"; do
  IFS='|' read -r name tag flags <<<"$entry"
  # shellcheck disable=SC2086
  "$cxx" -std=c++17 $cflags $flags -O2 -fno-lto -DSIMDREDUCE_DISPATCH_ARCH="$tag" -c "$source" -o "$out/$name.o"
  objects+=("$out/$name.o")
done
# shellcheck disable=SC2086
"$cxx" -std=c++17 $cflags "${defines[@]}" -O2 "$here/consumer.cpp" "${objects[@]}" -o "$out/consumer"
"$out/consumer"
