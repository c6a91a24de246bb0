// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_COMPENSATED_SUM_HPP
#define SIMDREDUCE_REDUCERS_COMPENSATED_SUM_HPP

// The sum with a compensation a lane: each lane keeps its running sum s and the sum c of the
// rounding errors of s's additions, which TwoSum (Knuth) gives exactly. Merges are TwoSum of
// the two sums, the errors added to both compensations, and the result is s + c. This is
// Ogita, Rump and Oishi's Sum2 in the engine's order: s is bit for bit the plain sum over the
// same lanes and trees, and c gathers every error it made.
//
// State, a register apart: the sums, the compensations. 2 x 32 float (16 double) lanes keep
// 256 bytes of state, the AVX2 path's 8 registers. Seven adds a register where sum has one,
// so the loop is bound by the add ports in L1 and L2. Moving two to four of the seven onto
// the FMA units (fma(a, 1, b) has the bits of a + b) ran at 0.94-1.02x of the plain adds on
// this Xeon (Sapphire Rapids class, AVX2, 16 KiB, medians of 11): not done.
#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>

#include "../detail/config.hpp"
#include "../detail/xsimd_compat.hpp"

namespace simdreduce {
namespace reducers {

template <class T>
struct compensated_sum {
    static_assert(std::is_floating_point<T>::value, "simdreduce: compensated_sum takes float or double");
    // -ffast-math and -fassociative-math let the compiler rewrite (s - (t - z)) + (x - z) to 0:
    // the result would silently be the plain sum.
    static_assert(!simdreduce::detail::math_reassociates<T>,
                  "simdreduce::compensated_sum: this translation unit is built with -ffast-math or "
                  "-fassociative-math, which would remove the compensation. Build it without them "
                  "(or with -fno-associative-math).");
    using lane_type = T;
    using result_type = T;
    static constexpr bool exact = false;
    static constexpr bool prefetch_pays = false;
    static constexpr std::size_t components = 2;
    enum part : std::size_t { total, error };

    template <class V>
    using state = std::array<V, components>;

    // -0 and -0: the empty sum is -0, as sum's.
    SIMDREDUCE_ALWAYS_INLINE static state<T> identity() noexcept { return {T(-0.0), T(-0.0)}; }
    SIMDREDUCE_ALWAYS_INLINE static constexpr T filler() noexcept { return T(-0.0); }

    template <class V>
    SIMDREDUCE_ALWAYS_INLINE state<V> step(const state<V>& s, const V& x) const noexcept {
        return added(s[total], x, s[error]);
    }
    // The lanes past the end keep their state exactly: adding -0 would turn an error of -0
    // into +0 in some lanes on some paths only.
    template <class V, class M>
    SIMDREDUCE_ALWAYS_INLINE state<V> masked_step(const state<V>& s, const M& valid, const V& x) const noexcept {
        return simdreduce::detail::blend_parts(valid, step(s, x), s);
    }
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static state<V> merge(const state<V>& a, const state<V>& b) noexcept {
        return added(a[total], b[total], a[error] + b[error]);
    }
    // s alone where it is not finite (an Inf or NaN makes the errors NaN), and where the errors
    // cancel to zero (s + 0 would turn a -0 sum into +0).
    SIMDREDUCE_ALWAYS_INLINE static T finish(const state<T>& s) noexcept {
        if (!std::isfinite(s[total]) || s[error] == T(0)) return s[total];
        return s[total] + s[error];
    }

private:
    // TwoSum: t = a + b rounded, and its error (a - (t - z)) + (b - z) exactly, added to c.
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static state<V> added(const V& a, const V& b, const V& c) noexcept {
        const V t = a + b;
        const V z = t - a;
        return {t, c + ((a - (t - z)) + (b - z))};
    }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
