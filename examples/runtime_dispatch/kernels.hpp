// The functors this program dispatches, and the list of kernels to compile for every path.
#ifndef EXAMPLE_KERNELS_HPP
#define EXAMPLE_KERNELS_HPP

#include <simdreduce/targets/kernel.hpp>

namespace example {

// Named types with templated call operators: called on float and on xsimd batches.
struct positive {
    template <class V>
    auto operator()(const V& x) const { return x > V(0); }
};
struct square {
    template <class V>
    V operator()(const V& x) const { return x * x; }
};

using dispatched_kernels =
    simdreduce::dispatch::kernel_list<simdreduce::dispatch::filter_map_sum_kernel<float, positive, square>>;

}  // namespace example

#endif
