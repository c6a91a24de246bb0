// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_FOLD_HPP
#define SIMDREDUCE_ENGINE_FOLD_HPP

// The one loop every reducer runs in. It fixes the association order (ARCHITECTURE.md):
// 1. [0, n) is cut into blocks of B = reducers::block_elements<R> elements, the last one
//    possibly partial;
// 2. each block is folded into L = reducers::lanes<R> logical lanes, element i of the block
//    into lane i % L, each lane in index order, starting from the identity;
// 3. block states are merged lane by lane by the block tree (block_tree.hpp);
// 4. the L lanes are finished by the halving tree.
// The registers hold the L lanes whatever their width (SSE2 and NEON 16 registers of floats,
// AVX2 8, AVX-512 4, the scalar path 64 values), so every path gives the same bits. Exact
// reducers (integer arithmetic) skip the block tree: no order can change their result.
#include <cstddef>
#include <type_traits>

#include "../detail/config.hpp"
#include "../reducers/protocol.hpp"
#include "../reducers/widening_sum.hpp"
#include "block_tree.hpp"
#include "loads.hpp"
#include "prefetch.hpp"
#include "widening_sum.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

template <class Arch, class R>
struct layout {
    using lane_type = typename R::lane_type;
    using pack = detail::pack<Arch, lane_type>;
    using batch = typename pack::type;
    static constexpr std::size_t lanes = reducers::lanes<R>;
    static constexpr std::size_t width = pack::width;
    static constexpr std::size_t registers = lanes / width;
    static_assert(registers * width == lanes, "the register width must divide the 256-byte state");
    static_assert(R::exact || reducers::block_elements<R> >= (std::size_t(1) << 12), "max_depth assumes B >= 2^12");
    // Exact reducers need no blocks: one block is the whole input.
    static constexpr std::size_t block = R::exact ? ~std::size_t(0) : reducers::block_elements<R>;
    // The deepest stack one pass can build: one node per bit of the block count, which is
    // below 2^64 / B.
    static constexpr std::size_t max_depth = 64 - 12 + 1;
};

template <class Arch, class R>
using state_registers = typename layout<Arch, R>::batch[layout<Arch, R>::registers];

template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE void reset(state_registers<Arch, R>& acc, const R& r) {
    using L = layout<Arch, R>;
    const typename L::batch identity(r.identity());
    simdreduce::detail::unroll<L::registers>([&](auto k) { acc[k] = identity; });
}

// acc = merge(lanes in memory, acc): the left state is the stored one.
template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE void merge_left(state_registers<Arch, R>& acc, const typename R::lane_type* left) {
    using L = layout<Arch, R>;
    simdreduce::detail::unroll<L::registers>(
        [&](auto k) { acc[k] = R::merge(L::pack::load_lanes(left + k * L::width), acc[k]); });
}

template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE void store(const state_registers<Arch, R>& acc, typename R::lane_type* lanes) {
    using L = layout<Arch, R>;
    simdreduce::detail::unroll<L::registers>([&](auto k) { L::pack::store_lanes(acc[k], lanes + k * L::width); });
}

// The halving tree: across registers first (acc[k] with acc[k + K/2]), then inside the last
// one, which is the same tree as lane j with lane j + m/2 over the stored lanes.
template <class Arch, class R, std::size_t K>
SIMDREDUCE_ALWAYS_INLINE void halve_registers(typename layout<Arch, R>::batch* acc) {
    if constexpr (K > 1) {
        simdreduce::detail::unroll<K / 2>([&](auto k) { acc[k] = R::merge(acc[k], acc[k + K / 2]); });
        halve_registers<Arch, R, K / 2>(acc);
    }
}

template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE typename R::result_type finish(const R& r, state_registers<Arch, R>& acc) {
    using L = layout<Arch, R>;
    halve_registers<Arch, R, L::registers>(acc);
    alignas(64) typename R::lane_type lanes[L::width];
    L::pack::store_lanes(acc[0], lanes);
    return r.finish(halve_lanes<Arch, R>(lanes, L::width));
}

// One group of L elements from element i, register k taking elements i + k W on.
template <class Arch, class R, class In>
SIMDREDUCE_ALWAYS_INLINE void fold_group(state_registers<Arch, R>& acc, const R& r, const In& in, std::size_t i) {
    using L = layout<Arch, R>;
    simdreduce::detail::unroll<L::registers>(
        [&](auto k) { acc[k] = step_at<typename L::pack>(r, acc[k], in, i + k * L::width); });
}

// Elements [begin, end) into acc; begin is a multiple of L, so lanes line up. Prefetching
// stops at fetch_until, where the lookahead would leave the input.
template <class Arch, class R, bool Prefetch, class In>
SIMDREDUCE_ALWAYS_INLINE void fold_span(state_registers<Arch, R>& acc, const R& r, const In& in, std::size_t begin,
                                        std::size_t end, std::size_t fetch_until) {
    using L = layout<Arch, R>;
    std::size_t i = begin;
    if constexpr (Prefetch) {
        for (const std::size_t stop = end < fetch_until ? end : fetch_until; i + L::lanes <= stop; i += L::lanes) {
            prefetch_at<L::lanes>(in, i);
            fold_group<Arch>(acc, r, in, i);
        }
    }
    for (; end - i >= L::lanes; i += L::lanes) {
        fold_group<Arch>(acc, r, in, i);
    }
    // Fewer than L elements are left (the last block only): at most K - 1 whole registers and
    // one partial, each landing in the register, so the lanes, it would fill in a whole group.
    simdreduce::detail::unroll<L::registers>([&](auto k) {
        const std::size_t left = end - i;
        if (left >= L::width) {
            acc[k] = step_at<typename L::pack>(r, acc[k], in, i);
            i += L::width;
        } else if (left > 0) {
            acc[k] = masked_step_at<typename L::pack>(r, acc[k], in, i, left);
            i = end;
        }
    });
}

template <class In>
SIMDREDUCE_ALWAYS_INLINE std::size_t prefetch_until(std::size_t n, std::size_t lanes) {
    return prefetch_stop(n / lanes, lanes * In::smallest_element) * lanes;
}

// Whole blocks from `begin`: a constant trip count and no tail, so block boundaries cost
// only the tree's merges.
template <class Arch, class R, bool Prefetch, class In>
SIMDREDUCE_ALWAYS_INLINE void fold_block(state_registers<Arch, R>& acc, const R& r, const In& in, std::size_t begin,
                                         std::size_t fetch_until) {
    using L = layout<Arch, R>;
    for (std::size_t i = begin; i < begin + L::block; i += L::lanes) {
        if constexpr (Prefetch) {
            if (i < fetch_until) prefetch_at<L::lanes>(in, i);
        }
        fold_group<Arch>(acc, r, in, i);
    }
}

// More than one block: one pass builds the block tree as a binary counter. Block b merges
// with the nodes of the trailing one bits of b, so the stack holds one node per set bit of
// the count. Out of line, so that calls on one block never set up its 13 KiB frame.
template <class Arch, class R, bool Prefetch, class In>
#if defined(__GNUC__)
__attribute__((noinline))
#endif
typename R::result_type fold_blocks(const R& r, const In& in, std::size_t n, std::size_t fetch_until) {
    using L = layout<Arch, R>;
    alignas(64) typename R::lane_type stack[L::max_depth][L::lanes];
    state_registers<Arch, R> acc;
    std::size_t depth = 0, b = 0, begin = 0;
    for (; n - begin > L::block; ++b, begin += L::block) {
        reset<Arch>(acc, r);
        fold_block<Arch, R, Prefetch>(acc, r, in, begin, fetch_until);
        for (std::size_t carry = b; carry & 1; carry >>= 1) {
            merge_left<Arch, R>(acc, stack[--depth]);
        }
        store<Arch, R>(acc, stack[depth++]);
    }
    reset<Arch>(acc, r);
    fold_span<Arch, R, Prefetch>(acc, r, in, begin, n, fetch_until);
    while (depth > 0) {  // the last block's own merges, then the rest from the right
        merge_left<Arch, R>(acc, stack[--depth]);
    }
    return finish<Arch>(r, acc);
}

// One call: [0, n) in the order above. Reads nothing outside the input.
template <class Arch, class R, bool Prefetch, class In>
typename R::result_type fold_whole(const R& r, const In& in, std::size_t n) {
    using L = layout<Arch, R>;
    const std::size_t fetch_until = Prefetch ? prefetch_until<In>(n, L::lanes) : 0;
    if constexpr (!R::exact) {
        if (n > L::block) return fold_blocks<Arch, R, Prefetch>(r, in, n, fetch_until);
    }
    state_registers<Arch, R> acc;
    reset<Arch>(acc, r);
    fold_span<Arch, R, Prefetch>(acc, r, in, 0, n, fetch_until);
    return finish<Arch>(r, acc);
}

// A piece: the n elements from p, where p is element first_block * B of the whole input.
// Writes the piece's nodes (at most max_piece_nodes) to out and returns how many.
template <class Arch, class R, bool Prefetch, class In>
std::size_t fold_piece(const R& r, const In& in, std::size_t n, std::size_t first_block, node<R>* out) {
    using L = layout<Arch, R>;
    const std::size_t fetch_until = Prefetch ? prefetch_until<In>(n, L::lanes) : 0;
    state_registers<Arch, R> acc;
    std::size_t count = 0;
    for (std::size_t b = first_block, begin = 0; begin < n; ++b, begin += L::block) {
        const std::size_t end = n - begin > L::block ? begin + L::block : n;
        reset<Arch>(acc, r);
        fold_span<Arch, R, Prefetch>(acc, r, in, begin, end, fetch_until);
        node<R>& fresh = out[count++];
        fresh.first_block = b;
        fresh.level = 0;
        store<Arch, R>(acc, fresh.lanes);
        count = settle<Arch>(out, count);
        if (end == n) break;
    }
    return count;
}

template <class Arch, class R, class In>
std::uint64_t widened_total(const In& in, std::size_t n) {
    return widening_sum<Arch>(in.first, n);
}

}  // namespace detail

// The result of r over the n elements of every stream of in, on Arch.
template <class Arch, class R, class In>
typename R::result_type run(const R& r, const In& in, std::size_t n) {
    if constexpr (reducers::is_widening_sum<R>::value) {
        return r.finish(detail::widened_total<Arch, R>(in, n));
    } else {
        if constexpr (!simdreduce::detail::is_scalar_arch<Arch> && R::prefetch_pays) {
            if (detail::worth_prefetching(n * In::smallest_element)) {
                return detail::fold_whole<Arch, R, true>(r, in, n);
            }
        }
        return detail::fold_whole<Arch, R, false>(r, in, n);
    }
}

// The nodes of a piece of the input (see fold_piece), on Arch.
template <class Arch, class R, class In>
std::size_t run_piece(const R& r, const In& in, std::size_t n, std::size_t first_block, detail::node<R>* out) {
    if constexpr (reducers::is_widening_sum<R>::value) {
        if (n == 0) return 0;
        out[0].first_block = first_block;
        out[0].level = 0;
        out[0].lanes[0] = detail::widened_total<Arch, R>(in, n);
        for (std::size_t j = 1; j < reducers::lanes<R>; ++j) out[0].lanes[j] = r.identity();
        return 1;
    } else {
        if constexpr (!simdreduce::detail::is_scalar_arch<Arch> && R::prefetch_pays) {
            if (detail::worth_prefetching(n * In::smallest_element)) {
                return detail::fold_piece<Arch, R, true>(r, in, n, first_block, out);
            }
        }
        return detail::fold_piece<Arch, R, false>(r, in, n, first_block, out);
    }
}

}  // namespace engine
}  // namespace simdreduce

#endif
