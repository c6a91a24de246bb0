// What users would pick instead of simdreduce, built for this machine: Eigen's .sum(), and
// the plain loops compiled with -O3 -march=native -ffast-math (which licenses the compiler
// to reorder float sums, so results depend on the build). Compiled only when available.
#include <cstdint>
#include <numeric>

#if defined(SIMDREDUCE_BENCH_EIGEN)
#include <Eigen/Core>
#endif

#include "bench_case.hpp"

namespace bench {

namespace {

template <class T>
auto eigen_sum(const T* p, std::size_t n) {
#if defined(SIMDREDUCE_BENCH_EIGEN)
    return Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>(p, static_cast<Eigen::Index>(n)).sum();
#else
    return std::accumulate(p, p + n, T(0));
#endif
}

}  // namespace

void register_alternatives(const std::size_t* sizes, std::size_t count) {
    for (std::size_t s = 0; s < count; ++s) {
        const std::size_t bytes = sizes[s];
#if defined(SIMDREDUCE_BENCH_EIGEN)
        add_case<float>("sum_f32", bytes, "eigen", [](const float* p, std::size_t n) { return eigen_sum(p, n); });
        add_case<double>("sum_f64", bytes, "eigen", [](const double* p, std::size_t n) { return eigen_sum(p, n); });
#endif
#if defined(SIMDREDUCE_BENCH_FAST_MATH)
        add_case<float>("sum_f32", bytes, "fast_math_native", [](const float* p, std::size_t n) {
            return std::accumulate(p, p + n, 0.0f);
        });
        add_case<double>("sum_f64", bytes, "fast_math_native", [](const double* p, std::size_t n) {
            return std::accumulate(p, p + n, 0.0);
        });
        add_case<std::int32_t>("sum_i32", bytes, "fast_math_native", [](const std::int32_t* p, std::size_t n) {
            return std::accumulate(p, p + n, std::int64_t(0));
        });
        add_case<float>("filter_map_sum_f32", bytes, "fast_math_native", [](const float* p, std::size_t n) {
            float total = 0;
            for (std::size_t i = 0; i < n; ++i) total += p[i] > 0 ? p[i] * p[i] : 0.0f;
            return total;
        });
#endif
    }
}

}  // namespace bench
