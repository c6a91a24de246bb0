#!/usr/bin/env bash
# Builds and runs simdreduce's benchmark: the strict scalar loop, every simdreduce path this
# CPU can run, hand-written AVX2 intrinsics and the memory-read ceiling, at 16 KiB, 256 KiB,
# 8 MiB and 256 MiB, then prints a summary table, draws build/bench/results.png, and prints the
# accuracy table (simdreduce_accuracy, beside numpy). The quick default takes about 2 minutes.
# Usage: scripts/bench.sh [--full] [--sizes=16K,1M,...] [google-benchmark flags]
#   --full   every power of two from 4 KiB to 512 MiB, with 5 interleaved repetitions (medians)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="build/bench"

bash scripts/install-deps.sh python3-matplotlib python3-numpy
mkdir -p build
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DSIMDREDUCE_BUILD_TESTS=OFF \
  -DSIMDREDUCE_BUILD_EXAMPLES=OFF >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; exit 1; }
cmake --build "$dir" -j "$(nproc 2>/dev/null || echo 2)" --target simdreduce_bench simdreduce_accuracy

extra=(--benchmark_min_time=0.1)
for arg in "$@"; do
  if [ "$arg" = "--full" ]; then
    # Interleaved repetitions: a burst of noise from a neighbour on a shared machine then
    # lands on random rows instead of on every repetition of one row.
    extra=(--benchmark_repetitions=5 --benchmark_enable_random_interleaving=true
           --benchmark_report_aggregates_only=true)
  fi
done
"$dir/benchmarks/simdreduce_bench" "${extra[@]}" "$@" \
  --benchmark_out="$dir/results.json" --benchmark_out_format=json
echo "JSON results: $dir/results.json"
/usr/bin/python3 benchmarks/plot.py "$dir/results.json" "$dir/results.png"
echo
# Accuracy beside speed: the float sum's error on four data sets, beside numpy's np.sum.
"$dir/benchmarks/simdreduce_accuracy"
echo
/usr/bin/python3 benchmarks/headline.py "$dir/results.json" "$dir/results.png"
