// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_PROTOCOL_HPP
#define SIMDREDUCE_REDUCERS_PROTOCOL_HPP

// What a reducer is: one small struct that says what is folded, and nothing about loops,
// registers, blocks or instruction sets (the engine owns those). A reducer R declares:
//
//   using lane_type   = ...;   one lane of the state, and the type elements are converted to
//   using result_type = ...;
//   static constexpr bool exact;          true when the result cannot depend on the order
//                                         (integer arithmetic): no block tree is needed
//   static constexpr bool prefetch_pays;  several vector ops per register: prefetch helps
//   lane_type identity() const;           the state of an empty input, in every lane
//   V step(const V& lane, const V&... x) const;
//       one element per stream into a lane, on lane_type (the scalar path) and on
//       xsimd::batch<lane_type, Arch> (every SIMD path)
//   V masked_step(const V& lane, const M& valid, const V&... x) const;
//       the same where valid is set, the lane unchanged elsewhere (the partial last register;
//       its lanes past the end hold identity())
//   static V merge(const V& left, const V& right);
//       the lane-wise merge of two adjacent pieces' states, left first
//   result_type finish(lane_type folded) const;
//       the result, from the one lane the engine's halving tree leaves
//
// A reducer whose state is more than one value a lane (a minimum with its NaN flag) says how
// many: static constexpr std::size_t components = C. Its state, in a register or in one lane,
// is then a std::array of C such values (state_of below), identity() returns the state of one
// lane, and `lane_type filler() const` is the element that changes no state, which the lanes
// past the end of a partial register hold. An exact reducer, whose result no lane layout can
// change, may fix how many registers of each component every path folds into instead of the
// 256 bytes of lanes: static constexpr std::size_t registers = K (the scalar path: K values).
// And where its result needs
// the number of elements (an empty input, a mean), its finish takes it:
// finish(folded, std::size_t count).
//
// An exact sum of integers narrower than its lanes may also name them: using narrow_type = T.
// The SIMD paths then fold T with the engine's widening primitives instead of converting
// every element to a lane (engine/widening.hpp). A count names what it counts instead, using
// counted_type = T, and says which elements count with accepted(x), on T and on a batch of
// T: the engine counts them with the same primitives on every path, in lanes of T's width
// (reducers/count_if.hpp). An exact dot of integers names its elements, using
// product_type = T: where the engine has pairwise products for T (int8, uint8 and int16, on
// the SIMD paths), it folds them with the same primitives (engine/wideners/products.hpp), and
// elsewhere steps each pair of elements as lanes (reducers/dot.hpp). A reducer that finds where a value is names the elements it
// locates, using located_type = T, and the reducer of the value, using value_reducer = V: the
// engine runs V over chunks of the input and searches the chunks whose value wins
// (reducers/arg_extremum.hpp, engine/locate.hpp). A two-stream reducer whose second stream is
// a mask of bytes (bool or uint8_t) says so: static constexpr bool reads_mask = true. Its step
// then gets, for that stream, the register's mask of the lanes whose byte is nonzero (a bool
// on the scalar path), made with one widening load a register (engine/byte_masks.hpp,
// reducers/sum_where.hpp). A reducer with two forms of equal results
// may name which it folds with: static constexpr masking masking_variant, and
// with_masking<N>() for the same reducer in form N (plus.hpp). A reducer whose prefetching
// loses while the input is still in L2 may name the smallest input it pays on:
// static constexpr std::size_t prefetch_from_bytes = N (engine/prefetch.hpp).
//
// The engine gives every reducer the same order: 256 bytes of logical lanes, blocks, the block
// tree and the halving tree (ARCHITECTURE.md). A new reducer is a struct plus its public
// functions in api/reduce.hpp.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "../detail/config.hpp"

namespace simdreduce {
namespace reducers {

template <class R, class = void>
struct narrow_type_of {
    using type = void;
};
template <class R>
struct narrow_type_of<R, std::void_t<typename R::narrow_type>> {
    using type = typename R::narrow_type;
};

template <class R, class = void>
struct product_type_of {
    using type = void;
};
template <class R>
struct product_type_of<R, std::void_t<typename R::product_type>> {
    using type = typename R::product_type;
};

template <class R, class = void>
inline constexpr bool has_masking_variant = false;
template <class R>
inline constexpr bool has_masking_variant<R, std::void_t<decltype(R::masking_variant)>> = true;

// True when R's elements are summed by the widening primitives (see narrow_type above).
template <class R>
inline constexpr bool has_narrow_type = !std::is_void<typename narrow_type_of<R>::type>::value;

// True when R counts the elements its predicate accepts (see counted_type above).
template <class R, class = void>
inline constexpr bool counts = false;
template <class R>
inline constexpr bool counts<R, std::void_t<typename R::counted_type>> = true;

// True when R reads its second stream as a mask of bytes (see reads_mask above).
template <class R, class = void>
inline constexpr bool reads_mask = false;
template <class R>
inline constexpr bool reads_mask<R, std::void_t<decltype(R::reads_mask)>> = R::reads_mask;

// True when R is run by the loop of two passes a chunk (engine/moments.hpp): a reducer that
// says static constexpr bool two_passes = true (reducers/moments.hpp, variance).
template <class R, class = void>
inline constexpr bool two_passes = false;
template <class R>
inline constexpr bool two_passes<R, std::void_t<decltype(R::two_passes)>> = R::two_passes;

// True when R locates a value (see located_type above).
template <class R, class = void>
inline constexpr bool locates = false;
template <class R>
inline constexpr bool locates<R, std::void_t<typename R::located_type>> = true;

// The logical lanes every path folds into: 64 float or 32 double lanes, whatever the register
// width. 256 bytes is also what the fast path needs: 8 AVX2 accumulators hide the 3-cycle add
// latency on 2 add ports (Zen 3 at 3.1 GHz: 1 accumulator 35 GB/s in L1, 8 at 129-152 GB/s).
inline constexpr std::size_t state_bytes = 256;

template <class R, class = void>
inline constexpr std::size_t prefetch_from_bytes = 0;
template <class R>
inline constexpr std::size_t prefetch_from_bytes<R, std::void_t<decltype(R::prefetch_from_bytes)>> =
    R::prefetch_from_bytes;

template <class R, class = void>
inline constexpr std::size_t fixed_registers = 0;
template <class R>
inline constexpr std::size_t fixed_registers<R, std::void_t<decltype(R::registers)>> = R::registers;

template <class R, class = void>
inline constexpr std::size_t components = 1;
template <class R>
inline constexpr std::size_t components<R, std::void_t<decltype(R::components)>> = R::components;

// The lanes of R's state as stored: 256 bytes of them, all components together (a
// compensated sum's 32 float lanes of a sum and an error each), or for a reducer with fixed
// registers, room for that many of the widest (64-byte) registers.
template <class R>
inline constexpr std::size_t lanes = fixed_registers<R> != 0
                                         ? fixed_registers<R> * 64 / sizeof(typename R::lane_type)
                                         : state_bytes / (sizeof(typename R::lane_type) * components<R>);

// R's state over values V (one lane, or one register of lanes): V itself, or C of them.
template <class R, class V>
using state_of = std::conditional_t<components<R> == 1, V, std::array<V, components<R>>>;

// The state of one lane, as the block tree and partial states store it.
template <class R>
using lane_state = state_of<R, typename R::lane_type>;

template <class R, class = void>
inline constexpr bool has_filler = false;
template <class R>
inline constexpr bool has_filler<R, std::void_t<decltype(std::declval<const R&>().filler())>> = true;

// The element that changes no state: filler(), or for a one-value state its identity.
template <class R>
SIMDREDUCE_ALWAYS_INLINE constexpr typename R::lane_type filler_of(const R& r) {
    if constexpr (has_filler<R>) {
        return r.filler();
    } else {
        return r.identity();
    }
}

template <class R, class = void>
inline constexpr bool finish_counts = false;
template <class R>
inline constexpr bool finish_counts<R, std::void_t<decltype(std::declval<const R&>().finish(
                                             std::declval<const lane_state<R>&>(), std::size_t(0)))>> = true;

// The result from the lane the halving tree leaves, over count elements.
template <class R>
SIMDREDUCE_ALWAYS_INLINE typename R::result_type finish_of(const R& r, const lane_state<R>& folded,
                                                           std::size_t count) {
    if constexpr (finish_counts<R>) {
        return r.finish(folded, count);
    } else {
        (void)count;
        return r.finish(folded);
    }
}

// The block: elements [kB, (k+1)B) are folded into a state of their own, and block states are
// merged by the block tree. B = 128 lanes' worth, so each lane adds 128 elements in a chain
// before a pairwise merge: 8192 floats or 4096 doubles, 32 KiB of lanes either way (a
// compensated sum, whose lanes are half as many: 4096 floats or 2048 doubles). The merge
// costs 8 loads and 8 adds (AVX2) per block of 1024 loads; a block of 2048 floats gave
// noticeably slower L1 loops, and longer chains lose accuracy (README, Accuracy).
template <class R>
inline constexpr std::size_t block_elements = 128 * lanes<R>;

}  // namespace reducers
}  // namespace simdreduce

#endif
