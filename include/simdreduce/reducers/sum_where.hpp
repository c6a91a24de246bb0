// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_SUM_WHERE_HPP
#define SIMDREDUCE_REDUCERS_SUM_WHERE_HPP

// The sum of the values whose mask byte is nonzero (ClickHouse's sumIf, numpy's sum with
// where=): two streams, the values and a mask of bool or uint8_t, which the engine reads as
// each register's lane mask (reads_mask, engine/byte_masks.hpp). A masked-out lane is left
// exactly as it was, as filter_map_sum leaves a rejected one: its value never reaches the sum,
// NaN and Inf included, and the result has the bits of sum over the values with every
// masked-out one replaced by -0.0, the identity. M chooses how a lane is kept on SSE4.1 and
// AVX2, as for filter_map_sum (plus.hpp, masking).
#include <type_traits>

#include "../detail/config.hpp"
#include "plus.hpp"
#include "sum.hpp"

namespace simdreduce {
namespace reducers {

// Its identity, merge and finish are sum's: only the step differs.
template <class Acc, masking M = masking::automatic>
struct sum_where : sum<Acc> {
    static constexpr bool reads_mask = true;
    static constexpr masking masking_variant = M;

    template <masking N>
    static sum_where<Acc, N> with_masking() noexcept {
        return {};
    }

    SIMDREDUCE_ALWAYS_INLINE static Acc step(const Acc& lane, const Acc& x, bool keep) noexcept {
        return keep ? plus::combine(lane, x) : lane;
    }
    template <class A>
    SIMDREDUCE_ALWAYS_INLINE static xsimd::batch<Acc, A> step(const xsimd::batch<Acc, A>& lane,
                                                              const xsimd::batch<Acc, A>& x,
                                                              const xsimd::batch_bool<Acc, A>& keep) noexcept {
        return plus::masked_combine<M>(lane, keep, x);
    }
    // The mask's lanes past the end are clear (loads.hpp): they keep their lane already.
    template <class V, class Valid, class Keep>
    SIMDREDUCE_ALWAYS_INLINE static V masked_step(const V& lane, const Valid& /*valid*/, const V& x,
                                                  const Keep& keep) noexcept {
        return step(lane, x, keep);
    }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
