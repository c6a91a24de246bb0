// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_API_EXTREMA_HPP
#define SIMDREDUCE_API_EXTREMA_HPP

// min, max and minmax: the reducers of reducers/extremum.hpp behind the same overloads as sum.
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

}  // namespace simdreduce

#endif
