// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_REGISTERS_HPP
#define SIMDREDUCE_ENGINE_REGISTERS_HPP

// The state in registers: L logical lanes in K registers of W lanes, register k of a group
// taking the group's elements k W to k W + W - 1. The steps every loop is made of: reset,
// one group, a span with its tail, merges with stored states, and the halving tree.
#include <cstddef>

#include "../detail/config.hpp"
#include "../reducers/protocol.hpp"
#include "block_tree.hpp"
#include "loads.hpp"
#include "prefetch.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

template <class Arch, class R>
struct layout {
    using lane_type = typename R::lane_type;
    using pack = detail::pack<Arch, lane_type>;
    using batch = typename pack::type;
    using state = reducers::state_of<R, batch>;  // one register of lanes of every component
    using lane_state = reducers::lane_state<R>;
    static constexpr std::size_t width = pack::width;
    static_assert(reducers::fixed_registers<R> == 0 || R::exact, "only an exact reducer may fix its registers");
    static constexpr std::size_t lanes =
        reducers::fixed_registers<R> != 0 ? reducers::fixed_registers<R> * width : reducers::lanes<R>;
    static constexpr std::size_t registers = lanes / width;
    static_assert(registers * width == lanes, "the register width must divide the lanes of the state");
    static_assert(R::exact || reducers::block_elements<R> >= (std::size_t(1) << 11), "max_depth assumes B >= 2^11");
    // Exact reducers need no blocks: one block is the whole input.
    static constexpr std::size_t block = R::exact ? ~std::size_t(0) : reducers::block_elements<R>;
    // The deepest stack one pass can build: one node per bit of the block count, which is
    // below 2^64 / B (B = 2^11: a compensated sum's 2048 doubles).
    static constexpr std::size_t max_depth = 64 - 11 + 1;
};

template <class Arch, class R>
using state_registers = typename layout<Arch, R>::state[layout<Arch, R>::registers];

template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE void reset(state_registers<Arch, R>& acc, const R& r) {
    using L = layout<Arch, R>;
    typename L::state identity;
    if constexpr (reducers::components<R> == 1) {
        identity = typename L::batch(r.identity());
    } else {
        const auto lane = r.identity();
        for (std::size_t c = 0; c < lane.size(); ++c) identity[c] = typename L::batch(lane[c]);
    }
    simdreduce::detail::unroll<L::registers>([&](auto k) SIMDREDUCE_INLINE_LAMBDA { acc[k] = identity; });
}

// One register's worth of lane states, W of them from `lanes`, and back. Lane states of
// several components lie one lane after another in memory, so those go through the stack,
// which only the block tree and the finish do, once a block.
template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE typename layout<Arch, R>::state load_states(const typename layout<Arch, R>::lane_state* lanes) {
    using L = layout<Arch, R>;
    if constexpr (reducers::components<R> == 1) {
        return L::pack::load_lanes(lanes);
    } else {
        typename L::state out;
        for (std::size_t c = 0; c < out.size(); ++c) {
            alignas(64) typename L::lane_type part[L::width];
            for (std::size_t j = 0; j < L::width; ++j) part[j] = lanes[j][c];
            out[c] = L::pack::load_lanes(part);
        }
        return out;
    }
}

template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE void store_states(const typename layout<Arch, R>::state& v,
                                           typename layout<Arch, R>::lane_state* lanes) {
    using L = layout<Arch, R>;
    if constexpr (reducers::components<R> == 1) {
        L::pack::store_lanes(v, lanes);
    } else {
        for (std::size_t c = 0; c < v.size(); ++c) {
            alignas(64) typename L::lane_type part[L::width];
            L::pack::store_lanes(v[c], part);
            for (std::size_t j = 0; j < L::width; ++j) lanes[j][c] = part[j];
        }
    }
}

// acc = merge(lanes in memory, acc): the left state is the stored one.
template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE void merge_left(state_registers<Arch, R>& acc, const typename layout<Arch, R>::lane_state* left) {
    using L = layout<Arch, R>;
    simdreduce::detail::unroll<L::registers>(
        [&](auto k) SIMDREDUCE_INLINE_LAMBDA { acc[k] = R::merge(load_states<Arch, R>(left + k * L::width), acc[k]); });
}

template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE void store(const state_registers<Arch, R>& acc, typename layout<Arch, R>::lane_state* lanes) {
    using L = layout<Arch, R>;
    simdreduce::detail::unroll<L::registers>(
        [&](auto k) SIMDREDUCE_INLINE_LAMBDA { store_states<Arch, R>(acc[k], lanes + k * L::width); });
}

// The halving tree: across registers first (acc[k] with acc[k + K/2]), then inside the last
// one, which is the same tree as lane j with lane j + m/2 over the stored lanes.
template <class Arch, class R, std::size_t K>
SIMDREDUCE_ALWAYS_INLINE void halve_registers(typename layout<Arch, R>::state* acc) {
    if constexpr (K > 1) {
        simdreduce::detail::unroll<K / 2>([&](auto k) SIMDREDUCE_INLINE_LAMBDA { acc[k] = R::merge(acc[k], acc[k + K / 2]); });
        halve_registers<Arch, R, K / 2>(acc);
    }
}

// The result over the call's n elements.
template <class Arch, class R>
SIMDREDUCE_ALWAYS_INLINE typename R::result_type finish(const R& r, state_registers<Arch, R>& acc, std::size_t n) {
    using L = layout<Arch, R>;
    halve_registers<Arch, R, L::registers>(acc);
    alignas(64) typename L::lane_state lanes[L::width];
    store_states<Arch, R>(acc[0], lanes);
    return reducers::finish_of(r, halve_lanes<Arch, R, L::width>(lanes), n);
}

// One group of L elements from element i, register k taking elements i + k W on.
template <class Arch, class R, class In>
SIMDREDUCE_ALWAYS_INLINE void fold_group(state_registers<Arch, R>& acc, const R& r, const In& in, std::size_t i) {
    using L = layout<Arch, R>;
    simdreduce::detail::unroll<L::registers>(
        [&](auto k) SIMDREDUCE_INLINE_LAMBDA { acc[k] = step_at<typename L::pack>(r, acc[k], in, i + k * L::width); });
}

// Below this many registers a state's tail is unrolled; from it on (SSE's 16 registers of 4
// floats or ints, the scalar path's 64) it is a loop over a copy indexed at run time. Such a
// state outgrows the 16 vector registers of SSE anyway, and unrolled, its K steps and K masked
// steps were most of each kernel's code: the loop cut the SSE4.2 filter_map_sum test's build
// from 61 to 27 s. Where the state fits in registers the copy costs them: the AVX-512 and AVX2
// float min of 4 KiB at 16 mod 64, whose 12 registers (4 of each of 3 parts) went through
// memory, ran at 0.68-0.71x and 0.71-0.76x of the unrolled tail in two runs (Zen 5 EPYC).
inline constexpr std::size_t rolled_tail_registers = 16;

// Fewer than L elements [i, end) into acc, once a call or a block: at most K - 1 whole
// registers and one partial, each landing in the register, so the lanes, it would fill in a
// whole group. The copy keeps acc itself indexed by constants only, so the loops around it
// keep it where they do.
template <class Arch, class R, class In>
SIMDREDUCE_ALWAYS_INLINE void fold_rest(state_registers<Arch, R>& acc, const R& r, const In& in, std::size_t i,
                                        std::size_t end) {
    using L = layout<Arch, R>;
    using P = typename L::pack;
    if constexpr (L::registers >= rolled_tail_registers) {
        if (i == end) return;
        typename L::state part[L::registers];
        simdreduce::detail::unroll<L::registers>([&](auto k) SIMDREDUCE_INLINE_LAMBDA { part[k] = acc[k]; });
        std::size_t next = 0;
        for (; end - i >= L::width; i += L::width, ++next) part[next] = step_at<P>(r, part[next], in, i);
        if (i != end) part[next] = masked_step_at<P>(r, part[next], in, i, end - i);
        simdreduce::detail::unroll<L::registers>([&](auto k) SIMDREDUCE_INLINE_LAMBDA { acc[k] = part[k]; });
    } else {
        simdreduce::detail::unroll<L::registers>([&](auto k) SIMDREDUCE_INLINE_LAMBDA {
            const std::size_t left = end - i;
            if (left >= L::width) {
                acc[k] = step_at<P>(r, acc[k], in, i);
                i += L::width;
            } else if (left > 0) {
                acc[k] = masked_step_at<P>(r, acc[k], in, i, left);
                i = end;
            }
        });
    }
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
    fold_rest<Arch>(acc, r, in, i, end);  // the last block only
}

// True when R's loops on Arch prefetch at all: several ops a register, on x86.
template <class Arch, class R>
inline constexpr bool prefetches = !simdreduce::detail::is_scalar_arch<Arch> && R::prefetch_pays && prefetch_enabled;

// Where prefetching stops in an input of n elements: its lookahead would leave the input.
// 0 when the loops do not prefetch, or the input is too small for it to pay.
template <class Arch, class R, class In>
SIMDREDUCE_ALWAYS_INLINE std::size_t prefetch_until(std::size_t n) {
    constexpr std::size_t lanes = layout<Arch, R>::lanes;
    const std::size_t bytes = n * In::smallest_element;
    if (!prefetches<Arch, R> || !worth_prefetching(bytes) || bytes < reducers::prefetch_from_bytes<R>) return 0;
    return prefetch_stop(n / lanes, lanes * In::smallest_element) * lanes;
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
