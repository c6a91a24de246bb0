// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_API_EXTREMA_HPP
#define SIMDREDUCE_API_EXTREMA_HPP

// min, max, minmax, argmin and argmax: the reducers of reducers/extremum.hpp and
// reducers/arg_extremum.hpp behind the same overloads as sum.
#include <cstddef>
#include <iterator>

#include "../arch.hpp"
#include "../reducers/named.hpp"
#include "reduce.hpp"

namespace simdreduce {

/// Returns the smallest element of [p, p + n), on the architecture Arch, the same bits on
/// every Arch. Floats: -0.0 is below +0.0, and any NaN gives NaN (the quiet NaN of
/// std::numeric_limits<T>), as numpy's amin; with skip_nan NaNs are ignored, as nanmin, and
/// only NaNs give NaN. The empty input gives +Inf for floats, std::numeric_limits<T>::max()
/// for integers. Precondition as for sum.
template <class Arch = default_arch, class T>
T min(const T* p, std::size_t n) {
    return detail::reduce<Arch>(min_reducer<T>{}, p, n);
}

/// Returns the smallest element of [p, p + n), ignoring NaN.
template <class Arch = default_arch, class T>
T min(const T* p, std::size_t n, skip_nan_t) {
    return detail::reduce<Arch>(min_reducer<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the smallest element of a contiguous range.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto min(const Range& r) {
    return min<Arch>(std::data(r), std::size(r));
}

/// Returns the smallest element of a contiguous range, ignoring NaN.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto min(const Range& r, skip_nan_t skip) {
    return min<Arch>(std::data(r), std::size(r), skip);
}

/// Returns the largest element of [p, p + n): as min, with +0.0 above -0.0, and -Inf or
/// std::numeric_limits<T>::lowest() for the empty input.
template <class Arch = default_arch, class T>
T max(const T* p, std::size_t n) {
    return detail::reduce<Arch>(max_reducer<T>{}, p, n);
}

/// Returns the largest element of [p, p + n), ignoring NaN.
template <class Arch = default_arch, class T>
T max(const T* p, std::size_t n, skip_nan_t) {
    return detail::reduce<Arch>(max_reducer<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the largest element of a contiguous range.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto max(const Range& r) {
    return max<Arch>(std::data(r), std::size(r));
}

/// Returns the largest element of a contiguous range, ignoring NaN.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto max(const Range& r, skip_nan_t skip) {
    return max<Arch>(std::data(r), std::size(r), skip);
}

/// Returns the smallest and the largest element of [p, p + n) in one pass, as a struct with
/// .min and .max: the bits of min and max, on every Arch.
template <class Arch = default_arch, class T>
minmax_result<T> minmax(const T* p, std::size_t n) {
    return detail::reduce<Arch>(minmax_reducer<T>{}, p, n);
}

/// Returns the smallest and the largest element of [p, p + n), ignoring NaN.
template <class Arch = default_arch, class T>
minmax_result<T> minmax(const T* p, std::size_t n, skip_nan_t) {
    return detail::reduce<Arch>(minmax_reducer<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the smallest and the largest element of a contiguous range.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto minmax(const Range& r) {
    return minmax<Arch>(std::data(r), std::size(r));
}

/// Returns the smallest and the largest element of a contiguous range, ignoring NaN.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto minmax(const Range& r, skip_nan_t skip) {
    return minmax<Arch>(std::data(r), std::size(r), skip);
}

/// Returns the index of the first smallest element of [p, p + n), on the architecture Arch,
/// in min's order: -0.0 below +0.0, and any NaN the smallest, so that the first NaN's index
/// is returned (numpy's argmin). Ties give the lowest index. The empty input gives n, as
/// std::min_element gives its end. The same index on every Arch. Precondition as for sum.
template <class Arch = default_arch, class T>
std::size_t argmin(const T* p, std::size_t n) {
    return detail::reduce<Arch>(argmin_reducer<T>{}, p, n);
}

/// Returns the index of the first smallest element of [p, p + n), ignoring NaN (numpy's
/// nanargmin, except that only NaNs give n rather than an error).
template <class Arch = default_arch, class T>
std::size_t argmin(const T* p, std::size_t n, skip_nan_t) {
    return detail::reduce<Arch>(argmin_reducer<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the index of the first smallest element of a contiguous range.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
std::size_t argmin(const Range& r) {
    return argmin<Arch>(std::data(r), std::size(r));
}

/// Returns the index of the first smallest element of a contiguous range, ignoring NaN.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
std::size_t argmin(const Range& r, skip_nan_t skip) {
    return argmin<Arch>(std::data(r), std::size(r), skip);
}

/// Returns the index of the first largest element of [p, p + n): as argmin, in max's order
/// (+0.0 above -0.0, any NaN the largest).
template <class Arch = default_arch, class T>
std::size_t argmax(const T* p, std::size_t n) {
    return detail::reduce<Arch>(argmax_reducer<T>{}, p, n);
}

/// Returns the index of the first largest element of [p, p + n), ignoring NaN.
template <class Arch = default_arch, class T>
std::size_t argmax(const T* p, std::size_t n, skip_nan_t) {
    return detail::reduce<Arch>(argmax_reducer<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the index of the first largest element of a contiguous range.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
std::size_t argmax(const Range& r) {
    return argmax<Arch>(std::data(r), std::size(r));
}

/// Returns the index of the first largest element of a contiguous range, ignoring NaN.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
std::size_t argmax(const Range& r, skip_nan_t skip) {
    return argmax<Arch>(std::data(r), std::size(r), skip);
}

}  // namespace simdreduce

#endif
