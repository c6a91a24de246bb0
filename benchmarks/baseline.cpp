// The loops a user would write without simdreduce, compiled with baseline flags and the
// compilers' default floating-point semantics: strict order, so no vectorised float sum.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <type_traits>

#include "function_table.hpp"

namespace {

float sum_f32(const float* p, std::size_t n) { return std::accumulate(p, p + n, 0.0f); }
double sum_f64(const double* p, std::size_t n) { return std::accumulate(p, p + n, 0.0); }
std::int64_t sum_i32(const std::int32_t* p, std::size_t n) { return std::accumulate(p, p + n, std::int64_t(0)); }
std::int64_t sum_i8(const std::int8_t* p, std::size_t n) { return std::accumulate(p, p + n, std::int64_t(0)); }
std::uint64_t sum_u8(const std::uint8_t* p, std::size_t n) { return std::accumulate(p, p + n, std::uint64_t(0)); }
float filter_map_sum_f32(const float* p, std::size_t n) {
    float total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] > 0) total += p[i] * p[i];
    }
    return total;
}

// std::min_element: what a C++ user reaches for (the first smallest; NaN compares false).
template <class T>
T min_element_of(const T* p, std::size_t n) {
    return n ? *std::min_element(p, p + n) : T{};
}
std::uint8_t max_element_u8(const std::uint8_t* p, std::size_t n) { return n ? *std::max_element(p, p + n) : 0; }
template <class T, class Sum = bench::min_plus_max_t<T>>
Sum minmax_element_of(const T* p, std::size_t n) {
    if (n == 0) return 0;
    const auto both = std::minmax_element(p, p + n);
    return Sum(*both.first) + Sum(*both.second);
}
std::size_t count_if_f32(const float* p, std::size_t n) {
    return static_cast<std::size_t>(std::count_if(p, p + n, [](float x) { return x > 0; }));
}
template <class T>
std::size_t min_element_index(const T* p, std::size_t n) {
    return static_cast<std::size_t>(std::min_element(p, p + n) - p);
}

template <class T>
std::conditional_t<std::is_integral<T>::value, std::int64_t, T> inner_product_of_halves(const T* p, std::size_t n) {
    return std::inner_product(p, p + n / 2, p + n / 2, std::conditional_t<std::is_integral<T>::value, std::int64_t, T>(0));
}

// The loop a user would write: a branch on each mask byte.
float sum_where_f32(const float* p, std::size_t n) {
    const std::size_t m = n / 5 * 4;
    const auto* mask = reinterpret_cast<const std::uint8_t*>(p + m);
    float total = -0.0f;
    for (std::size_t i = 0; i < m; ++i) {
        if (mask[i]) total += p[i];
    }
    return total;
}

// The two passes a user would write.
template <class T>
T two_pass_variance(const T* p, std::size_t n) {
    T total = 0;
    for (std::size_t i = 0; i < n; ++i) total += p[i];
    const T mean = total / T(n);
    T squares = 0;
    for (std::size_t i = 0; i < n; ++i) squares += (p[i] - mean) * (p[i] - mean);
    return squares / T(n);
}

}  // namespace

namespace bench {

extern const function_table strict_loop;
const function_table strict_loop = {sum_f32,           sum_f64,           sum_i32,
                                    sum_i8,            sum_u8,            filter_map_sum_f32,
                                    nullptr,           min_element_of<float>, min_element_of<double>,
                                    min_element_of<std::int32_t>, min_element_of<std::int8_t>, max_element_u8,
                                    nullptr,           minmax_element_of<float>, count_if_f32,
                                    min_element_index<float>, min_element_index<std::int32_t>,
                                    minmax_element_of<double>, minmax_element_of<std::int32_t>,
                                    minmax_element_of<std::int8_t>, minmax_element_of<std::uint8_t>,
                                    inner_product_of_halves<float>, inner_product_of_halves<double>,
                                    nullptr, nullptr, sum_where_f32, nullptr, two_pass_variance<float>,
                                    two_pass_variance<double>, inner_product_of_halves<std::int8_t>,
                                    inner_product_of_halves<std::int16_t>};

}  // namespace bench
