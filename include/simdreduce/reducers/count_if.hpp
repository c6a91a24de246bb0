// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_COUNT_IF_HPP
#define SIMDREDUCE_REDUCERS_COUNT_IF_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "../detail/config.hpp"
#include "../detail/xsimd_compat.hpp"

namespace simdreduce {
namespace reducers {

// The number of elements x of type T for which pred(x) holds. pred is called on T itself (no
// conversion: an int8 count compares int8 lanes) and on xsimd::batch<T, Arch>, as
// filter_map_sum's. The engine counts in lanes of T's width and flushes them into 64 bits
// before they wrap (engine/wideners/counter.hpp); the state is the 64-bit count, exact for any
// n, and its merge an integer add, so the result is the same on every path and split.
template <class T, class Pred>
struct count_if {
    using counted_type = T;
    using lane_type = std::uint64_t;
    using result_type = std::size_t;
    static constexpr bool exact = true;
    // A compare and an add a register, with the head and tail one by one: prefetching is cheap
    // beside them (prefetch.hpp). On the Intel Xeon (Sapphire Rapids class, 2 cores), three
    // alternating pairs of runs, AVX2, share of the read ceiling: at 256 MiB 107-109% with the
    // prefetch against 82-97% without; at 256 KiB and 1 MiB the noise (62-98%) hid any
    // difference either way.
    static constexpr bool prefetch_pays = true;

    Pred pred;

    SIMDREDUCE_ALWAYS_INLINE static constexpr lane_type identity() noexcept { return 0; }

    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static V merge(const V& left, const V& right) noexcept {
        return left + right;  // unsigned: a count never exceeds n < 2^64
    }

    SIMDREDUCE_ALWAYS_INLINE static constexpr result_type finish(lane_type folded) noexcept {
        return static_cast<result_type>(folded);
    }

    // pred(x) on one element and on a register, checked so that a predicate of the wrong kind
    // fails with a message rather than deep in the engine.
    SIMDREDUCE_ALWAYS_INLINE bool accepted(const T& x) const {
        static_assert(std::is_convertible<decltype(pred(x)), bool>::value,
                      "simdreduce::count_if: the predicate must return bool on a scalar");
        return pred(x);
    }

    template <class A>
    SIMDREDUCE_ALWAYS_INLINE xsimd::batch_bool<T, A> accepted(const xsimd::batch<T, A>& x) const {
        static_assert(std::is_same<std::decay_t<decltype(pred(x))>, xsimd::batch_bool<T, A>>::value,
                      "simdreduce::count_if: the predicate must return xsimd::batch_bool<T, Arch> on a "
                      "batch (write it as a generic lambda, for example [](auto x) { return x > 0; })");
        return pred(x);
    }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
