// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_DISPATCH_HPP
#define SIMDREDUCE_DISPATCH_HPP

// Runtime dispatch: one binary runs the widest path the CPU supports. simdreduce.hpp includes
// this header; a call compiles only in a target set up with simdreduce_enable_dispatch (CMake)
// or the manual recipe in the README, which compile the per-architecture kernels. The code
// that calls it keeps baseline flags.
//
//   sr::dispatch::sum(p, n)                    same results as sr::sum<best path>(p, n)
//   sr::dispatch::min(v), max(v, sr::skip_nan)  min and max, with extremum_kernels listed
//   sr::dispatch::minmax(v)                    both in one pass, with minmax_kernels listed
//   sr::dispatch::argmin(v), argmax(v)         with arg_extremum_kernels listed
//   sr::dispatch::filter_map_sum(v, pred, map) pred, map: named functors listed in KERNELS
//   sr::dispatch::count_if(v, pred)            pred: a named functor, count_if_kernel listed
//   sr::dispatch::dot(a, b)                    floats and integers; dot_kernels lists them
//   sr::dispatch::sum_where(v, mask)           floats; sum_where_kernels lists them
//   sr::dispatch::compensated_sum(v)           floats; compensated_sum_kernels lists them
//   sr::dispatch::mean(v), variance(v, ddof)   the built-in sums; variance_kernels, mean_kernels
//   sr::dispatch::fold(reducer, p, n, offset)  a piece's mergeable state, as sr::fold
//   sr::dispatch::active_arch()                "avx2", "sse2", ...
//   sr::dispatch::force("sse2"), reset()       or the environment: SIMDREDUCE_ARCH=sse2
#include <cstddef>
#include <iterator>
#include <vector>

#include "api/inputs.hpp"
#include "api/partial.hpp"
#include "reducers/accumulator.hpp"
#include "targets/choice.hpp"
#include "targets/kernel.hpp"

namespace simdreduce {
namespace dispatch {
inline namespace SIMDREDUCE_DISPATCH_CONFIGURATION {

// The same overloads as simdreduce::sum, filter_map_sum and fold (api/reduce.hpp), with the
// same results, on the active path. Each kernel they run must be compiled in: the built-in
// list has sum for every element type; min and max need extremum_kernels in the target's
// KERNELS list (targets/kernel.hpp), and other kernels go there too, or
// the link fails naming the missing simdreduce::dispatch::entry<...>.

/// Returns the sum of [p, p + n) in Acc on the active path; needs sum_kernel<T, Acc>.
template <class T, class Acc>
Acc sum(const T* p, std::size_t n, accumulate_in_t<Acc>) {
    return detail::run(sum_kernel<T, Acc>{}, p, n);
}

/// Returns the sum of [p, p + n) in the default accumulator on the active path.
template <class T>
default_accumulator_t<T> sum(const T* p, std::size_t n) {
    return dispatch::sum(p, n, accumulate_in<default_accumulator_t<T>>);
}

/// Returns the sum of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto sum(const Range& r) {
    return dispatch::sum(std::data(r), std::size(r));
}

/// Returns the sum of a contiguous range in Acc on the active path.
template <class Range, class Acc, simdreduce::detail::enable_if_range<Range> = 0>
Acc sum(const Range& r, accumulate_in_t<Acc> acc) {
    return dispatch::sum(std::data(r), std::size(r), acc);
}

/// Returns the filtered, mapped sum in Acc on the active path; needs
/// filter_map_sum_kernel<T, Pred, Map, Acc>.
template <class T, class Pred, class Map, class Acc>
Acc filter_map_sum(const T* p, std::size_t n, const Pred& pred, const Map& map, accumulate_in_t<Acc>) {
    return detail::run(filter_map_sum_kernel<T, Pred, Map, Acc>{{pred, map}}, p, n);
}

/// Returns the filtered, mapped sum in the default accumulator on the active path.
template <class T, class Pred, class Map>
default_accumulator_t<T> filter_map_sum(const T* p, std::size_t n, const Pred& pred, const Map& map) {
    return dispatch::filter_map_sum(p, n, pred, map, accumulate_in<default_accumulator_t<T>>);
}

/// Returns the filtered, mapped sum of a contiguous range on the active path.
template <class Range, class Pred, class Map, simdreduce::detail::enable_if_range<Range> = 0>
auto filter_map_sum(const Range& r, const Pred& pred, const Map& map) {
    return dispatch::filter_map_sum(std::data(r), std::size(r), pred, map);
}

/// Returns the filtered, mapped sum of a contiguous range in Acc on the active path.
template <class Range, class Pred, class Map, class Acc, simdreduce::detail::enable_if_range<Range> = 0>
Acc filter_map_sum(const Range& r, const Pred& pred, const Map& map, accumulate_in_t<Acc> acc) {
    return dispatch::filter_map_sum(std::data(r), std::size(r), pred, map, acc);
}

/// Returns the number of elements of [p, p + n) that pred accepts, on the active path:
/// simdreduce::count_if's result. Needs count_if_kernel<T, Pred>.
template <class T, class Pred>
std::size_t count_if(const T* p, std::size_t n, const Pred& pred) {
    return detail::run(count_if_kernel<T, Pred>{{pred}}, p, n);
}

/// Returns the number of elements of a contiguous range that pred accepts, on the active path.
template <class Range, class Pred, simdreduce::detail::enable_if_range<Range> = 0>
std::size_t count_if(const Range& r, const Pred& pred) {
    return dispatch::count_if(std::data(r), std::size(r), pred);
}

/// Returns the dot of [a, a + n) and [b, b + n) in Acc on the active path: simdreduce::dot's
/// bits. Needs dot_kernel<T, Acc> (dot_kernels lists those of float and double, and of every
/// integer type in its default accumulator).
template <class T, class Acc>
Acc dot(const T* a, const T* b, std::size_t n, accumulate_in_t<Acc>) {
    simdreduce::detail::check_range(a, n);
    simdreduce::detail::check_range(b, n);
    return detail::run(dot_kernel<T, Acc>{}, {a, b}, n);
}

/// Returns the dot of [a, a + n) and [b, b + n) in the default accumulator of T on the
/// active path.
template <class T>
default_accumulator_t<T> dot(const T* a, const T* b, std::size_t n) {
    return dispatch::dot(a, b, n, accumulate_in<default_accumulator_t<T>>);
}

/// Returns the dot of two contiguous ranges of the same length (a debug assertion checks
/// it), in Acc, on the active path.
template <class RangeA, class RangeB, class Acc, simdreduce::detail::enable_if_range<RangeA> = 0,
          simdreduce::detail::enable_if_range<RangeB> = 0>
Acc dot(const RangeA& a, const RangeB& b, accumulate_in_t<Acc> acc) {
    SIMDREDUCE_ASSERT(std::size(a) == std::size(b), "dot: the two ranges must have the same length");
    return dispatch::dot(std::data(a), std::data(b), std::size(a), acc);
}

/// Returns the dot of two contiguous ranges of the same length, in the default accumulator of
/// their element type, on the active path.
template <class RangeA, class RangeB, simdreduce::detail::enable_if_range<RangeA> = 0,
          simdreduce::detail::enable_if_range<RangeB> = 0>
auto dot(const RangeA& a, const RangeB& b) {
    return dispatch::dot(a, b, accumulate_in<default_accumulator_t<simdreduce::detail::range_element_t<RangeA>>>);
}

/// Returns the sum in Acc of the values of [0, n) whose mask byte (bool or uint8_t) is nonzero,
/// on the active path: simdreduce::sum_where's bits. Needs sum_where_kernel<T, Acc>
/// (sum_where_kernels lists those of float and double).
template <class T, class M, class Acc>
Acc sum_where(const T* values, const M* mask, std::size_t n, accumulate_in_t<Acc>) {
    const std::uint8_t* bytes = simdreduce::detail::mask_bytes(mask);
    simdreduce::detail::check_range(values, n);
    simdreduce::detail::check_range(bytes, n);
    return detail::run(sum_where_kernel<T, Acc>{}, {values, bytes}, n);
}

/// Returns the masked sum in the default accumulator of T on the active path.
template <class T, class M>
default_accumulator_t<T> sum_where(const T* values, const M* mask, std::size_t n) {
    return dispatch::sum_where(values, mask, n, accumulate_in<default_accumulator_t<T>>);
}

/// Returns the masked sum of two contiguous ranges of the same length (a debug assertion
/// checks it), in Acc, on the active path.
template <class Values, class Mask, class Acc, simdreduce::detail::enable_if_range<Values> = 0,
          simdreduce::detail::enable_if_mask_range<Mask> = 0>
Acc sum_where(const Values& values, const Mask& mask, accumulate_in_t<Acc> acc) {
    SIMDREDUCE_ASSERT(std::size(values) == std::size(mask), "sum_where: the values and the mask must have the same length");
    return dispatch::sum_where(std::data(values), std::data(mask), std::size(values), acc);
}

/// Returns the masked sum of two contiguous ranges in the default accumulator, on the active path.
template <class Values, class Mask, simdreduce::detail::enable_if_range<Values> = 0,
          simdreduce::detail::enable_if_mask_range<Mask> = 0>
auto sum_where(const Values& values, const Mask& mask) {
    return dispatch::sum_where(values, mask, accumulate_in<default_accumulator_t<simdreduce::detail::range_element_t<Values>>>);
}

/// std::vector<bool> packs its bits, so it has no bytes to read: a clear error instead.
template <class Values, class Alloc, class... Acc>
void sum_where(const Values&, const std::vector<bool, Alloc>&, Acc...) {
    static_assert(simdreduce::detail::dependent_false<Alloc>,
                  "simdreduce::dispatch::sum_where: std::vector<bool> packs bits and has no bytes to read; "
                  "pass a std::vector<std::uint8_t> (or an array of bool) as the mask");
}

/// Returns the mergeable state of reducer r over the n elements from p, p[0] being element
/// `offset` of the input, folded on the active path: simdreduce::fold's result, bit for bit.
/// Needs kernel<T, R>; throws std::invalid_argument as simdreduce::fold does.
template <class R, class T>
partial_state<R> fold(const R& r, const T* p, std::size_t n, std::size_t offset = 0) {
    const kernel<T, R> k{r};
    return simdreduce::detail::fold_piece(r, p, n, offset, [&](engine::detail::node<R>* nodes, std::size_t first_block) {
        return detail::with_arch<kernel<T, R>>(detail::active(), [&](auto arch) {
            return entry<kernel<T, R>>::template run_piece<decltype(arch)>({p}, n, first_block, nodes, k);
        });
    });
}

}  // namespace SIMDREDUCE_DISPATCH_CONFIGURATION
}  // namespace dispatch
}  // namespace simdreduce

// The twins of the extrema and the moments, in files of their own.
#include "dispatch/extrema.hpp"
#include "dispatch/moments.hpp"

#endif
