#!/usr/bin/env python3
"""Fails when objects built for different instruction sets share a weak symbol whose code
uses VEX or EVEX instructions (AVX, AVX2, FMA, AVX-512).

The linker keeps one copy of each weak (COMDAT) symbol. If the AVX2 object's copy of an
inline function wins, the SSE2 path calls VEX code and dies of SIGILL on a CPU without AVX,
in any link order, at -O0 or under LTO. Native tests on an AVX2 machine never show it.

usage: check_arch_objects.py OBJECT...   (the baseline objects and every per-arch object)
"""
import re
import subprocess
import sys
from collections import defaultdict

WIDE_REGISTER = re.compile(r"%[yz]mm\d+|%k[0-7]\b")


def weak_symbols(obj):
    out = subprocess.run(["nm", "--defined-only", obj], check=True, capture_output=True, text=True).stdout
    return {line.split()[2] for line in out.splitlines() if len(line.split()) == 3 and line.split()[1] in "WVu"}


def function_bodies(obj):
    """Maps each function symbol of obj to its instruction mnemonics and operands."""
    out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", obj], check=True, capture_output=True, text=True).stdout
    bodies, current = defaultdict(list), None
    for line in out.splitlines():
        header = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
        if header:
            current = header.group(1)
        elif current and "\t" in line:
            bodies[current].append(line.split("\t", 1)[1].strip())
    return bodies


def uses_vex_or_evex(instructions):
    for instruction in instructions:
        mnemonic = instruction.split()[0] if instruction.split() else ""
        if (mnemonic.startswith("v") and mnemonic not in ("verr", "verw")) or WIDE_REGISTER.search(instruction):
            return instruction
    return None


def main(objects):
    owners = defaultdict(list)
    for obj in objects:
        for symbol in weak_symbols(obj):
            owners[symbol].append(obj)
    shared = {symbol: objs for symbol, objs in owners.items() if len(objs) > 1}
    bodies = {obj: function_bodies(obj) for obj in objects}
    failures = []
    for symbol, objs in sorted(shared.items()):
        for obj in objs:
            hit = uses_vex_or_evex(bodies[obj].get(symbol, []))
            if hit:
                failures.append(f"{symbol}\n    in {obj}: {hit}\n    also defined in: {', '.join(o for o in objs if o != obj)}")
    print(f"{len(objects)} objects, {len(shared)} weak symbols defined in more than one of them")
    if failures:
        print(f"{len(failures)} shared weak symbols carry VEX/EVEX code:")
        print("\n".join(failures))
        return 1
    print("none of them contains VEX or EVEX code: link order cannot pick a wider copy")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
