#!/usr/bin/env bash
# Builds and runs every test: the kernel tests on each architecture this CPU can run, and
# the examples, with GCC and Clang, warnings as errors, in Release and in Debug (-O0,
# assertions on). Usage: scripts/test.sh [build-root]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
root="${1:-build}"

bash scripts/install-deps.sh

# name | compiler | build type | benchmarks (built, not run: they must keep compiling)
configurations=(
  "gcc-release|g++|Release|ON"
  "clang-release|clang++|Release|OFF"
  "gcc-debug|g++|Debug|OFF"
)
mkdir -p "$root"
jobs="$(nproc 2>/dev/null || echo 2)"
for configuration in "${configurations[@]}"; do
  IFS='|' read -r name compiler build_type benchmarks <<<"$configuration"
  dir="$root/$name"
  echo "=== $name: $compiler, $build_type"
  cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_BUILD_TYPE="$build_type" \
    -DSIMDREDUCE_WERROR=ON -DSIMDREDUCE_BUILD_BENCHMARKS="$benchmarks" >"$dir.configure.log" 2>&1 \
    || { cat "$dir.configure.log"; exit 1; }
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" --output-on-failure -j "$jobs"
done
echo "=== examples/runtime_dispatch: a consumer of the installed package"
prefix="$PWD/$root/prefix"
cmake --install "$root/gcc-release" --prefix "$prefix" >/dev/null
cmake -S examples/runtime_dispatch -B "$root/runtime_dispatch" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$root/runtime_dispatch.configure.log" 2>&1 \
  || { cat "$root/runtime_dispatch.configure.log"; exit 1; }
cmake --build "$root/runtime_dispatch" -j "$jobs"
"$root/runtime_dispatch/runtime_dispatch"
if [ "$(uname -m)" = "x86_64" ]; then
  echo "--- the same binary on an emulated Core 2 (SSE2 only):"
  qemu-x86_64 -cpu core2duo "$root/runtime_dispatch/runtime_dispatch"
fi

if [ "$(uname -m)" = "x86_64" ]; then
  echo "=== aarch64: cross-built, every test under qemu-aarch64 (scalar and NEON paths)"
  bash scripts/test-aarch64.sh "$root/aarch64"
fi
echo "all test configurations passed: ${configurations[*]%%|*}, runtime_dispatch example, aarch64"
