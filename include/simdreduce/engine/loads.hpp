// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_ENGINE_LOADS_HPP
#define SIMDREDUCE_ENGINE_LOADS_HPP

// How the engine reads: a pack is one register of lanes (an xsimd batch, or a plain value on
// the scalar path), and an input is one or two streams of elements, each converted to the
// reducer's lane type as it is loaded. Nothing here reads outside [p, p + n): a partial
// register is a masked load or an identity-filled stack copy.
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <type_traits>

#include "../arch.hpp"
#include "../detail/config.hpp"
#include "../reducers/protocol.hpp"
#include "byte_masks.hpp"
#include "masked_load.hpp"
#include "prefetch.hpp"

namespace simdreduce {
namespace engine {

// One or two streams of n elements each; the second may have another element type (float
// values with a uint8_t mask). A reducer's step gets one value per stream, or for a stream
// of mask bytes (reducers::reads_mask), the lanes whose byte is nonzero.
template <class T, class U = void>
struct input {
    using second_type = U;
    const T* first;
    const U* second;
    static constexpr std::size_t smallest_element = sizeof(T) < sizeof(U) ? sizeof(T) : sizeof(U);
};
template <class T>
struct input<T, void> {
    using second_type = void;
    const T* first;
    static constexpr std::size_t smallest_element = sizeof(T);
};

namespace detail {

// A register of Lane on Arch.
template <class Arch, class Lane>
struct pack {
    using type = xsimd::batch<Lane, Arch>;
    using mask = xsimd::batch_bool<Lane, Arch>;
    static constexpr std::size_t width = type::size;

    SIMDREDUCE_ALWAYS_INLINE static type load_lanes(const Lane* p) { return type::load_aligned(p); }
    SIMDREDUCE_ALWAYS_INLINE static void store_lanes(const type& v, Lane* p) { v.store_aligned(p); }

    // Converting loads are written here, inside the Arch template, rather than taken from
    // xsimd 8.1, whose conversion goes through an arch-independent std::copy: a weak symbol
    // the linker may take from a wider object (the SIGILL trap, see ARCHITECTURE.md).
    template <class T>
    SIMDREDUCE_ALWAYS_INLINE static type load(const T* p) {
        if constexpr (std::is_same<T, Lane>::value) {
            return type::load_unaligned(p);
        } else {
            alignas(64) Lane converted[width];
            for (std::size_t j = 0; j < width; ++j) {
                converted[j] = static_cast<Lane>(p[j]);
            }
            return type::load_aligned(converted);
        }
    }

    // The first `count` < width elements, then `fill`: never a wide load past the end, which
    // may sit right before an unmapped page.
    template <class T>
    static type load_first(const T* p, std::size_t count, Lane fill) {
        return load_part(p, 0, count, fill);
    }

    static mask first_lanes(std::size_t count) { return lanes_between(0, count); }

    // The lanes whose byte of p[0, width) is nonzero (byte_masks.hpp).
    SIMDREDUCE_ALWAYS_INLINE static mask load_nonzero(const std::uint8_t* p) { return nonzero_bytes<Arch, Lane>(p); }
    // The same of the first `count` < width bytes; the other lanes clear.
    static mask load_first_nonzero(const std::uint8_t* p, std::size_t count) {
        alignas(64) std::uint8_t bytes[width] = {};
        for (std::size_t j = 0; j < count; ++j) bytes[j] = p[j];
        return nonzero_bytes<Arch, Lane>(bytes);
    }

    // Positions [pos, pos + count) from p[0], p[1], ...; the others `fill`. With a masked load
    // where the lanes are the elements and the CPU has one (masked_load.hpp); the register's
    // address, pos lanes before p, is computed as an integer, since it may lie before the
    // array.
    template <class T>
    static type load_part(const T* p, std::size_t pos, std::size_t count, Lane fill) {
        if constexpr (std::is_same<T, Lane>::value && has_masked_load<Arch, Lane>::value) {
            const auto base = reinterpret_cast<const Lane*>(reinterpret_cast<std::uintptr_t>(p) - pos * sizeof(Lane));
            return masked_load<Arch>(base, lanes_between(pos, pos + count), fill);
        } else {
            alignas(64) Lane buffer[width];
            for (std::size_t j = 0; j < width; ++j) {
                buffer[j] = j >= pos && j - pos < count ? static_cast<Lane>(p[j - pos]) : fill;
            }
            return type::load_aligned(buffer);
        }
    }

    // Lanes lo <= j < hi <= width. Where masks are bits (AVX-512's k registers), integer
    // arithmetic: the head's mask is on the critical path of one accumulator, and the two
    // float compares below, behind an integer-to-float conversion, took the AVX-512 float
    // sum of 16 KiB on 16 mod 64 data to 0.93x of its aligned speed (Zen 5 EPYC). Elsewhere
    // two compares with the lane numbers, not a bool array: xsimd 8.1 builds a mask from bools
    // one lane at a time, and the misaligned filtered sum, which needs this mask once a call,
    // ran at 0.57x its aligned speed on 4 KiB with it (Zen 5 EPYC).
    static mask lanes_between(std::size_t lo, std::size_t hi) {
        using bits = typename mask::register_type;
        if constexpr (sizeof(bits) < sizeof(typename type::register_type)) {  // a k register
            return mask(static_cast<bits>(below(hi) & ~below(lo)));
        } else {
            alignas(64) static constexpr auto numbers = lane_numbers(std::make_index_sequence<width>{});
            const type index = type::load_aligned(numbers.data());
            return (index >= type(static_cast<Lane>(lo))) && (index < type(static_cast<Lane>(hi)));
        }
    }

private:
    // Bits 0 .. count - 1, count <= width <= 64.
    SIMDREDUCE_ALWAYS_INLINE static std::uint64_t below(std::size_t count) {
        if constexpr (width == 64) {
            return count >= 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << count) - 1;
        } else {
            return (std::uint64_t(1) << count) - 1;
        }
    }

    template <std::size_t... J>
    static constexpr std::array<Lane, width> lane_numbers(std::index_sequence<J...>) {
        return {static_cast<Lane>(J)...};
    }
};

// The scalar path: a "register" is one lane, and it is never partial.
template <class Lane>
struct pack<simdreduce::scalar, Lane> {
    using type = Lane;
    using mask = bool;
    static constexpr std::size_t width = 1;

    SIMDREDUCE_ALWAYS_INLINE static type load_lanes(const Lane* p) { return *p; }
    SIMDREDUCE_ALWAYS_INLINE static void store_lanes(const type& v, Lane* p) { *p = v; }
    template <class T>
    SIMDREDUCE_ALWAYS_INLINE static type load(const T* p) { return static_cast<Lane>(*p); }
    template <class T>
    static type load_first(const T* p, std::size_t count, Lane fill) { return count > 0 ? static_cast<Lane>(*p) : fill; }
    static mask first_lanes(std::size_t count) { return count > 0; }
    // The byte passes an empty asm, which no vectorizer crosses: GCC 12.2's loop vectorizer,
    // building for AVX-512, miscompiles a loop of lanes kept by a byte's compare (64 floats,
    // half kept: 1954 for 2493.57; AVX2 and Clang are right). The scalar path stays scalar.
    SIMDREDUCE_ALWAYS_INLINE static mask load_nonzero(const std::uint8_t* p) {
        std::uint8_t byte = *p;
#if defined(__GNUC__)
        __asm__("" : "+r"(byte));
#endif
        return byte != 0;
    }
    static mask load_first_nonzero(const std::uint8_t* p, std::size_t count) { return count > 0 && load_nonzero(p); }
};

template <class In>
inline constexpr bool two_streams = !std::is_void<typename In::second_type>::value;

// One register of every stream at element i, folded into lane by r.step.
template <class P, class R, class S, class In>
SIMDREDUCE_ALWAYS_INLINE S step_at(const R& r, const S& lane, const In& in, std::size_t i) {
    if constexpr (reducers::reads_mask<R>) {
        return r.step(lane, P::load(in.first + i), P::load_nonzero(in.second + i));
    } else if constexpr (two_streams<In>) {
        return r.step(lane, P::load(in.first + i), P::load(in.second + i));
    } else {
        return r.step(lane, P::load(in.first + i));
    }
}

// The partial last register: `count` < width elements from i. Forced inline although it runs
// once a call: as a call it takes a reference to one of the caller's registers, and GCC 12 at
// -O2 (which does not inline it by itself) then kept all 8 accumulators of the AVX2 filtered
// sum in memory, in every loop of the function (0.71x of -O3 from 256 KiB, Zen 5 EPYC).
template <class P, class R, class S, class In>
SIMDREDUCE_ALWAYS_INLINE S masked_step_at(const R& r, const S& lane, const In& in, std::size_t i, std::size_t count) {
    const auto valid = P::first_lanes(count);
    const auto first = P::load_first(in.first + i, count, reducers::filler_of(r));
    if constexpr (reducers::reads_mask<R>) {
        return r.masked_step(lane, valid, first, P::load_first_nonzero(in.second + i, count));
    } else if constexpr (two_streams<In>) {
        return r.masked_step(lane, valid, first, P::load_first(in.second + i, count, typename R::lane_type{}));
    } else {
        return r.masked_step(lane, valid, first);
    }
}

// Prefetches every stream's `Elements` elements from i on, prefetch_ahead_bytes ahead.
template <std::size_t Elements, class In>
SIMDREDUCE_ALWAYS_INLINE void prefetch_at(const In& in, std::size_t i) {
    prefetch_ahead<Elements * sizeof(*in.first)>(in.first + i);
    if constexpr (two_streams<In>) {
        prefetch_ahead<Elements * sizeof(*in.second)>(in.second + i);
    }
}

}  // namespace detail
}  // namespace engine
}  // namespace simdreduce

#endif
