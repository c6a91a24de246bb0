// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_DETAIL_OPAQUE_HPP
#define SIMDREDUCE_DETAIL_OPAQUE_HPP

#include <type_traits>

#include "config.hpp"
#include "xsimd_compat.hpp"

// GCC's default -ffp-contract=fast fuses `acc + x * x` into one FMA once -mfma is on,
// even through inlined lambdas and xsimd operators. The fused result is rounded once
// instead of twice, so the AVX2+FMA path would differ in the last bit from SSE2 and
// scalar. An empty asm that claims to modify the mapped value hides the multiply from
// the add, so neither compiler can contract them. It costs no instruction: the value
// stays in its register.
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#if defined(__AVX512F__)
#define SIMDREDUCE_FP_REGISTER_CONSTRAINT "+v"  // any of zmm0-31
#else
#define SIMDREDUCE_FP_REGISTER_CONSTRAINT "+x"
#endif
#elif defined(__GNUC__) && defined(__aarch64__)
#define SIMDREDUCE_FP_REGISTER_CONSTRAINT "+w"
#endif

namespace simdreduce {
namespace detail {

template <class T>
SIMDREDUCE_ALWAYS_INLINE T opaque_value(T v) noexcept {
#ifdef SIMDREDUCE_FP_REGISTER_CONSTRAINT
    if constexpr (std::is_floating_point<T>::value) {
        __asm__("" : SIMDREDUCE_FP_REGISTER_CONSTRAINT(v));
    }
#elif defined(__GNUC__)
    if constexpr (std::is_floating_point<T>::value) {
        __asm__("" : "+m"(v));  // other targets: a round trip through memory
    }
#endif
    return v;  // integer arithmetic is exact modulo 2^n: contraction cannot change it
}

template <class T, class A>
inline xsimd::batch<T, A> opaque_value(const xsimd::batch<T, A>& v) noexcept {
#ifdef SIMDREDUCE_FP_REGISTER_CONSTRAINT
    if constexpr (std::is_floating_point<T>::value) {
        typename xsimd::batch<T, A>::register_type reg = v;
        __asm__("" : SIMDREDUCE_FP_REGISTER_CONSTRAINT(reg));
        return xsimd::batch<T, A>(reg);
    }
#endif
    return v;
}

}  // namespace detail
}  // namespace simdreduce

#endif
