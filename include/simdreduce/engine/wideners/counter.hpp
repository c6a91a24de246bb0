// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_WIDENERS_COUNTER_HPP
#define SIMDREDUCE_ENGINE_WIDENERS_COUNTER_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../../detail/config.hpp"
#include "../../reducers/plus.hpp"
#include "lanes.hpp"
#include "pair_ladder.hpp"

// count_if's widener: how many elements a predicate accepts, counted in lanes of the
// elements' own width, so that an int8 count runs on int8 lanes. Where a mask is a vector of
// all-ones lanes (SSE, AVX2, NEON) it is -1 in every accepted lane and one subtract counts a
// register: a compare and a subtract for `x > 0`. AVX-512 keeps masks in k registers, and one
// masked add of 1 does the same. A narrow count wraps after 2^bits - 1 registers, so each
// accumulator is flushed into 64-bit lanes before (the pair ladder, once per 255 registers
// for bytes).
namespace simdreduce {
namespace engine {
namespace detail {

// On x86 a float mask is a float register (__m256), not an integer one.
template <class T>
inline constexpr bool x86_float_mask =
#if defined(__x86_64__) || defined(__i386__)
    std::is_floating_point<T>::value;
#else
    false;
#endif

template <class T>
using count_lane_of = std::conditional_t<
    sizeof(T) == 1, std::uint8_t,
    std::conditional_t<sizeof(T) == 2, std::uint16_t, std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>>>;

// R is the counting reducer (reducers/count_if.hpp), whose accepted(x) is the predicate.
template <class Arch, class R>
struct counting_widener {
    using T = typename R::counted_type;
    using element = T;
    using count_lane = count_lane_of<T>;
    using narrow = xsimd::batch<count_lane, Arch>;
    using wide = xsimd::batch<std::uint64_t, Arch>;
    static constexpr std::size_t accumulators = 4;
    static constexpr std::size_t steps_per_flush =
        sizeof(count_lane) < sizeof(std::size_t) ? std::size_t(count_lane(~count_lane(0))) : ~std::size_t(0);
    static constexpr std::size_t flushes_per_drain = ~std::size_t(0);
    static constexpr std::uint64_t bias = 0;
    // A partial register filled with some element would count that element wherever the
    // predicate accepts it: the elements of the head and the tail go one by one.
    static constexpr bool fills_partial_registers = false;

    R reducer;

    static narrow zero() noexcept { return narrow(count_lane(0)); }
    static wide wide_zero() noexcept { return wide(std::uint64_t(0)); }

    SIMDREDUCE_ALWAYS_INLINE void step(narrow& acc, const xsimd::batch<T, Arch>& x) const {
        using mask = xsimd::batch_bool<T, Arch>;
        using value_register = typename xsimd::batch<T, Arch>::register_type;
        const mask accepted = reducer.accepted(x);
        if constexpr (sizeof(typename mask::register_type) < sizeof(typename narrow::register_type)) {
            // A k register: the same one for every lane type of this width.
            const xsimd::batch_bool<count_lane, Arch> k(static_cast<typename mask::register_type>(accepted));
            acc = reducers::plus::masked_combine(acc, k, narrow(count_lane(1)));
        } else if constexpr (x86_float_mask<T>) {
            acc -= simdreduce::detail::bit_cast_lanes<count_lane>(xsimd::batch<T, Arch>(static_cast<value_register>(accepted)));
        } else {  // NEON, and x86 integers: the mask is a register of count lanes already
            acc -= narrow(static_cast<typename narrow::register_type>(accepted));
        }
    }
    SIMDREDUCE_ALWAYS_INLINE static void flush(wide& w, const narrow& acc) noexcept { w += widen_to_u64(detached(acc)); }
    static std::uint64_t drain(const wide& w) noexcept { return sum_lanes(w); }
    SIMDREDUCE_ALWAYS_INLINE std::uint64_t one(T x) const { return reducer.accepted(x) ? 1 : 0; }
};

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
