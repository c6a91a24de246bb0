#!/usr/bin/env bash
# Builds and runs the tests, warnings as errors.
#
# scripts/test.sh [build-root]        4 1/2 min on 2 cores of a Zen 5 EPYC: one Release
#   build (GCC 12, the system xsimd) with the kernel tests of every path this CPU runs, the
#   dispatch tests of every path natively and under emulated CPUs, and the examples, in-tree
#   and as a consumer of the installed package.
# scripts/test.sh --all [build-root]  the whole matrix, what CI runs: 35 min on 2 cores of a
#   Zen 4 EPYC, 45 min on a Sapphire Rapids Xeon (both KVM, AVX-512), from a clean clone. GCC 12 and Clang 14, in Release,
#   -O2 and Debug (-O0, assertions on), against xsimd 8.1, 13.2 and 14.3, with Catch2 v2 and
#   v3, in C++17 and C++20, and under UBSan and TSan; then the consumers and packages, the
#   aarch64 suite under qemu, Valgrind and the fuzzer (ASan).
# The default build root is build.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS=0
# Each step's heading says how long the run has taken so far, so a slow step stands out.
step() { echo "=== [$((SECONDS / 60))m$((SECONDS % 60))s] $*"; }
all=0
if [ "${1:-}" = "--all" ]; then
  all=1
  shift
fi
mkdir -p "${1:-build}"
root="$(cd "${1:-build}" && pwd)"

bash scripts/install-deps.sh

# name | compiler | build type | benchmarks (built, not run) | xsimd | C++ standard | Catch2 |
# sanitizers | paths of the kernel tests (empty: all) | paths of the dispatch tests (empty:
# those of the kernel tests; scalar is always one) | more CMake options
# "system" xsimd is Debian 12's 8.1.0; 13.2 and 14.3 are Debian packages from trixie and sid,
# and Catch2 v3 from bookworm-backports, unpacked under the build root (scripts/fetch-deb.sh).
# The paths this CPU runs, as SIMDREDUCE_TEST_PATHS takes them (empty: all, off x86-64).
cpu_paths() {
  [ "$(uname -m)" = "x86_64" ] || return 0
  local flags paths="scalar;sse2"
  flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
  has() { for f in "$@"; do [[ "$flags" == *" $f "* ]] || return 1; done; }
  if has pni ssse3 sse4_1 sse4_2; then paths="$paths;sse4_2"; fi  # Linux calls SSE3 "pni"
  if has avx2 fma; then paths="$paths;avx2"; fi
  if has avx512f avx512cd avx512dq avx512bw; then paths="$paths;avx512bw"; fi
  echo "$paths"
}
# Compiling the kernel tests is most of the time: a path's eight test files take 250-600
# CPU seconds (GCC 12 at -O3, 2 cores of a Sapphire Rapids Xeon), and the whole matrix ran
# 66 min with every path in gcc-release and a separate Clang ASan+UBSan build (12 min). So
# the builds share the paths out, and every path still meets GCC and Clang, each xsimd
# version, and memory and undefined-behaviour checks:
# - GCC: gcc-release (-O3) tests scalar, SSE2 and AVX-512 where the CPU runs them, and the
#   builds of xsimd 13.2 (AVX2) and 14.3 (SSE4.2) the other two; Clang: clang-release tests
#   SSE4.2 and AVX-512 (AVX-512 runs where the CPU has it), and xsimd 14.3 SSE2 and AVX2;
# - the dispatch tests compare each path with the scalar path over every element type and
#   kernel; gcc-release, clang-release and one build of each xsimd version compile them for
#   every path ("all"), so every path meets every xsimd version;
# - the xsimd builds are built as distributions build (RelWithDebInfo: -O2, without -g, the
#   flags a header-only library meets most), which is also a quarter cheaper than -O3;
# - Debug (-O0, assertions on) tests and dispatches the scalar path under UBSan (GCC 12's
#   UBSan compiles a test file in 2-3.4 times as long at -O0, and 1.8 times at -O2, so not
#   the others): the portable path's scalar integer code is where undefined behaviour could
#   hide. The xsimd 13.2 build keeps the assertions on, for the AVX2 path's;
# - reads outside the input: every build's guard-page tests, Valgrind on the kernel tests of
#   every path up to AVX2, and the fuzzer, which runs every path under ASan;
# - the -O0 symbol check, which shows whether a shared inline function keeps wider code,
#   runs in gcc-release only.
# The paths gcc-release tests in the whole matrix: those this CPU runs, less SSE4.2 and AVX2.
release_paths() {
  local path kept=""
  for path in $(cpu_paths | tr ';' ' '); do
    case "$path" in sse4_2 | avx2) ;; *) kept="$kept${kept:+;}$path" ;; esac
  done
  echo "$kept"
}
no_O0=-DSIMDREDUCE_TEST_SYMBOLS_O0=OFF
configurations=(
  "gcc-release|g++|Release|ON|system|17|v2||$(release_paths)|all|"
  "clang-release|clang++|Release|OFF|system|17|v2||sse4_2;avx512bw|all|$no_O0"
  "gcc-debug-ubsan|g++|Debug|OFF|system|17|v2|undefined|scalar|scalar|$no_O0 -DSIMDREDUCE_TEST_DISPATCH_OPTIMIZATION=-O0"
  "gcc-xsimd13|g++|RelWithDebInfo|OFF|13.2|17|v2||avx2|all|$no_O0 -DCMAKE_CXX_FLAGS=-DSIMDREDUCE_ENABLE_ASSERTS"
  "gcc-xsimd14-catch2v3|g++|RelWithDebInfo|OFF|14.3|17|v3||sse4_2||$no_O0"
  "clang-xsimd14-cxx20|clang++|RelWithDebInfo|OFF|14.3|20|v2||sse2;avx2|all|$no_O0"
)
if [ "$all" = 0 ]; then
  # The kernel tests of the paths this CPU runs; the dispatch tests of every path.
  configurations=("gcc-release|g++|Release|OFF|system|17|v2||$(cpu_paths)|all|$no_O0")
fi
jobs="$(nproc 2>/dev/null || echo 2)"
# SIMDREDUCE_TEST_CONFIGS="gcc-release gcc-debug-ubsan" runs only those (gcc-release is the
# one the later steps need); CI runs them all.
selected="${SIMDREDUCE_TEST_CONFIGS:-}"
for configuration in "${configurations[@]}"; do
  IFS='|' read -r name compiler build_type benchmarks xsimd standard catch2 sanitizers paths dispatch_paths \
    more <<<"$configuration"
  if [ -n "$selected" ] && [[ " $selected " != *" $name "* ]]; then
    continue
  fi
  dir="$root/$name"
  options=("-DSIMDREDUCE_TEST_PATHS=$paths" "-DSIMDREDUCE_TEST_DISPATCH_PATHS=$dispatch_paths" $more)
  ctest_options=()
  if [ -n "$sanitizers" ]; then
    # No symbol checks: instrumented code is not what ships.
    flags="-fsanitize=$sanitizers -fno-sanitize-recover=all -fno-omit-frame-pointer"
    options+=("-DCMAKE_CXX_FLAGS=$flags" "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=$sanitizers" -DSIMDREDUCE_TEST_SYMBOLS=OFF)
  fi
  if [ "$build_type" = "RelWithDebInfo" ]; then
    options+=("-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DNDEBUG")
  elif [ "$build_type" = "Debug" ]; then
    # The kernel tests at -O0 under qemu took 2 min 20 s; Release runs them on the same
    # emulated CPUs.
    ctest_options+=(-E "^simdreduce_tests_.*_qemu_")
  fi
  case "$xsimd" in
    13.2) options+=("-DSIMDREDUCE_XSIMD_INCLUDE_DIR=$(bash scripts/fetch-deb.sh trixie libxsimd-dev "$root/debs")/usr/include") ;;
    14.3) options+=("-DSIMDREDUCE_XSIMD_INCLUDE_DIR=$(bash scripts/fetch-deb.sh sid libxsimd-dev "$root/debs")/usr/include") ;;
  esac
  if [ "$catch2" = "v3" ]; then
    options+=("-DCatch2_DIR=$(bash scripts/fetch-deb.sh bookworm-backports libcatch2-dev "$root/debs")/usr/lib/cmake/Catch2")
  fi
  step "$name: $compiler, $build_type, xsimd $xsimd, C++$standard, Catch2 $catch2${sanitizers:+, -fsanitize=$sanitizers}"
  cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_BUILD_TYPE="$build_type" \
    -DCMAKE_CXX_STANDARD="$standard" -DSIMDREDUCE_WERROR=ON -DSIMDREDUCE_BUILD_BENCHMARKS="$benchmarks" \
    "${options[@]}" >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; exit 1; }
  grep -E "simdreduce .*: xsimd|Catch2 [0-9]" "$dir.configure.log" || true
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" --output-on-failure -j "$jobs" "${ctest_options[@]}"
done

if [ "$all" = 1 ]; then
  step "clang-tsan: the dispatcher's first use from 16 threads under ThreadSanitizer"
  cmake -S . -B "$root/clang-tsan" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSIMDREDUCE_BUILD_BENCHMARKS=OFF -DSIMDREDUCE_BUILD_EXAMPLES=OFF "-DCMAKE_CXX_FLAGS=-fsanitize=thread" \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
    "-DSIMDREDUCE_TEST_PATHS=scalar;sse2" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread" >"$root/clang-tsan.configure.log" 2>&1 \
    || { cat "$root/clang-tsan.configure.log"; exit 1; }
  cmake --build "$root/clang-tsan" -j "$jobs" --target simdreduce_dispatch_threads
  ctest --test-dir "$root/clang-tsan" --output-on-failure -R simdreduce_dispatch_threads
fi

step "examples/runtime_dispatch: a consumer of the installed package"
prefix="$root/prefix"
cmake --install "$root/gcc-release" --prefix "$prefix" >/dev/null
cmake -S examples/runtime_dispatch -B "$root/runtime_dispatch" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$root/runtime_dispatch.configure.log" 2>&1 \
  || { cat "$root/runtime_dispatch.configure.log"; exit 1; }
cmake --build "$root/runtime_dispatch" -j "$jobs"
"$root/runtime_dispatch/runtime_dispatch"
if [ "$(uname -m)" = "x86_64" ]; then
  echo "--- the same binary on an emulated Core 2 (SSE2 only):"
  qemu-x86_64 -cpu core2duo "$root/runtime_dispatch/runtime_dispatch"
fi

if [ "$all" = 0 ]; then
  echo "passed: gcc-release (every path this CPU runs, dispatch natively and under qemu), the examples"
  echo "total: $((SECONDS / 60)) min $((SECONDS % 60)) s; the whole matrix: scripts/test.sh --all"
  exit 0
fi

step "consumers: add_subdirectory, and pkg-config with the manual dispatch recipe"
cmake -S tests/consumers/add_subdirectory -B "$root/consumer-add-subdirectory" -DCMAKE_BUILD_TYPE=Release \
  >"$root/consumer-add-subdirectory.configure.log" 2>&1 || { cat "$root/consumer-add-subdirectory.configure.log"; exit 1; }
cmake --build "$root/consumer-add-subdirectory" -j "$jobs"
"$root/consumer-add-subdirectory/consumer"
bash tests/consumers/pkg_config.sh "$prefix" "$root/consumer-pkg-config"
bash tests/consumers/pkg_config_requires.sh "$root/pkg-config-requires"

step "packages: Conan's test_package, the vcpkg port and the Conan recipe"
build_test_package() {  # <prefix> <build-dir>: plain CMake, find_package against the prefix
  cmake -S test_package -B "$2" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$1" >"$2.configure.log" 2>&1 \
    || { cat "$2.configure.log"; exit 1; }
  cmake --build "$2" -j "$jobs" >/dev/null
  "$2/test_package"
}
build_test_package "$prefix" "$root/test-package"
cmake -DPORT_DIR=ports/simdreduce -DOUT="$root/vcpkg-port" -P tests/consumers/vcpkg/run_port.cmake >"$root/vcpkg-port.log" 2>&1 \
  || { cat "$root/vcpkg-port.log"; exit 1; }
tail -n 1 "$root/vcpkg-port.log"
build_test_package "$root/vcpkg-port/packages" "$root/test-package-vcpkg"
python3 tests/consumers/vcpkg/check_manifests.py .
python3 tests/consumers/conan/check_recipe.py . "$root/conan-recipe"

if [ "$(uname -m)" = "x86_64" ]; then
  step "aarch64: cross-built, every test under qemu-aarch64 (scalar and NEON paths)"
  # At -O2, as distributions build: a quarter cheaper to compile than -O3.
  bash scripts/test-aarch64.sh "$root/aarch64" -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DNDEBUG"
fi
step "valgrind memcheck: the kernel tests up to AVX2 (valgrind has no AVX-512) and dispatch"
# All at once: each is one single-threaded process, so the cores share them out.
pids=()
for test in gcc-release/tests/simdreduce_tests_scalar gcc-release/tests/simdreduce_tests_sse2 \
            gcc-xsimd14-catch2v3/tests/simdreduce_tests_sse4_2 gcc-xsimd13/tests/simdreduce_tests_avx2 \
            gcc-release/tests/simdreduce_dispatch_tests_ascending; do
  if [ -x "$root/$test" ]; then
    valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite -q "$root/$test" \
      >"$root/$(basename "$test").valgrind.log" 2>&1 &
    pids+=("$!:$test")
  fi
done
for entry in "${pids[@]}"; do
  test="${entry#*:}"
  if ! wait "${entry%%:*}"; then
    cat "$root/$(basename "$test").valgrind.log"
    echo "valgrind: $test failed"
    exit 1
  fi
  echo "$test: $(tail -n 1 "$root/$(basename "$test").valgrind.log")"
done

step "differential fuzzer: 60 s, every path against the scalar path, under ASan"
bash scripts/fuzz.sh "$root" 60

echo "all test configurations passed: ${selected:-${configurations[*]%%|*}}, tsan, runtime_dispatch example, consumers, packages, aarch64, valgrind, fuzzer"
echo "total: $((SECONDS / 60)) min $((SECONDS % 60)) s"
