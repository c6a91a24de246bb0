// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_WIDENING_HPP
#define SIMDREDUCE_ENGINE_WIDENING_HPP

// The exact sum of narrow integers into 64 bits on a SIMD path. A 64-bit lane for every
// element would read at a quarter or an eighth of the speed, so each register of elements is
// added into narrow accumulators by a widener, which flushes them into wider lanes before
// they can wrap. The loop is the same for every widener; a widener W says:
//   element                      what a register is loaded as (T or its unsigned twin)
//   narrow, wide                 an accumulator, and what accumulators are flushed into
//   accumulators                 how many narrow accumulators a group of registers uses
//   steps_per_flush              registers one accumulator takes before it must be flushed
//   flushes_per_drain            flushes a wide takes before it must be drained to 64 bits
//   bias                         what step adds to every element (to make it unsigned)
//   zero(), wide_zero(), step(narrow&, register...), flush(wide&, narrow), drain(wide)
// and may say
//   one(x...)                    what one element adds (default: x widened to 64 bits)
//   fills_partial_registers      false where no filler element adds nothing (count_if):
//                                the head and tail then go one by one
//   correction(count)            what the loop adds to its total for the count elements its
//                                registers took (default: -count * bias)
//   reads_addresses              true where step takes the address of the register's first
//                                element in each stream and loads them itself (products.hpp)
// A widener is passed as an object, so that its step may carry a predicate (count_if).
// Integer sums are exact, so the order is free: the loop starts its loads at the first
// register boundary, and takes the elements before it and the tail as masked partial
// registers, or one by one where that is cheaper or the CPU has no masked load (below).
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "../arch.hpp"
#include "../detail/config.hpp"
#include "loads.hpp"
#include "masked_load.hpp"
#include "prefetch.hpp"
#include "wideners/byte_pairs.hpp"
#include "wideners/byte_sad.hpp"
#include "wideners/counter.hpp"
#include "wideners/halves.hpp"
#include "wideners/pair_ladder.hpp"
#include "wideners/products.hpp"

namespace simdreduce {
namespace engine {
namespace detail {

// The fastest widener Arch has for T. Naming a widener does not instantiate it, so the ones a
// target lacks are never compiled there.
template <class Arch, class T>
using widener_for = std::conditional_t<
    sizeof(T) == 4, halves_widener<Arch, T>,
    std::conditional_t<sizeof(T) == 1 && has_byte_pairs<Arch>::value, byte_pair_widener<Arch, T>,
                       std::conditional_t<sizeof(T) == 1 && has_byte_sad<Arch>::value, byte_sad_widener<Arch, T>,
                                          pair_ladder_widener<Arch, T>>>>;

template <class W, class = void>
inline constexpr bool has_one = false;
template <class W>
inline constexpr bool has_one<W, std::void_t<decltype(&W::one)>> = true;

template <class W, class = void>
inline constexpr bool has_correction = false;
template <class W>
inline constexpr bool has_correction<W, std::void_t<decltype(&W::correction)>> = true;

template <class W, class = void>
inline constexpr bool fills_partial_registers = true;
template <class W>
inline constexpr bool fills_partial_registers<W, std::void_t<decltype(W::fills_partial_registers)>> =
    W::fills_partial_registers;

// What element i of every stream adds to the total: W's one(x...), or x widened to 64 bits.
template <class W, class In>
SIMDREDUCE_ALWAYS_INLINE std::uint64_t one_element(const W& w, const In& in, std::size_t i) {
    if constexpr (two_streams<In>) {
        return w.one(in.first[i], in.second[i]);
    } else if constexpr (has_one<W>) {
        return w.one(in.first[i]);
    } else {
        (void)w;
        return widen_bits(in.first[i]);
    }
}

template <class W, class = void>
inline constexpr bool reads_addresses = false;
template <class W>
inline constexpr bool reads_addresses<W, std::void_t<decltype(W::reads_addresses)>> = W::reads_addresses;

// f(the register at element i of every stream, loaded as Batch; or where W reads addresses,
// the address of its first element). Reading T through its unsigned twin, or through unsigned
// char, is allowed by the aliasing rules.
template <class Batch, class W, class In, class F>
SIMDREDUCE_ALWAYS_INLINE void with_registers_at(const In& in, std::size_t i, F&& f) {
    using E = typename Batch::value_type;
    if constexpr (reads_addresses<W>) {
        if constexpr (two_streams<In>) {
            f(reinterpret_cast<const E*>(in.first) + i, reinterpret_cast<const E*>(in.second) + i);
        } else {
            f(reinterpret_cast<const E*>(in.first) + i);
        }
    } else if constexpr (two_streams<In>) {
        f(Batch::load_unaligned(reinterpret_cast<const E*>(in.first) + i),
          Batch::load_unaligned(reinterpret_cast<const E*>(in.second) + i));
    } else {
        f(Batch::load_unaligned(reinterpret_cast<const E*>(in.first) + i));
    }
}

// What the loop adds to its total for the count elements its registers took.
template <class W>
SIMDREDUCE_ALWAYS_INLINE std::uint64_t correction_for(std::size_t count) {
    if constexpr (has_correction<W>) {
        return W::correction(count);
    } else {
        return std::uint64_t(0) - std::uint64_t(count) * W::bias;
    }
}

// The sum over the n elements of in, as 64-bit integers, modulo 2^64, with widener W: of the
// elements themselves (each sign- or zero-extended), or of what W makes of them (a count, the
// products of two streams). Prefetching stops at element fetch_until (registers.hpp,
// prefetch_until: the one decision every loop takes).
template <class Arch, class W, bool Prefetch, class In>
std::uint64_t fold_widening(const W& w, const In& in, std::size_t n, std::size_t fetch_until) {
    using E = typename W::element;
    using batch = xsimd::batch<E, Arch>;
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(in.first)>>;
    constexpr std::size_t width = batch::size, K = W::accumulators, group = K * width;
    static_assert(sizeof(E) == sizeof(T), "a widener reads T or its unsigned twin");
    const T* p = in.first;
    std::uint64_t total = 0;
    typename W::wide wide = W::wide_zero();
    std::size_t flushes = 0;
    const auto flush = [&](const typename W::narrow& acc) SIMDREDUCE_INLINE_LAMBDA {
        W::flush(wide, acc);
        if (++flushes == W::flushes_per_drain) {
            total += W::drain(wide);
            wide = W::wide_zero();
            flushes = 0;
        }
    };
    // Where the CPU has masked loads (masked_load.hpp) and a register holds more than 16
    // elements, a partial register of the head or the tail is one step and a flush: its other
    // lanes hold the element the step adds nothing for (x ^ bias is 0), so they need no
    // correction. Otherwise those elements are added one by one, which is cheaper for 16 or
    // fewer: on a Zen 5 EPYC at 16 mod 64, the AVX-512 int8 sum of 4 KiB ran 1.35x faster with
    // the masked head and tail, the int32 sum 0.92x as fast. AVX2 loads bytes and 16-bit lanes
    // a dword at a time: the at most 3 elements of a partial dword at either end go one by one.
    constexpr bool lane_masked = has_masked_load<Arch, E>::value;
    constexpr bool masked = fills_partial_registers<W> && !two_streams<In> &&
                            (lane_masked || has_dword_masked_load<Arch, E>::value) && width > 16;
    constexpr std::size_t grain = lane_masked ? 1 : 4 / sizeof(E);  // lanes a masked load takes at once
    const E nothing = static_cast<E>(W::bias);
    // Generic, so that it is compiled only where it is called: where masked is true.
    const auto step_part = [&](auto base, std::size_t from, std::size_t to) SIMDREDUCE_INLINE_LAMBDA {
        typename W::narrow part = W::zero();
        if constexpr (lane_masked) {
            w.step(part, masked_load<Arch>(base, pack<Arch, E>::lanes_between(from, to), nothing));
        } else {
            w.step(part, masked_load_dwords<Arch>(base, from, to, nothing));
        }
        flush(part);
    };
    std::size_t i = 0, vector_begin = 0;
    if (n >= 2 * group) {  // below two groups the head would cost more than split loads
        const auto address = reinterpret_cast<std::uintptr_t>(p);
        const std::size_t head = address % sizeof(T) == 0 ? (sizeof(batch) - address % sizeof(batch)) % sizeof(batch) / sizeof(T) : 0;
        if constexpr (masked) {
            // The register that ends at the first boundary holds the head in its last lanes,
            // from lane width - head; its first lanes lie before p. The loads start at the
            // first lane on a dword boundary, the elements before it go one by one.
            if (head != 0) {
                const std::size_t from = (width - head + grain - 1) / grain * grain;
                SIMDREDUCE_NO_VECTORIZE
                for (; i < from - (width - head); ++i) total += one_element(w, in, i);
                vector_begin = i;
                if (from < width) step_part(reinterpret_cast<const E*>(address - (width - head) * sizeof(E)), from, width);
            }
            i = head;
        } else {
            SIMDREDUCE_NO_VECTORIZE
            for (; i < head; ++i) total += one_element(w, in, i);
            vector_begin = i;
        }
    }
    const std::size_t groups = (n - i) / group;
    for (std::size_t g = 0; g < groups;) {
        const std::size_t stop = groups - g < W::steps_per_flush ? groups : g + W::steps_per_flush;
        typename W::narrow acc[K];
        simdreduce::detail::unroll<K>([&](auto k) SIMDREDUCE_INLINE_LAMBDA { acc[k] = W::zero(); });
        const auto step_group = [&](std::size_t at) SIMDREDUCE_INLINE_LAMBDA {
            simdreduce::detail::unroll<K>([&](auto k) SIMDREDUCE_INLINE_LAMBDA {
                with_registers_at<batch, W>(in, at + k * width,
                                         [&](const auto&... x) SIMDREDUCE_INLINE_LAMBDA { w.step(acc[k], x...); });
            });
        };
        if constexpr (Prefetch) {
            const std::size_t ahead = i + group <= fetch_until ? (fetch_until - i) / group : 0;
            for (const std::size_t fetch_stop = stop - g < ahead ? stop : g + ahead; g < fetch_stop; ++g, i += group) {
                prefetch_at<group>(in, i);  // every stream (loads.hpp)
                step_group(i);
            }
        }
        for (; g < stop; ++g, i += group) {
            step_group(i);
        }
        simdreduce::detail::unroll<K>([&](auto k) SIMDREDUCE_INLINE_LAMBDA { flush(acc[k]); });
    }
    if (n - i >= width) {  // fewer than K whole registers left: one accumulator
        typename W::narrow last = W::zero();
        for (; n - i >= width; i += width) {
            with_registers_at<batch, W>(in, i, [&](const auto&... x) SIMDREDUCE_INLINE_LAMBDA { w.step(last, x...); });
        }
        flush(last);
    }
    if constexpr (masked) {
        const std::size_t loaded = (n - i) / grain * grain;
        if (loaded != 0) step_part(reinterpret_cast<const E*>(p) + i, 0, loaded);
        i += loaded;
    }
    total += W::drain(wide);
    total += correction_for<W>(i - vector_begin);
    SIMDREDUCE_NO_VECTORIZE
    for (; i < n; ++i) total += one_element(w, in, i);
    return total;
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
