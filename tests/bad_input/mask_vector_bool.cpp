// Must not compile: std::vector<bool> packs its bits, so sum_where has no mask bytes to read.
// The compiler's message must say what to pass instead (checked by ctest), for the direct
// functions and for their dispatch twins alike.
#include <simdreduce/simdreduce.hpp>

#include <vector>

int main() {
    const std::vector<float> v(10, 1.0f);
    const std::vector<bool> mask(10, true);
#if defined(SIMDREDUCE_BAD_INPUT_DISPATCH)
    simdreduce::dispatch::sum_where(v, mask);
#else
    simdreduce::sum_where<simdreduce::scalar>(v, mask);
#endif
    return 0;
}
