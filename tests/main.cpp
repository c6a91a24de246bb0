// The test runner. Compiled once with baseline flags and linked into every test executable
// (Catch2 v2's implementation alone takes 14 s to compile), so that it can say "skipped" on
// a CPU that lacks the instruction set the test cases of this executable were compiled for.
// Each executable names its architecture in test_arch_name.cpp.
#if !defined(SIMDREDUCE_CATCH2_V3)
#define CATCH_CONFIG_RUNNER
#endif
#include "catch.hpp"

#include <simdreduce/targets/cpu_features.hpp>

#include <cstdio>
#include <cstring>

#include <unistd.h>

extern const char simdreduce_test_arch_name[];  // test_arch_name.cpp

namespace {

// ctest's SKIP_RETURN_CODE: the path exists but this CPU cannot run it.
constexpr int skip_return_code = 77;

// The library's own detector (CPUID and XGETBV), so a path is tested exactly where
// simdreduce::dispatch would choose it.
bool cpu_runs(const char* arch) {
    const simdreduce::dispatch::cpu_features cpu = simdreduce::dispatch::detect_cpu_features();
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) \
    if (std::strcmp(arch, #name) == 0) return cpu.name;
#include <simdreduce/targets/targets.def>
#undef SIMDREDUCE_TARGET
    return true;  // the dispatch tests, which choose their own path
}

// Runs before every C++ static initializer (priority 101 < the default 65535). Catch2
// registers the test cases from static initializers that live in the objects compiled for
// the architecture under test, and those may already use its instructions: checking in main
// is too late, the executable dies of SIGILL first (seen under qemu -cpu Nehalem for avx2).
// _exit, not exit, for the same reason: no static destructor of those objects may run.
__attribute__((constructor(101))) void skip_unless_this_cpu_runs_the_tests() {
    if (!cpu_runs(simdreduce_test_arch_name)) {
        std::printf("skipped: this CPU cannot run %s\n", simdreduce_test_arch_name);
        std::fflush(stdout);
        _exit(skip_return_code);
    }
}

}  // namespace

int main(int argc, char* argv[]) {
    std::printf("architecture under test: %s\n", simdreduce_test_arch_name);
    return Catch::Session().run(argc, argv);
}
