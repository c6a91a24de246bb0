// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_WIDENERS_BYTE_SAD_HPP
#define SIMDREDUCE_ENGINE_WIDENERS_BYTE_SAD_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "lanes.hpp"

// x86's psadbw adds each group of 8 unsigned bytes into a 64-bit lane in one instruction,
// where the portable pair-sum ladder needs 6 to 8. Plain SSE2 uses it; from SSSE3 on,
// byte_pairs.hpp is faster. The overload matches exactly one register width, because newer
// xsimd versions derive wider tags from narrower ones.
namespace simdreduce {
namespace engine {
namespace detail {

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

// Declared on every target so that the widener below, named but never used where
// has_byte_sad is false, still names something (on aarch64 none of the above exists).
// Deleted: it can never be selected.
template <class A, std::enable_if_t<!has_byte_sad<A>::value, int> = 0>
xsimd::batch<std::uint64_t, A> byte_sad(const xsimd::batch<std::uint8_t, A>&) noexcept = delete;

// Bytes straight into 64-bit lanes: no narrow stage, so nothing ever needs a flush. psadbw
// takes unsigned bytes; signed ones are biased by 128 (x ^ 0x80), which the loop takes out.
template <class Arch, class T>
struct byte_sad_widener {
    using element = std::uint8_t;
    using narrow = xsimd::batch<std::uint64_t, Arch>;
    using wide = narrow;
    // 4 rather than 2: on a Zen 5 EPYC the SSE2 sums of 16 KiB read 100 (uint8) and 82 (int8)
    // GB/s against 65 and 62.
    static constexpr std::size_t accumulators = 4;
    static constexpr std::size_t steps_per_flush = ~std::size_t(0);
    static constexpr std::size_t flushes_per_drain = ~std::size_t(0);
    static constexpr std::uint64_t bias = std::is_signed<T>::value ? 0x80 : 0;

    static narrow zero() noexcept { return narrow(std::uint64_t(0)); }
    static wide wide_zero() noexcept { return zero(); }
    SIMDREDUCE_ALWAYS_INLINE static void step(narrow& acc, const xsimd::batch<element, Arch>& x) noexcept {
        if constexpr (bias != 0) {
            acc += byte_sad(x ^ xsimd::batch<element, Arch>(std::uint8_t(bias)));
        } else {
            acc += byte_sad(x);
        }
    }
    SIMDREDUCE_ALWAYS_INLINE static void flush(wide& w, const narrow& acc) noexcept { w += detached(acc); }
    static std::uint64_t drain(const wide& w) noexcept { return sum_lanes(w); }
};

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
