// The kernels simdreduce_accuracy dispatches beyond the built-in sums.
#ifndef SIMDREDUCE_BENCHMARKS_ACCURACY_KERNELS_HPP
#define SIMDREDUCE_BENCHMARKS_ACCURACY_KERNELS_HPP

#include <simdreduce/targets/kernel.hpp>

namespace accuracy {

using kernels = simdreduce::dispatch::joined_kernel_lists<
    simdreduce::dispatch::kernel_list<simdreduce::dispatch::compensated_sum_kernel<float>,
                                      simdreduce::dispatch::dot_kernel<float>>,
    simdreduce::dispatch::kernel_list<simdreduce::dispatch::variance_kernel<float>,
                                      simdreduce::dispatch::variance_kernel<double>>>;

}  // namespace accuracy

#endif
