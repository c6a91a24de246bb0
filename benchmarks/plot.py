#!/usr/bin/env python3
"""Turns simdreduce_bench's JSON (--benchmark_out=...json) into a PNG chart: one panel per
kernel, GB/s read for every path at every size, with each width's read ceiling as a line.

usage: plot.py results.json [chart.png]     (matplotlib: apt-get install python3-matplotlib)
"""
import json
import re
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

PATH_ORDER = ["strict_loop", "scalar", "sse2", "sse4_2", "avx2", "avx512bw", "neon64", "dispatch",
              "hand_avx2", "hand_avx2_and", "ops_avx2", "eigen", "fast_math_native"]
NAME = re.compile(r"^(?P<kernel>[a-z0-9_]+)/(?P<size>\d+(?:B|KiB|MiB))/(?P<path>[a-z0-9_]+?)(?:_(?:median|mean|stddev|cv))?$")


def colour(path):
    """The same colour for a path in every panel."""
    palette = plt.get_cmap("tab20").colors
    index = PATH_ORDER.index(path) if path in PATH_ORDER else len(PATH_ORDER) + hash(path) % 5
    return palette[(2 * index) % len(palette) + (index * 2 >= len(palette))]


def size_bytes(label):
    number = int(re.match(r"\d+", label).group())
    return number << (20 if label.endswith("MiB") else 10 if label.endswith("KiB") else 0)


def load(path):
    """Returns {kernel: {path: {size: GB/s}}}, medians when the run has repetitions."""
    runs = json.load(open(path))
    table = defaultdict(lambda: defaultdict(dict))
    has_median = any(b.get("aggregate_name") == "median" for b in runs["benchmarks"])
    for bench in runs["benchmarks"]:
        if has_median and bench.get("aggregate_name") != "median":
            continue
        match = NAME.match(bench["name"])
        if not match or "bytes_per_second" not in bench:
            continue
        table[match["kernel"]][match["path"]][match["size"]] = bench["bytes_per_second"] / 1e9
    return runs.get("context", {}), table


def main(source, target):
    context, table = load(source)
    ceilings = table.pop("read_ceiling", {})
    table.pop("dispatch_overhead_f32x16", None)
    kernels = sorted(table)
    columns = 3
    rows = (len(kernels) + columns - 1) // columns
    figure, axes = plt.subplots(rows, columns, figsize=(6 * columns, 4.2 * rows), squeeze=False)
    for axis, kernel in zip(axes.flat, kernels):
        # The rows without the block tree and the masking variants are for the summary table,
        # not the chart.
        shown = {p for p in table[kernel] if not p.endswith(("_unblocked", "_and_subtract", "_blend"))}
        paths = [p for p in PATH_ORDER if p in shown] + sorted(shown - set(PATH_ORDER))
        sizes = sorted({s for p in paths for s in table[kernel][p]}, key=size_bytes)
        width = 0.8 / len(paths)
        for i, path in enumerate(paths):
            values = [table[kernel][path].get(s, 0) for s in sizes]
            axis.bar([x + i * width for x in range(len(sizes))], values, width, label=path, color=colour(path))
        # Each vector width's read ceiling as a dashed line in that path's colour.
        for path, ceiling in ceilings.items():
            for x, s in enumerate(sizes):
                if s in ceiling:
                    axis.hlines(ceiling[s], x - width / 2, x + 0.8 - width / 2, colors=[colour(path)],
                                linestyles="--", label=f"ceiling {path}")
        axis.set_title(kernel)
        axis.set_xticks([x + 0.4 - width / 2 for x in range(len(sizes))], sizes)
        axis.set_ylabel("GB/s read")
        axis.grid(axis="y", alpha=0.3)
    for axis in list(axes.flat)[len(kernels):]:
        axis.axis("off")
    legend = {}
    for axis in axes.flat:
        for handle, label in zip(*axis.get_legend_handles_labels()):
            legend.setdefault(label, handle)
    def order(label):
        path = label.removeprefix("ceiling ")
        rank = PATH_ORDER.index(path) if path in PATH_ORDER else len(PATH_ORDER)
        return (label != path, rank)
    labels = sorted(legend, key=order)
    figure.legend([legend[label] for label in labels], labels, loc="lower center", ncol=min(len(labels), 9))
    cpu = context.get("cpu_model", context.get("host_name", ""))
    figure.suptitle(f"simdreduce: GB/s read per path (dashed: read ceiling of each vector width)  {cpu}")
    figure.tight_layout(rect=(0, 0.08, 1, 0.97))
    figure.savefig(target, dpi=110)
    print(f"wrote {target}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "simdreduce_bench.png")
