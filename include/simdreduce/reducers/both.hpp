// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_BOTH_HPP
#define SIMDREDUCE_REDUCERS_BOTH_HPP

// Two reducers over the same elements in one pass: minmax is both<min, max>. The state is
// the first reducer's components followed by the second's, and every step, merge and finish
// is the two reducers' own, so each half of the result has the bits of its reducer alone.
//
// The two may disagree on the element that changes nothing (+Inf for a minimum, -Inf for a
// maximum), so masked_step puts each one's filler in the lanes that are not valid before
// handing them on: one select a component, in a call's head and tail only.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "../detail/config.hpp"
#include "../detail/xsimd_compat.hpp"
#include "protocol.hpp"

namespace simdreduce {
namespace reducers {
namespace detail {
// The value type of a state: S itself where it is one value, else its array's element.
template <bool Single, class S>
struct value_of {
    using type = S;
};
template <class S>
struct value_of<false, S> {
    using type = typename S::value_type;
};
}  // namespace detail

template <class First, class Second, class Result = std::pair<typename First::result_type, typename Second::result_type>>
struct both {
    static_assert(std::is_same<typename First::lane_type, typename Second::lane_type>::value,
                  "both: the two reducers must fold the same lane type");
    static_assert(First::exact && Second::exact,
                  "both: exact reducers only; a blocked one would need the block size of each");
    using lane_type = typename First::lane_type;
    using result_type = Result;
    static constexpr bool exact = true;
    static constexpr bool prefetch_pays = First::prefetch_pays || Second::prefetch_pays;
    static constexpr std::size_t first_parts = reducers::components<First>;
    static constexpr std::size_t components = first_parts + reducers::components<Second>;
    // The most registers a component, up to the fewer of the two's, with the whole state in
    // 12 registers: AVX2 and SSE have 16, and each step needs a value and a temporary. A
    // float minmax (6 components) folds into 2 registers of each.
    static constexpr std::size_t registers = [] {
        std::size_t k = First::registers < Second::registers ? First::registers : Second::registers;
        while (k > 1 && k * components > 12) k /= 2;
        return k;
    }();

    template <class V>
    using state = std::array<V, components>;

    First first;
    Second second;

    SIMDREDUCE_ALWAYS_INLINE state<lane_type> identity() const noexcept {
        return joined(first.identity(), second.identity());
    }
    SIMDREDUCE_ALWAYS_INLINE lane_type filler() const noexcept { return filler_of(first); }

    template <class V>
    SIMDREDUCE_ALWAYS_INLINE state<V> step(const state<V>& s, const V& x) const noexcept {
        return joined(first.step(first_of(s), x), second.step(second_of(s), x));
    }
    template <class V, class M>
    SIMDREDUCE_ALWAYS_INLINE state<V> masked_step(const state<V>& s, const M& valid, const V& x) const noexcept {
        return joined(first.masked_step(first_of(s), valid, simdreduce::detail::blend(valid, x, V(filler_of(first)))),
                      second.masked_step(second_of(s), valid, simdreduce::detail::blend(valid, x, V(filler_of(second)))));
    }
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static state<V> merge(const state<V>& a, const state<V>& b) noexcept {
        return joined(First::merge(first_of(a), first_of(b)), Second::merge(second_of(a), second_of(b)));
    }
    SIMDREDUCE_ALWAYS_INLINE result_type finish(const state<lane_type>& s, std::size_t count) const noexcept {
        return result_type{finish_of(first, first_of(s), count), finish_of(second, second_of(s), count)};
    }

private:
    // The parts are gathered and joined by index packs, never by loops or pointers: with a
    // loop, GCC 12 kept the six-part state of a float minmax in memory, a store and a load
    // for every op, and the AVX2 minmax ran at 15 GB/s (Zen 5 EPYC).
    template <class R, std::size_t Offset, class V, std::size_t... I>
    SIMDREDUCE_ALWAYS_INLINE static state_of<R, V> part(const state<V>& s, std::index_sequence<I...>) noexcept {
        if constexpr (reducers::components<R> == 1) {
            return s[Offset];
        } else {
            return {s[Offset + I]...};
        }
    }
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static state_of<First, V> first_of(const state<V>& s) noexcept {
        return part<First, 0>(s, std::make_index_sequence<first_parts>{});
    }
    template <class V>
    SIMDREDUCE_ALWAYS_INLINE static state_of<Second, V> second_of(const state<V>& s) noexcept {
        return part<Second, first_parts>(s, std::make_index_sequence<components - first_parts>{});
    }

    // Part I of a state of R: the state itself where R has one part.
    template <class R, std::size_t I, class S>
    SIMDREDUCE_ALWAYS_INLINE static const auto& at(const S& s) noexcept {
        if constexpr (reducers::components<R> == 1) {
            return s;
        } else {
            return s[I];
        }
    }
    template <class A, class B, std::size_t... I, std::size_t... J>
    SIMDREDUCE_ALWAYS_INLINE static auto joined(const A& a, const B& b, std::index_sequence<I...>,
                                                std::index_sequence<J...>) noexcept {
        using V = typename detail::value_of<reducers::components<First> == 1, A>::type;
        return state<V>{at<First, I>(a)..., at<Second, J>(b)...};
    }
    template <class A, class B>
    SIMDREDUCE_ALWAYS_INLINE static auto joined(const A& a, const B& b) noexcept {
        return joined(a, b, std::make_index_sequence<first_parts>{},
                      std::make_index_sequence<components - first_parts>{});
    }

};

}  // namespace reducers
}  // namespace simdreduce

#endif
