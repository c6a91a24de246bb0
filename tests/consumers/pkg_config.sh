#!/usr/bin/env bash
# Builds tests/consumers/consumer.cpp with no CMake at all: pkg-config for the flags and the
# README's manual recipe for runtime dispatch (one object per path, -O2 -fno-lto, ascending).
# Usage: tests/consumers/pkg_config.sh <install-prefix> <build-dir>
set -euo pipefail
prefix="$1" out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
export PKG_CONFIG_PATH="$prefix/share/pkgconfig"
cflags="$(pkg-config --cflags simdreduce)"
source="$prefix/share/cmake/simdreduce/simdreduce_dispatch_arch.cpp"
cxx="${CXX:-c++}"

# The rows of the installed list of targets for this processor family (or any).
family="$(uname -m)"
paths=()
compiled=()
while IFS= read -r row; do
  name="$(sed -E 's/^SIMDREDUCE_TARGET\(([a-z0-9_]+), .*/\1/' <<<"$row")"
  tag="$(sed -E 's/^SIMDREDUCE_TARGET\([a-z0-9_]+, ([a-z0-9_:]+), .*/\1/' <<<"$row")"
  row_family="$(sed -E 's/^SIMDREDUCE_TARGET\([a-z0-9_]+, [a-z0-9_:]+, ([a-z0-9_]+), .*/\1/' <<<"$row")"
  flags="$(sed -E 's/^[^"]*"([^"]*)".*/\1/' <<<"$row")"
  if [ "$row_family" = any ] || [ "$row_family" = "$family" ]; then
    paths+=("$name|$tag|$flags")
    compiled+=("$name")
  fi
done < <(grep '^SIMDREDUCE_TARGET(' "$prefix/share/cmake/simdreduce/simdreduce_targets.def")
defines=(-DSIMDREDUCE_DISPATCH_ENABLED=1 "-DSIMDREDUCE_DISPATCH_PATHS=\"$(IFS=,; echo "${compiled[*]}")\"")
echo "pkg-config consumer: paths ${compiled[*]}"
objects=()
for entry in "${paths[@]}"; do
  IFS='|' read -r name tag flags <<<"$entry"
  # shellcheck disable=SC2086
  "$cxx" -std=c++17 $cflags $flags -O2 -fno-lto -DSIMDREDUCE_DISPATCH_ARCH="$tag" -c "$source" -o "$out/$name.o"
  objects+=("$out/$name.o")
done
# shellcheck disable=SC2086
"$cxx" -std=c++17 $cflags "${defines[@]}" -O2 "$here/consumer.cpp" "${objects[@]}" -o "$out/consumer"
"$out/consumer"
