#!/usr/bin/env bash
# Cross-builds simdreduce for aarch64 and runs every test under qemu-aarch64, so the
# scalar and NEON (xsimd::neon64) paths are checked from an x86-64 Debian 12 host.
# Usage: scripts/test-aarch64.sh [build-dir] [extra cmake configure args...]
#        (default build dir: build-aarch64; Release unless CMAKE_BUILD_TYPE is passed)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build-aarch64}"
shift || true

# xsimd and Catch2 are header-only, so the host packages serve the cross build too.
bash scripts/install-deps.sh g++-aarch64-linux-gnu

cmake -S . -B "$dir" --toolchain cmake/toolchain-aarch64-linux-gnu.cmake \
  -DCMAKE_BUILD_TYPE=Release -DSIMDREDUCE_WERROR=ON -DSIMDREDUCE_BUILD_BENCHMARKS=OFF "$@"
cmake --build "$dir" -j 2
ctest --test-dir "$dir" --output-on-failure
