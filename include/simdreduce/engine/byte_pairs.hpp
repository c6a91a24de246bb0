// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_BYTE_PAIRS_HPP
#define SIMDREDUCE_ENGINE_BYTE_PAIRS_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../detail/xsimd_compat.hpp"
#include "byte_sad.hpp"
#include "prefetch.hpp"

// Byte sums through pmaddubsw (adjacent bytes times 1, added into 16-bit lanes) and pmaddwd
// (adjacent 16-bit lanes into 32 bits), from SSSE3 on. psadbw (byte_sad.hpp, for SSE2)
// runs on one vector port of an Intel core, p5, where pmaddubsw runs on two, and signed
// bytes need no bias (psadbw needs an xor first). Medians of 15, interleaved, same run, on
// an AVX-512 Xeon: AVX2 int8 139 GB/s against 80 for a 4-accumulator psadbw loop at 16 KiB,
// 109 against 82 at 256 KiB; uint8 even (118 against 118, 108 against 108). AVX-512: 180
// and 176 GB/s for int8 and uint8 at 16 KiB; psadbw gave 133 and 150 in an earlier run.
namespace simdreduce {
namespace engine {
namespace detail {

template <class A, class = void>
struct has_byte_pairs : std::false_type {};

#if XSIMD_WITH_SSSE3
template <class A>
struct has_byte_pairs<A, std::enable_if_t<std::is_base_of<xsimd::ssse3, A>::value && register_bytes<A> == 16>>
    : std::true_type {};

// Adjacent bytes of v (as T: signed or unsigned) added into 16 exact 16-bit lanes.
template <class T, class A, std::enable_if_t<register_bytes<A> == 16, int> = 0>
inline xsimd::batch<std::int16_t, A> byte_pairs(const xsimd::batch<std::uint8_t, A>& v) noexcept {
    const __m128i ones = _mm_set1_epi8(1);  // pmaddubsw: first operand unsigned, second signed
    return xsimd::batch<std::int16_t, A>(std::is_signed<T>::value ? _mm_maddubs_epi16(ones, v)
                                                                   : _mm_maddubs_epi16(v, ones));
}

template <class A, std::enable_if_t<register_bytes<A> == 16, int> = 0>
inline xsimd::batch<std::int32_t, A> word_pairs(const xsimd::batch<std::int16_t, A>& v) noexcept {
    return xsimd::batch<std::int32_t, A>(_mm_madd_epi16(v, _mm_set1_epi16(1)));
}
#endif

#if XSIMD_WITH_AVX2
template <class A>
struct has_byte_pairs<A, std::enable_if_t<std::is_base_of<xsimd::avx2, A>::value && register_bytes<A> == 32>>
    : std::true_type {};

template <class T, class A, std::enable_if_t<register_bytes<A> == 32, int> = 0>
inline xsimd::batch<std::int16_t, A> byte_pairs(const xsimd::batch<std::uint8_t, A>& v) noexcept {
    const __m256i ones = _mm256_set1_epi8(1);
    return xsimd::batch<std::int16_t, A>(std::is_signed<T>::value ? _mm256_maddubs_epi16(ones, v)
                                                                   : _mm256_maddubs_epi16(v, ones));
}

template <class A, std::enable_if_t<register_bytes<A> == 32, int> = 0>
inline xsimd::batch<std::int32_t, A> word_pairs(const xsimd::batch<std::int16_t, A>& v) noexcept {
    return xsimd::batch<std::int32_t, A>(_mm256_madd_epi16(v, _mm256_set1_epi16(1)));
}
#endif

#if XSIMD_WITH_AVX512BW
template <class A>
struct has_byte_pairs<A, std::enable_if_t<std::is_base_of<xsimd::avx512bw, A>::value && register_bytes<A> == 64>>
    : std::true_type {};

template <class T, class A, std::enable_if_t<register_bytes<A> == 64, int> = 0>
inline xsimd::batch<std::int16_t, A> byte_pairs(const xsimd::batch<std::uint8_t, A>& v) noexcept {
    const __m512i ones = _mm512_set1_epi8(1);
    return xsimd::batch<std::int16_t, A>(std::is_signed<T>::value ? _mm512_maddubs_epi16(ones, v)
                                                                   : _mm512_maddubs_epi16(v, ones));
}

template <class A, std::enable_if_t<register_bytes<A> == 64, int> = 0>
inline xsimd::batch<std::int32_t, A> word_pairs(const xsimd::batch<std::int16_t, A>& v) noexcept {
    return xsimd::batch<std::int32_t, A>(_mm512_madd_epi16(v, _mm512_set1_epi16(1)));
}
#endif

// Never selected; declared so that a discarded qualified call still names something.
template <class T, class A, std::enable_if_t<!has_byte_pairs<A>::value, int> = 0>
xsimd::batch<std::int16_t, A> byte_pairs(const xsimd::batch<std::uint8_t, A>&) noexcept = delete;
template <class A, std::enable_if_t<!has_byte_pairs<A>::value, int> = 0>
xsimd::batch<std::int32_t, A> word_pairs(const xsimd::batch<std::int16_t, A>&) noexcept = delete;

// Adds the 32-bit lanes of v to total, sign-extended.
template <class A>
inline void add_lanes(std::uint64_t& total, const xsimd::batch<std::int32_t, A>& v) {
    alignas(64) std::int32_t lanes[xsimd::batch<std::int32_t, A>::size];
    v.store_aligned(lanes);
    for (const std::int32_t lane : lanes) {
        total += static_cast<std::uint64_t>(static_cast<std::int64_t>(lane));
    }
}

// The exact sum of `registers` full registers of bytes from p, modulo 2^64, four registers
// at a time; the last registers % 4 go through an accumulator of their own after the loop.
// Bounds: a pair is at most 510 (unsigned) or 256 in magnitude (signed), and each 16-bit
// accumulator takes 60 registers: 60 x 510 = 30600 <= 32767. A block of 240 registers then
// adds at most 2 x 4 x 30600 < 2^18 to a 32-bit lane, so 4096 blocks stay below 2^30 before
// the lanes go to 64 bits.
template <class Arch, class T, bool Prefetch>
std::uint64_t sum_byte_registers_with(const T* p, std::size_t registers) {
    using bytes = xsimd::batch<std::uint8_t, Arch>;
    using words = xsimd::batch<std::int16_t, Arch>;
    using dwords = xsimd::batch<std::int32_t, Arch>;
    constexpr std::size_t W = bytes::size;
    constexpr std::size_t block = 4 * 60;
    constexpr std::size_t blocks_per_flush = 4096;
    // Reading T through unsigned char is allowed by the aliasing rules.
    const auto* q = reinterpret_cast<const std::uint8_t*>(p);
    const auto pairs = [q](std::size_t r) { return byte_pairs<T>(bytes::load_unaligned(q + r * W)); };
    const std::size_t whole = registers - registers % 4;
    const std::size_t fetch_until = Prefetch ? prefetch_stop(whole, W) : 0;
    std::uint64_t total = 0;
    std::size_t r = 0;
    while (r < whole) {
        const std::size_t flush_at = whole - r < block * blocks_per_flush ? whole : r + block * blocks_per_flush;
        dwords wide(std::int32_t(0));
        while (r < flush_at) {
            const std::size_t stop = flush_at - r < block ? flush_at : r + block;
            words a0(std::int16_t(0)), a1(std::int16_t(0)), a2(std::int16_t(0)), a3(std::int16_t(0));
            const auto four_registers = [&](std::size_t k) {
                a0 += pairs(k);
                a1 += pairs(k + 1);
                a2 += pairs(k + 2);
                a3 += pairs(k + 3);
            };
            if constexpr (Prefetch) {
                for (const std::size_t fetch_stop = stop < fetch_until ? stop : fetch_until; r + 4 <= fetch_stop; r += 4) {
                    prefetch_ahead<4 * W>(q + r * W);
                    four_registers(r);
                }
            }
            for (; r < stop; r += 4) {
                four_registers(r);
            }
            wide += (word_pairs(a0) + word_pairs(a1)) + (word_pairs(a2) + word_pairs(a3));
        }
        add_lanes(total, wide);
    }
    if (r < registers) {
        words last(std::int16_t(0));
        for (; r < registers; ++r) {
            last += pairs(r);
        }
        add_lanes(total, word_pairs(last));
    }
    return total;
}

template <class Arch, class T>
std::uint64_t sum_byte_registers(const T* p, std::size_t registers) {
    constexpr std::size_t W = xsimd::batch<std::uint8_t, Arch>::size;
    return worth_prefetching(registers * W) ? sum_byte_registers_with<Arch, T, true>(p, registers)
                                            : sum_byte_registers_with<Arch, T, false>(p, registers);
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
