// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_FOLD_HPP
#define SIMDREDUCE_ENGINE_FOLD_HPP

// The one loop every reducer runs in. It fixes the association order (ARCHITECTURE.md):
// 1. [0, n) is cut into blocks of B = reducers::block_elements<R> elements, the last one
//    possibly partial;
// 2. each block is folded into L = reducers::lanes<R> logical lanes, element i of the block
//    into lane i % L, each lane in index order, starting from the identity;
// 3. block states are merged lane by lane by the block tree (block_tree.hpp);
// 4. the L lanes are finished by the halving tree.
// The registers hold the L lanes whatever their width (SSE2 and NEON 16 registers of floats,
// AVX2 8, AVX-512 4, the scalar path 64 values), so every path gives the same bits. Exact
// reducers (integer arithmetic) skip the block tree: no order can change their result.
#include <cstddef>
#include <type_traits>

#include "../detail/config.hpp"
#include "../reducers/plus.hpp"
#include "../reducers/protocol.hpp"
#include "../targets/vendor.hpp"
#include "aligned.hpp"
#include "block_tree.hpp"
#include "locate.hpp"
#include "registers.hpp"
#include "widening.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

// Whole blocks from `begin`: a constant trip count and no tail, so block boundaries cost
// only the tree's merges.
template <class Arch, class R, bool Prefetch, class In>
SIMDREDUCE_ALWAYS_INLINE void fold_block(state_registers<Arch, R>& acc, const R& r, const In& in, std::size_t begin,
                                         std::size_t fetch_until) {
    using L = layout<Arch, R>;
    for (std::size_t i = begin; i < begin + L::block; i += L::lanes) {
        if constexpr (Prefetch) {
            if (i + L::lanes <= fetch_until) prefetch_at<L::lanes>(in, i);
        }
        fold_group<Arch>(acc, r, in, i);
    }
}

// More than one block: one pass builds the block tree as a binary counter. Block b merges
// with the nodes of the trailing one bits of b, so the stack holds one node per set bit of
// the count. Out of line, so that calls on one block never set up its 13 KiB frame.
template <class Arch, class R, bool Prefetch, class In>
#if defined(__GNUC__)
__attribute__((noinline))
#endif
typename R::result_type fold_blocks(const R& r, const In& in, std::size_t n, std::size_t fetch_until) {
    using L = layout<Arch, R>;
    alignas(64) typename L::lane_state stack[L::max_depth][L::lanes];
    state_registers<Arch, R> acc;
    std::size_t depth = 0, b = 0, begin = 0;
    for (; n - begin > L::block; ++b, begin += L::block) {
        reset<Arch>(acc, r);
        fold_block<Arch, R, Prefetch>(acc, r, in, begin, fetch_until);
        for (std::size_t carry = b; carry & 1; carry >>= 1) {
            merge_left<Arch, R>(acc, stack[--depth]);
        }
        store<Arch, R>(acc, stack[depth++]);
    }
    reset<Arch>(acc, r);
    fold_span<Arch, R, Prefetch>(acc, r, in, begin, n, fetch_until);
    while (depth > 0) {  // the last block's own merges, then the rest from the right
        merge_left<Arch, R>(acc, stack[--depth]);
    }
    return finish<Arch>(r, acc, n);
}

// One call: [0, n) in the order above. Reads nothing outside the input. Prefetch says whether
// a single block's loop prefetches; the loops over several blocks prefetch when the reducer's
// does (prefetches<Arch, R>), up to fetch_until, 0 when the input is too small for it. Loads
// start at the first register boundary where the rotation applies (aligned.hpp); one loop
// serves every start, to keep the code each reducer instantiates small.
template <class Arch, class R, bool Prefetch, class In>
typename R::result_type fold_whole(const R& r, const In& in, std::size_t n, std::size_t fetch_until) {
    using L = layout<Arch, R>;
    std::size_t h = 0;
    if constexpr (rotates<Arch, R, In>) {
        h = n >= 2 * L::lanes ? misaligned_head<Arch, R>(in) : 0;  // below two groups: no gain
    }
    if constexpr (!R::exact) {
        if (n > L::block) {
            if constexpr (rotates<Arch, R, In>) {
                return fold_blocks_rotated<Arch, R, prefetches<Arch, R>>(r, in, n, h, fetch_until);
            } else {
                return fold_blocks<Arch, R, prefetches<Arch, R>>(r, in, n, fetch_until);
            }
        }
    }
    state_registers<Arch, R> acc;
    reset<Arch>(acc, r);
    if constexpr (rotates<Arch, R, In>) {
        if (h != 0) fold_head<Arch>(acc, r, in, h);
    }
    fold_span<Arch, R, Prefetch>(acc, r, in, h, n, fetch_until);
    return finish<Arch>(r, acc, n);
}

// A piece: the n elements from p, where p is element first_block * B of the whole input.
// Writes the piece's nodes to out (partial_state::prepare sizes it: at most two a level) and
// returns how many.
template <class Arch, class R, class In>
std::size_t fold_piece(const R& r, const In& in, std::size_t n, std::size_t first_block, node<R>* out) {
    using L = layout<Arch, R>;
    const std::size_t fetch_until = prefetch_until<Arch, R, In>(n);
    state_registers<Arch, R> acc;
    std::size_t count = 0;
    for (std::size_t b = first_block, begin = 0; begin < n; ++b, begin += L::block) {
        const std::size_t end = n - begin > L::block ? begin + L::block : n;
        reset<Arch>(acc, r);
        fold_span<Arch, R, prefetches<Arch, R>>(acc, r, in, begin, end, fetch_until);
        node<R>& fresh = out[count++];
        fresh.first_block = b;
        fresh.level = 0;
        store<Arch, R>(acc, fresh.lanes);
        for (std::size_t j = L::lanes; j < reducers::lanes<R>; ++j) fresh.lanes[j] = r.identity();  // fixed registers
        count = settle<Arch, R>(out, count);
        if (end == n) break;
    }
    return count;
}

// True when R's elements take the widening primitives on Arch: a counting reducer on every
// path; on the SIMD paths a widening sum, and an integer dot where its elements have pairwise
// products (products.hpp). The scalar path adds their elements, or products, as lanes.
template <class Arch, class R>
inline constexpr bool widens_on =
    reducers::counts<R> || (!simdreduce::detail::is_scalar_arch<Arch> &&
                            (reducers::has_narrow_type<R> || has_product_widener<typename reducers::product_type_of<R>::type>));

// f(std::true_type{}) when the call's loop prefetches, else f(std::false_type{}). A single
// block of a blocked reducer is at most 32 KiB of lanes: it never prefetches, and its loop is
// instantiated once. Exact reducers are one block at any size, and get the loop with
// prefetch as a second instantiation (prefetch.hpp says why).
template <class Arch, class R, class F>
SIMDREDUCE_ALWAYS_INLINE auto with_prefetch(std::size_t fetch_until, F&& f) {
    if constexpr (R::exact && prefetches<Arch, R>) {
        if (fetch_until > 0) return f(std::true_type{});
    }
    return f(std::false_type{});
}

// True when R leaves its masking variant to the engine and Arch has both (reducers/plus.hpp).
template <class Arch, class R>
constexpr bool chooses_masking() {
    if constexpr (reducers::has_masking_variant<R>) {
        return R::masking_variant == reducers::masking::automatic &&
               reducers::has_blend_variant<typename R::lane_type, Arch>;
    } else {
        return false;
    }
}

// f(the reducer to run): r itself, or where the engine chooses its masking variant, the one
// this CPU runs faster. Chosen once a call.
template <class Arch, class R, class F>
SIMDREDUCE_ALWAYS_INLINE auto with_masking(const R& r, F&& f) {
    if constexpr (chooses_masking<Arch, R>()) {
        if (dispatch::blends_cheaply<Arch>()) return f(r.template with_masking<reducers::masking::blend>());
        return f(r.template with_masking<reducers::masking::and_subtract>());
    } else {
        return f(r);
    }
}

// The 64-bit total of a widening reducer's elements, with the widener Arch has for them: for a
// counting reducer the number its predicate accepts, which the scalar path counts one by one;
// for an integer dot the sum of the products.
template <class Arch, class R, bool Prefetch, class In>
std::uint64_t widened_bits(const R& r, const In& in, std::size_t n, std::size_t fetch_until) {
    if constexpr (reducers::counts<R>) {
        if constexpr (simdreduce::detail::is_scalar_arch<Arch>) {
            std::uint64_t total = 0;
            SIMDREDUCE_NO_VECTORIZE  // the portable path stays scalar, and Clang 14 (config.hpp)
            for (std::size_t i = 0; i < n; ++i) total += r.accepted(in.first[i]) ? 1 : 0;
            return total;
        } else {
            using W = counting_widener<Arch, R>;
            return fold_widening<Arch, W, Prefetch>(W{r}, in, n, fetch_until);
        }
    } else if constexpr (reducers::has_narrow_type<R>) {
        using W = widener_for<Arch, typename R::narrow_type>;
        return fold_widening<Arch, W, Prefetch>(W{}, in, n, fetch_until);
    } else {
        using W = product_widener_for<Arch, typename R::product_type>;
        return fold_widening<Arch, W, Prefetch>(W{}, in, n, fetch_until);
    }
}

// One call, by the loop R takes on Arch.
template <class Arch, class R, bool Prefetch, class In>
typename R::result_type fold_call(const R& r, const In& in, std::size_t n, std::size_t fetch_until) {
    if constexpr (widens_on<Arch, R>) {
        return r.finish(widened_bits<Arch, R, Prefetch>(r, in, n, fetch_until));
    } else {
        return fold_whole<Arch, R, Prefetch>(r, in, n, fetch_until);
    }
}

// The loop of variance: two passes a chunk (moments.hpp, included at the end).
template <class Arch, class R, class In>
typename R::result_type two_pass(const R& r, const In& in, std::size_t n);

}  // namespace detail

// The result of r over the n elements of every stream of in, on Arch.
template <class Arch, class R, class In>
typename R::result_type run(const R& r, const In& in, std::size_t n) {
    if constexpr (reducers::two_passes<R>) {
        return detail::two_pass<Arch>(r, in, n);
    } else if constexpr (reducers::locates<R>) {
        return r.finish(detail::locate<Arch>(r, in, n, 0), n);
    } else {
        return detail::with_masking<Arch>(r, [&](const auto& chosen) {
            using C = std::decay_t<decltype(chosen)>;
            const std::size_t fetch_until = detail::prefetch_until<Arch, C, In>(n);
            return detail::with_prefetch<Arch, C>(fetch_until, [&](auto prefetch) {
                return detail::fold_call<Arch, C, decltype(prefetch)::value>(chosen, in, n, fetch_until);
            });
        });
    }
}

// The nodes of a piece of the input (see fold_piece), on Arch.
template <class Arch, class R, class In>
std::size_t run_piece(const R& r, const In& in, std::size_t n, std::size_t first_block, detail::node<R>* out) {
    if constexpr (reducers::two_passes<R>) {
        // No mergeable state: simdreduce::fold refuses these reducers (api/partial.hpp). A
        // dispatched kernel still instantiates this entry point.
        (void)r, (void)in, (void)n, (void)first_block, (void)out;
        return 0;
    } else if constexpr (reducers::locates<R>) {
        // Exact, so its blocks are single elements: first_block is the piece's first index.
        if (n == 0) return 0;
        out[0].first_block = first_block;
        out[0].level = 0;
        out[0].lanes[0] = detail::locate<Arch>(r, in, n, first_block);
        for (std::size_t j = 1; j < reducers::lanes<R>; ++j) out[0].lanes[j] = r.identity();
        return 1;
    } else if constexpr (detail::widens_on<Arch, R>) {
        // Exact: one node holds the whole piece, its total in lane 0.
        if (n == 0) return 0;
        const std::size_t fetch_until = detail::prefetch_until<Arch, R, In>(n);
        out[0].first_block = first_block;
        out[0].level = 0;
        out[0].lanes[0] = detail::with_prefetch<Arch, R>(fetch_until, [&](auto prefetch) {
            return detail::widened_bits<Arch, R, decltype(prefetch)::value>(r, in, n, fetch_until);
        });
        for (std::size_t j = 1; j < reducers::lanes<R>; ++j) out[0].lanes[j] = r.identity();
        return 1;
    } else {
        return detail::with_masking<Arch>(
            r, [&](const auto& chosen) { return detail::fold_piece<Arch>(chosen, in, n, first_block, out); });
    }
}

}  // namespace engine
}  // namespace simdreduce

// The loop of variance needs run() above.
#include "moments.hpp"

#endif
