// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_PREFETCH_HPP
#define SIMDREDUCE_ENGINE_PREFETCH_HPP

#include <cstddef>
#include <utility>

#include "../detail/config.hpp"

// Software prefetch for the loops that spend several vector operations on each register: the
// widening integer sums (two to five, engine/widening.hpp) and the filtered sum (five). A
// reducer says so with prefetch_pays (reducers/protocol.hpp); registers.hpp, prefetch_until,
// decides for every loop where prefetching stops. With that much work per byte the hardware
// prefetchers fall behind from L2 outward. Every 64-byte line is prefetched
// 2 KiB ahead. On an AVX-512 Xeon (Sapphire Rapids class), GCC 12, AVX2 path, medians of 5
// interleaved runs against a 140 GB/s read ceiling at 256 KiB and 14.1 GB/s at 256 MiB:
//   int8 at 256 KiB   102 -> 117 GB/s      int32 at 256 KiB   65 -> 102 GB/s
//   uint8 at 256 KiB  100 -> 119 GB/s      int32 at 256 MiB   9.9 -> 14.1 GB/s
// 256 bytes ahead gained little and 8 KiB lost at 256 MiB (int32 10.8 GB/s); 1 to 2 KiB
// were the same. The plain float sum, one add a register, is at the ceiling without it and
// does not prefetch.
//
// Arrays below prefetch_min_bytes are left alone: a prefetch takes a load slot, an array that
// small is usually still in L1 (32 KiB is the smallest L1 data cache of the x86 cores
// simdreduce targets), and there the int8 loop lost 7% to it. Prefetching stops
// prefetch_ahead_bytes before the end, so no prefetch touches memory outside the array. Only
// x86 prefetches: these distances were measured there, and on no ARM core.
namespace simdreduce {
namespace engine {
namespace detail {

inline constexpr std::size_t prefetch_ahead_bytes = 2048;
inline constexpr std::size_t prefetch_min_bytes = 32 * 1024;
inline constexpr std::size_t cache_line_bytes = 64;

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
inline constexpr bool prefetch_enabled = true;
#else
inline constexpr bool prefetch_enabled = false;
#endif
static_assert(prefetch_min_bytes > prefetch_ahead_bytes, "an array worth prefetching outlasts the lookahead");

// The kernels take Prefetch as a template parameter and are instantiated twice, rather than
// testing it in the loop: with both loops in one function, the loop without prefetches ran 24%
// slower at 16 KiB (GCC 12, AVX2 int8), although its own code had not changed.
SIMDREDUCE_ALWAYS_INLINE bool worth_prefetching(std::size_t bytes) noexcept {
    return prefetch_enabled && bytes >= prefetch_min_bytes;
}

// Where the prefetching loop stops in an array of `count` steps of `step_bytes` each: the
// last steps' lookahead would fall past its end.
SIMDREDUCE_ALWAYS_INLINE std::size_t prefetch_stop(std::size_t count, std::size_t step_bytes) noexcept {
    const std::size_t ahead = (prefetch_ahead_bytes + step_bytes - 1) / step_bytes;
    return count > ahead ? count - ahead : 0;
}

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
// A fold over the builtin, not a lambda through detail::unroll: GCC 12 drops
// __builtin_prefetch from a lambda inlined into an always_inline caller.
template <std::size_t... Line>
SIMDREDUCE_ALWAYS_INLINE void prefetch_lines(const char* first, std::index_sequence<Line...>) noexcept {
    (__builtin_prefetch(first + Line * cache_line_bytes, 0, 3), ...);
}
#endif

// Prefetches the cache lines that hold the `Bytes` bytes from p + prefetch_ahead_bytes on,
// one instruction a line (at least one).
template <std::size_t Bytes>
SIMDREDUCE_ALWAYS_INLINE void prefetch_ahead(const void* p) noexcept {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    prefetch_lines(static_cast<const char*>(p) + prefetch_ahead_bytes,
                   std::make_index_sequence<(Bytes + cache_line_bytes - 1) / cache_line_bytes>{});
#else
    static_cast<void>(p);
#endif
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
