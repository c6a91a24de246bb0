// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_MOMENTS_HPP
#define SIMDREDUCE_REDUCERS_MOMENTS_HPP

// The variance: what is folded, for the loop of engine/moments.hpp. It cuts the input into
// chunks of C elements, fixed by n alone; each chunk is read twice while it is in cache, for
// its mean (the engine's sum, divided) and then for the sums of its deviations from that mean
// and of their squares (deviations, below); the chunks' (count, mean, M2) merge by Chan,
// Golub and LeVeque's pairwise formula in a fixed tree over the chunk indices. Never the
// textbook E[x^2] - E[x]^2, which cancels.
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <type_traits>

#include "../detail/config.hpp"
#include "../detail/opaque.hpp"
#include "../detail/xsimd_compat.hpp"
#include "protocol.hpp"
#include "sum.hpp"

namespace simdreduce {
namespace reducers {

// The mean from a sum over n elements: NaN for the empty input.
template <class Acc, class Sum>
SIMDREDUCE_ALWAYS_INLINE Acc mean_of_sum(Sum total, std::size_t n) noexcept {
    static_assert(std::is_floating_point<Acc>::value, "simdreduce::mean: the mean is computed in float or double");
    if (n == 0) return std::numeric_limits<Acc>::quiet_NaN();
    return static_cast<Acc>(total) / static_cast<Acc>(n);
}

// Integers narrower than 64 bits are summed exactly (in 64 bits) for their mean, then divided
// once: more accurate than numpy, which adds them in double. 64-bit integers, whose exact sum
// may not fit, are added in double, as numpy does.
template <class T>
inline constexpr bool mean_sums_exactly = std::is_integral<T>::value && sizeof(T) < 8;

// The sums of d = x - shift and of d * d, a lane each: the second pass over a chunk, whose
// mean is the shift. Each square is rounded on its own (no fused multiply-add, which SSE2 and
// the scalar path lack). The lanes past the end keep their state exactly, as compensated_sum's.
template <class Acc>
struct deviations {
    static_assert(std::is_floating_point<Acc>::value, "simdreduce: deviations are summed in float or double");
    using lane_type = Acc;
    using result_type = std::array<Acc, 2>;
    static constexpr bool exact = false;
    static constexpr bool prefetch_pays = false;
    static constexpr std::size_t components = 2;
    enum part : std::size_t { deviation, square };

    template <class V>
    using state = std::array<V, components>;

    Acc shift;

    SIMDREDUCE_ALWAYS_INLINE static state<Acc> identity() noexcept { return {Acc(-0.0), Acc(-0.0)}; }
    SIMDREDUCE_ALWAYS_INLINE Acc filler() const noexcept { return shift; }

    template <class V>
    SIMDREDUCE_ALWAYS_INLINE state<V> step(const state<V>& s, const V& x) const noexcept {
        const V d = x - V(shift);
        return {s[deviation] + d, s[square] + simdreduce::detail::opaque_value(d * d)};
    }
    template <class V, class M>
    SIMDREDUCE_ALWAYS_INLINE state<V> masked_step(const state<V>& s, const M& valid, const V& x) const noexcept {
        return simdreduce::detail::blend_parts(valid, step(s, x), s);
    }
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static state<V> merge(const state<V>& a, const state<V>& b) noexcept {
        return {a[deviation] + b[deviation], a[square] + b[square]};
    }
    SIMDREDUCE_ALWAYS_INLINE static result_type finish(const state<Acc>& s) noexcept { return s; }
};

// A chunk's or a run of chunks' count, mean and sum of squared deviations from the mean. The
// mean is kept in two parts, mean + correction: a chunk's mean as rounded, and the mean of
// its deviations from it. With the rounded mean alone, its rounding (u |mean|) enters the
// merged M2 linearly: 1e-13 relative on 10^5 doubles around 1e6 of spread 1, where numpy's
// two-pass, whose mean's rounding enters squared, is exact to 1e-16.
template <class Acc>
struct moments {
    std::size_t count;
    Acc mean;
    Acc correction;
    Acc m2;
};

// The moments of two adjacent runs, left first (Chan, Golub and LeVeque 1979): with
// delta = mean_b - mean_a, M2 = M2_a + M2_b + delta^2 n_a n_b / n. Each term is nonnegative,
// so nothing cancels; delta is the difference of the rounded means (exact where they are
// close) plus that of the corrections. Products pass opaque_value so that no path fuses them
// with an add.
template <class Acc>
SIMDREDUCE_ALWAYS_INLINE moments<Acc> merged(const moments<Acc>& a, const moments<Acc>& b) noexcept {
    const std::size_t n = a.count + b.count;
    const Acc delta = (b.mean - a.mean) + (b.correction - a.correction);
    const Acc share = Acc(b.count) / Acc(n);
    const Acc weight = Acc(a.count) * share;
    const Acc spread = simdreduce::detail::opaque_value(simdreduce::detail::opaque_value(delta * delta) * weight);
    return {n, a.mean, a.correction + simdreduce::detail::opaque_value(delta * share), (a.m2 + b.m2) + spread};
}

// variance(p, n, ddof) of T, accumulated in Acc: run by engine/moments.hpp, which folds
// sum<Acc> and deviations<Acc> over each chunk and merges the chunks' moments.
template <class Acc>
struct variance {
    static_assert(std::is_floating_point<Acc>::value, "simdreduce: variance is computed in float or double");
    using lane_type = Acc;
    using result_type = Acc;
    static constexpr bool exact = false;
    static constexpr bool prefetch_pays = false;
    static constexpr bool two_passes = true;  // engine/moments.hpp runs it
    // The chunk: 8 of sum's blocks, 256 KiB of float or double lanes (65536 floats), which
    // the second pass reads again from L2 (512 KiB on Zen 3, 1 MiB on Zen 4, 2 MiB on the
    // Sapphire Rapids Xeon) rather than from memory.
    static constexpr std::size_t chunk_elements = 8 * block_elements<sum<Acc>>;

    std::size_t ddof;

    // n - ddof degrees of freedom: NaN for the empty input and for ddof >= n, as numpy.
    SIMDREDUCE_ALWAYS_INLINE Acc finish(const moments<Acc>& m, std::size_t n) const noexcept {
        if (n == 0 || ddof >= n) return std::numeric_limits<Acc>::quiet_NaN();
        return m.m2 / Acc(n - ddof);
    }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
