#!/usr/bin/env bash
# Runs simdreduce_bench briefly (4 KiB, 1 ms a row), optionally under an emulator, and checks
# that it ends with its summary, has rows for the widest path expected and none for a path
# the CPU lacks.
# Usage: smoke_test.sh <simdreduce_bench> <expected path> <absent path> [emulator args...]
set -euo pipefail
bench="$1" expected="$2" absent="$3"
shift 3
status=0
output="$("$@" "$bench" --sizes=4K --benchmark_min_time=0.001 --benchmark_color=false 2>&1)" || status=$?
if [ "$status" -ne 0 ]; then
  echo "$output"
  echo "FAIL: simdreduce_bench exited with status $status"
  exit 1
fi
echo "$output" | tail -n 12
grep -q "^Summary: " <<<"$output" || { echo "FAIL: no summary"; exit 1; }
grep -q "^sum_f32/4KiB/$expected " <<<"$output" || { echo "FAIL: no $expected rows"; exit 1; }
if grep -q "/4KiB/$absent " <<<"$output"; then echo "FAIL: $absent rows on a CPU without $absent"; exit 1; fi
echo "ok: $expected rows, no $absent rows, summary printed"
