// sr::filter_map_sum: the sum of map(x) over the x where pred(x) holds, in one pass.
#include <simdreduce/simdreduce.hpp>

#include <array>
#include <cstdio>

namespace sr = simdreduce;

int main() {
    // Halves and quarters: every square and partial sum below is exact in
    // float, so the SIMD result must equal the plain loop bit for bit. 17
    // elements leave a tail after the full SIMD batches.
    const std::array<float, 17> data = {3.0f,  -1.5f, 0.5f,  -4.0f, 2.0f, 0.0f,  -0.5f, 7.0f, 1.5f,
                                        -2.0f, 6.0f,  -3.0f, 0.25f, 9.0f, -8.0f, 4.5f,  1.0f};
    // Generic lambdas, because they are called on xsimd batches as well as scalars.
    auto positive = [](auto x) { return x > 0; };
    auto square = [](auto x) { return x * x; };

    float expected = 0.0f;
    for (float x : data) {
        if (x > 0) expected += x * x;
    }

    float e = sr::filter_map_sum(data.data(), data.size(), positive, square);
    float s = sr::filter_map_sum<sr::scalar>(data, positive, square);
    std::printf("plain loop:               %g\n", static_cast<double>(expected));
    std::printf("filter_map_sum(ptr, n):   %g\n", static_cast<double>(e));
    std::printf("filter_map_sum<scalar>:   %g\n", static_cast<double>(s));
    bool ok = e == expected && s == expected;
#if XSIMD_WITH_SSE2
    float f = sr::filter_map_sum<xsimd::sse2>(data, positive, square);
    std::printf("filter_map_sum<sse2>:     %g\n", static_cast<double>(f));
    ok = ok && f == expected;
#endif
    return ok ? 0 : 1;
}
