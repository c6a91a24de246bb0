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
//   zero   which zeros were seen, as bits: the minimum's is the signed minimum of the elements'
//          bits, which is 0x80...0 (INT_MIN) exactly when a -0 was seen; the maximum's the
//          unsigned minimum, 0 exactly when a +0 was seen. It settles the sign of a zero
//          result, whatever order the lanes met their zeros in;
//   seen   all ones once a NaN (propagate) or a number (skip) was seen, else 0.
// Every part is order-free, so the reducer is exact: no block tree, and each path keeps its
// own 4 registers a part.
#include <array>
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

// The integer lanes a float's bits are compared as: signed for the smallest (-0 is the least
// pattern), unsigned for the largest (+0 is).
template <class T, extreme E>
using zero_bits = std::conditional_t<
    sizeof(T) == 4, std::conditional_t<E == extreme::smallest, std::int32_t, std::uint32_t>,
    std::conditional_t<E == extreme::smallest, std::int64_t, std::uint64_t>>;

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

// seen, set to all ones in the lanes where x is NaN (propagate) or a number (skip) and `valid`.
// On SSE and AVX the propagating form is one cmpunordps(seen, x): all ones are a NaN
// themselves, so the flag stays set.
template <nan_policy P, class T, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<T, A> mark_seen(const xsimd::batch<T, A>& seen, const xsimd::batch<T, A>& x) noexcept {
    using batch = xsimd::batch<T, A>;
    constexpr std::size_t bytes = sizeof(typename batch::register_type);
#if defined(__x86_64__) || defined(__i386__)
    if constexpr (P == nan_policy::propagate && bytes == 16) {
        if constexpr (std::is_same<T, float>::value) return _mm_cmpunord_ps(seen, x);
        else return _mm_cmpunord_pd(seen, x);
    }
#if XSIMD_WITH_AVX
    if constexpr (P == nan_policy::propagate && bytes == 32) {
        if constexpr (std::is_same<T, float>::value) return _mm256_cmp_ps(seen, x, _CMP_UNORD_Q);
        else return _mm256_cmp_pd(seen, x, _CMP_UNORD_Q);
    }
#endif
#endif
    (void)bytes;
    const batch ones = simdreduce::detail::bit_cast_lanes<T>(xsimd::batch<zero_bits<T, extreme::largest>, A>(
        ~zero_bits<T, extreme::largest>(0)));
    // x == x, ordered, everywhere; xsimd's x != x is ordered on AVX-512 (false for NaN) and
    // unordered on SSE.
    return P == nan_policy::propagate ? xsimd::select(x == x, seen, ones) : xsimd::select(x == x, ones, seen);
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
        return merge(best, x);
    }
    // The lanes past the end hold the identity, which changes nothing.
    template <class V, class M>
    SIMDREDUCE_ALWAYS_INLINE V masked_step(const V& best, const M& /*valid*/, const V& x) const noexcept {
        return merge(best, x);
    }
    SIMDREDUCE_ALWAYS_INLINE static T merge(T a, T b) noexcept {
        return E == extreme::smallest ? (b < a ? b : a) : (b > a ? b : a);
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
    static constexpr bool prefetch_pays = false;
    static constexpr std::size_t components = 3;
    static constexpr std::size_t registers = 4;
    enum part : std::size_t { best, zero, seen };

    template <class V>
    using state = std::array<V, components>;
    using bits = detail::zero_bits<T, E>;

    SIMDREDUCE_ALWAYS_INLINE static constexpr T filler() noexcept {
        return E == extreme::smallest ? std::numeric_limits<T>::infinity() : -std::numeric_limits<T>::infinity();
    }
    // zero starts above every pattern it looks for: INT_MAX (signed) or all ones (unsigned).
    SIMDREDUCE_ALWAYS_INLINE static state<T> identity() noexcept {
        return {filler(), from_bits(std::numeric_limits<bits>::max()), from_bits(0)};
    }

    SIMDREDUCE_ALWAYS_INLINE state<T> step(const state<T>& s, T x) const noexcept {
        const bool marks = P == nan_policy::propagate ? x != x : x == x;
        return {better(x, s[best]) ? x : s[best], zero_of(s[zero], x), marks ? from_bits(~bits(0)) : s[seen]};
    }
    SIMDREDUCE_ALWAYS_INLINE state<T> masked_step(const state<T>& s, bool valid, T x) const noexcept {
        return valid ? step(s, x) : s;
    }
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE state<xsimd::batch<T, A>> step(const state<xsimd::batch<T, A>>& s,
                                                            const xsimd::batch<T, A>& x) const noexcept {
        return {detail::keep_better<E>(x, s[best]), zero_of(s[zero], x), detail::mark_seen<P>(s[seen], x)};
    }
    // The lanes past the end hold filler(), which changes best and zero nothing; only a
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
        return {pick_better(a[best], b[best]), zero_of(a[zero], b[zero]), either(a[seen], b[seen])};
    }

    SIMDREDUCE_ALWAYS_INLINE static T finish(const state<T>& s, std::size_t count) noexcept {
        const bool flagged = to_bits(s[seen]) != 0;
        if (P == nan_policy::propagate ? flagged : !flagged) {
            // propagate: a NaN was seen; skip: no number was, so only NaNs or nothing.
            if (P == nan_policy::skip && count == 0) return filler();
            return std::numeric_limits<T>::quiet_NaN();
        }
        if (s[best] != T(0)) return s[best];
        const bits z = to_bits(s[zero]);
        const bool negative = E == extreme::smallest ? z == std::numeric_limits<bits>::min() : z != 0;
        return negative ? -T(0) : T(0);
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
    SIMDREDUCE_ALWAYS_INLINE static T zero_of(T z, T x) noexcept {
        const bits a = to_bits(z), b = to_bits(x);
        return from_bits(b < a ? b : a);
    }
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE static xsimd::batch<T, A> zero_of(const xsimd::batch<T, A>& z, const xsimd::batch<T, A>& x) noexcept {
        using simdreduce::detail::bit_cast_lanes;
        return bit_cast_lanes<T>(xsimd::min(bit_cast_lanes<bits>(z), bit_cast_lanes<bits>(x)));
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
