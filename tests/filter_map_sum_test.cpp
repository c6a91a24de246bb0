// filter_map_sum on the architecture under test: exactness, the fixed order under FMA
// contraction, no leak from rejected elements, and user functors.
#include "catch.hpp"
#include "test_support.hpp"

namespace {

using test::arch;
namespace sr = simdreduce;

const auto positive = [](auto x) { return x > 0; };
const auto square = [](auto x) { return x * x; };

TEMPLATE_TEST_CASE("filter_map_sum of exact data is exact at every length and misalignment",
                   "[filter_map_sum]", float, double, std::int8_t, std::uint8_t, std::int16_t,
                   std::uint16_t, std::int32_t, std::uint32_t, std::int64_t, std::uint64_t) {
    using T = TestType;
    using Acc = sr::default_accumulator_t<T>;
    constexpr std::size_t max_n = test::sweep_length<T, Acc>();
    constexpr std::size_t max_offset = test::widest_batch<T>;
    const auto data = test::exact_data<T>(max_n + max_offset, 9);
    const auto odd = [](auto x) { return (x & 1) == 1; };  // integers: a predicate on bits
    for (std::size_t offset = 0; offset < max_offset; ++offset) {
        for (std::size_t n = 0; n <= max_n; ++n) {
            const T* p = data.data() + offset;
            Acc expected = 0;
            Acc expected_odd = 0;
            for (std::size_t i = 0; i < n; ++i) {
                const Acc x = static_cast<Acc>(p[i]);
                if (x > 0) expected = static_cast<Acc>(expected + x * x);
                if constexpr (std::is_integral<T>::value) {
                    if ((x & 1) == 1) expected_odd = static_cast<Acc>(expected_odd + x * x);
                }
            }
            const Acc got = sr::filter_map_sum<arch>(p, n, positive, square);
            if (got != expected) {
                INFO("offset " << offset << ", n " << n);
                REQUIRE(got == expected);
            }
            if constexpr (std::is_integral<T>::value) {
                const Acc got_odd = sr::filter_map_sum<arch>(p, n, odd, square);
                if (got_odd != expected_odd) {
                    INFO("odd: offset " << offset << ", n " << n);
                    REQUIRE(got_odd == expected_odd);
                }
            }
        }
    }
    SUCCEED("all lengths and offsets");
}

// The filtered fold prefetches from 32 KiB on and stops 2 KiB before the end: the order, so
// the bits, must not change on either side of either switch.
TEMPLATE_TEST_CASE("filter_map_sum is bit-identical on both sides of the prefetch threshold",
                   "[filter_map_sum][determinism][prefetch]", float, double) {
    using T = TestType;
    constexpr std::size_t threshold = sr::engine::detail::prefetch_min_bytes / sizeof(T);
    constexpr std::size_t ahead = sr::engine::detail::prefetch_ahead_bytes / sizeof(T);
    const auto data = test::random_floats<T>(threshold + 2 * ahead + 300, 8, 2.0);
    const auto tenth = [](auto x) { return x * T(0.1); };
    for (std::size_t len : {threshold - 1, threshold, threshold + 1, threshold + ahead - 1, threshold + ahead + 77,
                            threshold + 2 * ahead + 299}) {
        for (std::size_t offset : {std::size_t(0), std::size_t(1)}) {
            const T* p = data.data() + offset;
            INFO("n " << len << ", offset " << offset);
            REQUIRE(test::same_bits(sr::filter_map_sum<arch>(p, len, positive, tenth),
                                    test::reference_filter_map_sum<T>(p, len, positive, tenth)));
        }
    }
}

// This source is compiled with -mfma for the AVX2 and AVX-512 paths, under the compilers'
// default -ffp-contract. A kernel that let `acc + x * c` become one FMA would round once
// instead of twice and differ from the volatile reference in the last bits. The data has
// mixed signs, so the accumulators cancel and the lost product bits show.
TEMPLATE_TEST_CASE("filter_map_sum is bit-identical to the reference order under FMA flags",
                   "[filter_map_sum][determinism]", float, double) {
    using T = TestType;
    const auto data = test::random_floats<T>(20000 + 16, 21, 3.0);
    const auto most = [](auto x) { return x > T(-2.5); };
    const auto tenth = [](auto x) { return x * T(0.1); };  // inexact multiply, last op of map
    std::vector<std::size_t> lengths = {20000};
    for (std::size_t n = 1; n < 2000; n += 37) lengths.push_back(n);
    std::size_t fused_differs = 0;
    for (std::size_t n : lengths) {
        for (std::size_t offset : {0u, 5u}) {
            const T* p = data.data() + offset;
            INFO("n " << n << ", offset " << offset);
            const T expected = test::reference_filter_map_sum<T>(p, n, most, tenth);
            REQUIRE(test::same_bits(sr::filter_map_sum<arch>(p, n, most, tenth), expected));
            REQUIRE(test::same_bits(sr::filter_map_sum<sr::scalar>(p, n, most, tenth), expected));
            const T expected_square = test::reference_filter_map_sum<T>(p, n, positive, square);
            REQUIRE(test::same_bits(sr::filter_map_sum<arch>(p, n, positive, square), expected_square));
            // The same order with the multiply fused: what a contracting kernel would return.
            const T fused = test::reference_filter_map_sum<T>(
                p, n, most, [](T x) { return x; }, [](T lane, T x) { return std::fma(x, T(0.1), lane); });
            fused_differs += test::same_bits(fused, expected) ? 0 : 1;
        }
    }
    if (std::is_same<T, float>::value) {
        REQUIRE(fused_differs > lengths.size() / 4);  // the data does tell fused from unfused
    }
}

TEMPLATE_TEST_CASE("rejected elements never leak NaN or Inf into the result",
                   "[filter_map_sum][ieee]", float, double) {
    using T = TestType;
    const std::size_t n = test::sweep_length<T>();
    std::vector<T> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = T(i % 5) - T(2);  // -2 -1 0 1 2 ...
    // 1 / sqrt(x) is NaN for x < 0 and +Inf for 0: all of those are filtered out.
    const auto inverse_root = [](auto x) { return decltype(x)(1) / xsimd::sqrt(x); };
    for (std::size_t len = 0; len <= n; ++len) {
        const T got = sr::filter_map_sum<arch>(v.data(), len, positive, inverse_root);
        REQUIRE(std::isfinite(got));
        REQUIRE(test::same_bits(got, test::reference_filter_map_sum<T>(v.data(), len, positive, inverse_root)));
    }
    // Nothing accepted: the identity, -0.0, even though map would give NaN everywhere.
    const T none = sr::filter_map_sum<arch>(v, [](auto x) { return x > 100; }, inverse_root);
    REQUIRE(none == 0);
    REQUIRE(std::signbit(none));
    // Accepted NaN does propagate. (Not `x != x`: xsimd 8.1 compiles a batch != into an
    // ordered compare on AVX and AVX-512, false for NaN; see README, "Writing predicates".)
    v[n / 3] = std::numeric_limits<T>::quiet_NaN();
    REQUIRE(std::isnan(sr::filter_map_sum<arch>(v, [](auto x) { return !(x < 0); }, square)));
}

// A named functor with templated call operators: the pattern for reusable or dispatched maps.
struct clamp_at_10 {
    template <class V>
    V operator()(const V& x) const {
        return xsimd::min(x, V(10));
    }
};
struct in_range {
    template <class V>
    auto operator()(const V& x) const {
        return (x >= V(-5)) & (x < V(5));
    }
    bool operator()(float x) const { return x >= -5 && x < 5; }
};

TEST_CASE("filter_map_sum accepts named functors and ranges", "[filter_map_sum][api]") {
    const std::vector<float> v = {-7, -5, -1, 0, 4, 5, 9, 12, 3, -4.5f};
    // in range: -5 -1 0 4 3 -4.5, each clamped at 10: sum = -3.5
    REQUIRE(sr::filter_map_sum<arch>(v, in_range{}, clamp_at_10{}) == -3.5f);
    REQUIRE(sr::filter_map_sum<arch>(v.data(), v.size(), in_range{}, clamp_at_10{}) == -3.5f);
    const double in_double = sr::filter_map_sum<arch>(v, positive, square, sr::accumulate_in<double>);
    REQUIRE(in_double == 16.0 + 25 + 81 + 144 + 9);
    STATIC_REQUIRE(std::is_same<decltype(sr::filter_map_sum<arch>(std::vector<std::int16_t>{}, positive, square)),
                                std::int64_t>::value);
}

}  // namespace

// On SSE4.1 and AVX2 a rejected float lane is kept either by and + subtract or by a blend, and
// the engine picks one per CPU vendor (reducers/plus.hpp, masking). Both run here, whatever
// this CPU is, and must give the reference's bits: across blocks, at every offset of a
// register, with signed zeros, and with nothing accepted (the identity, -0.0).
TEMPLATE_TEST_CASE("both masking variants give the reference's bits", "[filter_map_sum][variant]", float, double) {
    using T = TestType;
    using R = sr::filter_map_sum_reducer<T, decltype(positive), decltype(square)>;
    namespace rd = sr::reducers;
    const R automatic{positive, square};
    STATIC_REQUIRE(R::masking_variant == rd::masking::automatic);
    const auto and_subtract = automatic.template with_masking<rd::masking::and_subtract>();
    const auto blend = automatic.template with_masking<rd::masking::blend>();
    constexpr std::size_t B = sr::block_size<R>;
    std::vector<T> v = test::random_floats<T>(3 * B + 100, 31, 4.0);
    for (auto& x : v) x -= T(2);  // [-2, 2): about half rejected
    for (std::size_t i = 0; i < v.size(); i += 7) v[i] = (i / 7) % 2 ? T(0) : -T(0);
    for (const std::size_t n : {std::size_t(0), std::size_t(1), std::size_t(63), std::size_t(200), B - 1, B + 1, 3 * B + 17}) {
        for (const std::size_t offset : {std::size_t(0), std::size_t(1), std::size_t(3)}) {
            INFO("n " << n << ", offset " << offset);
            const T* p = v.data() + offset;
            const T expected = test::reference_filter_map_sum<T>(p, n, positive, square);
            const sr::engine::input<T> in{p};
            REQUIRE(test::same_bits(sr::engine::run<arch>(and_subtract, in, n), expected));
            REQUIRE(test::same_bits(sr::engine::run<arch>(blend, in, n), expected));
            REQUIRE(test::same_bits(sr::engine::run<arch>(automatic, in, n), expected));
        }
    }
    const std::vector<T> negative(B + 5, T(-1));
    const sr::engine::input<T> in{negative.data()};
    for (const std::size_t n : {std::size_t(1), std::size_t(100), B + 5}) {
        REQUIRE(test::same_bits(sr::engine::run<arch>(blend, in, n), -T(0)));
        REQUIRE(test::same_bits(sr::engine::run<arch>(and_subtract, in, n), -T(0)));
    }
}
