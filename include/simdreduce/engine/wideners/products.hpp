// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_WIDENERS_PRODUCTS_HPP
#define SIMDREDUCE_ENGINE_WIDENERS_PRODUCTS_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../../detail/xsimd_compat.hpp"
#include "halves.hpp"
#include "lanes.hpp"
#include "pair_ladder.hpp"

// The exact dot of two streams of int8, uint8 or int16, in 64 bits. The core is pmaddwd: the
// products of 16-bit lanes, added in pairs into 32-bit lanes, one instruction on SSE2, AVX2
// and AVX-512BW. Bytes are first extended to 16 bits. pmaddubsw, which multiplies bytes
// directly, takes one unsigned operand and saturates its pair sums at 16 bits: 255 x 127 x 2
// = 64770 does not fit, and signed bytes through |a| and sign(b, a) lose -128 (its negation
// wraps). Extended bytes never saturate pmaddwd: a pair sum of int8 is at most 2 x 128^2 =
// 32768 in magnitude, of uint8 2 x 255^2 = 130050. The one pair pmaddwd wraps on is
// (-32768)^2 + (-32768)^2 = 2^31, so an int16 pair sum t lies in [-2^31 + 2^17, 2^31]; the
// widener keeps t - 1, which always fits 32 bits, and adds the ones back at the end. Other
// instruction sets (NEON) multiply the same 16-bit lanes in 32 bits with xsimd.
namespace simdreduce {
namespace engine {
namespace detail {

// The integers whose dot the engine folds with these primitives.
template <class T>
inline constexpr bool has_product_widener = std::is_same<T, std::int8_t>::value ||
                                            std::is_same<T, std::uint8_t>::value ||
                                            std::is_same<T, std::int16_t>::value;

// How A does pmaddwd and extends bytes: as x86 registers of this many bytes, or (0) with xsimd.
template <class A, class = void>
inline constexpr std::size_t x86_products = 0;
#if XSIMD_WITH_SSE2
template <class A>
inline constexpr std::size_t x86_products<A, std::enable_if_t<std::is_base_of<xsimd::sse2, A>::value &&
                                                               register_bytes<A> == 16>> = 16;
#endif
#if XSIMD_WITH_AVX2
template <class A>
inline constexpr std::size_t x86_products<A, std::enable_if_t<std::is_base_of<xsimd::avx2, A>::value &&
                                                               register_bytes<A> == 32>> = 32;
#endif
#if XSIMD_WITH_AVX512BW
template <class A>
inline constexpr std::size_t x86_products<A, std::enable_if_t<std::is_base_of<xsimd::avx512bw, A>::value &&
                                                               register_bytes<A> == 64>> = 64;
#endif

// SSE4.1 extends bytes with pmovsxbw (xsimd 8.1 derives avx from generic, not from sse4_2:
// 16-byte registers on an AVX target take the SSE2 form).
template <class A>
inline constexpr bool sse4_1_extends =
#if XSIMD_WITH_SSE4_1
    std::is_base_of<xsimd::sse4_1, A>::value;
#else
    false;
#endif

template <class A>
using words = xsimd::batch<std::int16_t, A>;

// The register of bytes at p, every byte sign- or zero-extended to 16 bits, in two registers.
// Which byte lands in which lane is each instruction set's own: a dot only needs both streams
// to land alike. On AVX2 and AVX-512 each half is one vpmovsxbw from memory: extending the
// halves of a loaded register took a vextracti128 more, and the AVX2 int8 dot ran at
// 0.7x the hand-written loop in L1 (Zen 3 EPYC).
template <class A>
struct word_halves {
    words<A> low, high;
};

template <class A, class T>
SIMDREDUCE_ALWAYS_INLINE word_halves<A> extended(const T* p) noexcept {
    static_assert(sizeof(T) == 1, "bytes are extended");
    constexpr bool sign = std::is_signed<T>::value;
    constexpr std::size_t x86 = x86_products<A>;
    if constexpr (x86 == 64) {
#if XSIMD_WITH_AVX512BW
        const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
        const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
        return {words<A>(sign ? _mm512_cvtepi8_epi16(low) : _mm512_cvtepu8_epi16(low)),
                words<A>(sign ? _mm512_cvtepi8_epi16(high) : _mm512_cvtepu8_epi16(high))};
#endif
    } else if constexpr (x86 == 32) {
#if XSIMD_WITH_AVX2
        const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
        return {words<A>(sign ? _mm256_cvtepi8_epi16(low) : _mm256_cvtepu8_epi16(low)),
                words<A>(sign ? _mm256_cvtepi8_epi16(high) : _mm256_cvtepu8_epi16(high))};
#endif
    } else if constexpr (x86 == 16 && sse4_1_extends<A>) {
#if XSIMD_WITH_SSE4_1
        // pmovsxbw from 8 bytes in memory: one operation a half, where SSE2 takes two.
        const __m128i low = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
        const __m128i high = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + 8));
        return {words<A>(sign ? _mm_cvtepi8_epi16(low) : _mm_cvtepu8_epi16(low)),
                words<A>(sign ? _mm_cvtepi8_epi16(high) : _mm_cvtepu8_epi16(high))};
#endif
    } else if constexpr (x86 == 16) {
#if XSIMD_WITH_SSE2
        // SSE2 has no pmovsxbw: each byte doubled into a 16-bit lane, then shifted down.
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        if constexpr (sign) {
            return {words<A>(_mm_srai_epi16(_mm_unpacklo_epi8(v, v), 8)),
                    words<A>(_mm_srai_epi16(_mm_unpackhi_epi8(v, v), 8))};
        } else {
            const __m128i zero = _mm_setzero_si128();
            return {words<A>(_mm_unpacklo_epi8(v, zero)), words<A>(_mm_unpackhi_epi8(v, zero))};
        }
#endif
    } else {
        // The even bytes of each 16-bit lane, then the odd ones.
        const auto v = xsimd::batch<T, A>::load_unaligned(p);
        if constexpr (sign) {
            const words<A> w = simdreduce::detail::bit_cast_lanes<std::int16_t>(v);
            return {(w << 8) >> 8, w >> 8};
        } else {
            using u16 = xsimd::batch<std::uint16_t, A>;
            const u16 w = simdreduce::detail::bit_cast_lanes<std::uint16_t>(v);
            return {simdreduce::detail::bit_cast_lanes<std::int16_t>(w & u16(std::uint16_t(0xff))),
                    simdreduce::detail::bit_cast_lanes<std::int16_t>(w >> 8)};
        }
    }
}

// pmaddwd: a[2j] b[2j] + a[2j+1] b[2j+1] in 32-bit lane j, modulo 2^32.
template <class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<std::int32_t, A> paired_products(const words<A>& a, const words<A>& b) noexcept {
    constexpr std::size_t x86 = x86_products<A>;
    if constexpr (x86 == 64) {
#if XSIMD_WITH_AVX512BW
        return xsimd::batch<std::int32_t, A>(_mm512_madd_epi16(a, b));
#endif
    } else if constexpr (x86 == 32) {
#if XSIMD_WITH_AVX2
        return xsimd::batch<std::int32_t, A>(_mm256_madd_epi16(a, b));
#endif
    } else if constexpr (x86 == 16) {
#if XSIMD_WITH_SSE2
        return xsimd::batch<std::int32_t, A>(_mm_madd_epi16(a, b));
#endif
    } else {
        // Each product fits 32 bits; only their sum may wrap, as pmaddwd's does. Unsigned
        // lanes, so that the wrap is defined on every path.
        using u32 = xsimd::batch<std::uint32_t, A>;
        using i32 = xsimd::batch<std::int32_t, A>;
        const i32 a32 = simdreduce::detail::bit_cast_lanes<std::int32_t>(a);
        const i32 b32 = simdreduce::detail::bit_cast_lanes<std::int32_t>(b);
        const auto low = [](const i32& x) { return simdreduce::detail::bit_cast_lanes<std::uint32_t>((x << 16) >> 16); };
        const auto high = [](const i32& x) { return simdreduce::detail::bit_cast_lanes<std::uint32_t>(x >> 16); };
        const u32 sum = low(a32) * low(b32) + high(a32) * high(b32);
        return simdreduce::detail::bit_cast_lanes<std::int32_t>(sum);
    }
}

// What one pair of elements adds, modulo 2^64: each product is exact in 64 bits.
template <class T>
SIMDREDUCE_ALWAYS_INLINE std::uint64_t one_product(T a, T b) noexcept {
    return widen_bits(a) * widen_bits(b);
}

// Bytes: the two pmaddwd of a step go into one 32-bit accumulator, which then gains at most
// 2 x 32768 = 65536 in magnitude a step for int8 (32767 steps stay below 2^31), 2 x 130050 =
// 260100 for uint8, read as unsigned (16512 steps stay below 2^32). A flush adds the
// accumulator's lanes, sign- or zero-extended, into 64 bits.
template <class Arch, class T>
struct byte_product_widener {
    static_assert(sizeof(T) == 1, "the byte product widener takes int8 or uint8");
    using element = T;
    using narrow = xsimd::batch<std::int32_t, Arch>;
    using wide = xsimd::batch<std::uint64_t, Arch>;
    static constexpr std::size_t accumulators = 4;
    static constexpr std::size_t steps_per_flush = std::is_signed<T>::value ? 32767 : 16512;
    static constexpr std::size_t flushes_per_drain = ~std::size_t(0);  // 64-bit lanes wrap as the result does
    static constexpr std::uint64_t bias = 0;
    // A filler would need to be 0 in both streams, and a stack copy of each: the head and the
    // tail go one by one.
    static constexpr bool fills_partial_registers = false;
    static constexpr bool reads_addresses = true;

    static narrow zero() noexcept { return narrow(std::int32_t(0)); }
    static wide wide_zero() noexcept { return wide(std::uint64_t(0)); }
    SIMDREDUCE_ALWAYS_INLINE static void step(narrow& acc, const T* a, const T* b) noexcept {
        const word_halves<Arch> x = extended<Arch>(a), y = extended<Arch>(b);
        acc += paired_products(x.low, y.low) + paired_products(x.high, y.high);
    }
    // Signed lanes biased by 2^31 to make them unsigned: each 64-bit lane, two of them added,
    // gains 2^32, taken out at once.
    SIMDREDUCE_ALWAYS_INLINE static void flush(wide& w, const narrow& acc) noexcept {
        using u32 = xsimd::batch<std::uint32_t, Arch>;
        const u32 lanes = simdreduce::detail::bit_cast_lanes<std::uint32_t>(detached(acc));
        if constexpr (std::is_signed<T>::value) {
            w += add_adjacent(lanes ^ u32(std::uint32_t(1) << 31)) - wide(std::uint64_t(1) << 32);
        } else {
            w += add_adjacent(lanes);
        }
    }
    static std::uint64_t drain(const wide& w) noexcept { return sum_lanes(w); }
    SIMDREDUCE_ALWAYS_INLINE static std::uint64_t one(T a, T b) noexcept { return one_product(a, b); }
};

// int16: each pmaddwd pair sum t, less one, is a 32-bit element of the halves widener, which
// sums any 32-bit elements exactly; the loop then adds the ones back, one a pair of elements.
template <class Arch>
struct word_product_widener {
    using halves = halves_widener<Arch, std::int32_t>;
    using element = std::int16_t;
    using narrow = typename halves::narrow;
    using wide = typename halves::wide;
    static constexpr std::size_t accumulators = halves::accumulators;
    static constexpr std::size_t steps_per_flush = halves::steps_per_flush;
    static constexpr std::size_t flushes_per_drain = halves::flushes_per_drain;
    static constexpr std::uint64_t bias = 0;
    static constexpr bool fills_partial_registers = false;

    static narrow zero() noexcept { return halves::zero(); }
    static wide wide_zero() noexcept { return halves::wide_zero(); }
    SIMDREDUCE_ALWAYS_INLINE static void step(narrow& acc, const words<Arch>& a, const words<Arch>& b) noexcept {
        halves::step(acc, paired_products(a, b) - xsimd::batch<std::int32_t, Arch>(1));
    }
    SIMDREDUCE_ALWAYS_INLINE static void flush(wide& w, const narrow& acc) noexcept { halves::flush(w, acc); }
    static std::uint64_t drain(const wide& w) noexcept { return halves::drain(w); }
    // The registers took whole registers, so count is even.
    static constexpr std::uint64_t correction(std::size_t count) noexcept { return std::uint64_t(count / 2); }
    SIMDREDUCE_ALWAYS_INLINE static std::uint64_t one(std::int16_t a, std::int16_t b) noexcept {
        return one_product(a, b);
    }
};

template <class Arch, class T>
using product_widener_for =
    std::conditional_t<sizeof(T) == 1, byte_product_widener<Arch, T>, word_product_widener<Arch>>;

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
