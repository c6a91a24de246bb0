// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_DETAIL_XSIMD_COMPAT_HPP
#define SIMDREDUCE_DETAIL_XSIMD_COMPAT_HPP

// The few xsimd spellings that changed between 8.1 (Debian 12) and 14.x.
// Everything else simdreduce uses is common to all supported versions:
// batch member load_unaligned/store_aligned, select, comparisons, shifts, and/xor.
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

// xsimd 8.x calls the missing-ISA fallback `unavailable`, later ones have no default at all
// when no SIMD flag is on; simdreduce maps both to its scalar path.
template <class Arch>
struct is_xsimd_arch : std::integral_constant<bool, Arch::supported()> {};

}  // namespace detail
}  // namespace simdreduce

#endif
