// count_if on the architecture under test: exact counts at every length and misalignment,
// counts past what a narrow lane holds, NaN and signed zeros, integer extremes, pieces merged
// in any split, and the API's forms.
#include "catch.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <array>

namespace {

using test::arch;
namespace sr = simdreduce;

const auto positive = [](auto x) { return x > 0; };

TEMPLATE_TEST_CASE("count_if is exact at every length and misalignment", "[count_if]", SIMDREDUCE_ALL_ELEMENT_TYPES) {
    using T = TestType;
    constexpr std::size_t max_n = test::sweep_length<T, std::int8_t>();  // more than 2 x 255 bytes
    constexpr std::size_t max_offset = test::widest_batch<T>;
    const auto data = test::exact_data<T>(max_n + max_offset, 13);
    const auto odd = [](auto x) { return (x & 1) == 1; };  // integers: a predicate on bits
    const auto nothing = [](auto x) { return x > decltype(x)(100); };  // the data is in [-6, 12]
    const auto everything = [](auto x) { return x < decltype(x)(100); };
    for (std::size_t offset = 0; offset < max_offset; ++offset) {
        for (std::size_t n = 0; n <= max_n; ++n) {
            const T* p = data.data() + offset;
            const std::size_t got = sr::count_if<arch>(p, n, positive);
            const std::size_t none = sr::count_if<arch>(p, n, nothing);
            const std::size_t all = sr::count_if<arch>(p, n, everything);
            if (got != test::count_accepted(p, n, positive) || none != 0 || all != n) {
                INFO("offset " << offset << ", n " << n << ": " << got << ", " << none << ", " << all);
                REQUIRE(got == test::count_accepted(p, n, positive));
                REQUIRE(none == 0);
                REQUIRE(all == n);
            }
            if constexpr (std::is_integral<T>::value) {
                const std::size_t got_odd = sr::count_if<arch>(p, n, odd);
                if (got_odd != test::count_accepted(p, n, odd)) {
                    INFO("odd: offset " << offset << ", n " << n);
                    REQUIRE(got_odd == test::count_accepted(p, n, odd));
                }
            }
        }
    }
    SUCCEED("all lengths and offsets");
}

// Each lane counts in the elements' own width: an 8-bit lane holds 255, a 16-bit one 65535.
// Every element accepted, at lengths on both sides of where the fullest lane would wrap on
// each register width (16, 32 and 64 bytes, 4 accumulators), and far past it.
TEMPLATE_TEST_CASE("counts larger than a narrow lane holds are exact", "[count_if][overflow]", std::int8_t,
                   std::uint8_t, std::int16_t, std::uint16_t) {
    using T = TestType;
    constexpr std::size_t per_lane = std::size_t(1) << (8 * sizeof(T));
    // Three wraps of the widest registers for bytes; one for 16-bit lanes (8.4 M elements).
    const std::size_t most = (per_lane - 1) * 4 * (64 / sizeof(T)) * (sizeof(T) == 1 ? 3 : 1) + 99 + 64;
    std::vector<T> ones(most + 1, T(1));
    std::vector<std::size_t> lengths = {most, most - 98};
    for (const std::size_t bytes : {std::size_t(16), std::size_t(32), std::size_t(64)}) {
        const std::size_t wrap = (per_lane - 1) * 4 * (bytes / sizeof(T));
        for (std::size_t n : {wrap - 1, wrap, wrap + 1, wrap + bytes / sizeof(T), 2 * wrap + 5}) {
            if (n <= most) lengths.push_back(n);
        }
    }
    for (const std::size_t n : lengths) {
        for (const std::size_t offset : {std::size_t(0), std::size_t(1)}) {
            INFO("n " << n << ", offset " << offset);
            REQUIRE(sr::count_if<arch>(ones.data() + offset, n, positive) == n);
        }
    }
    // Accepted and rejected runs longer than a lane holds, alternating.
    std::vector<T> runs(most);
    for (std::size_t i = 0; i < most; ++i) runs[i] = T((i / (per_lane + 7)) % 2);
    REQUIRE(sr::count_if<arch>(runs, positive) == test::count_accepted(runs.data(), runs.size(), positive));
}

TEMPLATE_TEST_CASE("NaN compares false, and signed zeros are zeros", "[count_if][ieee]", float, double) {
    using T = TestType;
    const std::size_t n = test::sweep_length<T>();
    std::vector<T> v = test::random_floats<T>(n, 5, 4.0);
    const auto is_nan = [](auto x) { return !(x == x); };
    const auto not_negative = [](auto x) { return !(x < 0); };  // accepts NaN
    const T nan = std::numeric_limits<T>::quiet_NaN(), inf = std::numeric_limits<T>::infinity();
    for (std::size_t at = 0; at < n; ++at) {
        std::vector<T> w = v;
        w[at] = nan;
        w[(at * 7 + 3) % n] = nan;  // a second NaN, before or after the first
        const std::size_t nans = at == (at * 7 + 3) % n ? 1 : 2;
        INFO("NaN at " << at);
        REQUIRE(sr::count_if<arch>(w, is_nan) == nans);
        REQUIRE(sr::count_if<arch>(w, positive) == test::count_accepted(w.data(), n, positive));
        REQUIRE(sr::count_if<arch>(w, not_negative) == test::count_accepted(w.data(), n, not_negative));
    }
    const std::vector<T> all_nan(n, nan);
    REQUIRE(sr::count_if<arch>(all_nan, is_nan) == n);
    REQUIRE(sr::count_if<arch>(all_nan, positive) == 0);
    REQUIRE(sr::count_if<arch>(all_nan, not_negative) == n);
    std::vector<T> special(n);
    for (std::size_t i = 0; i < n; ++i) special[i] = std::array<T, 5>{-T(0), T(0), inf, -inf, T(1e-40)}[i % 5];
    const std::size_t zeros = test::count_accepted(special.data(), n, [](T x) { return x == 0; });
    REQUIRE(sr::count_if<arch>(special, [](auto x) { return x == 0; }) == zeros);  // -0.0 == +0.0
    REQUIRE(sr::count_if<arch>(special, [](auto x) { return x < 0; }) == test::count_accepted(special.data(), n, [](T x) { return x < 0; }));
    REQUIRE(sr::count_if<arch>(special, [](auto x) { return x > T(1e30); }) == (n + 2) / 5);  // +Inf
}

TEMPLATE_TEST_CASE("count_if compares integers in their own type, at the extremes", "[count_if][extremes]",
                   std::int8_t, std::uint8_t, std::int16_t, std::uint16_t, std::int32_t, std::uint32_t, std::int64_t,
                   std::uint64_t) {
    using T = TestType;
    using limits = std::numeric_limits<T>;
    const std::size_t n = test::sweep_length<T, std::int8_t>();
    std::vector<T> v(n);
    for (std::size_t i = 0; i < n; ++i) {
        v[i] = std::array<T, 4>{limits::min(), limits::max(), T(0), T(limits::max() - 1)}[(i * 5 + i / 3) % 4];
    }
    const auto is_max = [](auto x) { return x == decltype(x)(limits::max()); };
    const auto above_min = [](auto x) { return x > decltype(x)(limits::min()); };
    const T top = static_cast<T>(std::make_unsigned_t<T>(1) << (8 * sizeof(T) - 1));  // the sign bit, or the top one
    const auto high_bit = [top](auto x) { return (x & decltype(x)(top)) != decltype(x)(0); };
    for (std::size_t len : {n, n - 1, n / 2 + 1}) {
        INFO("n " << len);
        REQUIRE(sr::count_if<arch>(v.data(), len, is_max) == test::count_accepted(v.data(), len, is_max));
        REQUIRE(sr::count_if<arch>(v.data(), len, above_min) == test::count_accepted(v.data(), len, above_min));
        REQUIRE(sr::count_if<arch>(v.data(), len, high_bit) == test::count_accepted(v.data(), len, high_bit));
    }
    REQUIRE(test::count_accepted(v.data(), n, is_max) > 0);  // the data has every case
    REQUIRE(test::count_accepted(v.data(), n, above_min) < n);
}

TEMPLATE_TEST_CASE("pieces of a count merged in any split give the count of one call", "[count_if][block_tree]",
                   float, std::int8_t, std::uint16_t, std::int64_t) {
    using T = TestType;
    using R = sr::count_if_reducer<T, decltype(positive)>;
    STATIC_REQUIRE(sr::block_size<R> == 1);  // exact: cut anywhere
    const auto data = test::exact_data<T>(100003, 77);
    test::splitmix64 rng(99);
    const R r{positive};
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n = trial == 0 ? data.size() : rng.next() % data.size();
        std::vector<std::size_t> cuts = {0, n};
        for (int c = 0; c < 5; ++c) cuts.push_back(rng.next() % (n + 1));
        std::sort(cuts.begin(), cuts.end());
        auto state = sr::fold<arch>(r, data.data(), cuts[1], 0);
        for (std::size_t k = 1; k + 1 < cuts.size(); ++k) {
            const std::size_t a = cuts[k], len = cuts[k + 1] - a;
            state.merge(k % 2 ? sr::fold<sr::scalar>(r, data.data() + a, len, a) : sr::fold<arch>(r, data.data() + a, len, a));
        }
        INFO("n " << n);
        REQUIRE(state.finish() == test::count_accepted(data.data(), n, positive));
    }
}

// A named functor with a threshold: the pattern for reusable or dispatched predicates.
struct above {
    float threshold;
    template <class V>
    auto operator()(const V& x) const {
        return x > V(threshold);
    }
};

TEST_CASE("count_if takes ranges, pointers and functors with state, and counts nothing as 0", "[count_if][api]") {
    const std::vector<float> v = {-7, -5, -1, 0, 4, 5, 9, 12, 3, -4.5f};
    REQUIRE(sr::count_if<arch>(v, above{3.5f}) == 4);
    REQUIRE(sr::count_if<arch>(v.data(), 4, above{-6.0f}) == 3);
    REQUIRE(sr::count_if<arch>(v, positive) == 5);
    REQUIRE(sr::count_if<arch>(std::vector<float>{}, positive) == 0);
    REQUIRE(sr::count_if<arch>(static_cast<const float*>(nullptr), 0, positive) == 0);
    STATIC_REQUIRE(std::is_same<decltype(sr::count_if<arch>(v, positive)), std::size_t>::value);
    const std::array<std::int8_t, 5> bytes = {-128, 127, 0, 1, -1};
    REQUIRE(sr::count_if<arch>(bytes, [](auto x) { return x < 0; }) == 2);
}

}  // namespace
