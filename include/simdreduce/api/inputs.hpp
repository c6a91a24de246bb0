// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_API_INPUTS_HPP
#define SIMDREDUCE_API_INPUTS_HPP

// Where pointers and ranges become (p, n), and where preconditions are checked: once, for
// every public function.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>
#include <utility>

#include "../arch.hpp"
#include "../detail/config.hpp"
#include "../reducers/accumulator.hpp"

namespace simdreduce {
namespace detail {

// The preconditions every function states: p may be null only when n == 0, and p + n does
// not overflow the address space.
template <class T>
inline void check_range(const T* p, std::size_t n) {
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

template <class Arch, class T>
inline void check_input(const T* p, std::size_t n) {
    require_enabled_arch<Arch>();
    check_range(p, n);
}

// mean's exact sum of 32-bit integers fits in 64 bits for up to 2^32 of them.
template <class T>
inline void check_mean_length(std::size_t n) {
    (void)n;
    if constexpr (std::is_integral<T>::value && sizeof(T) == 4 && sizeof(std::size_t) == 8) {
        SIMDREDUCE_ASSERT(n <= (std::size_t(1) << 32), "mean: more than 2^32 32-bit integers could overflow the exact sum");
    }
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

// A mask's element (sum_where): bool or uint8_t, read as bytes, nonzero where set.
template <class M>
inline constexpr bool is_mask_element = std::is_same<M, bool>::value || std::is_same<M, std::uint8_t>::value;

template <class M>
inline const std::uint8_t* mask_bytes(const M* mask) {
    static_assert(is_mask_element<M>,
                  "simdreduce: a mask must be of bool or uint8_t (an element counts where it is nonzero)");
    static_assert(sizeof(bool) == 1 && std::is_same<std::uint8_t, unsigned char>::value,
                  "simdreduce: a bool mask is read as bytes");
    return reinterpret_cast<const std::uint8_t*>(mask);  // unsigned char may read any object
}

template <class R, class = void>
struct is_mask_range : std::false_type {};
template <class R>
struct is_mask_range<R, std::void_t<decltype(std::data(std::declval<R&>())), decltype(std::size(std::declval<R&>()))>>
    : std::bool_constant<is_mask_element<range_element_t<R>>> {};

template <class R>
using enable_if_mask_range = std::enable_if_t<is_mask_range<R>::value, int>;

// False, but only once T is known: a static_assert that fires when a template is used.
template <class T>
inline constexpr bool dependent_false = false;

}  // namespace detail
}  // namespace simdreduce

#endif
