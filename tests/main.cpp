// The test runner. Compiled with baseline flags, so that it can say "skipped" on a CPU
// that lacks the instruction set the test cases of this executable were compiled for.
#if !defined(SIMDREDUCE_CATCH2_V3)
#define CATCH_CONFIG_RUNNER
#endif
#include "catch.hpp"

#include <cstdio>
#include <cstring>

#ifndef SIMDREDUCE_TEST_ARCH_NAME
#error "SIMDREDUCE_TEST_ARCH_NAME must name the architecture under test"
#endif

namespace {

// ctest's SKIP_RETURN_CODE: the path exists but this CPU cannot run it.
constexpr int skip_return_code = 77;

bool cpu_runs(const char* arch) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (std::strcmp(arch, "sse4_2") == 0) return __builtin_cpu_supports("sse4.2");
    if (std::strcmp(arch, "avx2") == 0) {
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    if (std::strcmp(arch, "avx512bw") == 0) {
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
               __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512cd");
    }
#endif
    (void)arch;
    return true;  // scalar and sse2 (x86-64 baseline), neon64 (aarch64 baseline)
}

}  // namespace

int main(int argc, char* argv[]) {
    if (!cpu_runs(SIMDREDUCE_TEST_ARCH_NAME)) {
        std::printf("skipped: this CPU cannot run %s\n", SIMDREDUCE_TEST_ARCH_NAME);
        return skip_return_code;
    }
    std::printf("architecture under test: %s\n", SIMDREDUCE_TEST_ARCH_NAME);
    return Catch::Session().run(argc, argv);
}
