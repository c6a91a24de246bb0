// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_DOT_HPP
#define SIMDREDUCE_REDUCERS_DOT_HPP

// The sum of the products a[i] * b[i] of two streams, in Acc. Each product is rounded on its
// own, then added: no fused multiply-add, which SSE2 and the scalar path lack, so the products
// are hidden from the adds (detail/opaque.hpp) under -mfma and GCC's default
// -ffp-contract=fast. Every path then folds the same products in sum's order, and the dot of
// a and b has the bits of sum over the array of their products. Integers: integer_dot below.
#include <cstdint>
#include <type_traits>

#include "../detail/config.hpp"
#include "../detail/opaque.hpp"
#include "plus.hpp"
#include "sum.hpp"
#include "widening_sum.hpp"

namespace simdreduce {
namespace reducers {

// Its identity, merge and finish are sum's: only the step differs.
template <class Acc>
struct dot : sum<Acc> {
    static_assert(std::is_floating_point<Acc>::value,
                  "simdreduce: a dot of floats accumulates in float or double (integers: int64_t or uint64_t)");

    template <class V>
    SIMDREDUCE_ALWAYS_INLINE V step(const V& lane, const V& a, const V& b) const noexcept {
        return plus::combine(lane, simdreduce::detail::opaque_value(a * b));
    }
    // Past the end the first stream holds the identity, -0, and the second +0: their product
    // is -0, which adds nothing.
    template <class V, class M>
    SIMDREDUCE_ALWAYS_INLINE V masked_step(const V& lane, const M& /*valid*/, const V& a, const V& b) const noexcept {
        return step(lane, a, b);
    }
};

// The exact dot of integers, modulo 2^64: every element sign- or zero-extended to 64 bits, and
// every product and sum taken modulo 2^64, which no order can change, so every path gives the
// same result. The state is its 64-bit pattern, in unsigned lanes, whose wrap is defined (a
// signed one would be undefined behaviour on the scalar path). For int8, uint8 and int16 the
// SIMD paths multiply pairs with pmaddwd and its kin (engine/wideners/products.hpp), where the
// products cannot overflow before they are widened; other integers step as 64-bit lanes.
template <class T, class Acc>
struct integer_dot : sum<std::uint64_t> {
    static_assert(std::is_integral<T>::value && std::is_integral<Acc>::value && sizeof(Acc) == 8,
                  "simdreduce: a dot of integers accumulates in int64_t or uint64_t (exact modulo 2^64)");
    using result_type = Acc;
    using product_type = T;
    // Two streams keep enough lines in flight without it. On a Zen 3 EPYC (AVX2, medians of
    // 5 interleaved) prefetching cost the int8 dot 12% at 256 KiB (59.0 -> 67.3 GB/s without)
    // and 21% at 8 MiB (46.4 -> 58.6), and gained nothing at 256 MiB.
    static constexpr bool prefetch_pays = false;

    template <class V>
    SIMDREDUCE_ALWAYS_INLINE V step(const V& lane, const V& a, const V& b) const noexcept {
        return lane + a * b;
    }
    // Past the end both streams hold the identity, 0, whose product adds nothing.
    template <class V, class M>
    SIMDREDUCE_ALWAYS_INLINE V masked_step(const V& lane, const M& /*valid*/, const V& a, const V& b) const noexcept {
        return step(lane, a, b);
    }
    SIMDREDUCE_ALWAYS_INLINE static constexpr Acc finish(lane_type bits) noexcept { return modular_result<Acc>(bits); }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
