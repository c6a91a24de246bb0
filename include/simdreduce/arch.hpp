// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ARCH_HPP
#define SIMDREDUCE_ARCH_HPP

#include <type_traits>

#include "detail/xsimd_compat.hpp"

namespace simdreduce {

// The portable path: plain C++ on scalars, no xsimd batch. It follows exactly the same
// association order as every SIMD path, so it is also the reference the tests compare with.
struct scalar {
    static constexpr bool supported() noexcept { return true; }
    static constexpr const char* name() noexcept { return "scalar"; }
};

// The widest architecture the including translation unit is compiled for (xsimd's
// default_arch), or `scalar` when the compiler flags enable no SIMD instruction set.
using default_arch = std::conditional_t<xsimd::default_arch::supported(), xsimd::default_arch,
                                        scalar>;

namespace detail {

template <class Arch>
inline constexpr bool is_scalar_arch = std::is_same<Arch, scalar>::value;

template <class Arch>
constexpr void require_enabled_arch() noexcept {
    static_assert(is_scalar_arch<Arch> || Arch::supported(),
                  "simdreduce: this architecture is not enabled in this translation unit. "
                  "Compile it with that architecture's flags (for example -mavx2 -mfma), "
                  "or call simdreduce::dispatch, which picks a path at run time.");
}

}  // namespace detail
}  // namespace simdreduce

#endif
