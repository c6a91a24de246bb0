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

// Explicitly instantiating this class instantiates run<Arch> for every kernel of the list.
template <class Arch, class List>
struct instantiate;

template <class Arch, class... Kernels>
struct instantiate<Arch, kernel_list<Kernels...>> {
    using any_function = void (*)();
    static const any_function addresses[2 * sizeof...(Kernels) + 1];
};

template <class Arch, class... Kernels>
const typename instantiate<Arch, kernel_list<Kernels...>>::any_function
    instantiate<Arch, kernel_list<Kernels...>>::addresses[2 * sizeof...(Kernels) + 1] = {
        reinterpret_cast<any_function>(&entry<Kernels>::template run<Arch>)...,
        reinterpret_cast<any_function>(&entry<Kernels>::template run_piece<Arch>)..., nullptr};

}  // namespace detail

template <class Kernel>
template <class Arch>
typename Kernel::result_type entry<Kernel>::run(input_type in, std::size_t n, const Kernel& kernel) {
    return engine::run<Arch>(kernel.reducer, in, n);
}

template <class Kernel>
template <class Arch>
std::size_t entry<Kernel>::run_piece(input_type in, std::size_t n, std::size_t first_block,
                                     engine::detail::node<reducer_type>* out, const Kernel& kernel) {
    return engine::run_piece<Arch>(kernel.reducer, in, n, first_block, out);
}

}  // namespace dispatch
}  // namespace simdreduce

#endif
