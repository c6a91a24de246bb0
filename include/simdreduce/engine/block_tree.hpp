// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_BLOCK_TREE_HPP
#define SIMDREDUCE_ENGINE_BLOCK_TREE_HPP

// The block tree: how block states are merged, as a function of the number of blocks alone.
// A node is the state of an aligned power-of-two group of blocks, [m 2^l, (m+1) 2^l) at level
// l; its state is merge(left half, right half). A piece of the input keeps the largest such
// nodes that lie inside it, in order: O(log) of them. Appending a node merges it with its left
// neighbour while the two are the halves of one node, which is how one pass builds the tree
// (a binary counter) and also how two adjacent pieces complete the nodes across their
// boundary. At the end the remaining nodes, whose levels fall from left to right, are merged
// from the right: merge(n0, merge(n1, ... merge(n_{k-1}, n_k))).
#include <cstddef>

#include "../detail/config.hpp"
#include "../reducers/protocol.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

// The halving tree that finishes every state: lane j = merge(lane j, lane j + m/2) for
// m = Count, Count/2, ..., 2. Unrolled at compile time: as a loop, GCC 12 at -O2 does not
// unroll it, and the AVX-512 float sum of 4 KiB, whose last register's 16 lanes go through
// it, ran at 0.61x of -O3 (Zen 5 EPYC). Templated on Arch although it does not use it: each
// architecture's object then has its own copy, and no linker can hand the SSE2 path the
// AVX2 object's VEX-encoded one.
template <class Arch, class R, std::size_t Count, class Lane>
SIMDREDUCE_ALWAYS_INLINE Lane halve_lanes(Lane* lanes) {
    if constexpr (Count > 1) {
        simdreduce::detail::unroll<Count / 2>(
            [&](auto j) SIMDREDUCE_INLINE_LAMBDA { lanes[j] = R::merge(lanes[j], lanes[j + Count / 2]); });
        return halve_lanes<Arch, R, Count / 2>(lanes);
    } else {
        return lanes[0];
    }
}

// A node of the block tree: the state of blocks [first_block, first_block + 2^level). Its
// type depends on the state's layout alone, so that reducers which fold alike and differ only
// in how (the masking variants of filter_map_sum) share their nodes.
template <class Lane, std::size_t Lanes>
struct state_node {
    std::size_t first_block;
    unsigned level;
    alignas(64) Lane lanes[Lanes];
};

template <class R>
using node = state_node<reducers::lane_state<R>, reducers::lanes<R>>;

// True when a (left) and b (right) are the two halves of one node.
template <class Node>
SIMDREDUCE_ALWAYS_INLINE bool siblings(const Node& a, const Node& b) noexcept {
    const std::size_t size = std::size_t(1) << a.level;
    return a.level == b.level && a.first_block % (2 * size) == 0 && a.first_block + size == b.first_block;
}

// Merges the last of `count` nodes into its left neighbour while they are siblings; returns
// the new count. Raw arrays, and Arch in the name, because every architecture's object calls
// it: a std::vector member or a shared inline function there would be a weak symbol the
// linker could take from the AVX2 object for all of them.
template <class Arch, class R>
std::size_t settle(node<R>* nodes, std::size_t count) {
    while (count >= 2 && siblings(nodes[count - 2], nodes[count - 1])) {
        node<R>& left = nodes[count - 2];
        const node<R>& right = nodes[count - 1];
        for (std::size_t j = 0; j < reducers::lanes<R>; ++j) {
            left.lanes[j] = R::merge(left.lanes[j], right.lanes[j]);
        }
        ++left.level;
        --count;
    }
    return count;
}

// The state the remaining nodes stand for: merged from the right, into `out`.
template <class Arch, class R>
void merge_from_right(const node<R>* nodes, std::size_t count, reducers::lane_state<R>* out) {
    for (std::size_t j = 0; j < reducers::lanes<R>; ++j) {
        out[j] = nodes[count - 1].lanes[j];
    }
    for (std::size_t k = count - 1; k-- > 0;) {
        for (std::size_t j = 0; j < reducers::lanes<R>; ++j) {
            out[j] = R::merge(nodes[k].lanes[j], out[j]);
        }
    }
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
