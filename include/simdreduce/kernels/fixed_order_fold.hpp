// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_KERNELS_FIXED_ORDER_FOLD_HPP
#define SIMDREDUCE_KERNELS_FIXED_ORDER_FOLD_HPP

#include <cstddef>
#include <type_traits>

#include "../arch.hpp"
#include "../detail/config.hpp"
#include "prefetch.hpp"

namespace simdreduce {
namespace kernels {

// Every path folds into the same 256 bytes of logical lanes: 64 float or 32 double lanes,
// whatever the register width. Element i always goes to lane i % L, each lane adds its
// elements in index order, and the lanes are combined by the same halving tree. That
// fixes the association order, so every path gives bit-identical floating-point results.
// 256 bytes is what the fast path needs anyway: 8 AVX2 accumulators hide the 3-cycle
// add latency on 2 add ports (measured on a 3.1 GHz Zen 3 core: 1 accumulator runs at 35 GB/s in L1,
// 8 at 129-152 GB/s). SSE2 and NEON hold 16 registers of it, AVX-512 4.
inline constexpr std::size_t fold_bytes = 256;

template <class Acc>
inline constexpr std::size_t logical_lanes = fold_bytes / sizeof(Acc);

namespace detail {

// Flat halving tree: lane j += lane j + m/2 while m > 1. Across registers first
// (acc[k] += acc[k + K/2]), then inside the last one, which is the same tree.
template <std::size_t K, class Op, class Batch>
inline void fold_registers(Batch* acc) {
    if constexpr (K > 1) {
        simdreduce::detail::unroll<K / 2>(
            [&](auto k) { acc[k] = Op::combine(acc[k], acc[k + K / 2]); });
        fold_registers<K / 2, Op>(acc);
    }
}

// Templated on Arch although it never uses it: each architecture's object then has its own
// copy, and no linker can hand the SSE2 path the AVX2 object's VEX-encoded one.
template <class Arch, class Op, class Acc>
inline Acc fold_lanes(Acc* lanes, std::size_t count) {
    for (std::size_t m = count; m > 1; m /= 2) {
        for (std::size_t j = 0; j < m / 2; ++j) {
            lanes[j] = Op::combine(lanes[j], lanes[j + m / 2]);
        }
    }
    return lanes[0];
}

// The portable path: the same lanes, as a plain array.
template <class Op, class Acc, class T, class Map>
inline Acc scalar_fold(const T* p, std::size_t n, const Map& map) {
    constexpr std::size_t L = logical_lanes<Acc>;
    const Acc identity = Op::template identity<Acc>();
    Acc lanes[L];
    for (std::size_t j = 0; j < L; ++j) {
        lanes[j] = identity;
    }
    for (std::size_t i = 0; i < n; i += L) {
        const std::size_t count = n - i < L ? n - i : L;
        for (std::size_t j = 0; j < count; ++j) {
            lanes[j] = map.fold(Op{}, lanes[j], static_cast<Acc>(p[i + j]));
        }
    }
    return fold_lanes<simdreduce::scalar, Op>(lanes, L);
}

// Loads W elements of T as a batch of Acc. Converting loads are written here, inside the
// Arch template, rather than taken from xsimd 8.1, whose conversion goes through an
// arch-independent std::copy (the same weak-symbol hazard as above).
template <class Batch, class T>
inline Batch load_as(const T* p) {
    using Acc = typename Batch::value_type;
    if constexpr (std::is_same<T, Acc>::value) {
        return Batch::load_unaligned(p);
    } else {
        alignas(64) Acc converted[Batch::size];
        for (std::size_t j = 0; j < Batch::size; ++j) {
            converted[j] = static_cast<Acc>(p[j]);
        }
        return Batch::load_aligned(converted);
    }
}

// One block of L elements into the K registers of acc, register k taking elements k*W on.
template <class Op, std::size_t K, class Batch, class T, class Map>
SIMDREDUCE_ALWAYS_INLINE void fold_block(Batch (&acc)[K], const T* p, const Map& map) {
    simdreduce::detail::unroll<K>([&](auto k) {
        const Batch v = load_as<Batch>(p + k * Batch::size);
        acc[k] = map.fold(Op{}, acc[k], v);
    });
}

}  // namespace detail

// Folds every element's contribution (see ops/element_map.hpp) of [p, p + n) with Op, in the fixed order
// above; T is converted to Acc as it is loaded. Reads nothing outside [p, p + n).
template <class Arch, class Op, class Acc, bool Prefetch, class T, class Map>
Acc fixed_order_fold_with(const T* p, std::size_t n, const Map& map) {
    if constexpr (simdreduce::detail::is_scalar_arch<Arch>) {
        return detail::scalar_fold<Op, Acc>(p, n, map);
    } else {
        using batch = xsimd::batch<Acc, Arch>;
        constexpr std::size_t W = batch::size;
        constexpr std::size_t L = logical_lanes<Acc>;
        constexpr std::size_t K = L / W;
        static_assert(K * W == L, "register width must divide the 256-byte lane block");

        const Acc identity_scalar = Op::template identity<Acc>();
        const batch identity(identity_scalar);
        batch acc[K];
        simdreduce::detail::unroll<K>([&](auto k) { acc[k] = identity; });

        std::size_t i = 0;
        if constexpr (Prefetch) {
            const std::size_t fetch_until = detail::prefetch_stop(n / L, L * sizeof(T)) * L;
            for (; i < fetch_until; i += L) {
                detail::prefetch_ahead<L * sizeof(T)>(p + i);
                detail::fold_block<Op>(acc, p + i, map);
            }
        }
        for (; n - i >= L; i += L) {
            detail::fold_block<Op>(acc, p + i, map);
        }
        // Fewer than L elements are left: at most K - 1 whole registers and one partial,
        // each landing in the register (so the lanes) it would fill in a whole block.
        simdreduce::detail::unroll<K>([&](auto k) {
            const std::size_t left = n - i;
            if (left >= W) {
                const batch v = detail::load_as<batch>(p + i);
                acc[k] = map.fold(Op{}, acc[k], v);
                i += W;
            } else if (left > 0) {
                // A stack copy, never a wide load past the end: the partial register
                // may sit right before an unmapped page.
                alignas(64) Acc buffer[W];
                bool valid[W];
                for (std::size_t j = 0; j < W; ++j) {
                    buffer[j] = j < left ? static_cast<Acc>(p[i + j]) : identity_scalar;
                    valid[j] = j < left;
                }
                const batch v = batch::load_aligned(buffer);
                const auto mask = xsimd::batch_bool<Acc, Arch>::load_unaligned(valid);
                acc[k] = map.fold_masked(Op{}, acc[k], v, mask);
                i = n;
            }
        });

        detail::fold_registers<K, Op>(acc);
        alignas(64) Acc lanes[W];
        acc[0].store_aligned(lanes);
        return detail::fold_lanes<Arch, Op>(lanes, W);
    }
}

template <class Arch, class Op, class Acc, class T, class Map>
Acc fixed_order_fold(const T* p, std::size_t n, const Map& map) {
    if constexpr (!simdreduce::detail::is_scalar_arch<Arch> && Map::prefetch_pays) {
        if (detail::worth_prefetching(n * sizeof(T))) {
            return fixed_order_fold_with<Arch, Op, Acc, true>(p, n, map);
        }
    }
    return fixed_order_fold_with<Arch, Op, Acc, false>(p, n, map);
}

}  // namespace kernels
}  // namespace simdreduce

#endif
