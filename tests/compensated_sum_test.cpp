// compensated_sum on the architecture under test: the bits of an independent reference (TwoSum
// in the library's order, restated here) at every length and misalignment and across blocks;
// pieces folded apart and merged; the IEEE cases; and the documented error bound against an
// exact sum, on ill-conditioned data up to a condition number of 1e12 (double) and on the
// data sets of the accuracy goal (float: within 1 ulp of the exactly rounded sum).
#include "catch.hpp"
#include "exact_sum.hpp"
#include "test_support.hpp"

#include <array>
#include <cmath>
#include <utility>

namespace {

using test::arch;
namespace sr = simdreduce;

// The contract's constants for a two-part state: half as many lanes as sum's.
template <class T>
constexpr std::size_t lanes_of = test::lanes_of<T, 2>;
template <class T>
constexpr std::size_t block_of = test::block_of<T, 2>;

template <class T>
struct lane {
    T s, c;
};

// TwoSum (Knuth): t = a + b and its exact error, added to c.
template <class T>
lane<T> two_sum(T a, T b, T c) {
    const T t = a + b, z = t - a;
    return {t, c + ((a - (t - z)) + (b - z))};
}

template <class T>
T reference_compensated_sum(const T* p, std::size_t n) {
    constexpr std::size_t L = lanes_of<T>, B = block_of<T>;
    const auto block = [&](std::size_t b) {
        std::vector<lane<T>> lanes(L, lane<T>{T(-0.0), T(-0.0)});
        for (std::size_t i = b * B; i < n && i < (b + 1) * B; ++i) {
            lanes[i % L] = two_sum(lanes[i % L].s, p[i], lanes[i % L].c);
        }
        return lanes;
    };
    const auto merge = [](lane<T> a, lane<T> b) { return two_sum(a.s, b.s, a.c + b.c); };
    const lane<T> folded = test::reference_order<lane<T>>(n, L, B, block, merge);
    if (!std::isfinite(folded.s) || folded.c == T(0)) return folded.s;
    return folded.s + folded.c;
}

TEST_CASE("the compensated sum's lanes and blocks are the contract's", "[compensated_sum]") {
    STATIC_REQUIRE(sr::reducers::lanes<sr::compensated_sum_reducer<float>> == 32);
    STATIC_REQUIRE(sr::reducers::lanes<sr::compensated_sum_reducer<double>> == 16);
    STATIC_REQUIRE(sr::block_size<sr::compensated_sum_reducer<float>> == 4096);
    STATIC_REQUIRE(sr::block_size<sr::compensated_sum_reducer<double>> == 2048);
}

TEMPLATE_TEST_CASE("compensated sums have the reference's bits at every length and misalignment",
                   "[compensated_sum][determinism]", float, double) {
    using T = TestType;
    constexpr std::size_t max_n = test::sweep_length<T>(), widest = test::widest_batch<T>;
    // Values of many magnitudes, so the compensations are not zero.
    auto v = test::random_floats<T>(max_n + widest, 41, 1.0);
    test::splitmix64 rng(42);
    for (auto& x : v) x = std::ldexp(x, static_cast<int>(rng.next() % 40) - 20);
    for (std::size_t offset = 0; offset < widest; ++offset) {
        for (std::size_t n = 0; n <= max_n; ++n) {
            const T* p = v.data() + offset;
            const T got = sr::compensated_sum<arch>(p, n);
            if (!test::same_bits(got, reference_compensated_sum(p, n))) {
                INFO("offset " << offset << ", n " << n);
                REQUIRE(test::same_bits(got, reference_compensated_sum(p, n)));
            }
        }
    }
    // Several blocks: the block tree merges with TwoSum too.
    const std::size_t n = 5 * block_of<T> + 77;
    auto w = test::random_floats<T>(n + 1, 43, 1e3);
    for (auto& x : w) x = std::ldexp(x, static_cast<int>(rng.next() % 30) - 15);
    for (const std::size_t len : {n, n - 76, block_of<T>, block_of<T> + 1, 2 * block_of<T> - 1}) {
        INFO("n " << len);
        const T got = sr::compensated_sum<arch>(w.data() + 1, len);
        REQUIRE(test::same_bits(got, reference_compensated_sum(w.data() + 1, len)));
        REQUIRE(test::same_bits(got, sr::compensated_sum<sr::scalar>(w.data() + 1, len)));
    }
}

TEMPLATE_TEST_CASE("compensated pieces folded apart and merged give the bits of one call",
                   "[compensated_sum][block_tree]", float, double) {
    using T = TestType;
    using R = sr::compensated_sum_reducer<T>;
    constexpr std::size_t B = sr::block_size<R>;
    test::splitmix64 rng(44);
    auto data = test::random_floats<T>(40 * B, 45, 1e4);
    for (auto& x : data) x = std::ldexp(x, static_cast<int>(rng.next() % 40) - 20);
    for (const std::size_t n : {std::size_t(0), B - 1, B, 3 * B + 5, 40 * B}) {
        const T whole = sr::compensated_sum<arch>(data.data(), n);
        for (int trial = 0; trial < 6; ++trial) {
            const auto cuts = test::random_cuts(n, B, rng);
            auto state = sr::fold<arch>(R{}, data.data(), cuts[1], 0);
            for (std::size_t k = 1; k + 1 < cuts.size(); ++k) {
                const std::size_t a = cuts[k], len = cuts[k + 1] - a;
                state.merge(k % 2 ? sr::fold<sr::scalar>(R{}, data.data() + a, len, a)
                                  : sr::fold<arch>(R{}, data.data() + a, len, a));
            }
            INFO("n " << n << ", " << cuts.size() - 1 << " pieces");
            REQUIRE(test::same_bits(state.finish(), whole));
        }
    }
}

TEMPLATE_TEST_CASE("compensated sums of signed zeros, infinities and NaN", "[compensated_sum][ieee]", float,
                   double) {
    using T = TestType;
    const T inf = std::numeric_limits<T>::infinity(), nan = std::numeric_limits<T>::quiet_NaN();
    const T big = std::numeric_limits<T>::max();
    REQUIRE(test::same_bits(sr::compensated_sum<arch>(static_cast<const T*>(nullptr), 0), -T(0)));
    for (const std::size_t len : {std::size_t(1), std::size_t(7), std::size_t(70), block_of<T> + 3}) {
        INFO("n " << len);
        std::vector<T> v(len, -T(0));
        REQUIRE(test::same_bits(sr::compensated_sum<arch>(v), -T(0)));  // -0 + -0 = -0, no +0 error
        v[len / 2] = T(0);
        REQUIRE(test::same_bits(sr::compensated_sum<arch>(v), T(0)));
        for (const std::size_t at : {std::size_t(0), len / 2, len - 1}) {
            std::vector<T> w(len, T(1));
            w[at] = inf;
            REQUIRE(sr::compensated_sum<arch>(w) == inf);  // not NaN: the errors' NaN is dropped
            w[at] = -inf;
            REQUIRE(sr::compensated_sum<arch>(w) == -inf);
            w[at] = nan;
            REQUIRE(std::isnan(sr::compensated_sum<arch>(w)));
            if (len > 1) {
                w[at] = inf;
                w[(at + 1) % len] = -inf;
                REQUIRE(std::isnan(sr::compensated_sum<arch>(w)));
            }
        }
        // Where the plain sum overflows, so does this one.
        std::vector<T> huge(len, big);
        if (len > 1) REQUIRE(sr::compensated_sum<arch>(huge) == inf);
    }
}

// Values of magnitudes 2^0 .. 2^40, each also present negated, and a few small values whose
// sum is what is left: scaled until sum |x| / |sum x| is about `condition`, then shuffled.
template <class T>
std::vector<T> ill_conditioned(std::size_t n, double condition, std::uint64_t seed) {
    test::splitmix64 rng(seed);
    std::vector<T> v;
    const std::size_t pairs = n * 2 / 5, small = n - 2 * pairs;
    for (std::size_t k = 0; k < pairs; ++k) {
        const T a = static_cast<T>(std::ldexp(rng.unit(), static_cast<int>(rng.next() % 41)));
        v.push_back(a);
        v.push_back(-a);
    }
    double sum_abs = 0;
    for (const T x : v) sum_abs += std::fabs(double(x));
    std::vector<T> rest(small);
    for (auto& x : rest) x = static_cast<T>(rng.unit());
    const double left = std::fabs(test::exact_value(rest.data(), rest.size()));
    const double scale = sum_abs / condition / left;
    for (auto& x : rest) v.push_back(static_cast<T>(x * scale));
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.next() % i]);
    return v;
}

// The bound of README's Accuracy section: u |S| + gamma_h^2 sum |x|, h = 140 + 4 ceil(log2 n).
template <class T>
double error_bound(const std::vector<T>& v, double exact) {
    const double u = std::ldexp(1.0, -std::numeric_limits<T>::digits);
    const double h = 140 + 4 * std::ceil(std::log2(double(v.size())));
    const double gamma = h * u / (1 - h * u);
    double sum_abs = 0;
    for (const T x : v) sum_abs += std::fabs(double(x));
    return u * std::fabs(exact) + gamma * gamma * sum_abs;
}

TEMPLATE_TEST_CASE("compensated sums keep the error bound on ill-conditioned data", "[compensated_sum][accuracy]",
                   float, double) {
    using T = TestType;
    const std::vector<double> conditions = std::is_same<T, double>::value
                                               ? std::vector<double>{1e3, 1e6, 1e9, 1e12}
                                               : std::vector<double>{1e2, 1e4, 1e6};
    std::uint64_t seed = 50;
    for (const std::size_t n : {std::size_t(1000), std::size_t(100003)}) {
        for (const double condition : conditions) {
            const auto v = ill_conditioned<T>(n, condition, seed++);
            const double exact = test::exact_value(v.data(), v.size());
            const T got = sr::compensated_sum<arch>(v);
            const double error = test::exact_error(v.data(), v.size(), double(got));
            INFO("n " << n << ", condition " << condition << ": error " << error << ", bound "
                      << error_bound(v, exact) << ", plain sum's error "
                      << test::exact_error(v.data(), v.size(), double(sr::sum<arch>(v))));
            REQUIRE(error <= error_bound(v, exact));
        }
    }
}

TEST_CASE("float compensated sums are within 1 ulp of the exactly rounded sum", "[compensated_sum][accuracy]") {
    constexpr std::size_t n = 1000000;
    test::splitmix64 rng(60);
    const double two_pi = 6.283185307179586;
    std::vector<float> uniform(n), normal(n), lognormal(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double a = (rng.unit() + 1) / 2 + 1e-9, b = (rng.unit() + 1) / 2;
        const double gauss = std::sqrt(-2 * std::log(a)) * std::cos(two_pi * b);  // Box-Muller
        uniform[i] = static_cast<float>(a);
        normal[i] = static_cast<float>(gauss);
        lognormal[i] = static_cast<float>(std::exp(gauss));
    }
    for (const auto* data : {&uniform, &normal, &lognormal}) {
        const float exact = static_cast<float>(test::exact_value(data->data(), n));
        const float got = sr::compensated_sum<arch>(*data);
        INFO("exact " << exact << ", got " << got);
        REQUIRE(std::fabs(double(got) - double(exact)) <= double(std::nextafter(std::fabs(exact), INFINITY) - std::fabs(exact)));
    }
}

TEST_CASE("compensated_sum takes pointers and ranges, and keeps what one lane's sum loses", "[compensated_sum][api]") {
    // 1e16, 1 and -1e16 in lane 0 of both sums' double lanes (32 and 16): the plain sum
    // rounds 1e16 + 1 to 1e16.
    std::vector<double> a(65, -0.0);
    a[0] = 1e16;
    a[32] = 1.0;
    a[64] = -1e16;
    REQUIRE(sr::sum<arch>(a) == 0.0);
    REQUIRE(sr::compensated_sum<arch>(a) == 1.0);
    // 1 and twice 2^-24 in lane 0 of both sums' float lanes: each addition rounds back to 1.
    std::vector<float> b(129, -0.0f);
    b[0] = 1.0f;
    b[64] = b[128] = std::ldexp(1.0f, -24);
    REQUIRE(sr::sum<arch>(b) == 1.0f);
    REQUIRE(sr::compensated_sum<arch>(b.data(), b.size()) == 1.0f + std::ldexp(1.0f, -23));
    STATIC_REQUIRE(std::is_same<decltype(sr::compensated_sum<arch>(b)), float>::value);
}

}  // namespace
