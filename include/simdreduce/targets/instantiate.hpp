// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_TARGETS_INSTANTIATE_HPP
#define SIMDREDUCE_TARGETS_INSTANTIATE_HPP

// Included only by the per-architecture translation units that simdreduce_enable_dispatch
// compiles (or that a non-CMake build compiles by hand, see README). Never include it in
// code built with baseline flags that also calls simdreduce::dispatch.
#include "../api/reduce.hpp"
#include "kernel.hpp"

namespace simdreduce {
namespace dispatch {

namespace detail {

template <class Arch, class T, class Acc>
Acc apply(const sum_kernel<T, Acc>&, const T* p, std::size_t n) {
    return simdreduce::sum<Arch>(p, n, accumulate_in<Acc>);
}

template <class Arch, class T, class Pred, class Map, class Acc>
Acc apply(const filter_map_sum_kernel<T, Pred, Map, Acc>& k, const T* p, std::size_t n) {
    return simdreduce::filter_map_sum<Arch>(p, n, k.pred, k.map, accumulate_in<Acc>);
}

// Explicitly instantiating this class instantiates run<Arch> for every kernel of the list.
template <class Arch, class List>
struct instantiate;

template <class Arch, class... Kernels>
struct instantiate<Arch, kernel_list<Kernels...>> {
    using any_function = void (*)();
    static const any_function addresses[sizeof...(Kernels) + 1];
};

template <class Arch, class... Kernels>
const typename instantiate<Arch, kernel_list<Kernels...>>::any_function
    instantiate<Arch, kernel_list<Kernels...>>::addresses[sizeof...(Kernels) + 1] = {
        reinterpret_cast<any_function>(&entry<Kernels>::template run<Arch>)..., nullptr};

}  // namespace detail

template <class Kernel>
template <class Arch>
typename Kernel::result_type entry<Kernel>::run(const typename Kernel::value_type* p, std::size_t n,
                                                const Kernel& kernel) {
    return detail::apply<Arch>(kernel, p, n);
}

}  // namespace dispatch
}  // namespace simdreduce

#endif
