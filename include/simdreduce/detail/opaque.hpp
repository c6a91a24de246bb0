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

// Keeps a loaded value in its register. Without it GCC 12 folds the load into each use
// instead: the int32 kernel read every register twice (vpaddd from memory, then a second
// load for the shift) and copied its accumulators between registers on every step. Pinning
// the loaded values took its AVX2 loop from 90 to 100 GB/s at 16 KiB and from 82 to 101 GB/s
// at 256 KiB (GCC 12, one interleaved run; Clang 14 ran at 99-109 GB/s with or without it).
// The empty asm emits nothing.
template <class T, class A>
SIMDREDUCE_ALWAYS_INLINE void pin_register(xsimd::batch<T, A>& v) noexcept {
#ifdef SIMDREDUCE_FP_REGISTER_CONSTRAINT
    // The register itself, not a copy: a copy gets a register of its own and the moves stay.
    // `data` is the public member of xsimd's simd_register base in every version from 8.1 on.
    __asm__("" : SIMDREDUCE_FP_REGISTER_CONSTRAINT(v.data));
#else
    static_cast<void>(v);
#endif
}

}  // namespace detail
}  // namespace simdreduce

#endif
