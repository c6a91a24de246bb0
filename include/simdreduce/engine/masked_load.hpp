// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_MASKED_LOAD_HPP
#define SIMDREDUCE_ENGINE_MASKED_LOAD_HPP

// A partial register read with the CPU's masked load, where it has one: AVX2 for 32- and
// 64-bit lanes (vmaskmov, vpmaskmov), AVX-512 for every lane. A lane outside the mask is not
// read at all: it raises no fault and touches no memory (Intel SDM, VMASKMOV and AVX-512
// masking), so the register may start before the input or end past it. GCC 12 turns the
// engine's element-by-element stack copy into these instructions at -O3 but not at -O2,
// where the AVX-512 float sum of 16 KiB on 16 mod 64 data, which reads a partial head and a
// partial straddling register a call, ran at 0.70x of -O3 (Zen 5 EPYC).
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../detail/config.hpp"
#include "../detail/xsimd_compat.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

template <class A, class Lane>
inline constexpr std::size_t lane_register_bytes = sizeof(typename xsimd::batch<Lane, A>::register_type);

template <class A, class Lane, class = void>
struct has_masked_load : std::false_type {};

#if XSIMD_WITH_AVX2
template <class A, class Lane>
struct has_masked_load<A, Lane,
                       std::enable_if_t<std::is_base_of<xsimd::avx2, A>::value && lane_register_bytes<A, Lane> == 32 &&
                                        (sizeof(Lane) == 4 || sizeof(Lane) == 8)>> : std::true_type {};
#endif
#if XSIMD_WITH_AVX512F
template <class A, class Lane>
struct has_masked_load<A, Lane,
                       std::enable_if_t<std::is_base_of<xsimd::avx512f, A>::value && lane_register_bytes<A, Lane> == 64 &&
                                        (sizeof(Lane) >= 4 || XSIMD_WITH_AVX512BW)>> : std::true_type {};
#endif

// The lanes of `keep` from the register at `base`, `fill` elsewhere; only where
// has_masked_load. Declared on every target, so that a discarded call still names something;
// defined where the loads exist.
template <class A, class Lane>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<Lane, A> masked_load(const Lane* base, const xsimd::batch_bool<Lane, A>& keep,
                                                          Lane fill) noexcept;

#if XSIMD_WITH_AVX2 || XSIMD_WITH_AVX512F
template <class A, class Lane>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<Lane, A> masked_load(const Lane* base, const xsimd::batch_bool<Lane, A>& keep,
                                                          Lane fill) noexcept {
    using batch = xsimd::batch<Lane, A>;
    const typename batch::register_type filled = batch(fill);
    const auto k = static_cast<typename xsimd::batch_bool<Lane, A>::register_type>(keep);
    if constexpr (lane_register_bytes<A, Lane> == 32) {
#if XSIMD_WITH_AVX2
        if constexpr (std::is_same<Lane, float>::value) {
            return _mm256_blendv_ps(filled, _mm256_maskload_ps(base, _mm256_castps_si256(k)), k);
        } else if constexpr (std::is_same<Lane, double>::value) {
            return _mm256_blendv_pd(filled, _mm256_maskload_pd(base, _mm256_castpd_si256(k)), k);
        } else if constexpr (sizeof(Lane) == 4) {
            return _mm256_blendv_epi8(filled, _mm256_maskload_epi32(reinterpret_cast<const int*>(base), k), k);
        } else {
            return _mm256_blendv_epi8(filled, _mm256_maskload_epi64(reinterpret_cast<const long long*>(base), k), k);
        }
#endif
    } else {
#if XSIMD_WITH_AVX512F
        if constexpr (std::is_same<Lane, float>::value) {
            return _mm512_mask_loadu_ps(filled, k, base);
        } else if constexpr (std::is_same<Lane, double>::value) {
            return _mm512_mask_loadu_pd(filled, k, base);
        } else if constexpr (sizeof(Lane) == 4) {
            return _mm512_mask_loadu_epi32(filled, k, base);
        } else if constexpr (sizeof(Lane) == 8) {
            return _mm512_mask_loadu_epi64(filled, k, base);
#if XSIMD_WITH_AVX512BW
        } else if constexpr (sizeof(Lane) == 2) {
            return _mm512_mask_loadu_epi16(filled, k, base);
        } else {
            return _mm512_mask_loadu_epi8(filled, k, base);
#endif
        }
#endif
    }
}
#endif

// AVX2 has no masked load of bytes or 16-bit lanes, but vpmaskmovd reads whole dwords
// without touching the others: lanes [from, to) of such a register, from and to multiples of
// the 4 / sizeof(Lane) lanes of a dword, come in one load, where one by one they would be up to
// 31 dependent scalar adds. At 16 mod 64 the AVX2 uint8 sum of 16 KiB, with a 16-byte head
// and a 16-byte tail, ran at 0.94x its aligned speed with those adds (Zen 5 EPYC).
template <class A, class Lane, class = void>
struct has_dword_masked_load : std::false_type {};

#if XSIMD_WITH_AVX2
template <class A, class Lane>
struct has_dword_masked_load<A, Lane,
                             std::enable_if_t<std::is_base_of<xsimd::avx2, A>::value &&
                                              lane_register_bytes<A, Lane> == 32 && sizeof(Lane) < 4>>
    : std::true_type {};
#endif

// Lanes [from, to) of the register at `base`, `fill` elsewhere; only where
// has_dword_masked_load, from and to on dword boundaries. Declared everywhere, like
// masked_load.
template <class A, class Lane>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<Lane, A> masked_load_dwords(const Lane* base, std::size_t from, std::size_t to,
                                                                 Lane fill) noexcept;

#if XSIMD_WITH_AVX2
template <class A, class Lane>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<Lane, A> masked_load_dwords(const Lane* base, std::size_t from, std::size_t to,
                                                                 Lane fill) noexcept {
    constexpr std::size_t per_dword = 4 / sizeof(Lane);
    const __m256i dword = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    const __m256i below_to = _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(to / per_dword)), dword);
    const __m256i below_from = _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(from / per_dword)), dword);
    const __m256i keep = _mm256_andnot_si256(below_from, below_to);
    const __m256i filled = xsimd::batch<Lane, A>(fill);
    const __m256i loaded = _mm256_maskload_epi32(reinterpret_cast<const int*>(base), keep);
    return xsimd::batch<Lane, A>(_mm256_blendv_epi8(filled, loaded, keep));
}
#endif

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
