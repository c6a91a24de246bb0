// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_KERNELS_BYTE_PAIRS_HPP
#define SIMDREDUCE_KERNELS_BYTE_PAIRS_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../detail/xsimd_compat.hpp"
#include "byte_sad.hpp"

// Byte sums through pmaddubsw (adjacent bytes times 1, added into 16-bit lanes) and pmaddwd
// (adjacent 16-bit lanes into 32 bits), from SSSE3 on. psadbw (byte_sad.hpp, for SSE2)
// runs on one vector port of an Intel core, p5, where pmaddubsw runs on two, and signed
// bytes need no bias (psadbw needs an xor first). Medians of 15, interleaved, same run, on
// an AVX-512 Xeon: AVX2 int8 139 GB/s against 80 for a 4-accumulator psadbw loop at 16 KiB,
// 109 against 82 at 256 KiB; uint8 even (118 against 118, 108 against 108). AVX-512: 180
// and 176 GB/s for int8 and uint8 at 16 KiB; psadbw gave 133 and 150 in an earlier run.
namespace simdreduce {
namespace kernels {
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

// The exact sum of `registers` full registers of bytes from p, modulo 2^64.
// Bounds: a pair is at most 510 (unsigned) or 256 in magnitude (signed). Each of the four
// 16-bit accumulators takes 60 registers, and the first also up to 3 leftovers:
// 63 x 510 = 32130 <= 32767. A block of 240 registers then adds at most 2 x 4 x 32130 < 2^18
// to a 32-bit lane, so 4096 blocks stay below 2^30 before the lanes go to 64 bits.
template <class Arch, class T>
std::uint64_t sum_byte_registers(const T* p, std::size_t registers) {
    using bytes = xsimd::batch<std::uint8_t, Arch>;
    using words = xsimd::batch<std::int16_t, Arch>;
    using dwords = xsimd::batch<std::int32_t, Arch>;
    constexpr std::size_t W = bytes::size;
    constexpr std::size_t block = 4 * 60;
    constexpr std::size_t blocks_per_flush = 4096;
    // Reading T through unsigned char is allowed by the aliasing rules.
    const auto* q = reinterpret_cast<const std::uint8_t*>(p);
    const auto pairs = [q](std::size_t r) { return byte_pairs<T>(bytes::load_unaligned(q + r * W)); };
    std::uint64_t total = 0;
    std::size_t r = 0;
    while (r < registers) {
        const std::size_t flush_at = registers - r < block * blocks_per_flush ? registers : r + block * blocks_per_flush;
        dwords wide(std::int32_t(0));
        while (r < flush_at) {
            const std::size_t stop = flush_at - r < block ? flush_at : r + block;
            words a0(std::int16_t(0)), a1(std::int16_t(0)), a2(std::int16_t(0)), a3(std::int16_t(0));
            for (; r + 4 <= stop; r += 4) {
                a0 += pairs(r);
                a1 += pairs(r + 1);
                a2 += pairs(r + 2);
                a3 += pairs(r + 3);
            }
            for (; r < stop; ++r) {
                a0 += pairs(r);
            }
            wide += (word_pairs(a0) + word_pairs(a1)) + (word_pairs(a2) + word_pairs(a3));
        }
        alignas(64) std::int32_t lanes[dwords::size];
        wide.store_aligned(lanes);
        for (const std::int32_t lane : lanes) {
            total += static_cast<std::uint64_t>(static_cast<std::int64_t>(lane));
        }
    }
    return total;
}

}  // namespace detail
}  // namespace kernels
}  // namespace simdreduce

#endif
