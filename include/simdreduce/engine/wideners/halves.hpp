// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_WIDENERS_HALVES_HPP
#define SIMDREDUCE_ENGINE_WIDENERS_HALVES_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../../detail/opaque.hpp"
#include "../../detail/xsimd_compat.hpp"
#include "lanes.hpp"
#include "pair_ladder.hpp"

// 32-bit elements in 3 vector operations a register instead of the ladder's 5. Per lane, s is
// the sum modulo 2^32 and h the sum of x >> 16 (arithmetic for signed), both in 32 bits.
// Over at most 2^15 registers |h| <= 2^30 and the discarded low halves L = sum(x & 0xffff)
// stay below 2^31, so the exact sum is (h << 16) + L, with L = (s - (h << 16)) mod 2^32.
namespace simdreduce {
namespace engine {
namespace detail {

template <class Arch, class T>
struct halves_widener {
    static_assert(sizeof(T) == 4, "the halves widener takes 32-bit elements");
    using element = T;
    using batch = xsimd::batch<T, Arch>;
    struct narrow {
        batch s, h;
    };
    using wide = xsimd::batch<std::uint64_t, Arch>;
    // 4 registers a group, 8 accumulator registers: on a Zen 5 EPYC the AVX2 sum of 256 KiB
    // read 166 GB/s against 117 with 2 (124 for the hand-written vpmovsxdq loop), SSE2 and
    // SSE4.2 1.2-1.4x faster at every size, AVX-512 1.27x at 16 KiB.
    static constexpr std::size_t accumulators = 4;
    static constexpr std::size_t steps_per_flush = std::size_t(1) << 15;
    static constexpr std::size_t flushes_per_drain = ~std::size_t(0);
    static constexpr std::uint64_t bias = 0;

    static narrow zero() noexcept { return {batch(T(0)), batch(T(0))}; }
    static wide wide_zero() noexcept { return wide(std::uint64_t(0)); }
    SIMDREDUCE_ALWAYS_INLINE static void step(narrow& acc, const batch& x) noexcept {
        batch v = x;
        simdreduce::detail::pin_register(v);  // one load, not one for each of its two uses
        acc.s += v;
        acc.h += v >> 16;
    }
    // (h << 16) + L for two lanes at a time, in vectors: pairs of 32-bit lanes added into 64
    // (pair_ladder.hpp). A signed h is biased by 2^31 to make it unsigned, so each 64-bit lane
    // gains 2^32 << 16 = 2^48, taken out at once. A scalar loop over the lanes cost the
    // AVX-512 sum of 16 KiB a quarter of its speed (Zen 5 EPYC).
    SIMDREDUCE_ALWAYS_INLINE static void flush(wide& w, const narrow& acc) noexcept {
        using u32 = xsimd::batch<std::uint32_t, Arch>;
        constexpr std::uint32_t sign = std::is_signed<T>::value ? std::uint32_t(1) << 31 : 0;
        constexpr std::uint64_t sign_bias = std::is_signed<T>::value ? std::uint64_t(1) << 48 : 0;
        const u32 h = simdreduce::detail::bit_cast_lanes<std::uint32_t>(detached(acc.h));
        const u32 s = simdreduce::detail::bit_cast_lanes<std::uint32_t>(detached(acc.s));
        const u32 low = s - (h << 16);
        w += (add_adjacent(h ^ u32(sign)) << 16) + add_adjacent(low) - wide(sign_bias);
    }
    static std::uint64_t drain(const wide& w) noexcept { return sum_lanes(w); }
};

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
