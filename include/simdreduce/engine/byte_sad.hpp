// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_BYTE_SAD_HPP
#define SIMDREDUCE_ENGINE_BYTE_SAD_HPP

#include <cstdint>
#include <type_traits>

#include "../detail/xsimd_compat.hpp"

// x86's psadbw adds each group of 8 unsigned bytes into a 64-bit lane in one instruction,
// where the portable pair-sum ladder needs 6 to 8. Plain SSE2 uses it; from SSSE3 on,
// byte_pairs.hpp is faster. The overload matches exactly one register width, because newer
// xsimd versions derive wider tags from narrower ones.
namespace simdreduce {
namespace engine {
namespace detail {

template <class A>
inline constexpr std::size_t register_bytes = sizeof(typename xsimd::batch<std::uint8_t, A>::register_type);

template <class A, class = void>
struct has_byte_sad : std::false_type {};

#if XSIMD_WITH_SSE2
template <class A>
struct has_byte_sad<A, std::enable_if_t<std::is_base_of<xsimd::sse2, A>::value && register_bytes<A> == 16>>
    : std::true_type {};

template <class A, std::enable_if_t<register_bytes<A> == 16, int> = 0>
inline xsimd::batch<std::uint64_t, A> byte_sad(const xsimd::batch<std::uint8_t, A>& v) noexcept {
    return xsimd::batch<std::uint64_t, A>(_mm_sad_epu8(v, _mm_setzero_si128()));
}
#endif

// Declared on every target so that widening_sum's qualified call, discarded where
// has_byte_sad is false, still names something (on aarch64 none of the above exists).
// Deleted: it can never be selected.
template <class A, std::enable_if_t<!has_byte_sad<A>::value, int> = 0>
xsimd::batch<std::uint64_t, A> byte_sad(const xsimd::batch<std::uint8_t, A>&) noexcept = delete;

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
