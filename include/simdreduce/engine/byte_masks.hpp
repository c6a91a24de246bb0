// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_BYTE_MASKS_HPP
#define SIMDREDUCE_ENGINE_BYTE_MASKS_HPP

// A stream of bytes read as a mask (sum_where's bool or uint8_t mask): one register's worth of
// bytes becomes the register's mask of the lanes whose byte is nonzero. Each byte is
// zero-extended to its lane and compared once: a widening load and a compare where the ISA
// has them (SSE4.1's pmovzx, AVX2, AVX-512F's vptestm into a k register, NEON's vmovl and
// vtst), unpacks with zero on SSE2. xsimd has no such conversion before 14.0, and its
// converting loads go through an arch-independent std::copy (loads.hpp). Exactly `width`
// bytes are read, never more: the mask's last register may end right before an unmapped page.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "../arch.hpp"
#include "../detail/config.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

#if XSIMD_WITH_SSE2
// Bytes [0, Count) of p in the low bytes of a register, the others zero.
template <std::size_t Count>
SIMDREDUCE_ALWAYS_INLINE __m128i low_bytes(const std::uint8_t* p) {
    if constexpr (Count == 16) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    } else if constexpr (Count == 8) {
        return _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
    } else {
        static_assert(Count == 4 || Count == 2, "simdreduce: a mask register of 2, 4, 8 or 16 bytes");
        std::conditional_t<Count == 4, std::uint32_t, std::uint16_t> bits;
        std::memcpy(&bits, p, Count);
        return _mm_cvtsi32_si128(static_cast<int>(bits));
    }
}

// An integer register of lane masks as the mask register of Lane's batch_bool.
template <class Lane>
SIMDREDUCE_ALWAYS_INLINE auto as_mask_register(__m128i m) {
    if constexpr (std::is_same<Lane, float>::value) {
        return _mm_castsi128_ps(m);
    } else if constexpr (std::is_same<Lane, double>::value) {
        return _mm_castsi128_pd(m);
    } else {
        return m;
    }
}
#if XSIMD_WITH_AVX2
template <class Lane>
SIMDREDUCE_ALWAYS_INLINE auto as_mask_register(__m256i m) {
    if constexpr (std::is_same<Lane, float>::value) {
        return _mm256_castsi256_ps(m);
    } else if constexpr (std::is_same<Lane, double>::value) {
        return _mm256_castsi256_pd(m);
    } else {
        return m;
    }
}
#endif
#endif

// The lanes of a register of Lane on Arch whose byte of p[0, width) is nonzero.
template <class Arch, class Lane>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch_bool<Lane, Arch> nonzero_bytes(const std::uint8_t* p) {
    using mask = xsimd::batch_bool<Lane, Arch>;
    using reg [[maybe_unused]] = typename mask::register_type;  // unused off x86
    constexpr std::size_t width = xsimd::batch<Lane, Arch>::size;
    [[maybe_unused]] constexpr bool wide_lanes = sizeof(Lane) == 4 || sizeof(Lane) == 8;
#if XSIMD_WITH_AVX512F
    if constexpr (wide_lanes && std::is_integral<reg>::value && width * sizeof(Lane) == 64) {
        if constexpr (sizeof(Lane) == 4) {
            const __m512i x = _mm512_cvtepu8_epi32(low_bytes<16>(p));
            return mask(static_cast<reg>(_mm512_test_epi32_mask(x, x)));
        } else {
            const __m512i x = _mm512_cvtepu8_epi64(low_bytes<8>(p));
            return mask(static_cast<reg>(_mm512_test_epi64_mask(x, x)));
        }
    }
#endif
#if XSIMD_WITH_AVX2
    if constexpr (wide_lanes && sizeof(reg) == 32 && std::is_base_of<xsimd::avx2, Arch>::value) {
        // Bytes are 0..255 once zero-extended: "greater than zero" is "nonzero", with no
        // inversion of an equality mask.
        const __m256i zero = _mm256_setzero_si256();
        if constexpr (sizeof(Lane) == 4) {
            return mask(as_mask_register<Lane>(_mm256_cmpgt_epi32(_mm256_cvtepu8_epi32(low_bytes<8>(p)), zero)));
        } else {
            return mask(as_mask_register<Lane>(_mm256_cmpgt_epi64(_mm256_cvtepu8_epi64(low_bytes<4>(p)), zero)));
        }
    }
#endif
#if XSIMD_WITH_SSE2
    if constexpr (wide_lanes && sizeof(reg) == 16 && std::is_base_of<xsimd::sse2, Arch>::value) {
        const __m128i zero = _mm_setzero_si128();
        __m128i words;  // the bytes zero-extended to 32 bits each
#if XSIMD_WITH_SSE4_1
        if constexpr (std::is_base_of<xsimd::sse4_1, Arch>::value) {
            words = _mm_cvtepu8_epi32(low_bytes<width>(p));
        } else
#endif
        {
            words = _mm_unpacklo_epi16(_mm_unpacklo_epi8(low_bytes<width>(p), zero), zero);
        }
        const __m128i nonzero = _mm_cmpgt_epi32(words, zero);
        if constexpr (sizeof(Lane) == 4) {
            return mask(as_mask_register<Lane>(nonzero));
        } else {
            return mask(as_mask_register<Lane>(_mm_unpacklo_epi32(nonzero, nonzero)));  // 2 lanes of 64
        }
    }
#endif
#if XSIMD_WITH_NEON64
    if constexpr (wide_lanes && std::is_base_of<xsimd::neon64, Arch>::value) {
        std::conditional_t<width == 4, std::uint32_t, std::uint16_t> bits;
        std::memcpy(&bits, p, width);
        const uint32x4_t words = vmovl_u16(vget_low_u16(vmovl_u8(vcreate_u8(bits))));
        if constexpr (sizeof(Lane) == 4) {
            return mask(vtstq_u32(words, words));
        } else {
            const uint64x2_t longs = vmovl_u32(vget_low_u32(words));
            return mask(vtstq_u64(longs, longs));
        }
    }
#endif
    // Any other register: through lanes of 0 and 1 (not reached by the built-in paths).
    using batch = xsimd::batch<Lane, Arch>;
    alignas(64) Lane flags[width];
    for (std::size_t j = 0; j < width; ++j) flags[j] = p[j] != 0 ? Lane(1) : Lane(0);
    return batch::load_aligned(flags) != batch(Lane(0));
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
