// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_DETAIL_XSIMD_COMPAT_HPP
#define SIMDREDUCE_DETAIL_XSIMD_COMPAT_HPP

// The few xsimd spellings that changed between 8.1 (Debian 12) and 14.x.
// Everything else simdreduce uses is common to all supported versions:
// batch member load_unaligned/store_aligned, select, comparisons, shifts, and/xor.
#include <array>
#include <cstddef>
#include <type_traits>

#include <xsimd/xsimd.hpp>

#if XSIMD_VERSION_MAJOR < 8
#error "simdreduce needs xsimd 8.1 or newer"
#endif

namespace simdreduce {
namespace detail {

// Reinterprets the bits of a batch as lanes of another type (no conversion).
// 8.x-10.x take the target batch type, 11.0+ take the target element type.
template <class To, class From, class A>
inline xsimd::batch<To, A> bit_cast_lanes(const xsimd::batch<From, A>& v) noexcept {
#if XSIMD_VERSION_MAJOR < 11
    return xsimd::bitwise_cast<xsimd::batch<To, A>>(v);
#else
    return xsimd::bitwise_cast<To>(v);
#endif
}

// xsimd::select(keep, a, b). xsimd 8.1's AVX-512BW select of integers does not compile with
// GCC 12 (a switch on the lane size casts every lane type to every register type), so on
// 64-byte integer registers this is the mask blend itself.
template <class T, class A>
inline xsimd::batch<T, A> blend(const xsimd::batch_bool<T, A>& keep, const xsimd::batch<T, A>& a,
                                const xsimd::batch<T, A>& b) noexcept {
#if XSIMD_WITH_AVX512BW
    if constexpr (std::is_integral<T>::value && sizeof(typename xsimd::batch<T, A>::register_type) == 64) {
        const auto k = static_cast<typename xsimd::batch_bool<T, A>::register_type>(keep);
        const auto va = static_cast<typename xsimd::batch<T, A>::register_type>(a);
        const auto vb = static_cast<typename xsimd::batch<T, A>::register_type>(b);
        if constexpr (sizeof(T) == 1) return _mm512_mask_blend_epi8(k, vb, va);
        else if constexpr (sizeof(T) == 2) return _mm512_mask_blend_epi16(k, vb, va);
        else if constexpr (sizeof(T) == 4) return _mm512_mask_blend_epi32(k, vb, va);
        else return _mm512_mask_blend_epi64(k, vb, va);
    } else
#endif
    {
        return xsimd::select(keep, a, b);
    }
}

// The scalar path's blend: one lane, one bool.
template <class T>
inline T blend(bool keep, const T& a, const T& b) noexcept {
    return keep ? a : b;
}

// A state of C parts (a compensated sum's total and error), blended part by part.
template <class M, class V, std::size_t C>
inline std::array<V, C> blend_parts(const M& keep, const std::array<V, C>& a, const std::array<V, C>& b) noexcept {
    std::array<V, C> kept = b;
    for (std::size_t k = 0; k < C; ++k) kept[k] = blend(keep, a[k], b[k]);
    return kept;
}

// xsimd 8.x calls the missing-ISA fallback `unavailable`, later ones have no default at all
// when no SIMD flag is on; simdreduce maps both to its scalar path.
template <class Arch>
struct is_xsimd_arch : std::integral_constant<bool, Arch::supported()> {};

}  // namespace detail
}  // namespace simdreduce

#endif
