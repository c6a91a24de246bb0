// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_DETAIL_CONFIG_HPP
#define SIMDREDUCE_DETAIL_CONFIG_HPP

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <utility>

// Preconditions are checked in debug builds (NDEBUG unset) or when the user
// defines SIMDREDUCE_ENABLE_ASSERTS. A failed check prints the condition and aborts:
// a reduction has no error channel, and a wrong sum is worse than a crash.
#if !defined(SIMDREDUCE_ENABLE_ASSERTS) && !defined(NDEBUG)
#define SIMDREDUCE_ENABLE_ASSERTS
#endif

#ifdef SIMDREDUCE_ENABLE_ASSERTS
#define SIMDREDUCE_ASSERT(cond, msg)                                                          \
    ((cond) ? static_cast<void>(0)                                                            \
            : ::simdreduce::detail::assertion_failed(#cond, msg, __FILE__, __LINE__))
#else
#define SIMDREDUCE_ASSERT(cond, msg) static_cast<void>(0)
#endif

// Scalar helpers that every per-architecture object uses (an op's combine) must not
// survive as out-of-line weak symbols: the linker would keep one architecture's copy for
// all of them, and an AVX-encoded copy kills the SSE2 path with SIGILL. Forced inlining
// holds even at -O0.
#if defined(__GNUC__)
#define SIMDREDUCE_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define SIMDREDUCE_ALWAYS_INLINE inline
#endif

// The same for a lambda's call operator, written after its parameter list: [&](auto k)
// SIMDREDUCE_INLINE_LAMBDA { ... }. The loops' per-register lambdas must never become calls:
// once the tail of a span was reached from two loops, GCC 12 made its lambda an out-of-line
// function taking the accumulators by reference, so they lived in memory, and the AVX2 float
// sum of 4 KiB fell from 264 to 155 GB/s (Zen 5 EPYC).
#if !defined(SIMDREDUCE_INLINE_LAMBDA) && defined(__GNUC__)
#define SIMDREDUCE_INLINE_LAMBDA __attribute__((always_inline))
#elif !defined(SIMDREDUCE_INLINE_LAMBDA)
#define SIMDREDUCE_INLINE_LAMBDA
#endif

// Before a scalar loop over less than a register of elements (the heads and tails of the
// widening loops), where vectorizing gains nothing, and before the portable path's count, which
// must stay scalar. Clang 14 vectorized such int8 counts, built for AVX-512, into a 64-bit
// compare of widened bytes that its instruction selector cannot select ("Cannot select:
// X86ISD::PCMPGT v8i64"), and stopped: the head of the AVX-512 count, and the portable count
// inlined into a translation unit built for AVX-512.
#if defined(__clang__)
#define SIMDREDUCE_NO_VECTORIZE _Pragma("clang loop vectorize(disable) interleave(disable)")
#else
#define SIMDREDUCE_NO_VECTORIZE
#endif

// True in a translation unit built with -ffast-math (__FAST_MATH__, GCC and Clang) or GCC's
// -fassociative-math (__ASSOCIATIVE_MATH__), where error-free transformations fold to zero.
// Clang 14 names no macro for -fassociative-math without -ffast-math.
#if defined(__FAST_MATH__) || defined(__ASSOCIATIVE_MATH__)
#define SIMDREDUCE_MATH_REASSOCIATES 1
#else
#define SIMDREDUCE_MATH_REASSOCIATES 0
#endif

namespace simdreduce {
namespace detail {

// SIMDREDUCE_MATH_REASSOCIATES as a value of T, so that a static_assert on it fires only in
// the templates that use it.
template <class T>
inline constexpr bool math_reassociates = SIMDREDUCE_MATH_REASSOCIATES != 0 && sizeof(T) != 0;

[[noreturn]] inline void assertion_failed(const char* cond, const char* msg, const char* file,
                                          int line) noexcept {
    std::fprintf(stderr, "simdreduce: precondition failed: %s (%s) at %s:%d\n", msg, cond, file,
                 line);
    std::abort();
}

// Calls f(std::integral_constant<std::size_t, I>{}) for I = 0..N-1. The accumulator
// arrays are indexed only by these constants, so they live in registers even at -O2,
// where GCC 12 will not always unroll an 8-trip loop by itself. Forced inline so that no
// block becomes a call: GCC 12 made one of a lambda that a kernel ran from two loops (with
// and without prefetch), and the float sum fell from 145 to 60 GB/s in L2.
template <class F, std::size_t... I>
SIMDREDUCE_ALWAYS_INLINE void unroll_impl(F&& f, std::index_sequence<I...>) {
    (f(std::integral_constant<std::size_t, I>{}), ...);
}
template <std::size_t N, class F>
SIMDREDUCE_ALWAYS_INLINE void unroll(F&& f) {
    unroll_impl(std::forward<F>(f), std::make_index_sequence<N>{});
}

}  // namespace detail
}  // namespace simdreduce

#endif
