// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_WIDENERS_LANES_HPP
#define SIMDREDUCE_ENGINE_WIDENERS_LANES_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../../detail/config.hpp"
#include "../../detail/opaque.hpp"
#include "../../detail/xsimd_compat.hpp"

// What every widener shares: the register width in bytes, an accumulator detached from its
// loop, and the exact 64-bit sum of a register's lanes.
namespace simdreduce {
namespace engine {
namespace detail {

template <class A>
inline constexpr std::size_t register_bytes = sizeof(typename xsimd::batch<std::uint8_t, A>::register_type);

// x as a 64-bit pattern: sign-extended when T is signed, zero-extended otherwise.
template <class T>
SIMDREDUCE_ALWAYS_INLINE constexpr std::uint64_t widen_bits(T x) noexcept {
    using wide = std::conditional_t<std::is_signed<T>::value, std::int64_t, std::uint64_t>;
    return static_cast<std::uint64_t>(static_cast<wide>(x));
}

// A copy of an accumulator as it leaves its loop, which the compiler cannot trace back into
// the loop. Flushing the accumulator itself, GCC 12 kept the loop's sums in other registers
// than the accumulators and copied each one back on every step (the AVX2 byte loop: 4 extra
// moves a group of 4 registers).
template <class T, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<T, A> detached(const xsimd::batch<T, A>& v) noexcept {
    xsimd::batch<T, A> copy = v;
    simdreduce::detail::pin_register(copy);
    return copy;
}

// The lanes of v, each widened as above, added modulo 2^64.
template <class T, class A>
inline std::uint64_t sum_lanes(const xsimd::batch<T, A>& v) noexcept {
    alignas(64) T lanes[xsimd::batch<T, A>::size];
    v.store_aligned(lanes);
    std::uint64_t total = 0;
    for (const T lane : lanes) total += widen_bits(lane);
    return total;
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
