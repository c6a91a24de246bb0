#!/usr/bin/env python3
"""Fails when a weak symbol shared by objects built for different instruction sets has a copy
that needs more than the narrowest of those objects may use.

The linker keeps one copy of each weak (COMDAT) symbol. If the AVX2 object's copy of an
inline function wins, the SSE2 path calls VEX code and dies of SIGILL on a CPU without AVX,
in any link order, at -O0 or under LTO. Native tests on an AVX2 machine never show it.

Levels: 0 x86-64 baseline (SSE2), 1 SSE3..SSE4.2, 2 VEX (AVX, AVX2, FMA), 3 EVEX (AVX-512).
An object's level comes from the path it was built for, found in its file name
(..._sse4_2.dir/...); "_native" (-march=native) counts as the widest. A copy's level comes
from its bytes: a VEX (c4/c5) or EVEX (62) prefix, or an SSE3..SSE4.2 mnemonic.

usage: check_arch_objects.py [--only-prefix PREFIX] OBJECT...   (or OBJECT;OBJECT...)
"""
import os
import re
import subprocess
import sys
from collections import defaultdict

def target_levels():
    """Each target's level, from the one list of targets; -march=native counts as the widest."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "include", "simdreduce", "targets",
                        "targets.def")
    with open(path) as rows:
        levels = {m.group(1): int(m.group(2)) for m in
                  (re.match(r'^SIMDREDUCE_TARGET\((\w+), [\w:]+, \w+, "[^"]*", (\d)\)', line) for line in rows) if m}
    levels["native"] = max(levels.values())
    return levels


OBJECT_LEVEL = target_levels()
SSE3_TO_SSE42 = set("""addsubps addsubpd haddps haddpd hsubps hsubpd movddup movshdup movsldup lddqu
pshufb palignr phaddw phaddd phaddsw phsubw phsubd phsubsw pabsb pabsw pabsd pmaddubsw pmulhrsw
psignb psignw psignd pblendvb blendvps blendvpd blendps blendpd pblendw ptest pminsb pminsd pminuw
pminud pmaxsb pmaxsd pmaxuw pmaxud pmulld pmuldq pcmpeqq pcmpgtq packusdw pextrb pextrd pextrq pinsrb
pinsrd pinsrq extractps insertps roundps roundpd roundss roundsd dpps dppd mpsadbw phminposuw movntdqa
pmovsxbw pmovsxbd pmovsxbq pmovsxwd pmovsxwq pmovsxdq pmovzxbw pmovzxbd pmovzxbq pmovzxwd pmovzxwq
pmovzxdq crc32b crc32w crc32l crc32q pcmpestri pcmpestrm pcmpistri pcmpistrm""".split())
LEGACY_PREFIXES = {"26", "2e", "36", "3e", "64", "65", "67", "f0"}


def object_level(path):
    match = re.search(r"_(" + "|".join(OBJECT_LEVEL) + r")\.dir/", path)
    return OBJECT_LEVEL[match.group(1)] if match else 0


def weak_symbols(obj):
    out = subprocess.run(["nm", "--defined-only", obj], check=True, capture_output=True, text=True).stdout
    return {f[2] for f in (line.split() for line in out.splitlines()) if len(f) == 3 and f[1] in "WVu"}


def instruction_level(raw_bytes, mnemonic):
    prefix = next((b for b in raw_bytes if b not in LEGACY_PREFIXES), "")
    if prefix == "62":
        return 3
    if prefix in ("c4", "c5"):
        return 2
    return 1 if mnemonic in SSE3_TO_SSE42 else 0


def function_levels(obj):
    """Maps each function of obj to (the level its code needs, an instruction that needs it)."""
    out = subprocess.run(["objdump", "-d", "-w", obj], check=True, capture_output=True, text=True).stdout
    levels, current = {}, None
    for line in out.splitlines():
        header = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
        if header:
            current = header.group(1)
            levels[current] = (0, "")
            continue
        fields = line.split("\t")
        if current is None or len(fields) < 3:
            continue
        raw_bytes, text = fields[1].split(), fields[2].strip()
        level = instruction_level(raw_bytes, text.split()[0] if text else "")
        if level > levels[current][0]:
            levels[current] = (level, text)
    return levels


def main(arguments):
    prefix = ""
    if arguments[:1] == ["--only-prefix"]:
        prefix, arguments = arguments[1], arguments[2:]
    # CMake's $<TARGET_OBJECTS:...> of a target with several sources arrives as one "a;b" word.
    arguments = [obj for argument in arguments for obj in argument.split(";") if obj]
    owners = defaultdict(list)
    for obj in arguments:
        for symbol in weak_symbols(obj):
            if symbol.startswith(prefix):
                owners[symbol].append(obj)
    shared = {symbol: objs for symbol, objs in owners.items() if len(objs) > 1}
    levels = {obj: function_levels(obj) for obj in arguments}
    failures = []
    for symbol, objs in sorted(shared.items()):
        allowed = min(object_level(obj) for obj in objs)
        for obj in objs:
            needed, example = levels[obj].get(symbol, (0, ""))
            if needed > allowed:
                narrow = min(objs, key=object_level)
                failures.append(f"{symbol}\n    copy in {obj} needs level {needed}: {example}\n"
                                f"    but {narrow} (level {allowed}) may get it")
    scope = f" starting with {prefix}" if prefix else ""
    print(f"{len(arguments)} objects, {len(shared)} weak symbols{scope} defined in more than one of them")
    if failures:
        print(f"{len(failures)} copies need more than the narrowest object that may receive them:")
        print("\n".join(failures))
        return 1
    print("every copy runs on the narrowest object that shares it: no link order can cause SIGILL")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
