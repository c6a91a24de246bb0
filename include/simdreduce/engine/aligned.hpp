// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_ALIGNED_HPP
#define SIMDREDUCE_ENGINE_ALIGNED_HPP

// Aligned loads without changing the order. A load that straddles two cache lines costs
// about two: on Zen 3 the AVX2 float sum of 16 KiB read 200 GB/s from a 64-byte boundary and
// 107 GB/s from malloc's 16 mod 64. Element i still goes to lane i % L wherever the data
// starts, so when the first register boundary is at element h (0 < h < W), the loop loads
// registers from there and register k holds lanes (h + kW) mod L ... (h + kW + W - 1) mod L:
// the same rotation in every group and every block.
// - The h elements before the boundary are lanes 0 .. h-1, the last h positions of register
//   K-1: a stack copy, like the tail.
// - A block of B elements (B a multiple of W) then ends d = W - h elements into a register:
//   that one load is split with masks, its first d lanes to this block, the rest to the next.
// - The halving tree pairs lane j with lane j + m/2. In registers rotated by h each such pair
//   still meets in one add, at every level down to the last lane, only perhaps in the other
//   order, which addition does not mind: the tree needs no un-rotation at all. (A reducer
//   whose merge is not commutative would have to opt out.)
// Only single-stream folds whose elements are already lanes take this path: a converting
// load goes through a stack copy anyway, and two streams need not share an alignment.
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "registers.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

template <class Arch, class R, class In>
inline constexpr bool rotates =
    !simdreduce::detail::is_scalar_arch<Arch> && !two_streams<In> &&
    std::is_same<std::remove_cv_t<std::remove_pointer_t<decltype(In::first)>>, typename R::lane_type>::value;

// The elements before the first register-aligned element of the input, or 0 when the loads
// are aligned already or the rotation does not apply.
template <class Arch, class R, class In>
SIMDREDUCE_ALWAYS_INLINE std::size_t misaligned_head(const In& in) {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(in.first)>>;
    if constexpr (!rotates<Arch, R, In>) {
        return 0;
    } else {
        constexpr std::size_t bytes = layout<Arch, R>::width * sizeof(T);
        const auto address = reinterpret_cast<std::uintptr_t>(in.first);
        if (address % sizeof(T) != 0) return 0;  // not even element-aligned: plain loads
        return (bytes - address % bytes) % bytes / sizeof(T);
    }
}

// x where mask is set, the identity elsewhere: masked_step may assume the lanes it must not
// count hold the identity.
template <class P, class R>
SIMDREDUCE_ALWAYS_INLINE typename P::type keep(const R& r, const typename P::mask& mask, const typename P::type& x) {
    return xsimd::select(mask, x, typename P::type(reducers::filler_of(r)));
}

// A whole block's elements from `start` = its first element + h: B/L - 1 groups, then the
// first K - 1 registers of the last one. Its last d elements are in the straddling load.
template <class Arch, class R, bool Prefetch, class In>
SIMDREDUCE_ALWAYS_INLINE void fold_block_rotated(state_registers<Arch, R>& acc, const R& r, const In& in,
                                                 std::size_t start, std::size_t fetch_until) {
    using L = layout<Arch, R>;
    for (std::size_t i = start; i < start + L::block - L::lanes; i += L::lanes) {
        if constexpr (Prefetch) {
            if (i + L::lanes <= fetch_until) prefetch_at<L::lanes>(in, i);
        }
        fold_group<Arch>(acc, r, in, i);
    }
    const std::size_t last = start + L::block - L::lanes;
    fold_rest<Arch>(acc, r, in, last, last + L::lanes - L::width);
}

// Block 0's first h elements: lanes 0 .. h-1, the last h positions of register K - 1.
template <class Arch, class R, class In>
SIMDREDUCE_ALWAYS_INLINE void fold_head(state_registers<Arch, R>& acc, const R& r, const In& in, std::size_t h) {
    using L = layout<Arch, R>;
    using P = typename L::pack;
    constexpr std::size_t W = L::width, K = L::registers;
    acc[K - 1] = r.masked_step(acc[K - 1], P::lanes_between(W - h, W), P::load_part(in.first, W - h, h, reducers::filler_of(r)));
}

// More than one block, rotated by h, 0 <= h < W (with h == 0 the split register is simply the
// block's last). Out of line, like fold_blocks, and with its own registers: a reference to the
// caller's would keep them in memory for the whole loop.
template <class Arch, class R, bool Prefetch, class In>
#if defined(__GNUC__)
__attribute__((noinline))
#endif
typename R::result_type fold_blocks_rotated(const R& r, const In& in, std::size_t n, std::size_t h,
                                            std::size_t fetch_until) {
    using L = layout<Arch, R>;
    using P = typename L::pack;
    constexpr std::size_t W = L::width, K = L::registers;
    const std::size_t d = W - h;
    const auto before_boundary = P::lanes_between(0, d), after_boundary = P::lanes_between(d, W);
    alignas(64) typename L::lane_state stack[L::max_depth][L::lanes];
    state_registers<Arch, R> acc;
    reset<Arch>(acc, r);
    if (h != 0) fold_head<Arch>(acc, r, in, h);
    typename L::batch straddler(reducers::filler_of(r));
    std::size_t depth = 0, b = 0, begin = 0;
    for (; n - begin > L::block; ++b, begin += L::block) {
        if (b > 0 && h != 0) {
            acc[K - 1] = r.masked_step(acc[K - 1], after_boundary, keep<P>(r, after_boundary, straddler));
        }
        fold_block_rotated<Arch, R, Prefetch>(acc, r, in, begin + h, fetch_until);
        const std::size_t s = begin + L::block - d;  // the straddling register's first element
        straddler = s + W <= n ? P::load(in.first + s) : P::load_first(in.first + s, n - s, reducers::filler_of(r));
        acc[K - 1] = r.masked_step(acc[K - 1], before_boundary, keep<P>(r, before_boundary, straddler));
        for (std::size_t carry = b; carry & 1; carry >>= 1) {
            merge_left<Arch, R>(acc, stack[--depth]);
        }
        store<Arch, R>(acc, stack[depth++]);
        reset<Arch>(acc, r);
    }
    // The last block: its first min(h, n - begin) elements are in the straddling register.
    if (h != 0) {
        const std::size_t head = n - begin < h ? n - begin : h;
        const auto first_lanes = P::lanes_between(d, d + head);
        acc[K - 1] = r.masked_step(acc[K - 1], first_lanes, keep<P>(r, first_lanes, straddler));
    }
    if (n - begin > h) fold_span<Arch, R, Prefetch>(acc, r, in, begin + h, n, fetch_until);
    while (depth > 0) {
        merge_left<Arch, R>(acc, stack[--depth]);
    }
    return finish<Arch>(r, acc, n);
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
