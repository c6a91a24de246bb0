// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_DISPATCH_EXTREMA_HPP
#define SIMDREDUCE_DISPATCH_EXTREMA_HPP

// The dispatched twins of simdreduce::min, max, minmax, argmin and argmax (api/extrema.hpp),
// on the active path. Include dispatch.hpp, which includes this file.
#include <cstddef>
#include <iterator>

#include "../api/inputs.hpp"
#include "../reducers/accumulator.hpp"
#include "../targets/choice.hpp"
#include "../targets/kernel.hpp"

namespace simdreduce {
namespace dispatch {
inline namespace SIMDREDUCE_DISPATCH_CONFIGURATION {

/// Returns the smallest element of [p, p + n) on the active path: simdreduce::min's bits.
/// Needs min_kernel<T> (extremum_kernels lists every min and max kernel).
template <class T>
T min(const T* p, std::size_t n) {
    return detail::run(min_kernel<T>{}, p, n);
}

/// Returns the smallest element of [p, p + n), ignoring NaN, on the active path.
template <class T>
T min(const T* p, std::size_t n, skip_nan_t) {
    return detail::run(min_kernel<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the smallest element of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto min(const Range& r) {
    return dispatch::min(std::data(r), std::size(r));
}

/// Returns the smallest element of a contiguous range, ignoring NaN, on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto min(const Range& r, skip_nan_t skip) {
    return dispatch::min(std::data(r), std::size(r), skip);
}

/// Returns the largest element of [p, p + n) on the active path: simdreduce::max's bits.
template <class T>
T max(const T* p, std::size_t n) {
    return detail::run(max_kernel<T>{}, p, n);
}

/// Returns the largest element of [p, p + n), ignoring NaN, on the active path.
template <class T>
T max(const T* p, std::size_t n, skip_nan_t) {
    return detail::run(max_kernel<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the largest element of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto max(const Range& r) {
    return dispatch::max(std::data(r), std::size(r));
}

/// Returns the largest element of a contiguous range, ignoring NaN, on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto max(const Range& r, skip_nan_t skip) {
    return dispatch::max(std::data(r), std::size(r), skip);
}

/// Returns the smallest and the largest element of [p, p + n) on the active path:
/// simdreduce::minmax's bits. Needs minmax_kernel<T> (minmax_kernels lists them all).
template <class T>
minmax_result<T> minmax(const T* p, std::size_t n) {
    return detail::run(minmax_kernel<T>{}, p, n);
}

/// Returns the smallest and the largest element of [p, p + n), ignoring NaN, on the active path.
template <class T>
minmax_result<T> minmax(const T* p, std::size_t n, skip_nan_t) {
    return detail::run(minmax_kernel<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the smallest and the largest element of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto minmax(const Range& r) {
    return dispatch::minmax(std::data(r), std::size(r));
}

/// Returns the smallest and the largest element of a contiguous range, ignoring NaN, on the
/// active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto minmax(const Range& r, skip_nan_t skip) {
    return dispatch::minmax(std::data(r), std::size(r), skip);
}

/// Returns the index of the first smallest element of [p, p + n) on the active path:
/// simdreduce::argmin's index. Needs argmin_kernel<T> (arg_extremum_kernels lists them all).
template <class T>
std::size_t argmin(const T* p, std::size_t n) {
    return detail::run(argmin_kernel<T>{}, p, n);
}

/// Returns the index of the first smallest element of [p, p + n), ignoring NaN.
template <class T>
std::size_t argmin(const T* p, std::size_t n, skip_nan_t) {
    return detail::run(argmin_kernel<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the index of the first smallest element of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
std::size_t argmin(const Range& r) {
    return dispatch::argmin(std::data(r), std::size(r));
}

/// Returns the index of the first smallest element of a contiguous range, ignoring NaN.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
std::size_t argmin(const Range& r, skip_nan_t skip) {
    return dispatch::argmin(std::data(r), std::size(r), skip);
}

/// Returns the index of the first largest element of [p, p + n) on the active path.
template <class T>
std::size_t argmax(const T* p, std::size_t n) {
    return detail::run(argmax_kernel<T>{}, p, n);
}

/// Returns the index of the first largest element of [p, p + n), ignoring NaN.
template <class T>
std::size_t argmax(const T* p, std::size_t n, skip_nan_t) {
    return detail::run(argmax_kernel<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the index of the first largest element of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
std::size_t argmax(const Range& r) {
    return dispatch::argmax(std::data(r), std::size(r));
}

/// Returns the index of the first largest element of a contiguous range, ignoring NaN.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
std::size_t argmax(const Range& r, skip_nan_t skip) {
    return dispatch::argmax(std::data(r), std::size(r), skip);
}

}  // namespace SIMDREDUCE_DISPATCH_CONFIGURATION
}  // namespace dispatch
}  // namespace simdreduce

#endif
