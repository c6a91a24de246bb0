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
// An exact sum of integers narrower than its lanes may also name them: using narrow_type = T.
// The SIMD paths then fold T with the engine's widening primitives instead of converting
// every element to a lane (engine/widening.hpp). A reducer with two forms of equal results
// may name which it folds with: static constexpr masking masking_variant, and
// with_masking<N>() for the same reducer in form N (plus.hpp).
//
// The engine gives every reducer the same order: 256 bytes of logical lanes, blocks, the block
// tree and the halving tree (ARCHITECTURE.md). A new reducer is a struct plus its public
// functions in api/reduce.hpp.
#include <cstddef>
#include <type_traits>

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
inline constexpr bool has_masking_variant = false;
template <class R>
inline constexpr bool has_masking_variant<R, std::void_t<decltype(R::masking_variant)>> = true;

// True when R's elements are summed by the widening primitives (see narrow_type above).
template <class R>
inline constexpr bool has_narrow_type = !std::is_void<typename narrow_type_of<R>::type>::value;

// The logical lanes every path folds into: 64 float or 32 double lanes, whatever the register
// width. 256 bytes is also what the fast path needs: 8 AVX2 accumulators hide the 3-cycle add
// latency on 2 add ports (Zen 3 at 3.1 GHz: 1 accumulator 35 GB/s in L1, 8 at 129-152 GB/s).
inline constexpr std::size_t state_bytes = 256;

template <class R>
inline constexpr std::size_t lanes = state_bytes / sizeof(typename R::lane_type);

// The block: elements [kB, (k+1)B) are folded into a state of their own, and block states are
// merged by the block tree. B = 128 lanes' worth, so each lane adds 128 elements in a chain
// before a pairwise merge: 8192 floats or 4096 doubles, 32 KiB of lanes either way. The merge
// costs 8 loads and 8 adds (AVX2) per block of 1024 loads; a block of 2048 floats gave
// noticeably slower L1 loops, and longer chains lose accuracy (README, Accuracy).
template <class R>
inline constexpr std::size_t block_elements = 128 * lanes<R>;

}  // namespace reducers
}  // namespace simdreduce

#endif
