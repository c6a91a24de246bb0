// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_API_PARTIAL_HPP
#define SIMDREDUCE_API_PARTIAL_HPP

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "../arch.hpp"
#include "../engine/block_tree.hpp"
#include "../reducers/protocol.hpp"
#include "inputs.hpp"

namespace simdreduce {

// The elements at which an input may be cut into pieces for reducer R: multiples of this.
// Exact reducers (integer sums) may be cut anywhere.
template <class R>
inline constexpr std::size_t block_size = R::exact ? 1 : reducers::block_elements<R>;

template <class R>
class partial_state;

namespace detail {
// The state of the piece [offset, offset + n) from p, whose nodes run(nodes, first_block)
// writes on some path (simdreduce::fold and simdreduce::dispatch::fold).
template <class R, class T, class Run>
partial_state<R> fold_piece(const R& r, const T* p, std::size_t n, std::size_t offset, Run&& run);
}  // namespace detail

/// The mergeable state of a reducer over one piece [begin(), end()) of an input. Pieces
/// folded anywhere (other threads, other machines, any path) and merged left to right give
/// the bits of one call over the whole input. It holds O(log(n / block_size)) lane states.
template <class R>
class partial_state {
public:
    using reducer_type = R;
    using result_type = typename R::result_type;

    partial_state(R reducer, std::size_t begin) : reducer_(std::move(reducer)), begin_(begin), end_(begin) {}

    /// The first element of the piece, and one past its last, as indices into the input.
    std::size_t begin() const noexcept { return begin_; }
    std::size_t end() const noexcept { return end_; }

    /// Appends the piece that follows this one. Throws std::invalid_argument, and changes
    /// nothing, unless right.begin() == end() and, for a non-empty right, this piece ends at a
    /// multiple of block_size<R> (only the last piece may end inside a block).
    partial_state& merge(const partial_state& right) {
        if (right.begin_ != end_) {
            throw std::invalid_argument("simdreduce::partial_state::merge: the right piece begins at " +
                                        std::to_string(right.begin_) + ", not where this one ends (" +
                                        std::to_string(end_) + ")");
        }
        if (right.nodes_.empty()) return *this;
        if (!R::exact && !nodes_.empty() && end_ % block_size<R> != 0) {
            throw std::invalid_argument("simdreduce::partial_state::merge: this piece ends at " + std::to_string(end_) +
                                        ", inside a block; only the last piece may");
        }
        if (R::exact && !nodes_.empty()) {  // one node each, and no order to keep
            for (std::size_t j = 0; j < reducers::lanes<R>; ++j) {
                nodes_[0].lanes[j] = R::merge(nodes_[0].lanes[j], right.nodes_[0].lanes[j]);
            }
        } else {
            for (const auto& node : right.nodes_) {
                nodes_.push_back(node);
                nodes_.resize(engine::detail::settle<simdreduce::scalar, R>(nodes_.data(), nodes_.size()));
            }
        }
        end_ = right.end_;
        return *this;
    }

    /// The result over [0, end()). Throws std::invalid_argument unless begin() == 0: the
    /// block tree of a piece that starts elsewhere is not the tree of any one call.
    result_type finish() const {
        if (begin_ != 0) {
            throw std::invalid_argument("simdreduce::partial_state::finish: the state begins at element " +
                                        std::to_string(begin_) + "; merge the pieces before it first");
        }
        alignas(64) reducers::lane_state<R> lanes[reducers::lanes<R>];
        if (nodes_.empty()) {
            for (auto& lane : lanes) lane = reducer_.identity();
        } else {
            engine::detail::merge_from_right<simdreduce::scalar, R>(nodes_.data(), nodes_.size(), lanes);
        }
        return reducers::finish_of(reducer_, engine::detail::halve_lanes<simdreduce::scalar, R, reducers::lanes<R>>(lanes),
                                   end_);
    }

private:
    template <class Reducer, class T, class Run>
    friend partial_state<Reducer> detail::fold_piece(const Reducer&, const T*, std::size_t, std::size_t, Run&&);

    // For fold_piece: room for the nodes of a piece of n elements, then the count used.
    engine::detail::node<R>* prepare(std::size_t n) {
        const std::size_t blocks = R::exact ? 1 : n / block_size<R> + 1;
        std::size_t bits = 1;
        while (bits < 64 && (std::size_t(1) << bits) <= blocks) ++bits;
        nodes_.resize(2 * bits + 2);
        end_ = begin_ + n;
        return nodes_.data();
    }
    void keep(std::size_t count) { nodes_.resize(count); }

    R reducer_;
    std::size_t begin_;
    std::size_t end_;
    std::vector<engine::detail::node<R>> nodes_;
};

namespace detail {

template <class R, class T, class Run>
partial_state<R> fold_piece(const R& r, const T* p, std::size_t n, std::size_t offset, Run&& run) {
    static_assert(!reducers::two_passes<R>,
                  "simdreduce::fold: variance has no mergeable state; fold the pieces' sums for the mean, "
                  "or call variance on the whole input");
    check_range(p, n);
    if (n > 0 && offset % block_size<R> != 0) {
        throw std::invalid_argument("simdreduce::fold: offset " + std::to_string(offset) +
                                    " is not a multiple of the block size " + std::to_string(block_size<R>));
    }
    partial_state<R> out(r, offset);
    engine::detail::node<R>* nodes = out.prepare(n);
    out.keep(run(nodes, offset / block_size<R>));
    return out;
}

}  // namespace detail
}  // namespace simdreduce

#endif
