// argmin and argmax on the architecture under test, against a reference written here from the
// documented policy: every length and misalignment, the extreme at every position and at the
// edges of long inputs, ties, integer extremes, NaN, Inf and signed zeros at every position,
// both NaN policies, and pieces folded apart and merged.
#include "catch.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <array>

namespace {

using test::arch;
namespace sr = simdreduce;

// The policy, element by element: the first NaN unless skipped, otherwise the first element
// that no later one beats, -0 below +0; n for the empty input and for NaNs alone when skipped.
template <class T>
std::size_t reference(const T* p, std::size_t n, bool smallest, bool skip) {
    const auto better = [&](T x, T than) {
        if (x == than && x == T(0)) {
            return smallest ? std::signbit(x) && !std::signbit(than) : !std::signbit(x) && std::signbit(than);
        }
        return smallest ? x < than : than < x;
    };
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
        if constexpr (std::is_floating_point<T>::value) {
            if (std::isnan(p[i])) {
                if (!skip) return i;
                continue;
            }
        }
        if (best == n || better(p[i], p[best])) best = i;
    }
    return best;
}

template <class T>
std::size_t run_form(const T* p, std::size_t n, bool smallest, bool skip) {
    if (smallest) return skip ? sr::argmin<arch>(p, n, sr::skip_nan) : sr::argmin<arch>(p, n);
    return skip ? sr::argmax<arch>(p, n, sr::skip_nan) : sr::argmax<arch>(p, n);
}

// argmin and argmax on [p, p + n) against the reference; for floats their skip_nan forms too.
template <class T>
void check_all(const T* p, std::size_t n) {
    constexpr int forms = std::is_floating_point<T>::value ? 4 : 2;
    for (int form = 0; form < forms; ++form) {
        const bool smallest = form % 2 == 0, skip = form >= 2;
        const std::size_t got = run_form(p, n, smallest, skip), expected = reference(p, n, smallest, skip);
        if (got != expected) {
            INFO("n " << n << (smallest ? ", argmin" : ", argmax") << (skip ? ", skip_nan" : "") << ": got " << got
                      << ", expected " << expected);
            REQUIRE(got == expected);
        }
    }
}

TEMPLATE_TEST_CASE("argmin and argmax match the reference at every length and misalignment", "[arg_extremum]",
                   SIMDREDUCE_ALL_ELEMENT_TYPES) {
    test::for_each_length_and_offset<TestType>([](const TestType* p, std::size_t n) { check_all(p, n); });
}

// 40,000 elements, several pieces of any size the engine might search in, with the extreme at
// both edges of every 512-element stretch, a tie of it later on, and rising and falling runs.
TEMPLATE_TEST_CASE("argmin and argmax of long inputs: the extreme at every edge, ties and monotone runs",
                   "[arg_extremum]", float, double, std::int8_t, std::uint8_t, std::int16_t, std::int32_t,
                   std::uint64_t) {
    using T = TestType;
    constexpr std::size_t n = 40000;
    std::vector<T> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<T>(i % 50 + 10);  // every value many times over
    const T low = T(1), high = T(100);
    for (std::size_t edge = 0; edge < n; edge += 512) {
        for (const std::size_t at : {edge, edge + 1, edge + 511}) {
            if (at >= n) continue;
            v[at] = low;
            v[n - 1 - at] = high;
            REQUIRE(sr::argmin<arch>(v) == at);
            REQUIRE(sr::argmax<arch>(v) == n - 1 - at);
            const std::size_t later = (at + n / 2) % n;
            const T saved = v[later];
            v[later] = low;  // a tie: the first index wins
            REQUIRE(sr::argmin<arch>(v) == std::min(at, later));
            v[later] = saved;
            v[at] = static_cast<T>(at % 50 + 10);
            v[n - 1 - at] = static_cast<T>((n - 1 - at) % 50 + 10);
        }
    }
    // Rising and falling: every stretch beats the last one, or none does.
    std::vector<T> rising(n), falling(n);
    for (std::size_t i = 0; i < n; ++i) {
        rising[i] = static_cast<T>(std::is_floating_point<T>::value ? T(i) : T(i % 128));
        falling[i] = static_cast<T>(std::is_floating_point<T>::value ? T(n - i) : T(127 - i % 128));
    }
    if constexpr (std::is_floating_point<T>::value) {
        // Zeros far apart: -0 beats the +0 of an earlier piece, +0 the -0 of one for argmax.
        std::vector<T> zeros(n, T(0));
        zeros[30000] = -T(0);
        REQUIRE(sr::argmin<arch>(zeros) == 30000);
        REQUIRE(sr::argmax<arch>(zeros) == 0);
        for (auto& x : zeros) x = -x;
        REQUIRE(sr::argmax<arch>(zeros) == 30000);
        REQUIRE(sr::argmin<arch>(zeros) == 0);
    }
    check_all(rising.data(), n);
    check_all(falling.data(), n);
    check_all(rising.data() + 3, n - 3);
    check_all(falling.data() + 1, n - 5);
}

TEMPLATE_TEST_CASE("integer argmin and argmax reach both extremes at every position, ties to the first",
                   "[arg_extremum]", std::int8_t, std::uint8_t, std::int16_t, std::uint16_t, std::int32_t,
                   std::uint32_t, std::int64_t, std::uint64_t) {
    using T = TestType;
    constexpr std::size_t n = test::sweep_length<T>();
    for (const T extreme : {std::numeric_limits<T>::lowest(), std::numeric_limits<T>::max()}) {
        const bool low = extreme == std::numeric_limits<T>::lowest();
        std::vector<T> v(n, T(1));
        for (std::size_t at = 0; at < n; ++at) {
            v[at] = extreme;
            REQUIRE((low ? sr::argmin<arch>(v) : sr::argmax<arch>(v)) == at);
            REQUIRE((low ? sr::argmin<arch>(v, sr::skip_nan) : sr::argmax<arch>(v, sr::skip_nan)) == at);
            REQUIRE((low ? sr::argmax<arch>(v) : sr::argmin<arch>(v)) == (at == 0 ? 1 : 0));
            v[n - 1] = extreme;  // a later tie
            REQUIRE((low ? sr::argmin<arch>(v) : sr::argmax<arch>(v)) == at);
            v[n - 1] = T(1);
            v[at] = T(1);
        }
        // Every element the extreme: index 0, also where the extreme is the highest rank.
        const std::vector<T> all(n, extreme);
        REQUIRE(sr::argmin<arch>(all) == 0);
        REQUIRE(sr::argmax<arch>(all) == 0);
    }
}

TEMPLATE_TEST_CASE("float argmin and argmax: NaN, Inf and signed zeros at every position", "[arg_extremum][ieee]",
                   float, double) {
    using T = TestType;
    const T inf = std::numeric_limits<T>::infinity(), nan = std::numeric_limits<T>::quiet_NaN();
    // -0 is the first minimum of {+0 ..., -0} wherever it is, +0 the first maximum of
    // {-0 ..., +0}; the first NaN wins when propagating.
    test::for_each_ieee_arrangement<T>([](const T* p, std::size_t len) { check_all(p, len); });
    constexpr std::size_t n = test::sweep_length<T>();
    for (std::size_t len : {std::size_t(1), std::size_t(7), std::size_t(2 * test::widest_batch<T> + 1), n}) {
        // Ties: two equal minima, the first wins wherever the two are.
        for (std::size_t at = 0; at < len; ++at) {
            std::vector<T> v(len, T(5));
            v[at] = T(-1);
            v[len - 1 - (at + len / 3) % len] = T(-1);
            check_all(v.data(), len);
        }
        // All NaN: index 0 when propagating, n when skipping; one number among them: its index.
        std::vector<T> v(len, nan);
        REQUIRE(sr::argmin<arch>(v) == 0);
        REQUIRE(sr::argmax<arch>(v, sr::skip_nan) == len);
        v[len / 2] = T(-2);
        REQUIRE(sr::argmin<arch>(v, sr::skip_nan) == len / 2);
    }
    // A NaN far into a long input, after the minimum; only infinities.
    std::vector<T> v(9000, T(2));
    v[100] = T(-7);
    v[8500] = -nan;
    REQUIRE(sr::argmin<arch>(v) == 8500);
    REQUIRE(sr::argmin<arch>(v, sr::skip_nan) == 100);
    const std::vector<T> infinities = {inf, -inf, inf, -inf};
    REQUIRE(sr::argmin<arch>(infinities) == 1);
    REQUIRE(sr::argmax<arch>(infinities) == 0);
}

TEMPLATE_TEST_CASE("argmin and argmax pieces folded apart and merged give the index of one call",
                   "[arg_extremum][determinism]", float, double, std::int8_t, std::uint64_t) {
    using T = TestType;
    using R = sr::argmin_reducer<T>;
    using S = sr::argmax_reducer<T, sr::reducers::nan_policy::skip>;
    test::splitmix64 rng(99);
    auto data = test::wide_data<T>(20000, 13);
    if constexpr (std::is_floating_point<T>::value) data[14321] = -T(0);
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n = rng.next() % data.size();
        const auto cuts = test::random_cuts(n, 1, rng);
        auto smallest = sr::fold<arch>(R{}, data.data(), cuts[1], 0);
        auto largest = sr::fold<sr::scalar>(S{}, data.data(), cuts[1], 0);
        for (std::size_t k = 1; k + 1 < cuts.size(); ++k) {
            const std::size_t a = cuts[k], len = cuts[k + 1] - a;
            smallest.merge(k % 2 ? sr::fold<sr::scalar>(R{}, data.data() + a, len, a)
                                 : sr::fold<arch>(R{}, data.data() + a, len, a));
            largest.merge(sr::fold<arch>(S{}, data.data() + a, len, a));
        }
        INFO("n " << n);
        REQUIRE(smallest.finish() == reference(data.data(), n, true, false));
        REQUIRE(largest.finish() == reference(data.data(), n, false, true));
    }
    // A tie across two pieces: the left one's index.
    std::vector<T> v(1000, T(9));
    v[300] = v[700] = T(2);
    auto left = sr::fold<arch>(R{}, v.data(), 500, 0);
    left.merge(sr::fold<arch>(R{}, v.data() + 500, 500, 500));
    REQUIRE(left.finish() == 300);
}

TEST_CASE("argmin and argmax take ranges and give n for the empty input", "[arg_extremum][api]") {
    const std::array<std::int8_t, 6> bytes = {4, -3, 7, -3, 7, 0};
    REQUIRE(sr::argmin<arch>(bytes) == 1);
    REQUIRE(sr::argmax<arch>(bytes) == 2);
    const std::vector<double> none;
    REQUIRE(sr::argmin<arch>(none) == 0);
    REQUIRE(sr::argmax<arch>(none, sr::skip_nan) == 0);
    REQUIRE(sr::argmin<arch>(static_cast<const float*>(nullptr), 0) == 0);
    const float c_array[] = {2.f, -0.f, 0.f, -1.f};
    REQUIRE(sr::argmin<arch>(c_array) == 3);
    REQUIRE(sr::argmax<arch>(c_array) == 0);
    static_assert(std::is_same<decltype(sr::argmin<arch>(none)), std::size_t>::value, "an index");
}

}  // namespace
