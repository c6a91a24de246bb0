// sum_where on the architecture under test: the bits of an independent reference (the test's
// statement of sum's order over the values, each masked-out one replaced by -0.0) at every
// length and at different misalignments of the values and the mask, with masks of bool and of
// uint8_t (any nonzero byte, 128-255 included), across several blocks; both masking variants;
// masked-out NaN and Inf; signed zeros; integers; the API's forms.
#include "catch.hpp"
#include "test_support.hpp"

#include <array>
#include <cmath>
#include <memory>

namespace {

using test::arch;
namespace sr = simdreduce;

// A mask of `n` bytes: set with probability 1/2 as any value 1..255, or all set, or none.
enum class density { half, all, none };
std::vector<std::uint8_t> random_mask(std::size_t n, std::uint64_t seed, density d = density::half) {
    test::splitmix64 rng(seed);
    std::vector<std::uint8_t> m(n);
    for (auto& b : m) {
        const std::uint64_t r = rng.next();
        const bool set = d == density::all || (d == density::half && (r & 1) != 0);
        b = set ? static_cast<std::uint8_t>(1 + (r >> 8) % 255) : 0;
    }
    return m;
}

// Sum's order over the values, a masked-out one replaced by the identity.
template <class Acc, class T, class M>
Acc reference_sum_where(const T* v, const M* m, std::size_t n) {
    std::vector<Acc> kept(n);
    for (std::size_t i = 0; i < n; ++i) kept[i] = m[i] ? Acc(v[i]) : -Acc(0);
    return test::reference_sum<Acc>(kept.data(), n);
}

template <class T, class Acc>
void check_every_length_and_offset() {
    constexpr std::size_t max_n = test::sweep_length<T, Acc>(), widest = test::widest_batch<T>;
    const auto values = test::random_floats<T>(max_n + widest, 31, 3.0);
    for (const density d : {density::half, density::all, density::none}) {
        const auto mask = random_mask(max_n + 64, 32, d);
        std::unique_ptr<bool[]> flags(new bool[mask.size()]);
        for (std::size_t i = 0; i < mask.size(); ++i) flags[i] = mask[i] != 0;
        for (std::size_t offset = 0; offset < widest; ++offset) {
            const std::size_t other = (5 * offset + 3) % 64;  // the mask misaligned apart
            for (std::size_t n = 0; n <= max_n; ++n) {
                const T* p = values.data() + offset;
                const Acc expected = reference_sum_where<Acc>(p, mask.data() + other, n);
                const Acc got = sr::sum_where<arch>(p, mask.data() + other, n, sr::accumulate_in<Acc>);
                const Acc from_bools = sr::sum_where<arch>(p, flags.get() + other, n, sr::accumulate_in<Acc>);
                if (!test::same_bits(got, expected) || !test::same_bits(from_bools, expected)) {
                    INFO("offsets " << offset << ", " << other << ", n " << n << ", density " << int(d));
                    REQUIRE(test::same_bits(got, expected));
                    REQUIRE(test::same_bits(from_bools, expected));
                }
            }
        }
    }
    // Several blocks, so the block tree merges masked lanes too.
    const std::size_t n = 2 * test::block_of<Acc> + 77;
    const auto v = test::random_floats<T>(n + 1, 33, 7.0);
    const auto m = random_mask(n + 3, 34);
    for (const std::size_t len : {n, n - 76, test::block_of<Acc> + 1}) {
        INFO("n " << len);
        const Acc got = sr::sum_where<arch>(v.data() + 1, m.data() + 3, len, sr::accumulate_in<Acc>);
        REQUIRE(test::same_bits(got, reference_sum_where<Acc>(v.data() + 1, m.data() + 3, len)));
    }
}

TEST_CASE("sum_where has the reference's bits at every length and misalignment of both streams", "[sum_where]") {
    check_every_length_and_offset<float, float>();
    check_every_length_and_offset<float, double>();
    check_every_length_and_offset<double, double>();
}

// The two ways of keeping a lane (plus.hpp, masking) on the paths that have both, with NaN and
// Inf among the masked-out values: the same bits, which the reference's.
TEMPLATE_TEST_CASE("sum_where's masking variants give the same bits", "[sum_where]", float, double) {
    using T = TestType;
    const std::size_t n = test::block_of<T> + 1001;
    auto v = test::random_floats<T>(n, 35, 100.0);
    const auto m = random_mask(n, 36);
    for (std::size_t i = 0; i < n; i += 7) {
        if (!m[i]) v[i] = i % 2 ? std::numeric_limits<T>::quiet_NaN() : -std::numeric_limits<T>::infinity();
    }
    const sr::engine::input<T, std::uint8_t> in{v.data(), m.data()};
    using sr::reducers::masking;
    const T blended = sr::engine::run<arch>(sr::reducers::sum_where<T, masking::blend>{}, in, n);
    const T subtracted = sr::engine::run<arch>(sr::reducers::sum_where<T, masking::and_subtract>{}, in, n);
    const T expected = reference_sum_where<T>(v.data(), m.data(), n);
    REQUIRE(std::isfinite(expected));
    REQUIRE(test::same_bits(blended, expected));
    REQUIRE(test::same_bits(subtracted, expected));
}

TEMPLATE_TEST_CASE("sum_where keeps masked-out NaN, Inf and signed zeros out", "[sum_where][ieee]", float, double) {
    using T = TestType;
    const T inf = std::numeric_limits<T>::infinity(), nan = std::numeric_limits<T>::quiet_NaN();
    constexpr std::size_t max_n = test::sweep_length<T>();
    for (std::size_t len = 1; len <= max_n; len += len < 20 ? 1 : 7) {
        INFO("n " << len);
        const std::vector<T> minus(len, -T(0)), plus(len, T(0)), twos(len, T(2));
        const std::vector<std::uint8_t> none(len, 0), all(len, 255);
        REQUIRE(test::same_bits(sr::sum_where<arch>(plus, none), -T(0)));  // nothing kept: the empty sum
        REQUIRE(test::same_bits(sr::sum_where<arch>(minus, all), -T(0)));
        REQUIRE(test::same_bits(sr::sum_where<arch>(plus, all), T(0)));
        for (const std::size_t at : {std::size_t(0), len / 2, len - 1}) {
            std::vector<T> v = minus;
            v[at] = T(0);
            std::vector<std::uint8_t> only = none;
            REQUIRE(test::same_bits(sr::sum_where<arch>(v, only), -T(0)));  // the +0 masked out
            only[at] = 1;
            REQUIRE(test::same_bits(sr::sum_where<arch>(v, only), T(0)));  // the +0 kept
            v = twos;
            std::vector<std::uint8_t> but_one = all;
            but_one[at] = 0;
            for (const T bad : {nan, inf, -inf}) {
                v[at] = bad;
                REQUIRE(sr::sum_where<arch>(v, but_one) == T(2) * T(len - 1));
                if (std::isnan(bad)) {
                    REQUIRE(std::isnan(sr::sum_where<arch>(v, all)));
                } else {
                    REQUIRE(sr::sum_where<arch>(v, all) == bad);
                }
            }
        }
    }
    REQUIRE(test::same_bits(sr::sum_where<arch>(static_cast<const T*>(nullptr), static_cast<const bool*>(nullptr), 0), -T(0)));
}

TEMPLATE_TEST_CASE("sum_where of integers is exact, modulo 2^64", "[sum_where][integer]", std::int32_t, std::int64_t,
                   std::uint64_t) {
    using T = TestType;
    using Acc = sr::default_accumulator_t<T>;
    const std::size_t n = 3001;
    const auto v = test::wide_data<T>(n + 8, 37);
    const auto m = random_mask(n + 8, 38);
    for (const std::size_t len : {std::size_t(0), std::size_t(1), std::size_t(17), std::size_t(255), n}) {
        for (const std::size_t offset : {std::size_t(0), std::size_t(3)}) {
            std::uint64_t expected = 0;
            for (std::size_t i = 0; i < len; ++i) {
                if (m[i + 5 - offset]) expected += static_cast<std::uint64_t>(static_cast<Acc>(v[i + offset]));
            }
            INFO("n " << len << ", offset " << offset);
            REQUIRE(static_cast<std::uint64_t>(sr::sum_where<arch>(v.data() + offset, m.data() + 5 - offset, len)) == expected);
        }
    }
}

TEST_CASE("sum_where takes pointers and ranges of bool and uint8_t masks, in T or in double", "[sum_where][api]") {
    const std::array<float, 5> v = {1.5f, -2.0f, 4.0f, 0.25f, 8.0f};
    const std::vector<std::uint8_t> bytes = {1, 0, 200, 0, 1};
    const bool flags[5] = {false, true, false, true, false};
    const std::array<bool, 5> flag_array = {true, true, true, true, true};
    REQUIRE(sr::sum_where<arch>(v, bytes) == 1.5f + 4.0f + 8.0f);
    REQUIRE(sr::sum_where<arch>(v, flags) == -2.0f + 0.25f);
    REQUIRE(sr::sum_where<arch>(v, flag_array) == 11.75f);
    REQUIRE(sr::sum_where<arch>(v.data(), bytes.data(), 3) == 5.5f);
    STATIC_REQUIRE(std::is_same<decltype(sr::sum_where<arch>(v, bytes)), float>::value);
    STATIC_REQUIRE(std::is_same<decltype(sr::sum_where<arch>(v, flags, sr::accumulate_in<double>)), double>::value);
    const std::vector<float> third = {1.0f / 3, 1.0f / 3, 1.0f};
    const std::vector<std::uint8_t> first_two = {1, 1, 0};
    REQUIRE(sr::sum_where<arch>(third, first_two, sr::accumulate_in<double>) == 2 * double(1.0f / 3));
    const std::vector<std::int16_t> shorts = {-32768, -32768, 7};
    REQUIRE(sr::sum_where<arch>(shorts, std::vector<std::uint8_t>{1, 1, 0}) == std::int64_t(-65536));
}

}  // namespace
