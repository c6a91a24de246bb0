// sr::min, sr::max and sr::minmax: the NaN policy, signed zeros, empty input, and integers
// compared in their own type. Every result below is the same bits on every path.
#include <simdreduce/simdreduce.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <vector>

namespace sr = simdreduce;

namespace {
int failures = 0;

// Bit for bit, so that NaN equals NaN and -0.0 differs from +0.0.
void check(const char* what, double got, double expected) {
    const bool same = std::memcmp(&got, &expected, sizeof got) == 0;
    std::printf("%-34s %10g%s\n", what, got, same ? "" : "  WRONG");
    failures += same ? 0 : 1;
}
}  // namespace

int main() {
    std::vector<float> v(1000);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>((i * 37) % 1000) - 500.0f;
    check("min(vector)", sr::min(v), -500.0);
    check("max(ptr, n)", sr::max(v.data(), v.size()), 499.0);
    const sr::minmax_result<float> both = sr::minmax(v);  // one pass
    check("minmax(vector).min", both.min, -500.0);
    check("minmax(vector).max", both.max, 499.0);
    check("min<scalar>(vector)", sr::min<sr::scalar>(v), -500.0);

    // A NaN propagates, as numpy's amin; skip_nan ignores it, as nanmin.
    const double nan = std::numeric_limits<float>::quiet_NaN();
    v[617] = std::numeric_limits<float>::quiet_NaN();
    check("min with a NaN", sr::min(v), nan);
    check("min with a NaN, skip_nan", sr::min(v, sr::skip_nan), -500.0);
    check("max with a NaN, skip_nan", sr::minmax(v, sr::skip_nan).max, 499.0);
    const std::vector<float> only_nan(10, std::numeric_limits<float>::quiet_NaN());
    check("min of only NaN, skip_nan", sr::min(only_nan, sr::skip_nan), nan);

    // -0.0 is below +0.0, wherever each one is: IEEE 754-2019's minimum and maximum.
    const std::vector<double> zeros = {0.0, 0.0, -0.0, 0.0};
    check("min of zeros", sr::min(zeros), -0.0);
    check("max of zeros", sr::max(zeros), 0.0);

    // The empty input gives the identity.
    const std::vector<float> none;
    check("min of nothing", sr::min(none), std::numeric_limits<float>::infinity());
    check("max of nothing", sr::max(none), -std::numeric_limits<float>::infinity());
    check("min of no int32", sr::min(std::vector<std::int32_t>{}), std::numeric_limits<std::int32_t>::max());

    // Integers compare in their own type, on int8 lanes for int8: no widening.
    std::vector<std::int8_t> bytes(300, 5);
    bytes[123] = -128;
    bytes[200] = 127;
    check("min(int8)", sr::min(bytes), -128.0);
    check("max(int8)", sr::max(bytes), 127.0);
    const std::vector<std::uint64_t> big = {3, ~std::uint64_t(0) - 1, 7};
    check("max(uint64) == 2^64 - 2", sr::max(big) == ~std::uint64_t(0) - 1 ? 1.0 : 0.0, 1.0);

    return failures == 0 ? 0 : 1;
}
