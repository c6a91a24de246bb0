// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_WIDENERS_PAIR_LADDER_HPP
#define SIMDREDUCE_ENGINE_WIDENERS_PAIR_LADDER_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../../detail/xsimd_compat.hpp"
#include "lanes.hpp"

// The portable widener, on every instruction set xsimd has: lanes of U read as half as many
// lanes of twice the width, each the exact sum of its two halves. Steps of it take bytes or
// 16-bit lanes to 64 bits without conversions, on any xsimd version (8.1 has no widening
// load). Signed elements are biased to unsigned (x ^ sign bit = x + 2^(w-1)) so that every
// lane stays unsigned; the loop takes the bias out once.
namespace simdreduce {
namespace engine {
namespace detail {

template <class U>
using twice_as_wide =
    std::conditional_t<sizeof(U) == 1, std::uint16_t,
                       std::conditional_t<sizeof(U) == 2, std::uint32_t, std::uint64_t>>;

template <class U, class A>
inline xsimd::batch<twice_as_wide<U>, A> add_adjacent(const xsimd::batch<U, A>& v) noexcept {
    using wide = twice_as_wide<U>;
    constexpr int bits = 8 * sizeof(U);
    const auto w = simdreduce::detail::bit_cast_lanes<wide>(v);
    const xsimd::batch<wide, A> low_half(static_cast<wide>((wide(1) << bits) - 1));
    return (w & low_half) + (w >> bits);
}

template <class U, class A>
inline xsimd::batch<std::uint64_t, A> widen_to_u64(const xsimd::batch<U, A>& v) noexcept {
    if constexpr (sizeof(U) == 8) {
        return v;
    } else {
        return widen_to_u64(add_adjacent(v));
    }
}

// Pair sums of bytes (at most 510) fit 128 steps in 16 bits, pair sums of 16-bit lanes (at
// most 131070) 32768 steps in 32 bits; a flush widens them to 64.
template <class Arch, class T>
struct pair_ladder_widener {
    static_assert(sizeof(T) <= 2, "32-bit elements take the halves widener");
    using element = std::make_unsigned_t<T>;
    using narrow = xsimd::batch<twice_as_wide<element>, Arch>;
    using wide = xsimd::batch<std::uint64_t, Arch>;
    static constexpr std::size_t accumulators = 2;
    static constexpr std::size_t steps_per_flush =
        std::size_t(twice_as_wide<element>(~twice_as_wide<element>(0))) / (2 * std::size_t(element(~element(0))));
    static constexpr std::size_t flushes_per_drain = ~std::size_t(0);
    static constexpr std::uint64_t bias = std::is_signed<T>::value ? std::uint64_t(1) << (8 * sizeof(T) - 1) : 0;

    static narrow zero() noexcept { return narrow(typename narrow::value_type(0)); }
    static wide wide_zero() noexcept { return wide(std::uint64_t(0)); }
    SIMDREDUCE_ALWAYS_INLINE static void step(narrow& acc, const xsimd::batch<element, Arch>& x) noexcept {
        if constexpr (bias != 0) {
            acc += add_adjacent(x ^ xsimd::batch<element, Arch>(static_cast<element>(bias)));
        } else {
            acc += add_adjacent(x);
        }
    }
    SIMDREDUCE_ALWAYS_INLINE static void flush(wide& w, const narrow& acc) noexcept { w += widen_to_u64(detached(acc)); }
    static std::uint64_t drain(const wide& w) noexcept { return sum_lanes(w); }
};

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
