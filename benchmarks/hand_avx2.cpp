// Hand-written AVX2 intrinsics loops, the yardsticks simdreduce's AVX2 path must match.
// Eight named accumulators: an array of them would live in memory.
#include <immintrin.h>

#include <cstdint>

#include "bench_kernels.hpp"

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

}  // namespace

namespace bench {

extern const kernel_set hand_avx2, hand_avx2_and;
const kernel_set hand_avx2 = {
    hand_sum_f32, hand_sum_f64, hand_sum_i32,
    [](const std::int8_t* p, std::size_t n) { return hand_sad<true>(reinterpret_cast<const std::uint8_t*>(p), n); },
    [](const std::uint8_t* p, std::size_t n) { return static_cast<std::uint64_t>(hand_sad<false>(p, n)); },
    hand_filter_map_sum_f32<true>, nullptr};
const kernel_set hand_avx2_and = {nullptr, nullptr, nullptr, nullptr, nullptr, hand_filter_map_sum_f32<false>, nullptr};

}  // namespace bench
