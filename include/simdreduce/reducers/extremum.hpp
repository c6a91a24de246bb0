// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_EXTREMUM_HPP
#define SIMDREDUCE_REDUCERS_EXTREMUM_HPP

// The smallest or the largest element, compared in the element's own type, with one NaN
// policy whose results are the same bits on every path. Peers differ here: x86's minps returns
// its second operand when either is NaN, NEON's vmin returns NaN, and xsimd 14 swapped the
// operands of its x86 min. So every comparison is spelled out below.
//
// Floats are ordered as IEEE 754-2019's minimum and maximum order them: -0 below +0.
//   propagate  any NaN makes the result NaN (numpy's amin / amax): the quiet NaN of
//              std::numeric_limits, whatever the input NaN's sign or payload;
//   skip       NaNs are ignored (numpy's nanmin / nanmax); only NaNs gives NaN.
// The empty input gives the identity: +Inf or max() for the minimum, -Inf or lowest() for the
// maximum.
//
// A float lane keeps three values, each a register apart (reducers/protocol.hpp, components):
//   best   the extreme value so far, NaNs never taken (x < best ? x : best): one minps;
//   signs  the sign bits of the numbers seen, ORed for the minimum (set when a -0 was seen,
//          if the minimum is a zero) and ANDed for the maximum (clear when a +0 was): one orps
//          or andps, which settles the sign of a zero result whatever order the lanes met
//          their zeros in. A NaN's sign may land there too, but only where the result is NaN;
//          the skipping forms put the filler in the place of a NaN first;
//   seen   all ones once a NaN (propagate) or a number (skip) was seen, else 0: one
//          cmpunordps(seen, x) on SSE and AVX, whose all ones are a NaN themselves.
// Every part is order-free, so the reducer is exact: no block tree, and each path keeps its
// own 4 registers a part. The propagating minimum is 3 vector ops a register; a first form
// that tracked zeros by an integer minimum of the bits ran the AVX2 double minimum at 49 GB/s
// in L2 (xsimd emulates a 64-bit integer minimum), against the 196 GB/s ceiling (Zen 5 EPYC).
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "../detail/config.hpp"
#include "../detail/xsimd_compat.hpp"

namespace simdreduce {

/// Tag for the forms of min, max and their kin that ignore NaN, as numpy's nanmin does.
struct skip_nan_t {};
inline constexpr skip_nan_t skip_nan{};

namespace reducers {

enum class extreme { smallest, largest };
enum class nan_policy { propagate, skip };

namespace detail {

// Unsigned integer lanes as wide as T, for its bits.
template <class T>
using bits_of = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;

// x where it is strictly better than best, best elsewhere, including where either is NaN. On
// x86 exactly minps(x, best) / maxps(x, best) (Intel SDM: "if either value is a NaN, the
// second operand is returned", and on equal values too).
template <extreme E, class T, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<T, A> keep_better(const xsimd::batch<T, A>& x, const xsimd::batch<T, A>& best) noexcept {
    constexpr std::size_t bytes = sizeof(typename xsimd::batch<T, A>::register_type);
    constexpr bool is_float = std::is_same<T, float>::value;
#if defined(__x86_64__) || defined(__i386__)
    if constexpr (bytes == 16) {
        if constexpr (is_float) return E == extreme::smallest ? _mm_min_ps(x, best) : _mm_max_ps(x, best);
        else return E == extreme::smallest ? _mm_min_pd(x, best) : _mm_max_pd(x, best);
    }
#if XSIMD_WITH_AVX
    if constexpr (bytes == 32) {
        if constexpr (is_float) return E == extreme::smallest ? _mm256_min_ps(x, best) : _mm256_max_ps(x, best);
        else return E == extreme::smallest ? _mm256_min_pd(x, best) : _mm256_max_pd(x, best);
    }
#endif
#if XSIMD_WITH_AVX512F
    if constexpr (bytes == 64) {
        if constexpr (is_float) return E == extreme::smallest ? _mm512_min_ps(x, best) : _mm512_max_ps(x, best);
        else return E == extreme::smallest ? _mm512_min_pd(x, best) : _mm512_max_pd(x, best);
    }
#endif
#endif
    (void)bytes;
    (void)is_float;
    return xsimd::select(E == extreme::smallest ? x < best : x > best, x, best);
}

// Every bit of every lane set: the flag value of seen.
template <class T, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<T, A> all_ones() noexcept {
    return simdreduce::detail::bit_cast_lanes<T>(xsimd::batch<bits_of<T>, A>(~bits_of<T>(0)));
}

// seen, set to all ones in the lanes where x is NaN. On SSE and AVX one cmpunordps(seen, x):
// all ones are a NaN themselves, so the flag stays set.
template <class T, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<T, A> mark_nan(const xsimd::batch<T, A>& seen, const xsimd::batch<T, A>& x) noexcept {
    using batch = xsimd::batch<T, A>;
    constexpr std::size_t bytes = sizeof(typename batch::register_type);
#if defined(__x86_64__) || defined(__i386__)
    if constexpr (bytes == 16) {
        if constexpr (std::is_same<T, float>::value) return _mm_cmpunord_ps(seen, x);
        else return _mm_cmpunord_pd(seen, x);
    }
#if XSIMD_WITH_AVX
    if constexpr (bytes == 32) {
        if constexpr (std::is_same<T, float>::value) return _mm256_cmp_ps(seen, x, _CMP_UNORD_Q);
        else return _mm256_cmp_pd(seen, x, _CMP_UNORD_Q);
    }
#endif
#endif
    (void)bytes;
    const batch ones = all_ones<T, A>();
    // x == x, ordered, everywhere; xsimd's x != x is ordered on AVX-512 (false for NaN) and
    // unordered on SSE.
    return xsimd::select(x == x, seen, ones);
}

// The skipping forms' two updates: on every path the bits of a select, written on SSE and AVX
// as bitwise ops on the compare's lane masks, since blendvps is 3 uops on Golden Cove.
//   signs, combined with x where x is a number (elsewhere with the filler, whose sign bit
//   changes nothing): x & ordered for the OR, x | unordered for the AND;
//   seen, set where x is a number: seen | ordered.
template <bool Ordered, class T, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<T, A> lane_masks(const xsimd::batch<T, A>& x) noexcept {
    constexpr bool is_float = std::is_same<T, float>::value;
#if defined(__x86_64__) || defined(__i386__)
    if constexpr (sizeof(typename xsimd::batch<T, A>::register_type) == 16) {
        if constexpr (is_float) return Ordered ? _mm_cmpord_ps(x, x) : _mm_cmpunord_ps(x, x);
        else return Ordered ? _mm_cmpord_pd(x, x) : _mm_cmpunord_pd(x, x);
    } else {
#if XSIMD_WITH_AVX
        if constexpr (is_float) return _mm256_cmp_ps(x, x, Ordered ? _CMP_ORD_Q : _CMP_UNORD_Q);
        else return _mm256_cmp_pd(x, x, Ordered ? _CMP_ORD_Q : _CMP_UNORD_Q);
#else
        static_assert(sizeof(T) == 0, "lane masks: SSE and AVX registers only");
#endif
    }
#else
    static_assert(sizeof(T) == 0, "lane masks: SSE and AVX registers only");
#endif
}
template <class A>
inline constexpr bool has_lane_masks =
#if defined(__x86_64__) || defined(__i386__)
    sizeof(typename xsimd::batch<float, A>::register_type) <= 32;
#else
    false;
#endif

template <extreme E, class T, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<T, A> combine_number_signs(const xsimd::batch<T, A>& signs,
                                                                 const xsimd::batch<T, A>& x, T filler) noexcept {
    using batch = xsimd::batch<T, A>;
    if constexpr (has_lane_masks<A>) {
        (void)filler;
        return E == extreme::smallest ? (signs | (x & lane_masks<true>(x))) : (signs & (x | lane_masks<false>(x)));
    } else {
        const batch kept = xsimd::select(x == x, x, batch(filler));
        return E == extreme::smallest ? (signs | kept) : (signs & kept);
    }
}
template <class T, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<T, A> mark_number(const xsimd::batch<T, A>& seen, const xsimd::batch<T, A>& x) noexcept {
    if constexpr (has_lane_masks<A>) {
        return seen | lane_masks<true>(x);
    } else {
        return xsimd::select(x == x, all_ones<T, A>(), seen);
    }
}

}  // namespace detail

// The extreme E of the elements, T in T.
template <class T, extreme E, nan_policy P = nan_policy::propagate, class = void>
struct extremum {
    // Integers: one value a lane, no NaN, no signed zero.
    using lane_type = T;
    using result_type = T;
    static constexpr bool exact = true;
    static constexpr bool prefetch_pays = false;
    static constexpr std::size_t registers = 4;

    SIMDREDUCE_ALWAYS_INLINE static constexpr T identity() noexcept {
        return E == extreme::smallest ? std::numeric_limits<T>::max() : std::numeric_limits<T>::lowest();
    }
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE V step(const V& best, const V& x) const noexcept {
        return merge(x, best);
    }
    // The lanes past the end hold the identity, which changes nothing.
    template <class V, class M>
    SIMDREDUCE_ALWAYS_INLINE V masked_step(const V& best, const M& /*valid*/, const V& x) const noexcept {
        return merge(x, best);
    }
    // Signed lanes compared as unsigned ones with the sign bit flipped, the same order: GCC 12
    // vectorizes the finish's halving tree over unsigned bytes but not over signed ones, which
    // as 63 scalar compares took the AVX-512 int8 minimum of 4 KiB to 85 GB/s against 455 for
    // uint8 (Zen 5 EPYC).
    SIMDREDUCE_ALWAYS_INLINE static T merge(T a, T b) noexcept {
        using U = std::make_unsigned_t<T>;
        constexpr U flip = std::is_signed<T>::value ? U(U(1) << (8 * sizeof(T) - 1)) : U(0);
        const U ua = U(U(a) ^ flip), ub = U(U(b) ^ flip);
        const U best = E == extreme::smallest ? (ub < ua ? ub : ua) : (ua < ub ? ub : ua);
        return static_cast<T>(U(best ^ flip));
    }
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE static xsimd::batch<T, A> merge(const xsimd::batch<T, A>& a, const xsimd::batch<T, A>& b) noexcept {
        return E == extreme::smallest ? xsimd::min(a, b) : xsimd::max(a, b);  // integers: no NaN to disagree on
    }
    SIMDREDUCE_ALWAYS_INLINE static constexpr T finish(T folded) noexcept { return folded; }
};

template <class T, extreme E, nan_policy P>
struct extremum<T, E, P, std::enable_if_t<std::is_floating_point<T>::value>> {
    using lane_type = T;
    using result_type = T;
    static constexpr bool exact = true;
    // Three ops a register: prefetching took the AVX2 float minimum of 8 MiB from 102 to 122
    // GB/s, 1 MiB 118 -> 126 (Zen 5 EPYC, medians of 5). Below 512 KiB, where a repeated call
    // finds its input in L2, it lost: without it the AVX2 minimum ran 1.22x faster at 64 KiB and
    // 1.13x at 256 KiB, and minmax 1.15x and 1.03x; at 64 MiB prefetching won, 1.08x and 1.25x
    // (Xeon, Sapphire Rapids class, medians of 9 interleaved runs).
    static constexpr bool prefetch_pays = true;
    static constexpr std::size_t prefetch_from_bytes = 512 * 1024;
    static constexpr std::size_t components = 3;
    static constexpr std::size_t registers = 4;
    enum part : std::size_t { best, signs, seen };

    template <class V>
    using state = std::array<V, components>;
    using bits = detail::bits_of<T>;

    SIMDREDUCE_ALWAYS_INLINE static constexpr T filler() noexcept {
        return E == extreme::smallest ? std::numeric_limits<T>::infinity() : -std::numeric_limits<T>::infinity();
    }
    // signs starts as what its OR or AND leaves alone: +0 (no bits) or all bits set.
    SIMDREDUCE_ALWAYS_INLINE static state<T> identity() noexcept {
        return {filler(), from_bits(E == extreme::smallest ? bits(0) : ~bits(0)), from_bits(0)};
    }

    SIMDREDUCE_ALWAYS_INLINE state<T> step(const state<T>& s, T x) const noexcept {
        const bool nan = x != x;
        if (P == nan_policy::skip && nan) return s;
        const bool marks = P == nan_policy::propagate ? nan : true;
        return {better(x, s[best]) ? x : s[best], combine_signs(s[signs], x), marks ? from_bits(~bits(0)) : s[seen]};
    }
    SIMDREDUCE_ALWAYS_INLINE state<T> masked_step(const state<T>& s, bool valid, T x) const noexcept {
        return valid ? step(s, x) : s;
    }
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE state<xsimd::batch<T, A>> step(const state<xsimd::batch<T, A>>& s,
                                                            const xsimd::batch<T, A>& x) const noexcept {
        if constexpr (P == nan_policy::propagate) {
            return {detail::keep_better<E>(x, s[best]), combine_signs(s[signs], x), detail::mark_nan(s[seen], x)};
        } else {
            return {detail::keep_better<E>(x, s[best]), detail::combine_number_signs<E>(s[signs], x, filler()),
                    detail::mark_number(s[seen], x)};
        }
    }
    // The lanes past the end hold filler(), which changes best and signs nothing; only a
    // skipping reducer's seen must not count them.
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE state<xsimd::batch<T, A>> masked_step(const state<xsimd::batch<T, A>>& s,
                                                                   const xsimd::batch_bool<T, A>& valid,
                                                                   const xsimd::batch<T, A>& x) const noexcept {
        state<xsimd::batch<T, A>> out = step(s, x);
        if constexpr (P == nan_policy::skip) out[seen] = xsimd::select(valid, out[seen], s[seen]);
        return out;
    }

    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static state<V> merge(const state<V>& a, const state<V>& b) noexcept {
        return {pick_better(a[best], b[best]), combine_signs(a[signs], b[signs]), either(a[seen], b[seen])};
    }

    SIMDREDUCE_ALWAYS_INLINE static T finish(const state<T>& s, std::size_t count) noexcept {
        const bool flagged = to_bits(s[seen]) != 0;
        if (P == nan_policy::propagate ? flagged : !flagged) {
            // propagate: a NaN was seen; skip: no number was, so only NaNs or nothing.
            if (P == nan_policy::skip && count == 0) return filler();
            return std::numeric_limits<T>::quiet_NaN();
        }
        if (s[best] != T(0)) return s[best];
        return std::signbit(s[signs]) ? -T(0) : T(0);
    }

private:
    SIMDREDUCE_ALWAYS_INLINE static bool better(T x, T than) noexcept {
        return E == extreme::smallest ? x < than : x > than;
    }
    SIMDREDUCE_ALWAYS_INLINE static T pick_better(T a, T b) noexcept { return better(b, a) ? b : a; }
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE static xsimd::batch<T, A> pick_better(const xsimd::batch<T, A>& a,
                                                                   const xsimd::batch<T, A>& b) noexcept {
        return detail::keep_better<E>(b, a);
    }

    SIMDREDUCE_ALWAYS_INLINE static bits to_bits(T x) noexcept {
        bits b;
        std::memcpy(&b, &x, sizeof b);
        return b;
    }
    SIMDREDUCE_ALWAYS_INLINE static T from_bits(bits b) noexcept {
        T x;
        std::memcpy(&x, &b, sizeof x);
        return x;
    }
    SIMDREDUCE_ALWAYS_INLINE static T combine_signs(T a, T b) noexcept {
        return from_bits(E == extreme::smallest ? to_bits(a) | to_bits(b) : to_bits(a) & to_bits(b));
    }
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE static xsimd::batch<T, A> combine_signs(const xsimd::batch<T, A>& a,
                                                                     const xsimd::batch<T, A>& b) noexcept {
        return E == extreme::smallest ? (a | b) : (a & b);
    }
    SIMDREDUCE_ALWAYS_INLINE static T either(T a, T b) noexcept { return from_bits(to_bits(a) | to_bits(b)); }
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE static xsimd::batch<T, A> either(const xsimd::batch<T, A>& a, const xsimd::batch<T, A>& b) noexcept {
        return a | b;
    }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
