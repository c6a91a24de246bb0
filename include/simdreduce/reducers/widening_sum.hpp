// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_WIDENING_SUM_HPP
#define SIMDREDUCE_REDUCERS_WIDENING_SUM_HPP

#include <cstdint>
#include <type_traits>

#include "sum.hpp"

namespace simdreduce {
namespace reducers {

// The 64-bit pattern bits as Acc, modulo 2^64, written so that it is defined before C++20.
template <class Acc>
SIMDREDUCE_ALWAYS_INLINE constexpr Acc modular_result(std::uint64_t bits) noexcept {
    if constexpr (std::is_signed<Acc>::value) {
        return bits <= std::uint64_t(INT64_MAX) ? static_cast<Acc>(bits) : static_cast<Acc>(-static_cast<Acc>(~bits) - 1);
    } else {
        return static_cast<Acc>(bits);
    }
}

// The exact sum of integers narrower than 64 bits, into a 64-bit Acc (int64_t or uint64_t),
// modulo 2^64. The state is the sum's 64-bit pattern. It names its elements' type as
// narrow_type, so that on SIMD paths the engine folds them with its widening primitives
// (engine/widening.hpp), which keep narrow partial sums and widen them before they can wrap;
// the scalar path adds each element as a 64-bit lane.
template <class T, class Acc>
struct widening_sum : sum<std::uint64_t> {
    static_assert(std::is_integral<T>::value && sizeof(T) < 8 && std::is_integral<Acc>::value && sizeof(Acc) == 8,
                  "widening_sum takes integers narrower than 64 bits into a 64-bit accumulator");
    using result_type = Acc;
    using narrow_type = T;
    // Every widener spends two or more vector operations a register (prefetch.hpp).
    static constexpr bool prefetch_pays = true;

    SIMDREDUCE_ALWAYS_INLINE static constexpr Acc finish(lane_type bits) noexcept { return modular_result<Acc>(bits); }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
