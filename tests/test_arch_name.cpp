// The architecture this test executable was built for, which the shared runner (main.cpp)
// checks against the CPU before running anything.
#ifndef SIMDREDUCE_TEST_ARCH_NAME
#error "SIMDREDUCE_TEST_ARCH_NAME must name the architecture under test"
#endif

extern const char simdreduce_test_arch_name[];
const char simdreduce_test_arch_name[] = SIMDREDUCE_TEST_ARCH_NAME;
