// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_WIDENING_SUM_HPP
#define SIMDREDUCE_ENGINE_WIDENING_SUM_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../arch.hpp"
#include "../detail/opaque.hpp"
#include "byte_pairs.hpp"
#include "byte_sad.hpp"
#include "prefetch.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

template <class U>
using twice_as_wide =
    std::conditional_t<sizeof(U) == 1, std::uint16_t,
                       std::conditional_t<sizeof(U) == 2, std::uint32_t, std::uint64_t>>;

// Lanes of U, read as half as many lanes of twice the width, each the exact sum of its two
// halves. Three such steps take bytes to 64-bit lanes without conversions, on any xsimd
// version (8.1 has no widening load).
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

// 32-bit elements in 3 vector operations per register instead of 5. Per lane, s is the
// sum modulo 2^32 and h the sum of x >> 16 (arithmetic for signed), both in 32 bits. Over at
// most 2^15 registers |h| < 2^31 and the discarded low halves L = sum(x & 0xffff) stay in
// [0, 2^31), so the exact sum is (h << 16) + L with L = (s - (h << 16)) mod 2^32.
// Whole pairs of registers only: the caller adds an odd last register with its scalar tail.
template <class Arch, class T, bool Prefetch>
std::uint64_t sum_32bit_register_pairs_with(const T* p, std::size_t pairs) {
    using batch = xsimd::batch<T, Arch>;
    constexpr std::size_t W = batch::size;
    constexpr std::size_t block = std::size_t(1) << 14;  // pairs: 2^15 registers
    const std::size_t fetch_until = Prefetch ? prefetch_stop(pairs, 2 * sizeof(batch)) : 0;
    std::uint64_t total = 0;
    std::size_t k = 0;
    while (k < pairs) {
        const std::size_t stop = pairs - k < block ? pairs : k + block;
        batch s0(T(0)), s1(T(0)), h0(T(0)), h1(T(0));
        const auto add_pair = [&](const T* q) {
            batch a = batch::load_unaligned(q), b = batch::load_unaligned(q + W);
            simdreduce::detail::pin_register(a);  // one load each, not one per use
            simdreduce::detail::pin_register(b);
            s0 += a;
            h0 += a >> 16;
            s1 += b;
            h1 += b >> 16;
        };
        if constexpr (Prefetch) {
            for (const std::size_t fetch_stop = stop < fetch_until ? stop : fetch_until; k < fetch_stop; ++k) {
                prefetch_ahead<2 * sizeof(batch)>(p + 2 * k * W);
                add_pair(p + 2 * k * W);
            }
        }
        for (; k < stop; ++k) {
            add_pair(p + 2 * k * W);
        }
        alignas(64) T s_lanes[2 * W], h_lanes[2 * W];
        s0.store_aligned(s_lanes);
        s1.store_aligned(s_lanes + W);
        h0.store_aligned(h_lanes);
        h1.store_aligned(h_lanes + W);
        using wide = std::conditional_t<std::is_signed<T>::value, std::int64_t, std::uint64_t>;
        for (std::size_t j = 0; j < 2 * W; ++j) {
            const std::uint64_t coarse = static_cast<std::uint64_t>(static_cast<wide>(h_lanes[j])) << 16;
            const auto low = static_cast<std::uint32_t>(static_cast<std::uint32_t>(s_lanes[j]) -
                                                        static_cast<std::uint32_t>(coarse));
            total += coarse + low;
        }
    }
    return total;
}

template <class Arch, class T>
std::uint64_t sum_32bit_register_pairs(const T* p, std::size_t pairs) {
    return worth_prefetching(pairs * 2 * sizeof(xsimd::batch<T, Arch>))
               ? sum_32bit_register_pairs_with<Arch, T, true>(p, pairs)
               : sum_32bit_register_pairs_with<Arch, T, false>(p, pairs);
}

}  // namespace detail

// Returns the sum of [p, p + n) as 64-bit integers (each element sign- or zero-extended),
// modulo 2^64. Exact whatever n: narrow partial sums are widened before they can wrap.
// Signed elements are biased to unsigned (x ^ sign bit = x + 2^(w-1)) so that every lane
// can stay unsigned; the bias is taken out once at the end.
template <class Arch, class T>
std::uint64_t widening_sum(const T* p, std::size_t n) {
    static_assert(std::is_integral<T>::value && sizeof(T) < 8, "widening_sum is for narrow integers");
    std::uint64_t total = 0;
    std::size_t i = 0;
    // The scalar path first: the width traits below name xsimd::batch<..., Arch>, which does
    // not exist for simdreduce::scalar (a file built with -mssse3 or more instantiates them).
    if constexpr (simdreduce::detail::is_scalar_arch<Arch>) {
    } else if constexpr (sizeof(T) == 1 && detail::has_byte_pairs<Arch>::value) {
        constexpr std::size_t W = xsimd::batch<std::uint8_t, Arch>::size;
        total = detail::sum_byte_registers<Arch>(p, n / W);
        i = n / W * W;
    } else if constexpr (sizeof(T) == 4) {
        constexpr std::size_t W = xsimd::batch<T, Arch>::size;
        total = detail::sum_32bit_register_pairs<Arch>(p, n / (2 * W));
        i = n / (2 * W) * (2 * W);
    } else {
        using U = std::make_unsigned_t<T>;
        using ubatch = xsimd::batch<U, Arch>;
        using wbatch = xsimd::batch<std::uint64_t, Arch>;
        constexpr std::size_t W = ubatch::size;
        const U bias = std::is_signed<T>::value ? static_cast<U>(U(1) << (8 * sizeof(U) - 1)) : U(0);
        const ubatch bias_v(bias);
        // Reading T through its unsigned twin is allowed by the aliasing rules.
        const U* q = reinterpret_cast<const U*>(p);
        const std::size_t vectors = n / W;
        auto load = [&](std::size_t v) { return ubatch::load_unaligned(q + v * W) ^ bias_v; };

        wbatch a0(std::uint64_t(0)), a1(std::uint64_t(0));
        std::size_t v = 0;
        if constexpr (sizeof(U) == 1 && detail::has_byte_sad<Arch>::value) {
            for (; v + 2 <= vectors; v += 2) {
                a0 += detail::byte_sad(load(v));
                a1 += detail::byte_sad(load(v + 1));
            }
        } else {
            // Pair sums of bytes (at most 510) fit 128 additions in 16 bits, pair sums of
            // 16-bit lanes (at most 131070) fit 32768 in 32 bits; then they are widened.
            // (32-bit elements take sum_32bit_register_pairs above.)
            using wide = detail::twice_as_wide<U>;
            constexpr std::size_t max_pair = 2 * std::size_t(U(~U(0)));
            constexpr std::size_t block = std::size_t(wide(~wide(0))) / max_pair;
            while (v + 2 <= vectors) {
                xsimd::batch<wide, Arch> s0(wide(0)), s1(wide(0));
                const std::size_t stop = vectors - v < 2 * block ? vectors - vectors % 2 : v + 2 * block;
                for (; v < stop; v += 2) {
                    s0 += detail::add_adjacent(load(v));
                    s1 += detail::add_adjacent(load(v + 1));
                }
                a0 += detail::widen_to_u64(s0);
                a1 += detail::widen_to_u64(s1);
            }
        }
        if (v < vectors) {  // an odd last register
            a0 += detail::widen_to_u64(load(v));
        }
        alignas(64) std::uint64_t lanes[wbatch::size];
        (a0 + a1).store_aligned(lanes);
        for (std::uint64_t lane : lanes) {
            total += lane;
        }
        i = vectors * W;
        total -= std::uint64_t(i) * bias;
    }
    using wide_element = std::conditional_t<std::is_signed<T>::value, std::int64_t, std::uint64_t>;
    for (; i < n; ++i) {
        total += static_cast<std::uint64_t>(static_cast<wide_element>(p[i]));
    }
    return total;
}

}  // namespace engine
}  // namespace simdreduce

#endif
