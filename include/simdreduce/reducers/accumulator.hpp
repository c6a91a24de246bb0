// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_ACCUMULATOR_HPP
#define SIMDREDUCE_REDUCERS_ACCUMULATOR_HPP

#include <cstdint>
#include <type_traits>

namespace simdreduce {

// The element types every reducer accepts.
template <class T>
inline constexpr bool is_element_type =
    std::is_same<T, float>::value || std::is_same<T, double>::value ||
    std::is_same<T, std::int8_t>::value || std::is_same<T, std::uint8_t>::value ||
    std::is_same<T, std::int16_t>::value || std::is_same<T, std::uint16_t>::value ||
    std::is_same<T, std::int32_t>::value || std::is_same<T, std::uint32_t>::value ||
    std::is_same<T, std::int64_t>::value || std::is_same<T, std::uint64_t>::value;

// The type a reduction of T accumulates in, and returns, unless the caller chooses another:
// float in float, double in double, integers in 64 bits of the same signedness. Integer
// sums are exact modulo 2^64, as numpy's default integer sum.
template <class T>
struct default_accumulator {
    static_assert(is_element_type<T>,
                  "simdreduce: element type must be float, double or a fixed-width integer "
                  "(int8_t ... uint64_t)");
    using type = std::conditional_t<
        std::is_floating_point<T>::value, T,
        std::conditional_t<std::is_signed<T>::value, std::int64_t, std::uint64_t>>;
};

template <class T>
using default_accumulator_t = typename default_accumulator<T>::type;

// Tag that chooses the accumulator: `sum(v, accumulate_in<double>)` sums float data in
// double; `sum(bytes, accumulate_in<std::uint8_t>)` wraps around in the element's width.
template <class Acc>
struct accumulate_in_t {
    static_assert(is_element_type<Acc>,
                  "simdreduce: the accumulator must be float, double or a fixed-width integer");
    using type = Acc;
};

template <class Acc>
inline constexpr accumulate_in_t<Acc> accumulate_in{};

}  // namespace simdreduce

#endif
