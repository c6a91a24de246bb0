// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_API_MOMENTS_HPP
#define SIMDREDUCE_API_MOMENTS_HPP

// mean and variance. The mean is sum's result divided by n; the variance has a loop of its
// own (engine/moments.hpp).
#include <cstddef>

#include "../arch.hpp"
#include "../engine/fold.hpp"
#include "../reducers/named.hpp"
#include "inputs.hpp"
#include "reduce.hpp"

namespace simdreduce {

/// Returns the arithmetic mean of [p, p + n) in Acc (float or double): sum's result in Acc
/// divided by n, so bit-identical on every Arch. Integers narrower than 64 bits are summed
/// exactly and divided once (precondition for 32-bit integers: n <= 2^32); 64-bit integers
/// are added in Acc. The empty mean is NaN, as numpy's. Precondition as for sum.
template <class Arch = default_arch, class T, class Acc>
Acc mean(const T* p, std::size_t n, accumulate_in_t<Acc>) {
    detail::check_mean_length<T>(n);
    if constexpr (reducers::mean_sums_exactly<T>) {
        return reducers::mean_of_sum<Acc>(sum<Arch>(p, n), n);
    } else {
        return reducers::mean_of_sum<Acc>(sum<Arch>(p, n, accumulate_in<Acc>), n);
    }
}

/// Returns the mean of [p, p + n): float in float, double in double, integers in double.
template <class Arch = default_arch, class T>
moments_accumulator_t<T> mean(const T* p, std::size_t n) {
    return mean<Arch>(p, n, accumulate_in<moments_accumulator_t<T>>);
}

/// Returns the mean of a contiguous range.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto mean(const Range& r) {
    return mean<Arch>(std::data(r), std::size(r));
}

/// Returns the mean of a contiguous range in Acc.
template <class Arch = default_arch, class Range, class Acc, detail::enable_if_range<Range> = 0>
Acc mean(const Range& r, accumulate_in_t<Acc> acc) {
    return mean<Arch>(std::data(r), std::size(r), acc);
}

/// Returns the variance of [p, p + n) in Acc (float or double) with n - ddof degrees of
/// freedom: the population variance by default, ddof = 1 for the sample variance, as numpy's
/// np.var. NaN for the empty input and for ddof >= n; NaN where an element is NaN or Inf.
/// Two passes over each chunk of 8 blocks, the second while the chunk is in cache, and the
/// chunks merged pairwise (README, Accuracy): bit-identical on every Arch. Precondition as for
/// sum.
template <class Arch = default_arch, class T, class Acc>
Acc variance(const T* p, std::size_t n, std::size_t ddof, accumulate_in_t<Acc>) {
    detail::check_input<Arch>(p, n);
    return engine::run<Arch>(variance_reducer<T, Acc>{ddof}, engine::input<T>{p}, n);
}

/// Returns the variance of [p, p + n) with n - ddof degrees of freedom: float in float, double
/// in double, integers in double.
template <class Arch = default_arch, class T>
moments_accumulator_t<T> variance(const T* p, std::size_t n, std::size_t ddof = 0) {
    return variance<Arch>(p, n, ddof, accumulate_in<moments_accumulator_t<T>>);
}

/// Returns the variance of a contiguous range with n - ddof degrees of freedom.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto variance(const Range& r, std::size_t ddof = 0) {
    return variance<Arch>(std::data(r), std::size(r), ddof);
}

/// Returns the variance of a contiguous range with n - ddof degrees of freedom, in Acc.
template <class Arch = default_arch, class Range, class Acc, detail::enable_if_range<Range> = 0>
Acc variance(const Range& r, std::size_t ddof, accumulate_in_t<Acc> acc) {
    return variance<Arch>(std::data(r), std::size(r), ddof, acc);
}

}  // namespace simdreduce

#endif
