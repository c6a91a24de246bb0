// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_DISPATCH_MOMENTS_HPP
#define SIMDREDUCE_DISPATCH_MOMENTS_HPP

// The dispatched twins of simdreduce::mean, variance and compensated_sum (api/moments.hpp,
// api/reduce.hpp), on the active path. Include dispatch.hpp, which includes this file after
// the sums that mean calls.
#include <cstddef>
#include <iterator>

#include "../api/inputs.hpp"
#include "../reducers/accumulator.hpp"
#include "../targets/choice.hpp"
#include "../targets/kernel.hpp"

namespace simdreduce {
namespace dispatch {
inline namespace SIMDREDUCE_DISPATCH_CONFIGURATION {

/// Returns the mean of [p, p + n) in Acc on the active path: simdreduce::mean's bits. Float
/// and double means and those of integers narrower than 64 bits take the built-in sums; float's
/// in double and 64-bit integers' need mean_kernels.
template <class T, class Acc>
Acc mean(const T* p, std::size_t n, accumulate_in_t<Acc>) {
    simdreduce::detail::check_mean_length<T>(n);
    if constexpr (reducers::mean_sums_exactly<T>) {
        return reducers::mean_of_sum<Acc>(dispatch::sum(p, n), n);
    } else {
        return reducers::mean_of_sum<Acc>(dispatch::sum(p, n, accumulate_in<Acc>), n);
    }
}

/// Returns the mean of [p, p + n) on the active path: floats in their type, integers in double.
template <class T>
moments_accumulator_t<T> mean(const T* p, std::size_t n) {
    return dispatch::mean(p, n, accumulate_in<moments_accumulator_t<T>>);
}

/// Returns the mean of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto mean(const Range& r) {
    return dispatch::mean(std::data(r), std::size(r));
}

/// Returns the mean of a contiguous range in Acc on the active path.
template <class Range, class Acc, simdreduce::detail::enable_if_range<Range> = 0>
Acc mean(const Range& r, accumulate_in_t<Acc> acc) {
    return dispatch::mean(std::data(r), std::size(r), acc);
}

/// Returns the variance of [p, p + n) with n - ddof degrees of freedom in Acc on the active
/// path: simdreduce::variance's bits. Needs variance_kernel<T, Acc> (variance_kernels lists
/// those of float and double).
template <class T, class Acc>
Acc variance(const T* p, std::size_t n, std::size_t ddof, accumulate_in_t<Acc>) {
    return detail::run(variance_kernel<T, Acc>{{ddof}}, p, n);
}

/// Returns the variance of [p, p + n) on the active path: floats in their type, integers in double.
template <class T>
moments_accumulator_t<T> variance(const T* p, std::size_t n, std::size_t ddof = 0) {
    return dispatch::variance(p, n, ddof, accumulate_in<moments_accumulator_t<T>>);
}

/// Returns the variance of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto variance(const Range& r, std::size_t ddof = 0) {
    return dispatch::variance(std::data(r), std::size(r), ddof);
}

/// Returns the variance of a contiguous range in Acc on the active path.
template <class Range, class Acc, simdreduce::detail::enable_if_range<Range> = 0>
Acc variance(const Range& r, std::size_t ddof, accumulate_in_t<Acc> acc) {
    return dispatch::variance(std::data(r), std::size(r), ddof, acc);
}

/// Returns the compensated sum of [p, p + n) on the active path: simdreduce::compensated_sum's
/// bits. Needs compensated_sum_kernel<T> (compensated_sum_kernels lists both).
template <class T>
T compensated_sum(const T* p, std::size_t n) {
    return detail::run(compensated_sum_kernel<T>{}, p, n);
}

/// Returns the compensated sum of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto compensated_sum(const Range& r) {
    return dispatch::compensated_sum(std::data(r), std::size(r));
}

}  // namespace SIMDREDUCE_DISPATCH_CONFIGURATION
}  // namespace dispatch
}  // namespace simdreduce

#endif
