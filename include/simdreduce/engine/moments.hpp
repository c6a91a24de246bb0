// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_MOMENTS_HPP
#define SIMDREDUCE_ENGINE_MOMENTS_HPP

// The loop of variance (reducers/moments.hpp): chunks of C elements from index 0, each read
// twice by the engine's own loops (its sum, then its deviations from its mean), and a tree
// over the chunks' moments. Chunk boundaries and the tree depend on n alone, and each pass
// has the engine's order, so every path gives the same bits.
#include <cstddef>

#include "../reducers/moments.hpp"
#include "fold.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

// The chunks' moments merged in the block tree's shape (ARCHITECTURE.md): a binary counter
// over chunk indices, whose nodes are then merged from the right. Templated on Arch although
// it does not use it, so that no path's object lends another its code (the SIGILL trap,
// ARCHITECTURE.md).
template <class Arch, class Acc>
class moments_tree {
public:
    void push(reducers::moments<Acc> m) {
        unsigned level = 0;
        while (depth_ > 0 && levels_[depth_ - 1] == level) {
            m = reducers::merged(nodes_[--depth_], m);
            ++level;
        }
        nodes_[depth_] = m;
        levels_[depth_++] = level;
    }
    reducers::moments<Acc> result() const {
        if (depth_ == 0) return {0, Acc(0), Acc(0), Acc(0)};
        reducers::moments<Acc> m = nodes_[depth_ - 1];
        for (std::size_t k = depth_ - 1; k-- > 0;) m = reducers::merged(nodes_[k], m);
        return m;
    }

private:
    reducers::moments<Acc> nodes_[64];  // one a set bit of the chunk count
    unsigned levels_[64] = {};
    std::size_t depth_ = 0;
};

template <class Arch, class R, class In>
typename R::result_type two_pass(const R& r, const In& in, std::size_t n) {
    static_assert(!two_streams<In>, "simdreduce: variance reads one stream");
    using Acc = typename R::lane_type;
    moments_tree<Arch, Acc> tree;
    for (std::size_t begin = 0; begin < n; begin += R::chunk_elements) {
        const std::size_t count = n - begin < R::chunk_elements ? n - begin : R::chunk_elements;
        const In chunk{in.first + begin};
        const Acc mean = engine::run<Arch>(reducers::sum<Acc>{}, chunk, count) / Acc(count);
        const auto sums = engine::run<Arch>(reducers::deviations<Acc>{mean}, chunk, count);
        // sum d^2 - (sum d)^2 / count: the second term corrects for the rounding of the mean.
        // Never below +0 (rounding, or -0 from an all-equal chunk); NaN stays NaN.
        Acc m2 = sums[1] - sums[0] * sums[0] / Acc(count);
        if (m2 <= Acc(0)) m2 = Acc(0);
        tree.push({count, mean, sums[0] / Acc(count), m2});
    }
    return r.finish(tree.result(), n);
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
