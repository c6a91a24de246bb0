// The user-kernel pattern for runtime dispatch, as a user would write it: named functors
// with templated call operators, and the list of kernels to compile for every path.
#ifndef SIMDREDUCE_TESTS_DISPATCH_KERNELS_HPP
#define SIMDREDUCE_TESTS_DISPATCH_KERNELS_HPP

#include <simdreduce/targets/kernel.hpp>

#include <cstdint>

namespace dispatch_test {

struct positive {
    template <class V>
    auto operator()(const V& x) const {
        return x > V(0);
    }
};

struct square {
    template <class V>
    V operator()(const V& x) const {
        return x * x;
    }
};

// A functor with state: the threshold travels to every path by reference.
struct above {
    float threshold;
    template <class V>
    auto operator()(const V& x) const {
        return x > V(threshold);
    }
};

namespace sd = simdreduce::dispatch;
using kernels = sd::joined_kernel_lists<sd::extremum_kernels, sd::arg_extremum_kernels, sd::dot_kernels,
                                        sd::compensated_sum_kernels, sd::sum_where_kernels, sd::variance_kernels, sd::mean_kernels,
                                        sd::kernel_list<sd::filter_map_sum_kernel<float, positive, square>,
                                                        sd::filter_map_sum_kernel<double, positive, square>,
                                                        sd::filter_map_sum_kernel<float, above, square>,
                                                        sd::filter_map_sum_kernel<std::int32_t, positive, square>,
                                                        sd::filter_map_sum_kernel<float, positive, square, double>,
                                                        sd::sum_kernel<float, double>, sd::minmax_kernel<float>,
                                                        sd::minmax_kernel<float, simdreduce::reducers::nan_policy::skip>,
                                                        sd::minmax_kernel<std::int32_t>,
                                                        sd::count_if_kernel<float, positive>,
                                                        sd::count_if_kernel<float, above>,
                                                        sd::count_if_kernel<double, positive>,
                                                        sd::count_if_kernel<std::int8_t, positive>,
                                                        sd::count_if_kernel<std::uint16_t, positive>,
                                                        sd::count_if_kernel<std::int64_t, positive>>>;

}  // namespace dispatch_test

#endif
