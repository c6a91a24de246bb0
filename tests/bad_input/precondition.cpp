// Called with a violated precondition: simdreduce must stop with a message, never read.
// Built with SIMDREDUCE_ENABLE_ASSERTS, so the check holds in Release builds too.
#include <simdreduce/simdreduce.hpp>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
    namespace sr = simdreduce;
    // simdreduce aborts after printing its message; ctest counts a signal as a failure
    // whatever the output says, so leave with a plain exit code instead.
    std::signal(SIGABRT, [](int) { std::_Exit(3); });
    const char* which = argc > 1 ? argv[1] : "";
    float one = 1.0f;
    if (std::strcmp(which, "null") == 0) {
        std::printf("%g\n", double(sr::sum(static_cast<const float*>(nullptr), 5)));
    } else if (std::strcmp(which, "overflow") == 0) {
        std::printf("%g\n", double(sr::sum(&one, SIZE_MAX / 2)));
    } else if (std::strcmp(which, "filter_null") == 0) {
        std::printf("%g\n", double(sr::filter_map_sum(static_cast<const float*>(nullptr), 3,
                                                      [](auto x) { return x > 0; }, [](auto x) { return x; })));
    }
    return 0;  // reaching this line with a bad argument is the failure
}
