// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_MINMAX_HPP
#define SIMDREDUCE_REDUCERS_MINMAX_HPP

// The smallest and the largest float in one pass. Its state is the two extremum reducers'
// (extremum.hpp) with one NaN flag between them: both halves would set theirs from the same
// elements, alike. Each step, merge and finish is the halves' own, so each half of the result
// has the bits of min or max alone; the shared flag is computed once because the two halves'
// computations of it are the same expression.
//
// State, a register apart: low best, low signs, high best, high signs, seen. Five vector ops
// a register where both<min, max> took six, and five components fit twice in the 12
// registers both.hpp allows.
#include <array>
#include <cstddef>
#include <type_traits>

#include "../detail/config.hpp"
#include "../detail/xsimd_compat.hpp"
#include "extremum.hpp"

namespace simdreduce {
namespace reducers {

template <class T, nan_policy P, class Result>
struct float_minmax {
    using low = extremum<T, extreme::smallest, P>;
    using high = extremum<T, extreme::largest, P>;
    static_assert(low::components == 3 && high::components == 3, "float_minmax: best, signs, seen");
    using lane_type = T;
    using result_type = Result;
    static constexpr bool exact = true;
    static constexpr bool prefetch_pays = low::prefetch_pays;
    static constexpr std::size_t prefetch_from_bytes = low::prefetch_from_bytes;
    static constexpr std::size_t components = 5;
    static constexpr std::size_t registers = 2;
    enum part : std::size_t { low_best, low_signs, high_best, high_signs, seen };

    template <class V>
    using state = std::array<V, components>;
    template <class V>
    using half = std::array<V, 3>;

    low lo;
    high hi;

    SIMDREDUCE_ALWAYS_INLINE static state<T> identity() noexcept {
        return joined(low::identity(), high::identity());
    }
    SIMDREDUCE_ALWAYS_INLINE static constexpr T filler() noexcept { return low::filler(); }

    template <class V>
    SIMDREDUCE_ALWAYS_INLINE state<V> step(const state<V>& s, const V& x) const noexcept {
        return joined(lo.step(low_of(s), x), hi.step(high_of(s), x));
    }
    // The lanes past the end hold filler(), the minimum's: the maximum gets its own.
    template <class V, class M>
    SIMDREDUCE_ALWAYS_INLINE state<V> masked_step(const state<V>& s, const M& valid, const V& x) const noexcept {
        return joined(lo.masked_step(low_of(s), valid, x),
                      hi.masked_step(high_of(s), valid, simdreduce::detail::blend(valid, x, V(high::filler()))));
    }
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static state<V> merge(const state<V>& a, const state<V>& b) noexcept {
        return joined(low::merge(low_of(a), low_of(b)), high::merge(high_of(a), high_of(b)));
    }
    SIMDREDUCE_ALWAYS_INLINE static result_type finish(const state<T>& s, std::size_t count) noexcept {
        return result_type{low::finish(low_of(s), count), high::finish(high_of(s), count)};
    }

private:
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static half<V> low_of(const state<V>& s) noexcept {
        return {s[low_best], s[low_signs], s[seen]};
    }
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static half<V> high_of(const state<V>& s) noexcept {
        return {s[high_best], s[high_signs], s[seen]};
    }
    // The low half's flag: the high half's is the same value, by construction.
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static state<V> joined(const half<V>& l, const half<V>& h) noexcept {
        return {l[low::best], l[low::signs], h[high::best], h[high::signs], l[low::seen]};
    }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
