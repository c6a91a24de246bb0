// sum on the architecture under test: exactness, agreement with the reference order,
// misalignment, IEEE special values and integer extremes.
#include "catch.hpp"
#include "test_support.hpp"

#include <array>

namespace {

using test::arch;
namespace sr = simdreduce;

TEMPLATE_TEST_CASE("sum of exactly representable data is exact at every length and misalignment",
                   "[sum]", SIMDREDUCE_ALL_ELEMENT_TYPES) {
    using T = TestType;
    using Acc = sr::default_accumulator_t<T>;
    constexpr std::size_t max_n = test::sweep_length<T, Acc>();
    constexpr std::size_t max_offset = test::widest_batch<T>;
    const auto data = test::exact_data<T>(max_n + max_offset, 42);
    for (std::size_t offset = 0; offset < max_offset; ++offset) {
        for (std::size_t n = 0; n <= max_n; ++n) {
            const T* p = data.data() + offset;
            const Acc expected = test::exact_sum_as<Acc>(p, n);
            const Acc got = sr::sum<arch>(p, n);
            if (got != expected) {  // one REQUIRE per failure, not 10^5 passing assertions
                INFO("offset " << offset << ", n " << n);
                REQUIRE(got == expected);
            }
        }
    }
    SUCCEED("all lengths and offsets");
}

TEMPLATE_TEST_CASE("float sums are bit-identical to the reference order", "[sum][determinism]",
                   float, double) {
    using T = TestType;
    const auto data = test::random_floats<T>(100000 + 64, 7, 1e3);
    constexpr std::size_t B = test::block_of<T>;
    for (std::size_t n : {std::size_t(0), std::size_t(1), std::size_t(63), std::size_t(64), std::size_t(65),
                          std::size_t(1000), B - 1, B, B + 1, 2 * B, 3 * B + 5, 7 * B + 3, std::size_t(100000)}) {
        for (std::size_t offset : {0u, 1u, 3u, 7u, 15u}) {
            const T* p = data.data() + offset;
            const T expected = test::reference_sum<T>(p, n);
            const T got = sr::sum<arch>(p, n);
            INFO("n " << n << ", offset " << offset);
            REQUIRE(test::same_bits(got, expected));
            REQUIRE(test::same_bits(sr::sum<sr::scalar>(p, n), expected));
        }
    }
}

TEMPLATE_TEST_CASE("float sums follow IEEE for NaN, infinities and signed zeros", "[sum][ieee]",
                   float, double) {
    using T = TestType;
    const T inf = std::numeric_limits<T>::infinity();
    const T nan = std::numeric_limits<T>::quiet_NaN();
    const std::size_t n = test::sweep_length<T>();

    REQUIRE(std::signbit(sr::sum<arch>(static_cast<const T*>(nullptr), 0)));  // empty: -0.0
    std::vector<T> zeros(n, T(-0.0));
    for (std::size_t k = 1; k <= n; ++k) {
        const T s = sr::sum<arch>(zeros.data(), k);
        REQUIRE(s == 0);
        REQUIRE(std::signbit(s));  // the sum of -0.0s stays -0.0
    }
    zeros[n / 2] = T(0.0);
    REQUIRE_FALSE(std::signbit(sr::sum<arch>(zeros)));  // one +0.0 makes it +0.0

    for (std::size_t pos = 0; pos < n; ++pos) {  // every lane and every tail position
        std::vector<T> v = test::random_floats<T>(n, pos);
        v[pos] = nan;
        REQUIRE(std::isnan(sr::sum<arch>(v)));
        v[pos] = inf;
        REQUIRE(sr::sum<arch>(v) == inf);
        v[(pos + n / 2) % n] = -inf;  // another position, maybe another lane
        REQUIRE(std::isnan(sr::sum<arch>(v)));
    }
}

TEST_CASE("64-bit integer sums wrap modulo 2^64 near the extremes", "[sum][integer]") {
    const std::int64_t max = std::numeric_limits<std::int64_t>::max();
    const std::int64_t min = std::numeric_limits<std::int64_t>::min();
    const std::size_t n = test::sweep_length<std::int64_t>();
    for (std::size_t pos = 0; pos + 1 < n; ++pos) {
        std::vector<std::int64_t> v(n, 0);
        v[pos] = max;
        v[pos + 1] = 1;
        REQUIRE(sr::sum<arch>(v) == min);  // wraps, without undefined behaviour
        v[(pos + 2) % n] = -1;
        REQUIRE(sr::sum<arch>(v) == max);  // back in range: exact, whatever the order
        v.assign(n, 0);
        v[pos] = min;
        v[pos + 1] = -1;
        REQUIRE(sr::sum<arch>(v) == max);
    }
    std::vector<std::uint64_t> u(n, ~std::uint64_t(0));
    REQUIRE(sr::sum<arch>(u) == std::uint64_t(0) - n);
}

// True when n elements give one of the 32-bit halves widener's accumulators more than 2^16
// registers, where a flush every 2^17 would overflow it (the scalar path adds 64-bit lanes).
template <class A, class T>
constexpr bool halves_overflow_within(std::size_t n) {
    if constexpr (sr::detail::is_scalar_arch<A>) {
        return true;
    } else {
        using W = sr::engine::detail::halves_widener<A, T>;
        return n > (std::size_t(1) << 16) * W::accumulators * W::batch::size;
    }
}

TEMPLATE_TEST_CASE("narrow integers widen to 64 bits exactly at their extremes", "[sum][integer]",
                   std::int8_t, std::uint8_t, std::int16_t, std::uint16_t, std::int32_t,
                   std::uint32_t) {
    using T = TestType;
    using Acc = sr::default_accumulator_t<T>;
    // Long enough to cross the internal 16- and 32-bit partial-sum blocks many times. The 32-bit
    // halves overflow once one of 4 accumulators takes more than 2^16 registers without a
    // flush, past 4 Mi elements on AVX-512: a flush every 2^17 registers fails there too.
    constexpr std::size_t n = sizeof(T) == 4 ? std::size_t(5) << 20 : std::size_t(3) << 20;
    if constexpr (sizeof(T) == 4) {
        static_assert(halves_overflow_within<arch, T>(n), "more accumulators or wider registers: lengthen the test");
    }
    for (T extreme : {std::numeric_limits<T>::min(), std::numeric_limits<T>::max()}) {
        std::vector<T> v(n + 5, extreme);
        for (std::size_t len : {n, n + 1, n + 5}) {
            const Acc expected = static_cast<Acc>(static_cast<Acc>(extreme) * static_cast<Acc>(len));
            REQUIRE(sr::sum<arch>(v.data(), len) == expected);
        }
    }
}

TEMPLATE_TEST_CASE("integer sums of random full-range values are exact", "[sum][integer]", std::int8_t,
                   std::uint8_t, std::int16_t, std::uint16_t, std::int32_t, std::uint32_t, std::int64_t,
                   std::uint64_t) {
    using T = TestType;
    using Acc = sr::default_accumulator_t<T>;
    // 600003 elements: several 2^15-register blocks of the 32-bit kernel even with AVX-512,
    // several 128- and 32768-register blocks of the narrower ones, and a ragged tail.
    const std::size_t n = 600003;
    std::vector<T> v(n);
    test::splitmix64 rng(99);
    for (auto& x : v) x = static_cast<T>(rng.next());
    for (std::size_t len : {n, n - 1, std::size_t(77777)}) {
        INFO("n " << len);
        REQUIRE(sr::sum<arch>(v.data(), len) == test::exact_sum_as<Acc>(v.data(), len));
    }
}

// From 32 KiB on, the integer kernels run a second instantiation that prefetches, up to 2 KiB
// before the end, and finish without it. Lengths on either side of each switch, with whole
// and ragged tails, must give the exact sum like any other length.
TEMPLATE_TEST_CASE("integer sums are exact on both sides of the prefetch threshold", "[sum][integer][prefetch]",
                   std::int8_t, std::uint8_t, std::int32_t, std::uint32_t) {
    using T = TestType;
    using Acc = sr::default_accumulator_t<T>;
    constexpr std::size_t threshold = sr::engine::detail::prefetch_min_bytes / sizeof(T);
    constexpr std::size_t ahead = sr::engine::detail::prefetch_ahead_bytes / sizeof(T);
    std::vector<T> v(threshold + 2 * ahead + 300);
    test::splitmix64 rng(5);
    for (auto& x : v) x = static_cast<T>(rng.next());
    for (std::size_t len : {threshold - 1, threshold, threshold + 1, threshold + ahead - 1, threshold + ahead + 255,
                            threshold + 2 * ahead + 299}) {
        for (std::size_t offset : {std::size_t(0), std::size_t(1)}) {
            INFO("n " << len << ", offset " << offset);
            REQUIRE(sr::sum<arch>(v.data() + offset, len) == test::exact_sum_as<Acc>(v.data() + offset, len));
        }
    }
}

// The lookahead of the last prefetching step still lies inside the array, whatever the step,
// and prefetching stops no earlier than that requires.
TEST_CASE("prefetching stops before its lookahead leaves the array", "[prefetch]") {
    namespace k = sr::engine::detail;
    for (std::size_t step : {16u, 32u, 64u, 128u, 256u, 512u, 96u}) {
        for (std::size_t count = 0; count < 400; ++count) {
            const std::size_t stop = k::prefetch_stop(count, step);
            INFO("step " << step << ", count " << count);
            REQUIRE(stop <= count);
            if (stop > 0) {  // step stop - 1 prefetches [(stop - 1) * step + ahead, stop * step + ahead)
                REQUIRE(stop * step + k::prefetch_ahead_bytes <= count * step);
            }
            if (stop < count) {  // and one step more would overrun: no lookahead is given up
                REQUIRE((stop + 1) * step + k::prefetch_ahead_bytes > count * step);
            }
        }
    }
}

// Past every internal widening of narrow partial sums, at the extreme values. The byte widener
// flushes each 16-bit accumulator into 32-bit lanes every 60 registers and drains those lanes
// to 64 bits every 2^14 flushes (31.5 MB of 32-byte registers). Without the drain, a 32-bit
// lane of 255s would overflow after 2^31 / (2 x 60 x 255) flushes: 67.4 MB of 32-byte
// registers, 33.7 MB of 16. (Draining every 2^16 flushes failed here.)
TEST_CASE("byte arrays of extreme values longer than 96 MiB sum exactly", "[sum][integer]") {
    const std::size_t n = (std::size_t(3) << 25) + 77;
    {
        const std::vector<std::uint8_t> v(n, 255);
        REQUIRE(sr::sum<arch>(v) == std::uint64_t(255) * n);
    }
    {
        const std::vector<std::int8_t> w(n, -128);
        REQUIRE(sr::sum<arch>(w) == -128 * static_cast<std::int64_t>(n));
    }
    {
        const std::vector<std::int8_t> w(n, 127);
        REQUIRE(sr::sum<arch>(w) == 127 * static_cast<std::int64_t>(n));
    }
}

TEMPLATE_TEST_CASE("accumulate_in chooses the accumulator", "[sum][accumulator]", std::int8_t,
                   std::uint8_t, std::int16_t, std::int32_t) {
    using T = TestType;
    const std::size_t n = 5000;
    std::vector<T> v(n);
    test::splitmix64 rng(3);
    for (auto& x : v) x = static_cast<T>(rng.next());
    // Wrap-around in the element's own width: the exact sum reduced modulo 2^bits.
    const T wrapped = sr::sum<arch>(v, sr::accumulate_in<T>);
    REQUIRE(wrapped == static_cast<T>(test::exact_integer_sum(v.data(), n)));
    const double in_double = sr::sum<arch>(v, sr::accumulate_in<double>);
    REQUIRE(in_double == static_cast<double>(static_cast<std::int64_t>(test::exact_integer_sum(v.data(), n))));
}

TEST_CASE("float data summed in double is bit-identical to the reference order", "[sum][accumulator]") {
    const auto v = test::random_floats<float>(10007, 5, 1e6);
    const double got = sr::sum<arch>(v, sr::accumulate_in<double>);
    REQUIRE(test::same_bits(got, test::reference_sum<double>(v.data(), v.size())));
}

TEST_CASE("ranges: vector, array and C array give the pointer result", "[sum][api]") {
    const float c_array[5] = {1.5f, 2.5f, -1.0f, 8.0f, 0.25f};
    const std::array<float, 5> array = {1.5f, 2.5f, -1.0f, 8.0f, 0.25f};
    const std::vector<float> vector(array.begin(), array.end());
    REQUIRE(sr::sum<arch>(c_array) == 11.25f);
    REQUIRE(sr::sum<arch>(array) == 11.25f);
    REQUIRE(sr::sum<arch>(vector) == 11.25f);
    STATIC_REQUIRE(std::is_same<decltype(sr::sum<arch>(vector)), float>::value);
    STATIC_REQUIRE(std::is_same<decltype(sr::sum<arch>(std::vector<std::uint16_t>{})), std::uint64_t>::value);
    STATIC_REQUIRE(std::is_same<decltype(sr::sum<arch>(std::vector<std::int8_t>{})), std::int64_t>::value);
}

}  // namespace
