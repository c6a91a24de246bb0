// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_WIDENING_SUM_HPP
#define SIMDREDUCE_REDUCERS_WIDENING_SUM_HPP

#include <cstdint>
#include <type_traits>

#include "sum.hpp"

namespace simdreduce {
namespace reducers {

// The exact sum of integers narrower than 64 bits, into a 64-bit Acc (int64_t or uint64_t),
// modulo 2^64. The state is the sum's 64-bit pattern. The engine folds it with its widening
// primitives (engine/widening_sum.hpp), which keep narrow partial sums and widen them
// before they can wrap.
template <class T, class Acc>
struct widening_sum : sum<std::uint64_t> {
    static_assert(std::is_integral<T>::value && sizeof(T) < 8 && std::is_integral<Acc>::value && sizeof(Acc) == 8,
                  "widening_sum takes integers narrower than 64 bits into a 64-bit accumulator");
    using result_type = Acc;
    static constexpr bool prefetch_pays = true;  // decided inside the primitives, by size

    // Modular conversion of the 64-bit pattern, written so that it is defined before C++20.
    SIMDREDUCE_ALWAYS_INLINE static constexpr Acc finish(lane_type bits) noexcept {
        if constexpr (std::is_signed<Acc>::value) {
            return bits <= std::uint64_t(INT64_MAX) ? static_cast<Acc>(bits)
                                                    : static_cast<Acc>(-static_cast<Acc>(~bits) - 1);
        } else {
            return static_cast<Acc>(bits);
        }
    }
};

template <class R>
struct is_widening_sum : std::false_type {};
template <class T, class Acc>
struct is_widening_sum<widening_sum<T, Acc>> : std::true_type {};

}  // namespace reducers
}  // namespace simdreduce

#endif
