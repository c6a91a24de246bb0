// sr::sum with the default arch, explicit archs and other accumulators.
#include <simdreduce/simdreduce.hpp>

#include <cstdint>
#include <cstdio>
#include <numeric>
#include <vector>

namespace sr = simdreduce;

namespace {
int failures = 0;

void check(const char* what, double got, double expected) {
    std::printf("%-30s %12.1f%s\n", what, got, got == expected ? "" : "  WRONG");
    failures += got == expected ? 0 : 1;
}
}  // namespace

int main() {
    // Every partial sum of 1..1000 stays below 2^24, so float adds them
    // exactly in whatever order the SIMD lanes combine them.
    std::vector<float> values(1000);
    std::iota(values.begin(), values.end(), 1.0f);
    float a = sr::sum(values.data(), values.size());
    auto b = sr::sum(values);
    check("sum(ptr, n)", a, 500500.0);
    check("sum(vector)", b, 500500.0);
    check("sum<scalar>(ptr, n)", sr::sum<sr::scalar>(values.data(), values.size()), 500500.0);
#if XSIMD_WITH_SSE2
    check("sum<sse2>(ptr, n)", sr::sum<xsimd::sse2>(values.data(), values.size()), 500500.0);
#endif
    int c_array[] = {1, 2, 3, 4, 5, 6, 7};
    check("sum(C array)", static_cast<double>(sr::sum(c_array)), 28.0);

    // 300 * 100 overflows int8 often: by default it is widened to int64...
    std::vector<std::int8_t> bytes(300, 100);
    std::int64_t wide = sr::sum(bytes);
    check("sum(int8) into int64", static_cast<double>(wide), 30000.0);
    // ...unless asked to wrap in the element width: 30000 mod 256 = 48.
    std::int8_t wrapped = sr::sum(bytes, sr::accumulate_in<std::int8_t>);
    check("sum(int8) wrapped in int8", wrapped, 48.0);

    // 2^24 + 1 is not a float, so a float accumulator would drop the ones.
    std::vector<float> big_and_ones(1001, 1.0f);
    big_and_ones[0] = 16777216.0f;
    double d = sr::sum(big_and_ones, sr::accumulate_in<double>);
    check("sum(float) into double", d, 16778216.0);

    return failures == 0 ? 0 : 1;
}
