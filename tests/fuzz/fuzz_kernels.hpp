// The fuzzer's menu of predicates and maps, compiled into every dispatch path.
#ifndef SIMDREDUCE_FUZZ_KERNELS_HPP
#define SIMDREDUCE_FUZZ_KERNELS_HPP

#include <simdreduce/targets/kernel.hpp>

#include <cstdint>

namespace fuzz {

struct positive {
    template <class V> auto operator()(const V& x) const { return x > V(0); }
};
struct not_negative {  // accepts NaN: !(NaN < 0)
    template <class V> auto operator()(const V& x) const { return !(x < V(0)); }
};
struct small {
    template <class V> auto operator()(const V& x) const { return (x > V(-100)) & (x < V(100)); }
    bool operator()(float x) const { return x > -100 && x < 100; }
    bool operator()(double x) const { return x > -100 && x < 100; }
};
struct square {
    template <class V> V operator()(const V& x) const { return x * x; }
};
struct tenth {  // an inexact multiply as the map's last operation: FMA contraction would show
    template <class V> V operator()(const V& x) const { return x * V(0.1f); }
};
struct identity {
    template <class V> V operator()(const V& x) const { return x; }
};

namespace sd = simdreduce::dispatch;
template <class T>
using fms = sd::filter_map_sum_kernel<T, positive, identity>;
template <class T>
using count = sd::count_if_kernel<T, positive>;
using kernels = sd::joined_kernel_lists<sd::extremum_kernels, sd::minmax_kernels, sd::arg_extremum_kernels, sd::dot_kernels,
    sd::compensated_sum_kernels, sd::sum_where_kernels, sd::variance_kernels, sd::kernel_list<
    sd::filter_map_sum_kernel<float, positive, square>, sd::filter_map_sum_kernel<float, positive, tenth>,
    sd::filter_map_sum_kernel<float, not_negative, square>, sd::filter_map_sum_kernel<float, not_negative, tenth>,
    sd::filter_map_sum_kernel<float, small, square>, sd::filter_map_sum_kernel<float, small, tenth>,
    sd::filter_map_sum_kernel<double, positive, square>, sd::filter_map_sum_kernel<double, positive, tenth>,
    sd::filter_map_sum_kernel<double, not_negative, square>, sd::filter_map_sum_kernel<double, not_negative, tenth>,
    sd::filter_map_sum_kernel<double, small, square>, sd::filter_map_sum_kernel<double, small, tenth>,
    fms<std::int8_t>, fms<std::uint8_t>, fms<std::int16_t>, fms<std::uint16_t>, fms<std::int32_t>,
    fms<std::uint32_t>, fms<std::int64_t>, fms<std::uint64_t>, sd::count_if_kernel<float, not_negative>,
    sd::count_if_kernel<float, small>, sd::count_if_kernel<double, not_negative>, sd::count_if_kernel<double, small>,
    count<float>, count<double>, count<std::int8_t>, count<std::uint8_t>, count<std::int16_t>, count<std::uint16_t>,
    count<std::int32_t>, count<std::uint32_t>, count<std::int64_t>, count<std::uint64_t>>>;

}  // namespace fuzz

#endif
