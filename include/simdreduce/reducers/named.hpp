// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_NAMED_HPP
#define SIMDREDUCE_REDUCERS_NAMED_HPP

// The reducer behind each named function, by element type and accumulator: what simdreduce::fold
// takes, and what a dispatched kernel (targets/kernel.hpp) names.
#include <type_traits>

#include "accumulator.hpp"
#include "arg_extremum.hpp"
#include "both.hpp"
#include "compensated_sum.hpp"
#include "count_if.hpp"
#include "dot.hpp"
#include "extremum.hpp"
#include "filter_map_sum.hpp"
#include "minmax.hpp"
#include "moments.hpp"
#include "sum.hpp"
#include "sum_where.hpp"
#include "widening_sum.hpp"

namespace simdreduce {
namespace reducers {

// Integers narrower than 64 bits summed into 64 bits take the widening primitives.
template <class T, class Acc>
inline constexpr bool widens = std::is_integral<T>::value && std::is_integral<Acc>::value && sizeof(T) < 8 &&
                               sizeof(Acc) == 8;

}  // namespace reducers

// sum(T*, n, accumulate_in<Acc>): narrow integers summed into 64 bits widen exactly; everything
// else adds in Acc.
template <class T, class Acc = default_accumulator_t<T>>
using sum_reducer =
    std::conditional_t<reducers::widens<T, Acc>, reducers::widening_sum<T, Acc>, reducers::sum<Acc>>;

// filter_map_sum(T*, n, pred, map, accumulate_in<Acc>).
template <class T, class Pred, class Map, class Acc = default_accumulator_t<T>>
using filter_map_sum_reducer = reducers::filter_map_sum<Pred, Map, Acc>;

// dot(T*, T*, n, accumulate_in<Acc>): floats, multiplied in T's precision or Acc's; integers
// exactly, modulo 2^64.
template <class T, class Acc = default_accumulator_t<T>>
using dot_reducer =
    std::conditional_t<std::is_integral<T>::value, reducers::integer_dot<T, Acc>, reducers::dot<Acc>>;

// sum_where(T*, mask*, n, accumulate_in<Acc>): the values where the mask byte is nonzero.
template <class T, class Acc = default_accumulator_t<T>>
using sum_where_reducer = reducers::sum_where<Acc>;

// mean and variance of T: floats in their own type, integers in double.
template <class T>
using moments_accumulator_t = std::conditional_t<std::is_floating_point<T>::value, T, double>;

// variance(T*, n, ddof, accumulate_in<Acc>).
template <class T, class Acc = moments_accumulator_t<T>>
using variance_reducer = reducers::variance<Acc>;

// compensated_sum(T*, n): float or double, a compensation a lane.
template <class T>
using compensated_sum_reducer = reducers::compensated_sum<T>;

// count_if(T*, n, pred).
template <class T, class Pred>
using count_if_reducer = reducers::count_if<T, Pred>;

// min(T*, n) and max(T*, n), and with skip_nan; integers have no NaN to skip, so both forms
// are one reducer.
template <class T, reducers::extreme E, reducers::nan_policy P = reducers::nan_policy::propagate>
using extremum_reducer =
    reducers::extremum<T, E, std::is_floating_point<T>::value ? P : reducers::nan_policy::propagate>;
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using min_reducer = extremum_reducer<T, reducers::extreme::smallest, P>;
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using max_reducer = extremum_reducer<T, reducers::extreme::largest, P>;

// argmin(T*, n) and argmax(T*, n), and with skip_nan: the index of the first extreme.
template <class T, reducers::extreme E, reducers::nan_policy P = reducers::nan_policy::propagate>
using arg_extremum_reducer =
    reducers::arg_extremum<T, E, std::is_floating_point<T>::value ? P : reducers::nan_policy::propagate>;
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using argmin_reducer = arg_extremum_reducer<T, reducers::extreme::smallest, P>;
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using argmax_reducer = arg_extremum_reducer<T, reducers::extreme::largest, P>;

/// The smallest and the largest element, from one pass (minmax).
template <class T>
struct minmax_result {
    T min;
    T max;
};

// minmax(T*, n), and with skip_nan: the minimum and the maximum, each with its own bits.
// Floats share the NaN flag between the two (minmax.hpp); integers are the pair itself.
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using minmax_reducer =
    std::conditional_t<std::is_floating_point<T>::value, reducers::float_minmax<T, P, minmax_result<T>>,
                       reducers::both<min_reducer<T, P>, max_reducer<T, P>, minmax_result<T>>>;

}  // namespace simdreduce

#endif
