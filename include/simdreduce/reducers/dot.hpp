// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_DOT_HPP
#define SIMDREDUCE_REDUCERS_DOT_HPP

// The sum of the products a[i] * b[i] of two streams, in Acc. Each product is rounded on its
// own, then added: no fused multiply-add, which SSE2 and the scalar path lack, so the products
// are hidden from the adds (detail/opaque.hpp) under -mfma and GCC's default
// -ffp-contract=fast. Every path then folds the same products in sum's order, and the dot of
// a and b has the bits of sum over the array of their products. Floats only for now: an
// exact integer dot needs widening products (pmaddwd and its kin), which it does not have yet.
#include <type_traits>

#include "../detail/config.hpp"
#include "../detail/opaque.hpp"
#include "plus.hpp"
#include "sum.hpp"

namespace simdreduce {
namespace reducers {

// Its identity, merge and finish are sum's: only the step differs.
template <class Acc>
struct dot : sum<Acc> {
    static_assert(std::is_floating_point<Acc>::value, "simdreduce: dot takes float or double for now");

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

}  // namespace reducers
}  // namespace simdreduce

#endif
