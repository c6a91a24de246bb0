// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_LOCATE_HPP
#define SIMDREDUCE_ENGINE_LOCATE_HPP

// The loop of a locating reducer (argmin, argmax: reducers/arg_extremum.hpp). The input is cut
// into chunks of 16 KiB. Each chunk's extreme value comes from the value reducer's own loop
// (min or max, at its speed); only where it beats every earlier chunk's is the chunk searched
// for the value's first position, while the chunk is still in L1. On data in random order a
// chunk beats its predecessors about ln(chunks) times in all, so the search costs nothing
// beside the one pass; on data in falling order every chunk is searched, from L1. The first
// chunk holding a value that nothing beats (rank 0: a NaN under propagate) ends the loop.
#include <cstddef>
#include <cstdint>

#include "../arch.hpp"
#include "../detail/config.hpp"
#include "../detail/xsimd_compat.hpp"
#include "../reducers/protocol.hpp"
#include "loads.hpp"

namespace simdreduce {
namespace engine {

template <class Arch, class R, class In>
typename R::result_type run(const R& r, const In& in, std::size_t n);  // fold.hpp

namespace detail {

// 16 KiB: half of Zen 3's L1d, a third of the Sapphire Rapids-class Xeon's (48 KiB), so a
// searched chunk is read again from L1. Each chunk costs one call of the value reducer (its
// head and its finish); with it the AVX2 int32 argmin of 16 KiB ran at 82% of the read
// ceiling on that Xeon (README). Other sizes are not measured yet.
inline constexpr std::size_t locate_chunk_bytes = 16384;

// The position of the first element of [p, p + n) that R matches to m, or n.
template <class Arch, class R, class T>
std::size_t find_first(const T* p, std::size_t n, T m) {
    std::size_t i = 0;
    if constexpr (!simdreduce::detail::is_scalar_arch<Arch>) {
        using B = xsimd::batch<T, Arch>;
        constexpr std::size_t w = B::size;
        for (; i + 4 * w <= n; i += 4 * w) {  // four registers a test: the search runs at L1 speed
            const auto hit = (R::matches(B::load_unaligned(p + i), m) | R::matches(B::load_unaligned(p + i + w), m)) |
                             (R::matches(B::load_unaligned(p + i + 2 * w), m) |
                              R::matches(B::load_unaligned(p + i + 3 * w), m));
            if (xsimd::any(hit)) break;
        }
        for (; i + w <= n; i += w) {
            if (xsimd::any(R::matches(B::load_unaligned(p + i), m))) break;
        }
    }
    for (; i < n; ++i) {
        if (R::matches(p[i], m)) return i;
    }
    return n;
}

// The best (rank, index) of the n elements from in.first, their indices counted from first.
template <class Arch, class R, class In>
reducers::lane_state<R> locate(const R& r, const In& in, std::size_t n, std::size_t first) {
    using T = typename R::located_type;
    constexpr std::size_t chunk = locate_chunk_bytes / sizeof(T);
    auto best = r.identity();
    for (std::size_t begin = 0; begin < n; begin += chunk) {
        const std::size_t size = n - begin < chunk ? n - begin : chunk;
        const T* p = in.first + begin;
        const T m = engine::run<Arch>(typename R::value_reducer{}, input<T>{p}, size);
        if (!R::ranked(m)) continue;
        const std::uint64_t rank = R::rank_of(m);
        if (rank < best[R::rank] || best[R::index] == R::none) {
            best = {rank, first + begin + find_first<Arch, R>(p, size, m)};
            if (rank == 0) break;  // nothing beats it, and ties go to the first
        }
    }
    return best;
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
