// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_ARG_EXTREMUM_HPP
#define SIMDREDUCE_REDUCERS_ARG_EXTREMUM_HPP

// The index of the first smallest or largest element (argmin, argmax), in the order and with
// the NaN policy of extremum.hpp: -0 below +0; propagate makes the first NaN the answer, skip
// ignores NaNs; ties go to the lowest index, as numpy and std::min_element; the empty input and
// an input of NaNs alone under skip give n.
//
// The engine finds it in two steps a piece (engine/locate.hpp): the piece's extreme value, by
// the value reducer's own loop, then where that value beats every earlier piece's, its first
// position. So the reducer says how values rank and which elements are a value:
//   rank_of(m)      the rank of a value the value reducer returned, smaller is better; 0 only
//                   for what nothing can beat (a NaN under propagate, an integer's extreme);
//   ranked(m)       false for the NaN of a piece of NaNs alone under skip;
//   matches(x, m)   whether element x is the value m: NaN for a NaN (the value reducer returns
//                   the quiet NaN whatever the payload), the same bits otherwise (-0 is not +0).
// The state of a piece is its best (rank, index); merge keeps the better rank, then the lower
// index, so the result cannot depend on the order of merges: the reducer is exact, and pieces
// folded apart merge to the bits of one call.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "../detail/config.hpp"
#include "../detail/xsimd_compat.hpp"
#include "extremum.hpp"

namespace simdreduce {
namespace reducers {

template <class T, extreme E, nan_policy P = nan_policy::propagate>
struct arg_extremum {
    using located_type = T;
    using value_reducer = extremum<T, E, P>;
    using lane_type = std::uint64_t;
    using result_type = std::size_t;
    static constexpr bool exact = true;
    static constexpr bool prefetch_pays = false;  // the value reducer's loop prefetches for itself
    static constexpr std::size_t components = 2;
    static constexpr std::size_t registers = 1;
    enum part : std::size_t { rank, index };
    using state = std::array<std::uint64_t, components>;
    static constexpr std::uint64_t none = ~std::uint64_t(0);

    SIMDREDUCE_ALWAYS_INLINE static constexpr state identity() noexcept { return {none, none}; }

    SIMDREDUCE_ALWAYS_INLINE static state merge(const state& a, const state& b) noexcept {
        const bool b_better = b[rank] < a[rank] || (b[rank] == a[rank] && b[index] < a[index]);
        return b_better ? b : a;
    }

    SIMDREDUCE_ALWAYS_INLINE static result_type finish(const state& s, std::size_t count) noexcept {
        return s[index] == none ? count : static_cast<result_type>(s[index]);
    }

    SIMDREDUCE_ALWAYS_INLINE static bool ranked(T m) noexcept {
        if constexpr (std::is_floating_point<T>::value) {
            return P == nan_policy::propagate || m == m;
        } else {
            (void)m;
            return true;
        }
    }

    // Floats: their bits made monotone (negatives' bits reversed, positives' sign bit set), so
    // that -Inf < ... < -0 < +0 < ... < +Inf as unsigned integers, with rank 0 left to NaN:
    // numbers rank at least 2^52 - 1 (double) or 2^23 - 1 (float) from either end.
    // Integers: the sign bit flipped, reversed for the largest. Always inline, as every
    // function the per-path code shares: an out-of-line copy from the AVX2 object (VEX moves)
    // is a weak symbol the linker may hand the SSE2 path (tests: dispatch_symbols_O0).
    SIMDREDUCE_ALWAYS_INLINE static std::uint64_t rank_of(T m) noexcept {
        if constexpr (std::is_floating_point<T>::value) {
            if (m != m) return 0;
            using U = detail::bits_of<T>;
            constexpr U sign = U(U(1) << (8 * sizeof(T) - 1));
            U b;
            std::memcpy(&b, &m, sizeof b);
            const U ordered = (b & sign) ? U(~b) : U(b | sign);
            return E == extreme::smallest ? ordered : U(~ordered);
        } else {
            using U = std::make_unsigned_t<T>;
            constexpr U flip = std::is_signed<T>::value ? U(U(1) << (8 * sizeof(T) - 1)) : U(0);
            const U ordered = U(U(m) ^ flip);
            return E == extreme::smallest ? ordered : U(~ordered);
        }
    }

    SIMDREDUCE_ALWAYS_INLINE static bool matches(T x, T m) noexcept {
        if constexpr (std::is_floating_point<T>::value) {
            if (m != m) return x != x;
            return std::memcmp(&x, &m, sizeof(T)) == 0;
        } else {
            return x == m;
        }
    }

    // The same on a register, in integer lanes: a NaN is a magnitude above Inf's bits.
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE static auto matches(const xsimd::batch<T, A>& x, T m) noexcept {
        if constexpr (std::is_floating_point<T>::value) {
            using I = std::make_signed_t<detail::bits_of<T>>;
            using B = xsimd::batch<I, A>;
            const B bits = simdreduce::detail::bit_cast_lanes<I>(x);
            if (m != m) {
                constexpr I magnitude = std::numeric_limits<I>::max();
                const I inf_bits = sizeof(T) == 4 ? I(0x7f800000) : I(0x7ff0000000000000ll);
                return (bits & B(magnitude)) > B(inf_bits);
            }
            I mb;
            std::memcpy(&mb, &m, sizeof mb);
            return bits == B(mb);
        } else {
            return x == xsimd::batch<T, A>(m);
        }
    }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
