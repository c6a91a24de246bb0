// What users would pick instead of simdreduce, built for the build machine: Eigen's .sum() and
// .minCoeff(),
// and the plain loops compiled with -O3 -march=native -ffast-math (which licenses the
// compiler to reorder float sums, so results depend on the build). Compiled only when
// available. Plain loops, not std::accumulate: its instantiations are shared with the
// baseline objects, and the linker could keep this object's -march=native copy for them.
#include <cstdint>

#if defined(SIMDREDUCE_BENCH_EIGEN)
#include <Eigen/Core>
#endif

#include "function_table.hpp"

namespace {

#if defined(SIMDREDUCE_BENCH_FAST_MATH)
template <class Acc, class T>
Acc plain_sum(const T* p, std::size_t n) {
    Acc total = 0;
    for (std::size_t i = 0; i < n; ++i) total += p[i];
    return total;
}

// x < m ? x : m, which -ffast-math lets the compiler turn into vminps with any NaN result.
template <class T>
T plain_min(const T* p, std::size_t n) {
    T m = p[0];
    for (std::size_t i = 1; i < n; ++i) m = p[i] < m ? p[i] : m;
    return m;
}
std::uint8_t plain_max_u8(const std::uint8_t* p, std::size_t n) {
    std::uint8_t m = 0;
    for (std::size_t i = 0; i < n; ++i) m = p[i] > m ? p[i] : m;
    return m;
}

float plain_filter_map_sum(const float* p, std::size_t n) {
    float total = 0;
    for (std::size_t i = 0; i < n; ++i) total += p[i] > 0 ? p[i] * p[i] : 0.0f;
    return total;
}
std::size_t plain_count_if(const float* p, std::size_t n) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) count += p[i] > 0;
    return count;
}
template <class T>
T plain_dot(const T* p, std::size_t n) {
    const T* q = p + n / 2;
    T total = 0;
    for (std::size_t i = 0; i < n / 2; ++i) total += p[i] * q[i];
    return total;
}
// The exact integer dot as a user writes it, each product widened to 64 bits.
template <class T>
std::int64_t plain_int_dot(const T* p, std::size_t n) {
    const T* q = p + n / 2;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < n / 2; ++i) total += std::int64_t(p[i]) * q[i];
    return total;
}
float plain_sum_where(const float* p, std::size_t n) {
    const std::size_t m = n / 5 * 4;
    const auto* mask = reinterpret_cast<const std::uint8_t*>(p + m);
    float total = 0;
    for (std::size_t i = 0; i < m; ++i) total += mask[i] ? p[i] : 0.0f;
    return total;
}
// The strict loop's two passes (baseline.cpp), here under -O3 -march=native -ffast-math.
template <class T>
T plain_variance(const T* p, std::size_t n) {
    T total = 0;
    for (std::size_t i = 0; i < n; ++i) total += p[i];
    const T mean = total / T(n);
    T squares = 0;
    for (std::size_t i = 0; i < n; ++i) squares += (p[i] - mean) * (p[i] - mean);
    return squares / T(n);
}
template <class T>
std::size_t plain_argmin(const T* p, std::size_t n) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < n; ++i) best = p[i] < p[best] ? i : best;
    return best;
}
#endif

#if defined(SIMDREDUCE_BENCH_EIGEN)
template <class T>
T eigen_sum(const T* p, std::size_t n) {
    return Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>(p, static_cast<Eigen::Index>(n)).sum();
}
template <class T>
T eigen_min(const T* p, std::size_t n) {
    return Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>(p, static_cast<Eigen::Index>(n)).minCoeff();
}
template <class T, class Sum = bench::min_plus_max_t<T>>
Sum eigen_minmax(const T* p, std::size_t n) {  // two passes: Eigen has no one-pass form
    const Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>> a(p, static_cast<Eigen::Index>(n));
    return Sum(a.minCoeff()) + Sum(a.maxCoeff());
}
std::uint8_t eigen_max_u8(const std::uint8_t* p, std::size_t n) {
    return Eigen::Map<const Eigen::Array<std::uint8_t, Eigen::Dynamic, 1>>(p, static_cast<Eigen::Index>(n)).maxCoeff();
}
std::size_t eigen_count_if(const float* p, std::size_t n) {
    return static_cast<std::size_t>((Eigen::Map<const Eigen::ArrayXf>(p, static_cast<Eigen::Index>(n)) > 0.0f).count());
}
template <class T>
T eigen_dot(const T* p, std::size_t n) {
    using vector = Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>;
    return vector(p, static_cast<Eigen::Index>(n / 2)).dot(vector(p + n / 2, static_cast<Eigen::Index>(n / 2)));
}
float eigen_mean(const float* p, std::size_t n) {
    return Eigen::Map<const Eigen::ArrayXf>(p, static_cast<Eigen::Index>(n)).mean();
}
template <class T>
T eigen_variance(const T* p, std::size_t n) {  // Eigen has no variance: the two-pass expression
    const Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>> a(p, static_cast<Eigen::Index>(n));
    return (a - a.mean()).square().sum() / T(n);
}
template <class T>
std::size_t eigen_argmin(const T* p, std::size_t n) {
    if (n == 0) return 0;
    Eigen::Index at = 0;
    Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>(p, static_cast<Eigen::Index>(n)).minCoeff(&at);
    return static_cast<std::size_t>(at);
}
#endif

}  // namespace

namespace bench {

extern const function_table eigen, fast_math_native;
#if defined(SIMDREDUCE_BENCH_EIGEN)
const function_table eigen = {eigen_sum<float>,        eigen_sum<double>,  nullptr,
                               nullptr,                 nullptr,            nullptr,
                               nullptr,                 eigen_min<float>,   eigen_min<double>,
                               eigen_min<std::int32_t>, eigen_min<std::int8_t>, eigen_max_u8,
                               nullptr,                 eigen_minmax<float>, eigen_count_if,
                               eigen_argmin<float>,     eigen_argmin<std::int32_t>, eigen_minmax<double>,
                               eigen_minmax<std::int32_t>, eigen_minmax<std::int8_t>, eigen_minmax<std::uint8_t>,
                               eigen_dot<float>,        eigen_dot<double>, nullptr, nullptr, nullptr,
                               eigen_mean,              eigen_variance<float>, eigen_variance<double>};
#else
const function_table eigen = {};
#endif
#if defined(SIMDREDUCE_BENCH_FAST_MATH)
const function_table fast_math_native = {plain_sum<float, float>, plain_sum<double, double>,
                                     plain_sum<std::int64_t, std::int32_t>, nullptr, nullptr,
                                     plain_filter_map_sum, nullptr, plain_min<float>, plain_min<double>,
                                     plain_min<std::int32_t>, plain_min<std::int8_t>, plain_max_u8,
                                     nullptr, nullptr, plain_count_if, plain_argmin<float>,
                                     plain_argmin<std::int32_t>, nullptr, nullptr, nullptr, nullptr,
                                     plain_dot<float>, plain_dot<double>, nullptr, nullptr, plain_sum_where,
                                     nullptr, plain_variance<float>, plain_variance<double>,
                                     plain_int_dot<std::int8_t>, plain_int_dot<std::int16_t>};
#else
const function_table fast_math_native = {};
#endif

}  // namespace bench
