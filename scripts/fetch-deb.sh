#!/usr/bin/env bash
# Fetches one Debian package from another suite and unpacks it, without touching the
# system's packages or sources: how CI tests xsimd 13.2 (trixie) and 14.3 (sid) and Catch2 v3.
# Usage: scripts/fetch-deb.sh <suite> <package> <cache-dir>   -> prints the unpacked root
# The .deb and the unpacked tree stay in <cache-dir>, so a second run downloads nothing.
set -euo pipefail
suite="$1" package="$2" cache="$3"
root="$cache/$suite/$package"
if [ -f "$root/.unpacked" ]; then
  echo "$root"
  exit 0
fi
apt_dir="$cache/$suite/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
echo "deb http://deb.debian.org/debian $suite main" >"$apt_dir/sources.list"
options=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
         -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
         -o Debug::NoLocking=1)
if ! ls "$apt_dir"/lists/*Packages* >/dev/null 2>&1; then
  apt-get "${options[@]}" update >&2
fi
(cd "$apt_dir" && apt-get "${options[@]}" download "$package" >&2)
rm -rf "$root"
mkdir -p "$root"
dpkg -x "$(ls -t "$apt_dir"/"${package}"_*.deb | head -n 1)" "$root"
touch "$root/.unpacked"
echo "$root"
