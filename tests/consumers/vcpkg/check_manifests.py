#!/usr/bin/env python3
"""Checks that vcpkg.json and ports/simdreduce/vcpkg.json are in the order `vcpkg
format-manifest` writes, without the vcpkg tool: dependencies sorted by name, features by
key, two-space indentation and a final newline.

usage: check_manifests.py <repository>
"""
import json
import os
import sys


def name_of(dependency):
    return dependency if isinstance(dependency, str) else dependency["name"]


def problems(path):
    with open(path) as f:
        text = f.read()
    manifest = json.loads(text)
    found = []
    if text != json.dumps(manifest, indent=2) + "\n":
        found.append("not indented by two spaces with a final newline")
    lists = {"dependencies": manifest.get("dependencies", [])}
    for feature, body in manifest.get("features", {}).items():
        lists[f"features.{feature}.dependencies"] = body.get("dependencies", [])
    for where, dependencies in lists.items():
        names = [name_of(d) for d in dependencies]
        if names != sorted(names):
            found.append(f"{where} not sorted: {names}")
    features = list(manifest.get("features", {}))
    if features != sorted(features):
        found.append(f"features not sorted: {features}")
    return found


def main(repository):
    failed = False
    for relative in ("vcpkg.json", os.path.join("ports", "simdreduce", "vcpkg.json")):
        for problem in problems(os.path.join(repository, relative)):
            print(f"FAIL: {relative}: {problem}")
            failed = True
    if failed:
        sys.exit(1)
    print("vcpkg manifests: in format-manifest order")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
