// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_REDUCERS_PLUS_HPP
#define SIMDREDUCE_REDUCERS_PLUS_HPP

#include <type_traits>

#include "../arch.hpp"
#include "../detail/config.hpp"
#include "../detail/xsimd_compat.hpp"

namespace simdreduce {
namespace reducers {

// Addition, the algebra that sum and filter_map_sum fold with: its identity, its combine on
// scalars and batches, and a combine that only acts where a mask is set.
// True where a batch_bool is the same register as a batch, all-ones lanes where set:
// SSE and AVX2. AVX-512 keeps masks in k registers, NEON in a vector of another type.
template <class Acc, class A>
inline constexpr bool mask_shares_value_register =
#if defined(__x86_64__) || defined(__i386__)
    sizeof(typename xsimd::batch_bool<Acc, A>::register_type) ==
    sizeof(typename xsimd::batch<Acc, A>::register_type);
#else
    false;
#endif

// How a masked combine keeps a lane of floats where the mask is clear, on SSE4.1 and AVX2:
//   and_subtract  a - (keep & -b): an and, a negation and a subtract, no blend. vblendvps
//                 costs 3 uops on recent Intel cores: the filtered sum ran at 54 GB/s with
//                 it against 62 GB/s without, in L1 (AVX-512 Xeon).
//   blend         a + select(keep, b, -0.0): one vblendvps and one add. A blend is one op on
//                 AMD's Zen cores, where the and_subtract form ran at 0.80x of a blending
//                 hand loop (Zen 5 EPYC, AVX2, 16 and 256 KiB).
//   automatic     whichever the CPU runs faster, chosen once a call by the engine
//                 (targets/vendor.hpp).
// Both give the same bits: a - (-b) is a + b by definition in IEEE 754, and a - (+0) and
// a + (-0) are a, signed zeros included. Only the sign of a NaN that map makes may differ.
enum class masking { automatic, and_subtract, blend };

namespace detail {
template <class Acc, class A>
constexpr bool blend_variant_exists() {
#if defined(__x86_64__) || defined(__i386__)
    if constexpr (simdreduce::detail::is_scalar_arch<A>) {
        return false;  // no batch to ask about
    } else {
        return mask_shares_value_register<Acc, A> && std::is_floating_point<Acc>::value &&
               (std::is_base_of<xsimd::sse4_1, A>::value || std::is_base_of<xsimd::avx, A>::value);
    }
#else
    return false;
#endif
}
}  // namespace detail

// True where the two forms above exist: false on the scalar path, which has no registers.
// (xsimd 8.1 derives avx from generic, not from sse4_2, so both bases are named.)
template <class Acc, class A>
inline constexpr bool has_blend_variant = detail::blend_variant_exists<Acc, A>();

namespace detail {

// AVX-512 keeps masks in k registers, and one masked add does the whole job. It also
// avoids xsimd 8.1's avx512bw integer select, which GCC 12 cannot compile at -O0.
template <class Acc, class A, class = void>
inline constexpr bool has_masked_add = false;

// Declared everywhere so that the discarded branch in masked_combine names something;
// defined only where AVX-512 is enabled.
template <class Acc, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<Acc, A> masked_add(const xsimd::batch<Acc, A>& a,
                                                         const xsimd::batch_bool<Acc, A>& keep,
                                                         const xsimd::batch<Acc, A>& b) noexcept;

#if XSIMD_WITH_AVX512F
template <class Acc, class A>
inline constexpr bool has_masked_add<
    Acc, A,
    std::enable_if_t<sizeof(typename xsimd::batch<Acc, A>::register_type) == 64 &&
                     std::is_integral<typename xsimd::batch_bool<Acc, A>::register_type>::value &&
                     (sizeof(Acc) >= 4 || XSIMD_WITH_AVX512BW)>> = true;

template <class Acc, class A>
SIMDREDUCE_ALWAYS_INLINE xsimd::batch<Acc, A> masked_add(const xsimd::batch<Acc, A>& a,
                                                         const xsimd::batch_bool<Acc, A>& keep,
                                                         const xsimd::batch<Acc, A>& b) noexcept {
    const auto k = static_cast<typename xsimd::batch_bool<Acc, A>::register_type>(keep);
    const auto va = static_cast<typename xsimd::batch<Acc, A>::register_type>(a);
    const auto vb = static_cast<typename xsimd::batch<Acc, A>::register_type>(b);
    if constexpr (std::is_same<Acc, float>::value) {
        return _mm512_mask_add_ps(va, k, va, vb);
    } else if constexpr (std::is_same<Acc, double>::value) {
        return _mm512_mask_add_pd(va, k, va, vb);
    } else if constexpr (sizeof(Acc) == 8) {
        return _mm512_mask_add_epi64(va, k, va, vb);
    } else if constexpr (sizeof(Acc) == 4) {
        return _mm512_mask_add_epi32(va, k, va, vb);
#if XSIMD_WITH_AVX512BW
    } else if constexpr (sizeof(Acc) == 2) {
        return _mm512_mask_add_epi16(va, k, va, vb);
    } else {
        return _mm512_mask_add_epi8(va, k, va, vb);
#endif
    }
}
#endif

}  // namespace detail

struct plus {
    // -0.0, not +0.0: it is the exact identity of IEEE addition (-0 + -0 = -0, +0 + -0 = +0),
    // so the lanes past the end and the filtered-out elements change nothing, and the sum
    // of {-0.0} stays -0.0. numpy does the same.
    template <class Acc>
    SIMDREDUCE_ALWAYS_INLINE static constexpr Acc identity() noexcept {
        if constexpr (std::is_floating_point<Acc>::value) {
            return -Acc(0);
        } else {
            return Acc(0);
        }
    }

    template <class Acc>
    SIMDREDUCE_ALWAYS_INLINE static Acc combine(Acc a, Acc b) noexcept {
        if constexpr (std::is_integral<Acc>::value) {
            // Unsigned arithmetic: signed overflow would be undefined behaviour, and the
            // SIMD paths wrap. The conversion back is modular on every supported compiler
            // (and by definition from C++20).
            using unsigned_acc = std::make_unsigned_t<Acc>;
            return static_cast<Acc>(static_cast<unsigned_acc>(a) + static_cast<unsigned_acc>(b));
        } else {
            return a + b;
        }
    }

    template <class Acc, class A>
    SIMDREDUCE_ALWAYS_INLINE static xsimd::batch<Acc, A> combine(const xsimd::batch<Acc, A>& a,
                                                                 const xsimd::batch<Acc, A>& b) noexcept {
        return a + b;  // vector integer adds wrap; they have no undefined behaviour
    }

    // combine(a, b) in the lanes where keep is set, a elsewhere. Where the mask shares the
    // value's register (SSE, AVX2) this is an and plus one add or subtract, or for floats the
    // blend the masking variant M asks for (see masking above).
    template <masking M = masking::automatic, class Acc, class A>
    SIMDREDUCE_ALWAYS_INLINE static xsimd::batch<Acc, A> masked_combine(const xsimd::batch<Acc, A>& a,
                                                                        const xsimd::batch_bool<Acc, A>& keep,
                                                                        const xsimd::batch<Acc, A>& b) noexcept {
        using batch = xsimd::batch<Acc, A>;
        using register_type = typename batch::register_type;
        if constexpr (mask_shares_value_register<Acc, A>) {
            const batch keep_bits(static_cast<register_type>(keep));
            if constexpr (M == masking::blend && has_blend_variant<Acc, A>) {
                return a + xsimd::select(keep, b, batch(identity<Acc>()));
            } else if constexpr (std::is_floating_point<Acc>::value) {
                return a - (keep_bits & -b);
            } else {
                return a + (keep_bits & b);
            }
        } else if constexpr (detail::has_masked_add<Acc, A>) {
            return detail::masked_add(a, keep, b);  // AVX-512: one masked vadd
        } else {
            return xsimd::select(keep, a + b, a);  // NEON: one bsl
        }
    }
};

}  // namespace reducers
}  // namespace simdreduce

#endif
