#!/usr/bin/env bash
# Runs the differential fuzzer for a bounded time (default 60 s) from the seed corpus in
# tests/fuzz/corpus, and prints libFuzzer's final statistics (executions, coverage). Line
# tables only (-g1): what ASan's reports need, and cheaper to compile than full -g.
# Usage: scripts/fuzz.sh [build-root] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p "${1:-build}"
root="$(cd "${1:-build}" && pwd)"
seconds="${2:-60}"
dir="$root/clang-fuzz"

bash scripts/install-deps.sh
cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSIMDREDUCE_BUILD_TESTS=OFF -DSIMDREDUCE_BUILD_EXAMPLES=OFF -DSIMDREDUCE_BUILD_BENCHMARKS=OFF \
  -DSIMDREDUCE_BUILD_FUZZER=ON "-DCMAKE_CXX_FLAGS=-fsanitize=address,fuzzer-no-link -fno-omit-frame-pointer" \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
  >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; exit 1; }
cmake --build "$dir" -j "$(nproc 2>/dev/null || echo 2)" --target simdreduce_fuzz_differential
# A working copy of the corpus: what the run discovers stays in the build tree.
mkdir -p "$dir/corpus"
cp tests/fuzz/corpus/* "$dir/corpus/"
"$dir/tests/fuzz/simdreduce_fuzz_differential" -max_total_time="$seconds" -print_final_stats=1 \
  -timeout=10 -max_len=16384 -artifact_prefix="$dir/" "$dir/corpus" 2>"$dir/fuzz.log" || { tail -n 60 "$dir/fuzz.log"; exit 1; }
grep -E "stat::number_of_executed_units|cov:|Done" "$dir/fuzz.log" | tail -n 3
echo "fuzz: $(grep -oE 'number_of_executed_units: [0-9]+' "$dir/fuzz.log" | grep -oE '[0-9]+') executions, 0 mismatches, 0 out-of-bounds reads"
