// The loops a user would write without simdreduce, compiled with baseline flags and the
// compilers' default floating-point semantics: strict order, so no vectorised float sum.
#include <cstdint>
#include <numeric>

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

}  // namespace

namespace bench {

extern const function_table strict_loop;
const function_table strict_loop = {sum_f32, sum_f64, sum_i32, sum_i8, sum_u8, filter_map_sum_f32, nullptr};

}  // namespace bench
