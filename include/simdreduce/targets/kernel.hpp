// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_TARGETS_KERNEL_HPP
#define SIMDREDUCE_TARGETS_KERNEL_HPP

// A dispatched kernel is a type that names one reduction: its element type, its result,
// and (for filter_map_sum) its functor types. entry<Kernel>::run<Arch> is only *declared*
// here. Its definition (instantiate.hpp) is compiled once per architecture, in a
// translation unit built with that architecture's flags, so code built with baseline flags
// can call every path without ever compiling one.
#include <cstddef>
#include <cstdint>
#include <utility>

#include "../reducers/accumulator.hpp"

namespace simdreduce {
namespace dispatch {

// sum(p, n) of T, accumulated in Acc.
template <class T, class Acc = default_accumulator_t<T>>
struct sum_kernel {
    using value_type = T;
    using result_type = Acc;
};

// filter_map_sum(p, n, pred, map) of T, accumulated in Acc. Pred and Map are named
// functor types whose call operators are templates (a lambda cannot be named in another
// translation unit). They are passed by reference, so they may carry state.
template <class T, class Pred, class Map, class Acc = default_accumulator_t<T>>
struct filter_map_sum_kernel {
    using value_type = T;
    using result_type = Acc;
    Pred pred;
    Map map;
};

// The kernels one target dispatches; see simdreduce_enable_dispatch(... KERNELS ...).
template <class... Kernels>
struct kernel_list {};

// The built-in list: sum of every element type.
using builtin_kernels =
    kernel_list<sum_kernel<float>, sum_kernel<double>, sum_kernel<std::int8_t>, sum_kernel<std::uint8_t>,
                sum_kernel<std::int16_t>, sum_kernel<std::uint16_t>, sum_kernel<std::int32_t>,
                sum_kernel<std::uint32_t>, sum_kernel<std::int64_t>, sum_kernel<std::uint64_t>>;

template <class Kernel>
struct entry {
    template <class Arch>
    static typename Kernel::result_type run(const typename Kernel::value_type* p, std::size_t n,
                                            const Kernel& kernel);
};

}  // namespace dispatch
}  // namespace simdreduce

#endif
