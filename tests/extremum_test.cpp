// min, max and minmax on the architecture under test, against a reference written here from
// the documented policy: every length and misalignment, integer extremes, NaN, Inf and signed
// zeros at every position, both NaN policies, and pieces folded apart and merged.
#include "catch.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <cstring>

namespace {

using test::arch;
namespace sr = simdreduce;

// The same bits, NaN included: a NaN result must be std::numeric_limits<T>::quiet_NaN().
template <class T>
bool identical(T a, T b) {
    return std::memcmp(&a, &b, sizeof(T)) == 0;
}

// The policy, element by element: -0 below +0, NaN propagating unless skipped, only NaNs
// giving NaN, the empty input the identity.
template <class T>
T reference(const T* p, std::size_t n, bool smallest, bool skip) {
    bool any_nan = false, any_number = false;
    T best{};
    const auto better = [&](T x, T than) {
        if (x == than && x == T(0)) {  // zeros: the sign decides
            return smallest ? std::signbit(x) && !std::signbit(than) : !std::signbit(x) && std::signbit(than);
        }
        return smallest ? x < than : than < x;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const T x = p[i];
        if constexpr (std::is_floating_point<T>::value) {
            if (std::isnan(x)) {
                any_nan = true;
                continue;
            }
        }
        if (!any_number || better(x, best)) best = x;
        any_number = true;
    }
    if constexpr (std::is_floating_point<T>::value) {
        if (any_nan && (!skip || !any_number)) return std::numeric_limits<T>::quiet_NaN();
        if (!any_number) return smallest ? std::numeric_limits<T>::infinity() : -std::numeric_limits<T>::infinity();
    } else {
        if (!any_number) return smallest ? std::numeric_limits<T>::max() : std::numeric_limits<T>::lowest();
    }
    return best;
}

// The forms on [p, p + n) against the reference, one REQUIRE per mismatch: min and max, and
// for floats their skip_nan forms too (an integer's skip_nan form is the same reducer, checked
// once in the extremes test).
template <class T>
void check_all(const T* p, std::size_t n) {
    constexpr int forms = std::is_floating_point<T>::value ? 4 : 2;
    for (int form = 0; form < forms; ++form) {
        const bool smallest = form % 2 == 0, skip = form >= 2;
        const T got = smallest ? (skip ? sr::min<arch>(p, n, sr::skip_nan) : sr::min<arch>(p, n))
                               : (skip ? sr::max<arch>(p, n, sr::skip_nan) : sr::max<arch>(p, n));
        const T expected = reference(p, n, smallest, skip);
        if (!identical(got, expected)) {
            INFO("n " << n << (smallest ? ", min" : ", max") << (skip ? ", skip_nan" : "") << ": got " << +got
                      << ", expected " << +expected);
            REQUIRE(identical(got, expected));  // a NaN must be quiet_NaN(), a zero of the right sign
        }
    }
    // minmax: each half with the bits of the reference, in one pass.
    for (int skip = 0; skip < forms / 2; ++skip) {
        const auto both = skip ? sr::minmax<arch>(p, n, sr::skip_nan) : sr::minmax<arch>(p, n);
        const T smallest = reference(p, n, true, skip), largest = reference(p, n, false, skip);
        if (!identical(both.min, smallest) || !identical(both.max, largest)) {
            INFO("n " << n << ", minmax" << (skip ? ", skip_nan" : "") << ": got " << +both.min << ", " << +both.max
                      << ", expected " << +smallest << ", " << +largest);
            REQUIRE(identical(both.min, smallest));
            REQUIRE(identical(both.max, largest));
        }
    }
}

TEMPLATE_TEST_CASE("min, max and minmax match the reference at every length and misalignment", "[extremum]",
                   SIMDREDUCE_ALL_ELEMENT_TYPES) {
    test::for_each_length_and_offset<TestType>([](const TestType* p, std::size_t n) { check_all(p, n); });
}

TEMPLATE_TEST_CASE("integer min, max and minmax reach both extremes at every position", "[extremum]", std::int8_t,
                   std::uint8_t, std::int16_t, std::uint16_t, std::int32_t, std::uint32_t, std::int64_t,
                   std::uint64_t) {
    using T = TestType;
    constexpr std::size_t n = test::sweep_length<T>();
    for (const T extreme : {std::numeric_limits<T>::lowest(), std::numeric_limits<T>::max()}) {
        std::vector<T> v(n, T(1));
        for (std::size_t at = 0; at < n; ++at) {
            v[at] = extreme;
            REQUIRE(sr::min<arch>(v) == std::min(extreme, T(1)));
            REQUIRE(sr::max<arch>(v) == std::max(extreme, T(1)));
            REQUIRE(sr::min<arch>(v, sr::skip_nan) == std::min(extreme, T(1)));
            REQUIRE(sr::max<arch>(v, sr::skip_nan) == std::max(extreme, T(1)));
            const auto both = sr::minmax<arch>(v, sr::skip_nan);
            REQUIRE(both.min == std::min(extreme, T(1)));
            REQUIRE(both.max == std::max(extreme, T(1)));
            v[at] = T(1);
        }
    }
}

TEMPLATE_TEST_CASE("float min, max and minmax: NaN, Inf and signed zeros at every position", "[extremum][ieee]", float,
                   double) {
    using T = TestType;
    const T inf = std::numeric_limits<T>::infinity();
    // The minimum of {+0 ..., -0} is -0 wherever the -0 is, the maximum of {-0 ..., +0} is +0;
    // only NaNs give NaN under both policies, and all NaN but one number the number when skipping.
    test::for_each_ieee_arrangement<T>([](const T* p, std::size_t len) { check_all(p, len); });
    // The empty input and the infinities alone.
    const std::vector<T> none;
    REQUIRE(identical(sr::min<arch>(none), inf));
    REQUIRE(identical(sr::max<arch>(none, sr::skip_nan), -inf));
    const std::vector<T> infinities = {inf, inf, -inf};
    REQUIRE(identical(sr::min<arch>(infinities), -inf));
    REQUIRE(identical(sr::max<arch>(infinities), inf));
    REQUIRE(identical(sr::minmax<arch>(none).min, inf));
    REQUIRE(identical(sr::minmax<arch>(none, sr::skip_nan).max, -inf));
}

TEMPLATE_TEST_CASE("min and minmax pieces folded apart and merged give the bits of one call",
                   "[extremum][determinism]", float, double, std::int8_t, std::uint64_t) {
    using T = TestType;
    using R = sr::min_reducer<T>;
    using S = sr::max_reducer<T, sr::reducers::nan_policy::skip>;
    using M = sr::minmax_reducer<T>;
    test::splitmix64 rng(99);
    auto data = test::wide_data<T>(5000, 13);
    if constexpr (std::is_floating_point<T>::value) data[4321] = -T(0);
    for (int trial = 0; trial < 20; ++trial) {
        const std::size_t n = rng.next() % data.size();
        const auto cuts = test::random_cuts(n, 1, rng);
        auto smallest = sr::fold<arch>(R{}, data.data(), cuts[1], 0);
        auto largest = sr::fold<sr::scalar>(S{}, data.data(), cuts[1], 0);
        auto both = sr::fold<arch>(M{}, data.data(), cuts[1], 0);
        for (std::size_t k = 1; k + 1 < cuts.size(); ++k) {
            const std::size_t a = cuts[k], len = cuts[k + 1] - a;
            smallest.merge(k % 2 ? sr::fold<sr::scalar>(R{}, data.data() + a, len, a) : sr::fold<arch>(R{}, data.data() + a, len, a));
            largest.merge(sr::fold<arch>(S{}, data.data() + a, len, a));
            both.merge(k % 2 ? sr::fold<sr::scalar>(M{}, data.data() + a, len, a) : sr::fold<arch>(M{}, data.data() + a, len, a));
        }
        INFO("n " << n);
        REQUIRE(identical(smallest.finish(), sr::min<arch>(data.data(), n)));
        REQUIRE(identical(largest.finish(), sr::max<arch>(data.data(), n, sr::skip_nan)));
        const auto whole = both.finish();
        REQUIRE(identical(whole.min, sr::min<arch>(data.data(), n)));
        REQUIRE(identical(whole.max, sr::max<arch>(data.data(), n)));
    }
}

}  // namespace
