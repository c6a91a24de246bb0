#!/usr/bin/env python3
"""The lines a newcomer wants after scripts/bench.sh: what dispatch buys over a plain loop,
how close it runs to the memory's read limit, and where the full results went.

usage: headline.py <results.json> <results.png>
"""
import json
import sys

from table import load


def main(results, png):
    table = load(results)
    path = json.load(open(results))["context"].get("dispatched_path", "")
    size = "16KiB"
    dispatched = table.get("sum_f32", {}).get("dispatch", {}).get(size)
    strict = table.get("sum_f32", {}).get("strict_loop", {}).get(size)
    ceiling = table.get("read_ceiling", {}).get(path, {}).get(size)
    if dispatched and strict:
        on = f"the dispatched path ({path})" if path else "the dispatched path"
        print(f"f32 sum at 16 KiB: {dispatched:.3g} GB/s on {on}, {dispatched / strict:.1f}x the strict scalar "
              f"loop ({strict:.3g} GB/s)")
    if dispatched and ceiling:
        print(f"that is {100 * dispatched / ceiling:.0f}% of this CPU's read ceiling at 16 KiB ({ceiling:.3g} GB/s, "
              f"{path} loads doing nothing but OR)")
    print(f"every row: {results} (JSON), chart: {png}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
