// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_TARGETS_KERNEL_HPP
#define SIMDREDUCE_TARGETS_KERNEL_HPP

// A dispatched kernel is a type that names one reduction: its element types and its reducer
// (with the reducer's functor types). entry<Kernel>::run<Arch> is only *declared* here. Its
// definition (instantiate.hpp) is compiled once per architecture, in a translation unit built
// with that architecture's flags, so code built with baseline flags can call every path
// without ever compiling one.
#include <cstddef>
#include <cstdint>
#include <utility>

#include "../engine/block_tree.hpp"
#include "../engine/loads.hpp"
#include "../reducers/named.hpp"

namespace simdreduce {
namespace dispatch {

// One reduction over elements of T, or over two streams of T and U of the same length (U =
// void: one stream): the only kind of dispatched kernel. The reducer is passed by reference
// to the path's code, so its functors may carry state.
template <class T, class Reducer, class U = void>
struct kernel {
    using value_type = T;
    using second_type = U;
    using input_type = engine::input<T, U>;
    using reducer_type = Reducer;
    using result_type = typename Reducer::result_type;
    Reducer reducer;
};

// sum(p, n) of T, accumulated in Acc.
template <class T, class Acc = default_accumulator_t<T>>
using sum_kernel = kernel<T, sum_reducer<T, Acc>>;

// filter_map_sum(p, n, pred, map) of T, accumulated in Acc. Pred and Map are named functor
// types whose call operators are templates (a lambda cannot be named in another translation
// unit).
template <class T, class Pred, class Map, class Acc = default_accumulator_t<T>>
using filter_map_sum_kernel = kernel<T, filter_map_sum_reducer<T, Pred, Map, Acc>>;

// count_if(p, n, pred) of T. Pred is a named functor type, as for filter_map_sum_kernel.
template <class T, class Pred>
using count_if_kernel = kernel<T, count_if_reducer<T, Pred>>;

// dot(a, b, n) of T, accumulated in Acc.
template <class T, class Acc = default_accumulator_t<T>>
using dot_kernel = kernel<T, dot_reducer<T, Acc>, T>;

// sum_where(values, mask, n) of T with a mask of bool or uint8_t, accumulated in Acc.
template <class T, class Acc = default_accumulator_t<T>>
using sum_where_kernel = kernel<T, sum_where_reducer<T, Acc>, std::uint8_t>;

// variance(p, n, ddof) of T, in Acc (floats: T, integers: double).
template <class T, class Acc = moments_accumulator_t<T>>
using variance_kernel = kernel<T, variance_reducer<T, Acc>>;

// compensated_sum(p, n) of T (float or double).
template <class T>
using compensated_sum_kernel = kernel<T, compensated_sum_reducer<T>>;

// min(p, n) and max(p, n) of T, propagating NaN or (P = skip) ignoring it.
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using min_kernel = kernel<T, min_reducer<T, P>>;
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using max_kernel = kernel<T, max_reducer<T, P>>;

// minmax(p, n) of T.
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using minmax_kernel = kernel<T, minmax_reducer<T, P>>;

// argmin(p, n) and argmax(p, n) of T.
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using argmin_kernel = kernel<T, argmin_reducer<T, P>>;
template <class T, reducers::nan_policy P = reducers::nan_policy::propagate>
using argmax_kernel = kernel<T, argmax_reducer<T, P>>;

// The kernels one target dispatches; see simdreduce_enable_dispatch(... KERNELS ...).
template <class... Kernels>
struct kernel_list {};

namespace detail {
// Kernel<T> for every element type.
template <template <class> class Kernel>
using for_every_element_type =
    kernel_list<Kernel<float>, Kernel<double>, Kernel<std::int8_t>, Kernel<std::uint8_t>, Kernel<std::int16_t>,
                Kernel<std::uint16_t>, Kernel<std::int32_t>, Kernel<std::uint32_t>, Kernel<std::int64_t>,
                Kernel<std::uint64_t>>;
template <class... Lists>
struct joined;
template <class... A>
struct joined<kernel_list<A...>> {
    using type = kernel_list<A...>;
};
template <class... A, class... B, class... Rest>
struct joined<kernel_list<A...>, kernel_list<B...>, Rest...> : joined<kernel_list<A..., B...>, Rest...> {};
// One-parameter names for the lists above (Clang before 19 does not match a template with
// default arguments to a one-parameter template template parameter).
template <class T>
using sum_of = sum_kernel<T>;
template <class T>
using min_of = min_kernel<T>;
template <class T>
using max_of = max_kernel<T>;
template <class T>
using min_skipping = min_kernel<T, reducers::nan_policy::skip>;
template <class T>
using max_skipping = max_kernel<T, reducers::nan_policy::skip>;
template <class T>
using minmax_of = minmax_kernel<T>;
template <class T>
using argmin_of = argmin_kernel<T>;
template <class T>
using argmax_of = argmax_kernel<T>;
}  // namespace detail

// The built-in list, compiled into every target: sum of every element type.
using builtin_kernels = detail::for_every_element_type<detail::sum_of>;

// min and max of every element type, and the NaN-skipping min and max of floats (an integer
// has no NaN, so its two forms are one kernel): list them to call dispatch::min and
// dispatch::max. Not built in: each kernel costs every target's per-path objects compile time
// (the AVX2 object took 5.7 s with these 24 kernels beside the sums, 1.9 s without, GCC 12).
using extremum_kernels = typename detail::joined<
    detail::for_every_element_type<detail::min_of>, detail::for_every_element_type<detail::max_of>,
    kernel_list<detail::min_skipping<float>, detail::max_skipping<float>, detail::min_skipping<double>,
                detail::max_skipping<double>>>::type;

// minmax of every element type, and the NaN-skipping minmax of floats: a list of its own,
// for the same reason.
using minmax_kernels = typename detail::joined<
    detail::for_every_element_type<detail::minmax_of>,
    kernel_list<minmax_kernel<float, reducers::nan_policy::skip>, minmax_kernel<double, reducers::nan_policy::skip>>>::type;

// argmin and argmax of every element type, and their NaN-skipping forms for floats.
using arg_extremum_kernels = typename detail::joined<
    detail::for_every_element_type<detail::argmin_of>, detail::for_every_element_type<detail::argmax_of>,
    kernel_list<argmin_kernel<float, reducers::nan_policy::skip>, argmax_kernel<float, reducers::nan_policy::skip>,
                argmin_kernel<double, reducers::nan_policy::skip>, argmax_kernel<double, reducers::nan_policy::skip>>>::type;

// dot of float and double, in their own precision and float's in double, and of every integer
// type in 64 bits.
using dot_kernels =
    kernel_list<dot_kernel<float>, dot_kernel<double>, dot_kernel<float, double>, dot_kernel<std::int8_t>,
                dot_kernel<std::uint8_t>, dot_kernel<std::int16_t>, dot_kernel<std::uint16_t>, dot_kernel<std::int32_t>,
                dot_kernel<std::uint32_t>, dot_kernel<std::int64_t>, dot_kernel<std::uint64_t>>;

// sum_where of float and double values, in their own precision and float's in double.
using sum_where_kernels = kernel_list<sum_where_kernel<float>, sum_where_kernel<double>, sum_where_kernel<float, double>>;

// variance of float and double, in their own precision and float's in double.
using variance_kernels = kernel_list<variance_kernel<float>, variance_kernel<double>, variance_kernel<float, double>>;

// The sums dispatch::mean needs beyond the built-in ones: float's in double, and the 64-bit
// integers' in double.
using mean_kernels = kernel_list<sum_kernel<float, double>, sum_kernel<std::int64_t, double>, sum_kernel<std::uint64_t, double>>;

// compensated_sum of float and double.
using compensated_sum_kernels = kernel_list<compensated_sum_kernel<float>, compensated_sum_kernel<double>>;

// One kernel_list of the kernels of several, for a target's KERNELS:
// joined_kernel_lists<extremum_kernels, kernel_list<filter_map_sum_kernel<float, P, M>>>.
template <class... Lists>
using joined_kernel_lists = typename detail::joined<Lists...>::type;

// The per-architecture entry points of one kernel: the result over the n elements of its
// streams, and the nodes of a piece of them (see simdreduce::fold).
template <class Kernel>
struct entry {
    using input_type = typename Kernel::input_type;
    using reducer_type = typename Kernel::reducer_type;
    template <class Arch>
    static typename Kernel::result_type run(input_type in, std::size_t n, const Kernel& kernel);
    template <class Arch>
    static std::size_t run_piece(input_type in, std::size_t n, std::size_t first_block,
                                 engine::detail::node<reducer_type>* out, const Kernel& kernel);
};

}  // namespace dispatch
}  // namespace simdreduce

#endif
