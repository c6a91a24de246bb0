// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCE_HPP
#define SIMDREDUCE_REDUCE_HPP

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>
#include <utility>

#include "arch.hpp"
#include "detail/config.hpp"
#include "kernels/fixed_order_fold.hpp"
#include "kernels/widening_sum.hpp"
#include "ops/accumulator.hpp"
#include "ops/element_map.hpp"
#include "ops/plus.hpp"

namespace simdreduce {
namespace detail {

template <class T, class Acc>
inline constexpr bool use_widening_sum = std::is_integral<T>::value && std::is_integral<Acc>::value &&
                                         sizeof(T) < 8 && sizeof(Acc) == 8;

// Modular conversion of a 64-bit pattern to Acc, written so that it is defined before C++20.
template <class Acc>
inline Acc from_u64_bits(std::uint64_t bits) noexcept {
    if constexpr (std::is_signed<Acc>::value) {
        return bits <= std::uint64_t(INT64_MAX) ? static_cast<Acc>(bits)
                                                : static_cast<Acc>(-static_cast<Acc>(~bits) - 1);
    } else {
        return static_cast<Acc>(bits);
    }
}

template <class Arch, class Acc, class T>
inline void check_arguments(const T* p, std::size_t n) {
    require_enabled_arch<Arch>();
    static_assert(is_element_type<T>,
                  "simdreduce: element type must be float, double or a fixed-width integer "
                  "(int8_t ... uint64_t)");
    (void)p;
    (void)n;
    SIMDREDUCE_ASSERT(p != nullptr || n == 0, "a null pointer needs n == 0");
    SIMDREDUCE_ASSERT(n <= std::size_t(PTRDIFF_MAX) / sizeof(T) &&
                          reinterpret_cast<std::uintptr_t>(p) <= UINTPTR_MAX - n * sizeof(T),
                      "p + n must not overflow the address space");
}

// Contiguous ranges: anything std::data and std::size accept (vector, array, span, C array).
template <class R>
using range_element_t = std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<R&>()))>>;

template <class R, class = void>
struct is_contiguous_range : std::false_type {};
template <class R>
struct is_contiguous_range<R, std::void_t<decltype(std::data(std::declval<R&>())),
                                          decltype(std::size(std::declval<R&>()))>>
    : std::bool_constant<is_element_type<range_element_t<R>>> {};

template <class R>
using enable_if_range = std::enable_if_t<is_contiguous_range<R>::value, int>;

}  // namespace detail

/// Returns the sum of [p, p + n) accumulated in Acc, on the architecture Arch.
///
/// Floating-point results are bit-identical on every Arch (see README, "Determinism").
/// The empty sum is -0.0 for floats and 0 for integers. NaN and Inf propagate as in IEEE.
/// Integer sums are exact modulo 2^(bits of Acc); 64-bit accumulators never lose a carry.
/// Precondition: p != nullptr or n == 0; [p, p + n) is readable. Any alignment.
template <class Arch = default_arch, class T, class Acc>
Acc sum(const T* p, std::size_t n, accumulate_in_t<Acc>) {
    detail::check_arguments<Arch, Acc>(p, n);
    if constexpr (detail::use_widening_sum<T, Acc>) {
        return detail::from_u64_bits<Acc>(kernels::widening_sum<Arch>(p, n));
    } else {
        return kernels::fixed_order_fold<Arch, ops::plus, Acc>(p, n, ops::identity_map{});
    }
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

/// Returns the sum of map(x) over the elements x of [p, p + n) for which pred(x) holds,
/// fused in one pass. Each element is first converted to Acc; pred and map are then
/// called on Acc and on xsimd::batch<Acc, Arch> (write them as generic lambdas or functors
/// with a templated call operator). map must return Acc, or batch<Acc, Arch> on a batch.
/// A rejected element contributes nothing, even if map would make it NaN or Inf.
/// Precondition as for sum; for signed integers, map must not overflow on the elements
/// pred accepts (the scalar path would be undefined; the SIMD paths wrap).
template <class Arch = default_arch, class T, class Pred, class Map, class Acc>
Acc filter_map_sum(const T* p, std::size_t n, Pred pred, Map map, accumulate_in_t<Acc>) {
    detail::check_arguments<Arch, Acc>(p, n);
    const ops::filter_then_map<Pred, Map> element_map{std::move(pred), std::move(map)};
    return kernels::fixed_order_fold<Arch, ops::plus, Acc>(p, n, element_map);
}

/// Returns the filtered, mapped sum in the default accumulator of T.
template <class Arch = default_arch, class T, class Pred, class Map>
default_accumulator_t<T> filter_map_sum(const T* p, std::size_t n, Pred pred, Map map) {
    return filter_map_sum<Arch>(p, n, std::move(pred), std::move(map),
                                accumulate_in<default_accumulator_t<T>>);
}

/// Returns the filtered, mapped sum of a contiguous range.
template <class Arch = default_arch, class Range, class Pred, class Map,
          detail::enable_if_range<Range> = 0>
auto filter_map_sum(const Range& r, Pred pred, Map map) {
    return filter_map_sum<Arch>(std::data(r), std::size(r), std::move(pred), std::move(map));
}

/// Returns the filtered, mapped sum of a contiguous range accumulated in Acc.
template <class Arch = default_arch, class Range, class Pred, class Map, class Acc,
          detail::enable_if_range<Range> = 0>
Acc filter_map_sum(const Range& r, Pred pred, Map map, accumulate_in_t<Acc> acc) {
    return filter_map_sum<Arch>(std::data(r), std::size(r), std::move(pred), std::move(map), acc);
}

}  // namespace simdreduce

#endif
