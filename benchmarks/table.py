#!/usr/bin/env python3
"""Prints the README's Performance table from a simdreduce_bench JSON file: GB/s of the chosen
rows at every size, medians when the run has repetitions, with the share of the read ceiling
of the row's own vector width in brackets (the AVX2 one for hand_avx2 and ops_avx2), or, for
rows on misaligned data, the ratio to the same row on aligned data.

usage: table.py results.json
"""
import json
import re
import sys
from collections import defaultdict

NAME = re.compile(r"^(?P<kernel>[a-z0-9_]+)/(?P<size>\d+(?:B|KiB|MiB))/(?P<path>[a-z0-9_]+?)(?:_(?:median|mean|stddev|cv))?$")
ROWS = [
    ("sum_f32", ["strict_loop", "avx2", "avx2_unblocked", "avx512bw", "avx512bw_unblocked", "dispatch", "hand_avx2", "eigen"]),
    ("sum_f32_at16", ["avx2", "avx512bw", "dispatch", "hand_avx2"]),
    ("sum_f64", ["avx2", "avx512bw", "hand_avx2"]),
    ("sum_f64_at16", ["avx2", "avx512bw", "hand_avx2"]),
    ("sum_i32", ["avx2", "avx512bw", "hand_avx2", "ops_avx2"]),
    ("sum_i8", ["avx2", "avx512bw", "hand_avx2", "ops_avx2"]),
    ("sum_u8", ["avx2", "avx512bw", "hand_avx2"]),
    ("filter_map_sum_f32", ["strict_loop", "avx2", "avx2_and_subtract", "avx2_blend", "avx512bw", "dispatch",
                            "hand_avx2", "hand_avx2_and", "ops_avx2"]),
    ("filter_map_sum_f32_at16", ["avx2", "avx512bw", "hand_avx2"]),
    ("min_f32", ["strict_loop", "avx2", "avx512bw", "dispatch", "hand_avx2", "ops_avx2", "eigen", "fast_math_native"]),
    ("min_f32_at16", ["avx2", "avx512bw"]),
    ("min_f32_skip_nan", ["avx2", "avx512bw"]),
    ("minmax_f32", ["strict_loop", "avx2", "avx512bw", "hand_avx2", "ops_avx2", "eigen"]),
    ("minmax_f64", ["avx2", "avx512bw", "eigen"]),
    ("minmax_i32", ["avx2", "avx512bw", "eigen"]),
    ("minmax_i8", ["avx2", "avx512bw", "eigen"]),
    ("minmax_u8", ["avx2", "avx512bw", "eigen"]),
    ("count_if_f32", ["strict_loop", "avx2", "avx512bw", "dispatch", "hand_avx2", "eigen", "fast_math_native"]),
    ("count_if_f32_at16", ["avx2", "avx512bw", "hand_avx2"]),
    ("argmin_f32", ["strict_loop", "avx2", "avx512bw", "hand_avx2", "eigen", "fast_math_native"]),
    ("argmin_i32", ["strict_loop", "avx2", "avx512bw", "hand_avx2", "eigen", "fast_math_native"]),
    ("argmin_f32_falling", ["strict_loop", "avx2", "avx512bw", "hand_avx2"]),
    ("argmin_i32_falling", ["strict_loop", "avx2", "avx512bw", "hand_avx2"]),
    ("dot_f32", ["strict_loop", "avx2", "avx512bw", "dispatch", "hand_avx2", "eigen", "fast_math_native"]),
    ("dot_f64", ["avx2", "avx512bw", "hand_avx2", "eigen", "fast_math_native"]),
    ("dot_i8", ["strict_loop", "sse2", "sse4_2", "avx2", "avx512bw", "dispatch", "hand_avx2", "fast_math_native"]),
    ("dot_i16", ["strict_loop", "sse2", "sse4_2", "avx2", "avx512bw", "dispatch", "hand_avx2", "fast_math_native"]),
    ("sum_where_f32", ["strict_loop", "avx2", "avx512bw", "dispatch", "hand_avx2", "fast_math_native"]),
    ("compensated_sum_f32", ["avx2", "avx512bw"]),
    ("compensated_sum_f64", ["avx2", "avx512bw"]),
    ("mean_f32", ["avx2", "avx512bw", "eigen"]),
    ("variance_f32", ["strict_loop", "avx2", "avx512bw", "hand_avx2", "eigen", "fast_math_native"]),
    ("variance_f64", ["strict_loop", "avx2", "avx512bw", "eigen", "fast_math_native"]),
    ("min_f64", ["avx2", "avx512bw", "eigen"]),
    ("min_i32", ["strict_loop", "avx2", "avx512bw", "eigen"]),
    ("min_i8", ["avx2", "avx512bw", "eigen"]),
    ("max_u8", ["avx2", "avx512bw", "eigen"]),
]


def size_bytes(label):
    number = int(re.match(r"\d+", label).group())
    return number << 20 if "MiB" in label else number << 10 if "KiB" in label else number


def load(path):
    runs = json.load(open(path))["benchmarks"]
    medians = any(b.get("aggregate_name") == "median" for b in runs)
    table = defaultdict(lambda: defaultdict(dict))
    for bench in runs:
        if medians and bench.get("aggregate_name") != "median":
            continue
        match = NAME.match(bench["name"])
        if match and "bytes_per_second" in bench:
            table[match["kernel"]][match["path"]][match["size"]] = bench["bytes_per_second"] / 1e9
    return table


def main():
    table = load(sys.argv[1])
    sizes = sorted({s for kernel, paths in table.items() if not kernel.startswith("dispatch_overhead")
                    for row in paths.values() for s in row}, key=size_bytes)
    ceilings = table["read_ceiling"]
    print("| kernel, path | " + " | ".join(s.replace("KiB", " KiB").replace("MiB", " MiB") for s in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for path in ("avx2", "avx512bw"):
        if path in ceilings:
            print(f"| read ceiling, {path} loads | " + " | ".join(f"{ceilings[path].get(s, 0):.3g}" for s in sizes) + " |")
    for kernel, paths in ROWS:
        aligned = table.get(kernel.removesuffix("_at16")) if kernel.endswith("_at16") else None
        for path in paths:
            row = table.get(kernel, {}).get(path)
            if not row:
                continue
            width = "avx2" if path.startswith(("hand_avx2", "ops_avx2")) else re.sub(r"_(unblocked|and_subtract|blend)$", "", path)
            cells = []
            for s in sizes:
                if s not in row:
                    cells.append("")
                    continue
                gbs = row[s]
                if aligned is not None and s in aligned.get(path, {}):
                    cells.append(f"{gbs:.3g} ({gbs / aligned[path][s]:.2f}x)")
                elif width in ceilings and s in ceilings[width] and path != "strict_loop":
                    cells.append(f"{gbs:.3g} ({100 * gbs / ceilings[width][s]:.0f}%)")
                else:
                    cells.append(f"{gbs:.3g}")
            print(f"| `{kernel}` {path} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
