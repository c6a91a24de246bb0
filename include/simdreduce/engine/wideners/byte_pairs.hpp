// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_WIDENERS_BYTE_PAIRS_HPP
#define SIMDREDUCE_ENGINE_WIDENERS_BYTE_PAIRS_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "lanes.hpp"

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

// Never selected; declared so that the widener below, named but never used where
// has_byte_pairs is false, still names something.
template <class T, class A, std::enable_if_t<!has_byte_pairs<A>::value, int> = 0>
xsimd::batch<std::int16_t, A> byte_pairs(const xsimd::batch<std::uint8_t, A>&) noexcept = delete;
template <class A, std::enable_if_t<!has_byte_pairs<A>::value, int> = 0>
xsimd::batch<std::int32_t, A> word_pairs(const xsimd::batch<std::int16_t, A>&) noexcept = delete;

// Bytes into 16-bit pair sums, flushed into 32-bit lanes, drained into 64 bits. Bounds: a
// pair is at most 510 (unsigned) or 256 in magnitude (signed), so a 16-bit accumulator takes
// 60 registers (60 x 510 = 30600 <= 32767). A flush adds at most 2 x 30600 to a 32-bit lane,
// so 2^14 flushes stay below 2^30.
template <class Arch, class T>
struct byte_pair_widener {
    using element = std::uint8_t;
    using narrow = xsimd::batch<std::int16_t, Arch>;
    using wide = xsimd::batch<std::int32_t, Arch>;
    static constexpr std::size_t accumulators = 4;
    static constexpr std::size_t steps_per_flush = 60;
    static constexpr std::size_t flushes_per_drain = std::size_t(1) << 14;
    static constexpr std::uint64_t bias = 0;  // pmaddubsw takes signed bytes as they are

    static narrow zero() noexcept { return narrow(std::int16_t(0)); }
    static wide wide_zero() noexcept { return wide(std::int32_t(0)); }
    SIMDREDUCE_ALWAYS_INLINE static void step(narrow& acc, const xsimd::batch<element, Arch>& x) noexcept {
        acc += byte_pairs<T>(x);
    }
    SIMDREDUCE_ALWAYS_INLINE static void flush(wide& w, const narrow& acc) noexcept {
        w += word_pairs(detached(acc));
    }
    static std::uint64_t drain(const wide& w) noexcept { return sum_lanes(w); }
};

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
