// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_TARGETS_KERNEL_HPP
#define SIMDREDUCE_TARGETS_KERNEL_HPP

// A dispatched kernel is a type that names one reduction: its element type and its reducer
// (with the reducer's functor types). entry<Kernel>::run<Arch> is only *declared* here. Its definition (instantiate.hpp) is compiled once per architecture, in a
// translation unit built with that architecture's flags, so code built with baseline flags
// can call every path without ever compiling one.
#include <cstddef>
#include <cstdint>
#include <utility>

#include "../engine/block_tree.hpp"
#include "../reducers/named.hpp"

namespace simdreduce {
namespace dispatch {

// One reduction over elements of T: the only kind of dispatched kernel. The reducer is passed
// by reference to the path's code, so its functors may carry state.
template <class T, class Reducer>
struct kernel {
    using value_type = T;
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

// The kernels one target dispatches; see simdreduce_enable_dispatch(... KERNELS ...).
template <class... Kernels>
struct kernel_list {};

// The built-in list: sum of every element type.
using builtin_kernels =
    kernel_list<sum_kernel<float>, sum_kernel<double>, sum_kernel<std::int8_t>, sum_kernel<std::uint8_t>,
                sum_kernel<std::int16_t>, sum_kernel<std::uint16_t>, sum_kernel<std::int32_t>,
                sum_kernel<std::uint32_t>, sum_kernel<std::int64_t>, sum_kernel<std::uint64_t>>;

// The per-architecture entry points of one kernel: the result over [p, p + n), and the nodes of
// a piece of the input (see simdreduce::fold).
template <class Kernel>
struct entry {
    using reducer_type = typename Kernel::reducer_type;
    template <class Arch>
    static typename Kernel::result_type run(const typename Kernel::value_type* p, std::size_t n,
                                            const Kernel& kernel);
    template <class Arch>
    static std::size_t run_piece(const typename Kernel::value_type* p, std::size_t n, std::size_t first_block,
                                 engine::detail::node<reducer_type>* out, const Kernel& kernel);
};

}  // namespace dispatch
}  // namespace simdreduce

#endif
