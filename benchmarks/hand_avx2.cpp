// Hand-written AVX2 intrinsics loops, the yardsticks simdreduce's AVX2 path must match.
// Eight named accumulators: an array of them would live in memory.
#include <immintrin.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "function_table.hpp"

namespace {

#define EIGHT_STEPS(STEP) STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5) STEP(6) STEP(7)

float hand_sum_f32(const float* p, std::size_t n) {
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    std::size_t i = 0;
    for (; i + 64 <= n; i += 64) {
#define STEP(k) a##k = _mm256_add_ps(a##k, _mm256_loadu_ps(p + i + 8 * k));
        EIGHT_STEPS(STEP)
#undef STEP
    }
    __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)),
                             _mm256_add_ps(_mm256_add_ps(a4, a5), _mm256_add_ps(a6, a7)));
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, s);
    float total = 0;
    for (float lane : lanes) total += lane;
    for (; i < n; ++i) total += p[i];
    return total;
}

double hand_sum_f64(const double* p, std::size_t n) {
    __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
#define STEP(k) a##k = _mm256_add_pd(a##k, _mm256_loadu_pd(p + i + 4 * k));
        EIGHT_STEPS(STEP)
#undef STEP
    }
    __m256d s = _mm256_add_pd(_mm256_add_pd(_mm256_add_pd(a0, a1), _mm256_add_pd(a2, a3)),
                              _mm256_add_pd(_mm256_add_pd(a4, a5), _mm256_add_pd(a6, a7)));
    alignas(32) double lanes[4];
    _mm256_store_pd(lanes, s);
    double total = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (; i < n; ++i) total += p[i];
    return total;
}

// int32 widened to int64 with vpmovsxdq, the textbook exact integer sum.
std::int64_t hand_sum_i32(const std::int32_t* p, std::size_t n) {
    __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
#define STEP(k) \
    a##k = _mm256_add_epi64(a##k, _mm256_cvtepi32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 4 * k))));
        EIGHT_STEPS(STEP)
#undef STEP
    }
    __m256i s = _mm256_add_epi64(_mm256_add_epi64(_mm256_add_epi64(a0, a1), _mm256_add_epi64(a2, a3)),
                                 _mm256_add_epi64(_mm256_add_epi64(a4, a5), _mm256_add_epi64(a6, a7)));
    alignas(32) std::int64_t lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), s);
    std::int64_t total = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (; i < n; ++i) total += p[i];
    return total;
}

// vpsadbw: 32 bytes into four 64-bit sums per instruction. Signed bytes are biased by 128.
template <bool is_signed>
std::int64_t hand_sad(const std::uint8_t* p, std::size_t n) {
    const __m256i zero = _mm256_setzero_si256(), bias = _mm256_set1_epi8(is_signed ? -128 : 0);
    __m256i a0 = zero, a1 = zero, a2 = zero, a3 = zero;
    std::size_t i = 0;
    for (; i + 128 <= n; i += 128) {
#define STEP(k)                                                                                   \
    a##k = _mm256_add_epi64(a##k, _mm256_sad_epu8(_mm256_xor_si256(bias,                          \
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32 * k))), zero));
        STEP(0) STEP(1) STEP(2) STEP(3)
#undef STEP
    }
    __m256i s = _mm256_add_epi64(_mm256_add_epi64(a0, a1), _mm256_add_epi64(a2, a3));
    alignas(32) std::int64_t lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), s);
    std::int64_t total = lanes[0] + lanes[1] + lanes[2] + lanes[3] - (is_signed ? 128 * std::int64_t(i) : 0);
    for (; i < n; ++i) total += is_signed ? static_cast<std::int8_t>(p[i]) : p[i];
    return total;
}

// vminps alone, 8 accumulators: the loop a user writes with intrinsics, without simdreduce's
// NaN policy or signed-zero order (a NaN is dropped or kept depending on where it falls).
float hand_min_f32(const float* p, std::size_t n) {
    __m256 a0 = _mm256_set1_ps(__builtin_inff()), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    std::size_t i = 0;
    for (; i + 64 <= n; i += 64) {
#define STEP(k) a##k = _mm256_min_ps(_mm256_loadu_ps(p + i + 8 * k), a##k);
        EIGHT_STEPS(STEP)
#undef STEP
    }
    __m256 m = _mm256_min_ps(_mm256_min_ps(_mm256_min_ps(a0, a1), _mm256_min_ps(a2, a3)),
                             _mm256_min_ps(_mm256_min_ps(a4, a5), _mm256_min_ps(a6, a7)));
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, m);
    float best = lanes[0];
    for (float lane : lanes) best = lane < best ? lane : best;
    for (; i < n; ++i) best = p[i] < best ? p[i] : best;
    return best;
}

// x > 0 ? x * x : nothing. MASK_AND adds +0.0 for rejected elements (the shortest code, but
// a -0.0 lane turns +0.0); the blend adds -0.0, simdreduce's exact "contributes nothing".
template <bool exact>
float hand_filter_map_sum_f32(const float* p, std::size_t n) {
    const __m256 zero = _mm256_setzero_ps(), identity = _mm256_set1_ps(-0.0f);
    __m256 a0 = identity, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    std::size_t i = 0;
    for (; i + 64 <= n; i += 64) {
#define STEP(k)                                                                                   \
    {                                                                                             \
        const __m256 x = _mm256_loadu_ps(p + i + 8 * k);                                          \
        const __m256 keep = _mm256_cmp_ps(x, zero, _CMP_GT_OQ);                                   \
        const __m256 sq = _mm256_mul_ps(x, x);                                                    \
        a##k = _mm256_add_ps(a##k, exact ? _mm256_blendv_ps(identity, sq, keep) : _mm256_and_ps(keep, sq)); \
    }
        EIGHT_STEPS(STEP)
#undef STEP
    }
    __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)),
                             _mm256_add_ps(_mm256_add_ps(a4, a5), _mm256_add_ps(a6, a7)));
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, s);
    float total = 0;
    for (float lane : lanes) total += lane;
    for (; i < n; ++i) total += p[i] > 0 ? p[i] * p[i] : 0.0f;
    return total;
}

// x > 0 counted: the compare's mask is -1 in every accepted lane, so one subtract counts a
// register, into 32-bit lanes (exact below 2^32 registers per accumulator). A subtract has
// 1 cycle of latency, so four accumulators keep up with two loads a cycle. The step is in asm:
// written with intrinsics, GCC 12 copied every accumulator to another register each
// iteration (with eight of them, one also to the stack).
std::size_t hand_count_if_f32(const float* p, std::size_t n) {
    const __m256 zero = _mm256_setzero_ps();
    __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0, t0, t1;
    std::size_t i = 0;
    for (; i + 64 <= n; i += 64) {
#define STEP(k, at, t)                                   \
    "vcmplt_oqps " #at "(%[q]), %[zero], %[" #t "]\n\t" \
    "vpsubd %[" #t "], %[a" #k "], %[a" #k "]\n\t"
        __asm__(STEP(0, 0, t0) STEP(1, 32, t1) STEP(2, 64, t0) STEP(3, 96, t1)
                STEP(0, 128, t0) STEP(1, 160, t1) STEP(2, 192, t0) STEP(3, 224, t1)
                : [a0] "+x"(a0), [a1] "+x"(a1), [a2] "+x"(a2), [a3] "+x"(a3), [t0] "=&x"(t0), [t1] "=&x"(t1)
                : [q] "r"(p + i), [zero] "x"(zero), "m"(*reinterpret_cast<const float(*)[64]>(p + i)));
#undef STEP
    }
    const __m256i s32 = _mm256_add_epi32(_mm256_add_epi32(a0, a1), _mm256_add_epi32(a2, a3));  // < 2^32 / 4 each
    const __m256i s = _mm256_add_epi64(_mm256_cvtepu32_epi64(_mm256_castsi256_si128(s32)),
                                       _mm256_cvtepu32_epi64(_mm256_extracti128_si256(s32, 1)));
    alignas(32) std::uint64_t lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), s);
    std::size_t count = static_cast<std::size_t>(lanes[0] + lanes[1] + lanes[2] + lanes[3]);
    for (; i < n; ++i) count += p[i] > 0;
    return count;
}

// The first smallest element's index in one pass, as a user writes it with intrinsics: four
// accumulators keep their lanes' smallest value and the iteration that found it. The
// iteration only grows, so `max(index, iteration & less)` records it where the compare held,
// in two ops instead of a blend (vpblendvb is 3 uops on Golden Cove): a compare, a min, an
// and and a max a register, one add an iteration. Strict `<` keeps each lane's first of equal
// values, and the lanes then give the lowest index among the smallest. NaN is never taken.
template <class T>
struct register_of {
    using type = __m256i;
};
template <>
struct register_of<float> {
    using type = __m256;
};

template <class T>
std::size_t hand_argmin(const T* p, std::size_t n) {
    using V = typename register_of<T>::type;
    const auto load = [](const T* q) {
        if constexpr (std::is_same<T, float>::value) return _mm256_loadu_ps(q);
        else return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
    };
    const auto less = [](V x, V than) {
        if constexpr (std::is_same<T, float>::value) return _mm256_castps_si256(_mm256_cmp_ps(x, than, _CMP_LT_OQ));
        else return _mm256_cmpgt_epi32(than, x);
    };
    const auto smaller = [](V x, V than) {
        if constexpr (std::is_same<T, float>::value) return _mm256_min_ps(x, than);
        else return _mm256_min_epi32(x, than);
    };
    std::size_t i = 0, best = 0;
    if (n >= 32) {
        V b0 = load(p), b1 = load(p + 8), b2 = load(p + 16), b3 = load(p + 24);
        __m256i i0 = _mm256_setzero_si256(), i1 = i0, i2 = i0, i3 = i0, it = i0;
        const __m256i one = _mm256_set1_epi32(1);
        for (i = 32; i + 32 <= n; i += 32) {
            it = _mm256_add_epi32(it, one);
#define STEP(k)                                                     \
    {                                                               \
        const V x = load(p + i + 8 * k);                            \
        const __m256i m = less(x, b##k);                            \
        b##k = smaller(x, b##k);                                    \
        i##k = _mm256_max_epi32(i##k, _mm256_and_si256(it, m));     \
    }
            STEP(0) STEP(1) STEP(2) STEP(3)
#undef STEP
        }
        alignas(32) T values[32];
        alignas(32) std::int32_t iterations[32];
        const V bs[4] = {b0, b1, b2, b3};
        const __m256i is[4] = {i0, i1, i2, i3};
        for (int k = 0; k < 4; ++k) {
            std::memcpy(values + 8 * k, &bs[k], 32);
            std::memcpy(iterations + 8 * k, &is[k], 32);
        }
        best = std::size_t(-1);
        T low{};
        for (std::size_t j = 0; j < 32; ++j) {
            const std::size_t at = std::size_t(iterations[j]) * 32 + j;
            if (best == std::size_t(-1) || values[j] < low || (values[j] == low && at < best)) {
                low = values[j];
                best = at;
            }
        }
    }
    for (; i < n; ++i) best = p[i] < p[best] ? i : best;
    return best;
}

// The port limit of each AVX2 kernel: simdreduce's AVX2 instruction mix per register, run
// on registers loaded once, with no other loads. An empty asm tells the compiler each value
// may have changed, so nothing is hoisted out of the loop. Four values and four (float sum:
// eight) accumulators, so that nothing spills from the 16 YMM registers. Reported as if n
// bytes had been read: a kernel cannot read faster than its own op mix allows.
#define FOUR_STEPS(STEP) STEP(0) STEP(1) STEP(2) STEP(3)
#define OPAQUE(k) __asm__ volatile("" : "+x"(x##k));

float ops_sum_f32(const float* p, std::size_t n) {  // 1 op: add
    __m256 x0 = _mm256_loadu_ps(p), x1 = _mm256_loadu_ps(p + 8), x2 = _mm256_loadu_ps(p + 16),
           x3 = _mm256_loadu_ps(p + 24), x4 = x0, x5 = x1, x6 = x2, x7 = x3;
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    for (std::size_t i = 0; i + 64 <= n; i += 64) {
        EIGHT_STEPS(OPAQUE)
#define STEP(k) a##k = _mm256_add_ps(a##k, x##k);
        EIGHT_STEPS(STEP)
#undef STEP
    }
    const __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)),
                                   _mm256_add_ps(_mm256_add_ps(a4, a5), _mm256_add_ps(a6, a7)));
    return _mm256_cvtss_f32(s);
}

// The step itself in asm: written with intrinsics, GCC 12 kept the accumulators' sums in other
// registers and copied them back every step (8 moves), and stored 4 of them to the stack, so
// the row measured moves and stores, not the op mix. 8 accumulators, 4 values and 2 shifted
// temporaries: 14 of the 16 YMM registers.
std::int64_t ops_sum_i32(const std::int32_t* p, std::size_t n) {  // 3 ops: add, shift, add
    const auto load = [p](int k) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 8 * k)); };
    const __m256i x0 = load(0), x1 = load(1), x2 = load(2), x3 = load(3);
    __m256i s0 = _mm256_setzero_si256(), s1 = s0, s2 = s0, s3 = s0, h0 = s0, h1 = s0, h2 = s0, h3 = s0, t0, t1;
    for (std::size_t i = 0; i + 32 <= n; i += 32) {
#define STEP(k, t)                          \
    "vpaddd %[x" #k "], %[s" #k "], %[s" #k "]\n\t" \
    "vpsrad $16, %[x" #k "], %[" #t "]\n\t"       \
    "vpaddd %[" #t "], %[h" #k "], %[h" #k "]\n\t"
        __asm__ volatile(STEP(0, t0) STEP(1, t1) STEP(2, t0) STEP(3, t1)
                         : [s0] "+x"(s0), [s1] "+x"(s1), [s2] "+x"(s2), [s3] "+x"(s3), [h0] "+x"(h0), [h1] "+x"(h1),
                           [h2] "+x"(h2), [h3] "+x"(h3), [t0] "=&x"(t0), [t1] "=&x"(t1)
                         : [x0] "x"(x0), [x1] "x"(x1), [x2] "x"(x2), [x3] "x"(x3));
#undef STEP
    }
    const __m256i s = _mm256_add_epi32(_mm256_add_epi32(s0, s1), _mm256_add_epi32(s2, s3));
    const __m256i h = _mm256_add_epi32(_mm256_add_epi32(h0, h1), _mm256_add_epi32(h2, h3));
    return _mm256_extract_epi32(s, 0) + std::int64_t(_mm256_extract_epi32(h, 0));
}

// vminps and vmaxps alone, 4 accumulators each: the one-pass loop a user writes with
// intrinsics (no NaN policy, no signed-zero order).
float hand_minmax_f32(const float* p, std::size_t n) {
    __m256 l0 = _mm256_set1_ps(__builtin_inff()), l1 = l0, l2 = l0, l3 = l0;
    __m256 h0 = _mm256_set1_ps(-__builtin_inff()), h1 = h0, h2 = h0, h3 = h0;
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
#define STEP(k)                                          \
    const __m256 x##k = _mm256_loadu_ps(p + i + 8 * k); \
    l##k = _mm256_min_ps(x##k, l##k);                   \
    h##k = _mm256_max_ps(x##k, h##k);
        FOUR_STEPS(STEP)
#undef STEP
    }
    alignas(32) float lo[8], hi[8];
    _mm256_store_ps(lo, _mm256_min_ps(_mm256_min_ps(l0, l1), _mm256_min_ps(l2, l3)));
    _mm256_store_ps(hi, _mm256_max_ps(_mm256_max_ps(h0, h1), _mm256_max_ps(h2, h3)));
    float low = lo[0], high = hi[0];
    for (int k = 1; k < 8; ++k) low = lo[k] < low ? lo[k] : low, high = hi[k] > high ? hi[k] : high;
    for (; i < n; ++i) low = p[i] < low ? p[i] : low, high = p[i] > high ? p[i] : high;
    return low + high;
}

// The dot of the two halves, 8 accumulators, a multiply and an add a register: each product
// kept apart from its add (an empty asm), as simdreduce's, so no FMA contracts them.
#define HAND_DOT(name, T, V, w, load, mul, add, store)                                              \
    T name(const T* p, std::size_t n) {                                                             \
        using vec = V;                                                                             \
        constexpr std::size_t width = w;                                                           \
        const auto ld = [](const T* at) { return load(at); };                                      \
        const auto mu = [](vec x, vec y) { return mul(x, y); };                                    \
        const auto ad = [](vec x, vec y) { return add(x, y); };                                    \
        const T* q = p + n / 2;                                                                    \
        const std::size_t m = n / 2;                                                               \
        V a0 = V{}, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;                 \
        std::size_t i = 0;                                                                         \
        for (; i + 8 * (w) <= m; i += 8 * (w)) {                                                   \
            EIGHT_STEPS(DOT_STEP)                                                                  \
        }                                                                                          \
        const V s = ad(ad(ad(a0, a1), ad(a2, a3)), ad(ad(a4, a5), ad(a6, a7)));                     \
        alignas(32) T lanes[w];                                                                    \
        store(lanes, s);                                                                           \
        T total = 0;                                                                               \
        for (const T lane : lanes) total += lane;                                                  \
        for (; i < m; ++i) total += p[i] * q[i];                                                   \
        return total;                                                                              \
    }
#define DOT_STEP(k)                                                               \
    {                                                                             \
        vec product = mu(ld(p + i + (k) * width), ld(q + i + (k) * width));       \
        __asm__("" : "+x"(product));                                              \
        a##k = ad(a##k, product);                                                 \
    }
HAND_DOT(hand_dot_f32, float, __m256, 8, _mm256_loadu_ps, _mm256_mul_ps, _mm256_add_ps, _mm256_store_ps)
HAND_DOT(hand_dot_f64, double, __m256d, 4, _mm256_loadu_pd, _mm256_mul_pd, _mm256_add_pd, _mm256_store_pd)
#undef DOT_STEP
#undef HAND_DOT

// The exact int8 dot of the two halves, as a user who knows pmaddwd would write it: 32 bytes of
// each stream sign-extended to 16 bits by two vpmovsxbw from memory, multiplied and added in
// pairs by two vpmaddwd into 32-bit lanes, four accumulators; pmaddubsw would saturate. Each
// step adds at most 65536 a lane, so the 32-bit lanes are widened into 64 bits (vpmovsxdq)
// every 32767 steps.
std::int64_t hand_dot_i8(const std::int8_t* p, std::size_t n) {
    const std::int8_t* q = p + n / 2;
    const std::size_t m = n / 2;
    __m256i wide = _mm256_setzero_si256();
    const auto widen = [&wide](__m256i x) {
        wide = _mm256_add_epi64(wide, _mm256_cvtepi32_epi64(_mm256_castsi256_si128(x)));
        wide = _mm256_add_epi64(wide, _mm256_cvtepi32_epi64(_mm256_extracti128_si256(x, 1)));
    };
    const auto ext = [](const std::int8_t* at) {
        return _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(at)));
    };
    std::size_t i = 0;
    while (i + 128 <= m) {
        __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
        const std::size_t stop = m - i > std::size_t(32767) * 128 ? i + std::size_t(32767) * 128 : m - (m - i) % 128;
        for (; i < stop; i += 128) {
#define STEP(k)                                                                              \
    a##k = _mm256_add_epi32(a##k, _mm256_madd_epi16(ext(p + i + 32 * k), ext(q + i + 32 * k)));           \
    a##k = _mm256_add_epi32(a##k, _mm256_madd_epi16(ext(p + i + 32 * k + 16), ext(q + i + 32 * k + 16)));
            STEP(0) STEP(1) STEP(2) STEP(3)
#undef STEP
            __asm__("" : "+x"(a0), "+x"(a1), "+x"(a2), "+x"(a3));  // no copies of the sums (GCC 12)
        }
        widen(a0), widen(a1), widen(a2), widen(a3);
    }
    alignas(32) std::int64_t lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), wide);
    std::int64_t total = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (; i < m; ++i) total += std::int64_t(p[i]) * q[i];
    return total;
}

// The exact int16 dot: one vpmaddwd a register, whose one wrapping pair sum, (-32768)^2 x 2 =
// 2^31, is kept exact as t - 1; the best widening found is simdreduce's own (engine/wideners/
// halves.hpp): s += x and h += x >> 16 in 32 bits, 2^15 steps, then (h << 16) + (s - (h << 16)
// mod 2^32) into 64 bits. vpmovsxdq twice a register instead costs one operation more.
std::int64_t hand_dot_i16(const std::int16_t* p, std::size_t n) {
    const std::int16_t* q = p + n / 2;
    const std::size_t m = n / 2;
    const __m256i one = _mm256_set1_epi32(1);
    __m256i wide = _mm256_setzero_si256();
    const auto widen = [&wide](__m256i s, __m256i h) {  // in vectors: 8 lanes into 4 64-bit ones
        const __m256i low = _mm256_sub_epi32(s, _mm256_slli_epi32(h, 16));
        const auto add = [&wide](__m128i h4, __m128i low4) {
            wide = _mm256_add_epi64(wide, _mm256_slli_epi64(_mm256_cvtepi32_epi64(h4), 16));
            wide = _mm256_add_epi64(wide, _mm256_cvtepu32_epi64(low4));
        };
        add(_mm256_castsi256_si128(h), _mm256_castsi256_si128(low));
        add(_mm256_extracti128_si256(h, 1), _mm256_extracti128_si256(low, 1));
    };
    const auto ld = [](const std::int16_t* at) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at)); };
    std::size_t i = 0;
    while (i + 64 <= m) {
        __m256i s0 = _mm256_setzero_si256(), s1 = s0, s2 = s0, s3 = s0, h0 = s0, h1 = s0, h2 = s0, h3 = s0;
        const std::size_t stop = m - i > std::size_t(32768) * 64 ? i + std::size_t(32768) * 64 : m - (m - i) % 64;
        for (; i < stop; i += 64) {
#define STEP(k)                                                                                       \
    {                                                                                                 \
        const __m256i x = _mm256_sub_epi32(_mm256_madd_epi16(ld(p + i + 16 * k), ld(q + i + 16 * k)), one); \
        s##k = _mm256_add_epi32(s##k, x);                                                             \
        h##k = _mm256_add_epi32(h##k, _mm256_srai_epi32(x, 16));                                      \
    }
            STEP(0) STEP(1) STEP(2) STEP(3)
#undef STEP
            // Without it GCC 12 kept the sums in other registers, copied them back each
            // iteration (8 vmovdqa) and spilled one of them.
            __asm__("" : "+x"(s0), "+x"(s1), "+x"(s2), "+x"(s3), "+x"(h0), "+x"(h1), "+x"(h2), "+x"(h3));
        }
        widen(s0, h0), widen(s1, h1), widen(s2, h2), widen(s3, h3);
    }
    alignas(32) std::int64_t lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), wide);
    std::int64_t total = lanes[0] + lanes[1] + lanes[2] + lanes[3] + std::int64_t(i / 2);  // the ones taken off
    for (; i < m; ++i) total += std::int64_t(p[i]) * q[i];
    return total;
}

// The 64 lanes of eight accumulators, by a tree of vector adds, then the last register's 8.
float lanes_total(__m256 a0, __m256 a1, __m256 a2, __m256 a3, __m256 a4, __m256 a5, __m256 a6, __m256 a7) {
    const __m256 s = _mm256_add_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)),
                                   _mm256_add_ps(_mm256_add_ps(a4, a5), _mm256_add_ps(a6, a7)));
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, s);
    float total = -0.0f;
    for (const float lane : lanes) total += lane;
    return total;
}

// The masked sum, 8 accumulators: each register's 8 mask bytes zero-extended by one
// vpmovzxbd from memory, compared with zero, and the values blended with -0 before the add.
// The blend, not an and: -0 keeps -0 lanes -0, as simdreduce's, and it is one op on Zen.
float hand_sum_where_f32(const float* p, std::size_t n) {
    const std::size_t m = n / 5 * 4;
    const auto* mask = reinterpret_cast<const std::uint8_t*>(p + m);
    const __m256i zero = _mm256_setzero_si256();
    const __m256 minus_zero = _mm256_set1_ps(-0.0f);
    __m256 a0 = minus_zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    std::size_t i = 0;
    for (; i + 64 <= m; i += 64) {
#define STEP(k)                                                                                                \
    {                                                                                                          \
        const __m256i bytes = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(mask + i + 8 * k))); \
        const __m256 keep = _mm256_castsi256_ps(_mm256_cmpgt_epi32(bytes, zero));                             \
        a##k = _mm256_add_ps(a##k, _mm256_blendv_ps(minus_zero, _mm256_loadu_ps(p + i + 8 * k), keep));        \
    }
        EIGHT_STEPS(STEP)
#undef STEP
    }
    float total = lanes_total(a0, a1, a2, a3, a4, a5, a6, a7);
    for (; i < m; ++i) total += mask[i] ? p[i] : -0.0f;
    return total;
}

// The two-pass variance, 8 accumulators a pass: the sum, then the squares of the deviations
// from the mean (a subtract, a multiply and an add a register; the product kept from the add,
// as simdreduce's). No correction term and no chunks: the plain two-pass, numpy's algorithm.
float hand_variance_f32(const float* p, std::size_t n) {
    const float mean = hand_sum_f32(p, n) / float(n);
    const __m256 m = _mm256_set1_ps(mean);
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    std::size_t i = 0;
    for (; i + 64 <= n; i += 64) {
#define STEP(k)                                                           \
    {                                                                     \
        const __m256 d = _mm256_sub_ps(_mm256_loadu_ps(p + i + 8 * k), m); \
        __m256 square = _mm256_mul_ps(d, d);                              \
        __asm__("" : "+x"(square));                                       \
        a##k = _mm256_add_ps(a##k, square);                               \
    }
        EIGHT_STEPS(STEP)
#undef STEP
    }
    float total = lanes_total(a0, a1, a2, a3, a4, a5, a6, a7);
    for (; i < n; ++i) total += (p[i] - mean) * (p[i] - mean);
    return total / float(n);
}

float ops_min_f32(const float* p, std::size_t n) {  // 3 ops: min, or (signs), cmpunord (NaN)
    __m256 x0 = _mm256_loadu_ps(p), x1 = _mm256_loadu_ps(p + 8), x2 = _mm256_loadu_ps(p + 16), x3 = _mm256_loadu_ps(p + 24);
    __m256 b0 = _mm256_set1_ps(__builtin_inff()), b1 = b0, b2 = b0, b3 = b0;
    __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0, f0 = s0, f1 = s0, f2 = s0, f3 = s0;
    for (std::size_t i = 0; i + 32 <= n; i += 32) {
        FOUR_STEPS(OPAQUE)
#define STEP(k) b##k = _mm256_min_ps(x##k, b##k); s##k = _mm256_or_ps(s##k, x##k); f##k = _mm256_cmp_ps(f##k, x##k, _CMP_UNORD_Q);
        FOUR_STEPS(STEP)
#undef STEP
    }
    const __m256 b = _mm256_min_ps(_mm256_min_ps(b0, b1), _mm256_min_ps(b2, b3));
    const __m256 flags = _mm256_or_ps(_mm256_or_ps(_mm256_or_ps(s0, s1), _mm256_or_ps(s2, s3)),
                                      _mm256_or_ps(_mm256_or_ps(f0, f1), _mm256_or_ps(f2, f3)));
    return _mm256_cvtss_f32(_mm256_or_ps(b, _mm256_and_ps(flags, _mm256_set1_ps(-0.0f))));
}

// 5 ops: min, max, or and and (the two halves' signs), one cmpunord (the NaN flag they share).
float ops_minmax_f32(const float* p, std::size_t n) {
    __m256 x0 = _mm256_loadu_ps(p), x1 = _mm256_loadu_ps(p + 8);
    __m256 l0 = _mm256_set1_ps(__builtin_inff()), l1 = l0, h0 = _mm256_set1_ps(-__builtin_inff()), h1 = h0;
    __m256 s0 = _mm256_setzero_ps(), s1 = s0, f0 = s0, f1 = s0;
    __m256 t0 = _mm256_castsi256_ps(_mm256_set1_epi32(-1)), t1 = t0;
    for (std::size_t i = 0; i + 16 <= n; i += 16) {
        OPAQUE(0)
        OPAQUE(1)
#define STEP(k)                                              \
    l##k = _mm256_min_ps(x##k, l##k);                       \
    h##k = _mm256_max_ps(x##k, h##k);                       \
    s##k = _mm256_or_ps(s##k, x##k);                        \
    t##k = _mm256_and_ps(t##k, x##k);                       \
    f##k = _mm256_cmp_ps(f##k, x##k, _CMP_UNORD_Q);
        STEP(0)
        STEP(1)
#undef STEP
    }
    const __m256 l = _mm256_min_ps(l0, l1), h = _mm256_max_ps(h0, h1);
    const __m256 flags = _mm256_or_ps(_mm256_or_ps(_mm256_or_ps(s0, s1), _mm256_and_ps(t0, t1)), _mm256_or_ps(f0, f1));
    return _mm256_cvtss_f32(_mm256_or_ps(_mm256_add_ps(l, h), _mm256_and_ps(flags, _mm256_set1_ps(-0.0f))));
}

template <bool is_signed>  // 2 ops: pmaddubsw, add
std::int64_t ops_byte_pairs(const std::uint8_t* p, std::size_t n) {
    const auto load = [p](int k) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * k)); };
    __m256i x0 = load(0), x1 = load(1), x2 = load(2), x3 = load(3);
    const __m256i ones = _mm256_set1_epi8(1);
    __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
    for (std::size_t i = 0; i + 128 <= n; i += 128) {
        FOUR_STEPS(OPAQUE)
#define STEP(k) a##k = _mm256_add_epi16(a##k, is_signed ? _mm256_maddubs_epi16(ones, x##k) : _mm256_maddubs_epi16(x##k, ones));
        FOUR_STEPS(STEP)
#undef STEP
    }
    const __m256i s = _mm256_add_epi16(_mm256_add_epi16(a0, a1), _mm256_add_epi16(a2, a3));
    return _mm256_extract_epi16(s, 0);
}

float ops_filter_map_sum_f32(const float* p, std::size_t n) {  // 5 ops: cmp, mul, xor, and, sub
    __m256 x0 = _mm256_loadu_ps(p), x1 = _mm256_loadu_ps(p + 8), x2 = _mm256_loadu_ps(p + 16), x3 = _mm256_loadu_ps(p + 24);
    const __m256 zero = _mm256_setzero_ps(), sign = _mm256_set1_ps(-0.0f);
    __m256 a0 = sign, a1 = a0, a2 = a0, a3 = a0;
    for (std::size_t i = 0; i + 32 <= n; i += 32) {
        FOUR_STEPS(OPAQUE)
#define STEP(k)                                                                                       \
    a##k = _mm256_sub_ps(a##k, _mm256_and_ps(_mm256_cmp_ps(x##k, zero, _CMP_GT_OQ),                 \
                                             _mm256_xor_ps(sign, _mm256_mul_ps(x##k, x##k))));
        FOUR_STEPS(STEP)
#undef STEP
    }
    return _mm256_cvtss_f32(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
}

}  // namespace

namespace bench {

extern const function_table hand_avx2, hand_avx2_and, ops_avx2;
const function_table hand_avx2 = {
    hand_sum_f32, hand_sum_f64, hand_sum_i32,
    [](const std::int8_t* p, std::size_t n) { return hand_sad<true>(reinterpret_cast<const std::uint8_t*>(p), n); },
    [](const std::uint8_t* p, std::size_t n) { return static_cast<std::uint64_t>(hand_sad<false>(p, n)); },
    hand_filter_map_sum_f32<true>, nullptr, hand_min_f32, nullptr, nullptr, nullptr, nullptr, nullptr, hand_minmax_f32,
    hand_count_if_f32, hand_argmin<float>, hand_argmin<std::int32_t>, nullptr, nullptr, nullptr, nullptr,
    hand_dot_f32, hand_dot_f64, nullptr, nullptr, hand_sum_where_f32, nullptr, hand_variance_f32, nullptr,
    hand_dot_i8, hand_dot_i16};
const function_table hand_avx2_and = {nullptr, nullptr, nullptr, nullptr, nullptr, hand_filter_map_sum_f32<false>, nullptr};
const function_table ops_avx2 = {
    ops_sum_f32, nullptr, ops_sum_i32,
    [](const std::int8_t* p, std::size_t n) { return ops_byte_pairs<true>(reinterpret_cast<const std::uint8_t*>(p), n); },
    [](const std::uint8_t* p, std::size_t n) { return static_cast<std::uint64_t>(ops_byte_pairs<false>(p, n)); },
    ops_filter_map_sum_f32, nullptr, ops_min_f32, nullptr, nullptr, nullptr, nullptr, nullptr, ops_minmax_f32};

}  // namespace bench
