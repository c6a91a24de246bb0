// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_API_REDUCE_HPP
#define SIMDREDUCE_API_REDUCE_HPP

// The named functions. Each one picks its reducer and hands it to the engine; nothing here
// loops.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "../arch.hpp"
#include "../engine/fold.hpp"
#include "../reducers/named.hpp"
#include "inputs.hpp"
#include "partial.hpp"

namespace simdreduce {

namespace detail {

template <class Arch, class R, class T>
typename R::result_type reduce(const R& r, const T* p, std::size_t n) {
    check_input<Arch>(p, n);
    return engine::run<Arch>(r, engine::input<T>{p}, n);
}

}  // namespace detail

/// Returns the mergeable state of reducer r over the n elements from p, where p[0] is element
/// `offset` of the whole input (see partial_state). Throws std::invalid_argument unless
/// offset is a multiple of block_size<R> or n == 0 (an empty piece may stand anywhere). Folding
/// [0, n) whole and finishing gives the bits of the matching named function (sum, filter_map_sum).
template <class Arch = default_arch, class R, class T>
partial_state<R> fold(const R& r, const T* p, std::size_t n, std::size_t offset = 0) {
    detail::require_enabled_arch<Arch>();
    return detail::fold_piece(r, p, n, offset, [&](engine::detail::node<R>* nodes, std::size_t first_block) {
        return engine::run_piece<Arch>(r, engine::input<T>{p}, n, first_block, nodes);
    });
}

/// Returns the sum of [p, p + n) accumulated in Acc, on the architecture Arch.
///
/// Floating-point results are bit-identical on every Arch (see README, "Determinism").
/// The empty sum is -0.0 for floats and 0 for integers. NaN and Inf propagate as in IEEE.
/// Integer sums are exact modulo 2^(bits of Acc); 64-bit accumulators never lose a carry.
/// Precondition: p != nullptr or n == 0; [p, p + n) is readable. Any alignment.
template <class Arch = default_arch, class T, class Acc>
Acc sum(const T* p, std::size_t n, accumulate_in_t<Acc>) {
    return detail::reduce<Arch>(sum_reducer<T, Acc>{}, p, n);
}

/// Returns the sum of [p, p + n) in the default accumulator: float in float, double in
/// double, narrower integers in int64_t / uint64_t.
template <class Arch = default_arch, class T>
default_accumulator_t<T> sum(const T* p, std::size_t n) {
    return sum<Arch>(p, n, accumulate_in<default_accumulator_t<T>>);
}

/// Returns the sum of a contiguous range (std::vector, std::array, std::span, C array).
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto sum(const Range& r) {
    return sum<Arch>(std::data(r), std::size(r));
}

/// Returns the sum of a contiguous range accumulated in Acc.
template <class Arch = default_arch, class Range, class Acc, detail::enable_if_range<Range> = 0>
Acc sum(const Range& r, accumulate_in_t<Acc> acc) {
    return sum<Arch>(std::data(r), std::size(r), acc);
}

/// Returns the sum of [p, p + n) of float or double with a compensation a lane (Sum2 of Ogita,
/// Rump and Oishi, in sum's order): about twice the working precision. Bit-identical on every
/// Arch and for every split. With S the exact sum, u the unit roundoff and h = 140 + 4
/// ceil(log2 n), |result - S| <= u |S| + (h u / (1 - h u))^2 sum |x| (README, Accuracy).
/// The empty sum is -0.0; where the plain sum is Inf or NaN, so is this one. A translation unit
/// built with -ffast-math or GCC's -fassociative-math does not compile a call (a static_assert
/// says why). Precondition as for sum.
template <class Arch = default_arch, class T>
T compensated_sum(const T* p, std::size_t n) {
    return detail::reduce<Arch>(compensated_sum_reducer<T>{}, p, n);
}

/// Returns the compensated sum of a contiguous range.
template <class Arch = default_arch, class Range, detail::enable_if_range<Range> = 0>
auto compensated_sum(const Range& r) {
    return compensated_sum<Arch>(std::data(r), std::size(r));
}

/// Returns the sum of map(x) over the elements x of [p, p + n) for which pred(x) holds,
/// fused in one pass. Each element is first converted to Acc; pred and map are then
/// called on Acc and on xsimd::batch<Acc, Arch> (write them as generic lambdas or functors
/// with a templated call operator). map must return Acc, or batch<Acc, Arch> on a batch.
/// A rejected element contributes nothing, even if map would make it NaN or Inf.
/// Precondition as for sum; for signed integers, map must not overflow on the elements
/// pred accepts (the scalar path would be undefined; the SIMD paths wrap).
template <class Arch = default_arch, class T, class Pred, class Map, class Acc>
Acc filter_map_sum(const T* p, std::size_t n, Pred pred, Map map, accumulate_in_t<Acc>) {
    return detail::reduce<Arch>(filter_map_sum_reducer<T, Pred, Map, Acc>{std::move(pred), std::move(map)}, p, n);
}

/// Returns the filtered, mapped sum in the default accumulator of T.
template <class Arch = default_arch, class T, class Pred, class Map>
default_accumulator_t<T> filter_map_sum(const T* p, std::size_t n, Pred pred, Map map) {
    return filter_map_sum<Arch>(p, n, std::move(pred), std::move(map), accumulate_in<default_accumulator_t<T>>);
}

/// Returns the filtered, mapped sum of a contiguous range.
template <class Arch = default_arch, class Range, class Pred, class Map, detail::enable_if_range<Range> = 0>
auto filter_map_sum(const Range& r, Pred pred, Map map) {
    return filter_map_sum<Arch>(std::data(r), std::size(r), std::move(pred), std::move(map));
}

/// Returns the filtered, mapped sum of a contiguous range accumulated in Acc.
template <class Arch = default_arch, class Range, class Pred, class Map, class Acc,
          detail::enable_if_range<Range> = 0>
Acc filter_map_sum(const Range& r, Pred pred, Map map, accumulate_in_t<Acc> acc) {
    return filter_map_sum<Arch>(std::data(r), std::size(r), std::move(pred), std::move(map), acc);
}

/// Returns the sum of a[i] * b[i] over [0, n), in Acc. Floats: each element converted to Acc
/// (float or double) and each product rounded before it is added, in sum's order: the bits of
/// sum over the array of the products, on every Arch (no fused multiply-add on any path). NaN
/// and Inf propagate (0 * Inf is NaN); the empty dot is -0.0. Integers: exact modulo 2^64 in
/// Acc = int64_t or uint64_t, every element sign- or zero-extended to 64 bits first. Nothing
/// saturates and no path overflows: the result is the exact dot wherever that fits Acc (a dot
/// of 8- or 16-bit integers always does below 2^31 elements), and wraps modulo 2^64 as an
/// integer sum does otherwise. The empty dot is 0. Precondition as for sum, for both a and b.
template <class Arch = default_arch, class T, class Acc>
Acc dot(const T* a, const T* b, std::size_t n, accumulate_in_t<Acc>) {
    detail::check_input<Arch>(a, n);
    detail::check_range(b, n);
    return engine::run<Arch>(dot_reducer<T, Acc>{}, engine::input<T, T>{a, b}, n);
}

/// Returns the dot of [a, a + n) and [b, b + n) in the default accumulator of T: float in
/// float, double in double, integers in int64_t / uint64_t.
template <class Arch = default_arch, class T>
default_accumulator_t<T> dot(const T* a, const T* b, std::size_t n) {
    return dot<Arch>(a, b, n, accumulate_in<default_accumulator_t<T>>);
}

/// Returns the dot of two contiguous ranges of the same length (a debug assertion checks it), in Acc.
template <class Arch = default_arch, class RangeA, class RangeB, class Acc, detail::enable_if_range<RangeA> = 0,
          detail::enable_if_range<RangeB> = 0>
Acc dot(const RangeA& a, const RangeB& b, accumulate_in_t<Acc> acc) {
    SIMDREDUCE_ASSERT(std::size(a) == std::size(b), "dot: the two ranges must have the same length");
    return dot<Arch>(std::data(a), std::data(b), std::size(a), acc);
}

/// Returns the dot of two contiguous ranges of the same length, in the default accumulator of
/// their element type.
template <class Arch = default_arch, class RangeA, class RangeB, detail::enable_if_range<RangeA> = 0,
          detail::enable_if_range<RangeB> = 0>
auto dot(const RangeA& a, const RangeB& b) {
    return dot<Arch>(a, b, accumulate_in<default_accumulator_t<detail::range_element_t<RangeA>>>);
}

/// Returns the sum, accumulated in Acc, of the values[i] of [0, n) whose mask[i] is nonzero
/// (true). mask is bool or uint8_t. A masked-out value never reaches the sum, NaN and Inf
/// included: the result has the bits of sum over the values with each masked-out one replaced
/// by -0.0, on every Arch. The empty sum, and the sum with no value kept, is -0.0 for floats.
/// Precondition as for sum, for both values and mask.
template <class Arch = default_arch, class T, class M, class Acc>
Acc sum_where(const T* values, const M* mask, std::size_t n, accumulate_in_t<Acc>) {
    detail::check_input<Arch>(values, n);
    const std::uint8_t* bytes = detail::mask_bytes(mask);
    detail::check_range(bytes, n);
    return engine::run<Arch>(sum_where_reducer<T, Acc>{}, engine::input<T, std::uint8_t>{values, bytes}, n);
}

/// Returns the masked sum in the default accumulator of T.
template <class Arch = default_arch, class T, class M>
default_accumulator_t<T> sum_where(const T* values, const M* mask, std::size_t n) {
    return sum_where<Arch>(values, mask, n, accumulate_in<default_accumulator_t<T>>);
}

/// Returns the masked sum of two contiguous ranges of the same length (a debug assertion
/// checks it): values, and a mask of bool or uint8_t, in Acc.
template <class Arch = default_arch, class Values, class Mask, class Acc, detail::enable_if_range<Values> = 0,
          detail::enable_if_mask_range<Mask> = 0>
Acc sum_where(const Values& values, const Mask& mask, accumulate_in_t<Acc> acc) {
    SIMDREDUCE_ASSERT(std::size(values) == std::size(mask), "sum_where: the values and the mask must have the same length");
    return sum_where<Arch>(std::data(values), std::data(mask), std::size(values), acc);
}

/// Returns the masked sum of two contiguous ranges in the default accumulator.
template <class Arch = default_arch, class Values, class Mask, detail::enable_if_range<Values> = 0,
          detail::enable_if_mask_range<Mask> = 0>
auto sum_where(const Values& values, const Mask& mask) {
    return sum_where<Arch>(values, mask, accumulate_in<default_accumulator_t<detail::range_element_t<Values>>>);
}

/// std::vector<bool> packs its bits, so it has no bytes to read: a clear error instead.
template <class Arch = default_arch, class Values, class Alloc, class... Acc>
void sum_where(const Values&, const std::vector<bool, Alloc>&, Acc...) {
    static_assert(detail::dependent_false<Alloc>,
                  "simdreduce::sum_where: std::vector<bool> packs bits and has no bytes to read; "
                  "pass a std::vector<std::uint8_t> (or an array of bool) as the mask");
}

/// Returns the number of elements x of [p, p + n) for which pred(x) holds, exactly, as a
/// std::size_t. pred is called on T and on xsimd::batch<T, Arch>, with no conversion (an
/// int8 count compares int8 lanes), and must return bool and xsimd::batch_bool<T, Arch>: a
/// generic lambda such as [](auto x) { return x > 0; }. NaN compares false, so x > 0 does not
/// count it. The empty input counts 0. Precondition as for sum.
template <class Arch = default_arch, class T, class Pred>
std::size_t count_if(const T* p, std::size_t n, Pred pred) {
    return detail::reduce<Arch>(count_if_reducer<T, Pred>{std::move(pred)}, p, n);
}

/// Returns the number of elements of a contiguous range for which pred holds.
template <class Arch = default_arch, class Range, class Pred, detail::enable_if_range<Range> = 0>
std::size_t count_if(const Range& r, Pred pred) {
    return count_if<Arch>(std::data(r), std::size(r), std::move(pred));
}

}  // namespace simdreduce

#endif
