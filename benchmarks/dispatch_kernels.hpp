// The filter and map the benchmark dispatches, as named functors.
#ifndef SIMDREDUCE_BENCHMARKS_DISPATCH_KERNELS_HPP
#define SIMDREDUCE_BENCHMARKS_DISPATCH_KERNELS_HPP

#include <simdreduce/targets/kernel.hpp>

#include <cstdint>

namespace bench {

struct positive {
    template <class V>
    auto operator()(const V& x) const { return x > V(0); }
};
struct square {
    template <class V>
    V operator()(const V& x) const { return x * x; }
};

using dispatched_kernels =
    simdreduce::dispatch::kernel_list<simdreduce::dispatch::filter_map_sum_kernel<float, positive, square>,
                                      simdreduce::dispatch::min_kernel<float>,
                                      simdreduce::dispatch::count_if_kernel<float, positive>,
                                      simdreduce::dispatch::sum_where_kernel<float>,
                                      simdreduce::dispatch::dot_kernel<std::int8_t>,
                                      simdreduce::dispatch::dot_kernel<std::int16_t>>;

}  // namespace bench

#endif
