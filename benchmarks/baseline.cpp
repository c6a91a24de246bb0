// The loops a user would write without simdreduce, compiled with baseline flags and the
// compilers' default floating-point semantics: strict order, so no vectorised float sum.
#include <cstdint>
#include <numeric>

#include "bench_case.hpp"

namespace bench {

void register_strict_scalar(const std::size_t* sizes, std::size_t count) {
    for (std::size_t s = 0; s < count; ++s) {
        const std::size_t bytes = sizes[s];
        add_case<float>("sum_f32", bytes, "strict_loop", [](const float* p, std::size_t n) {
            return std::accumulate(p, p + n, 0.0f);
        });
        add_case<double>("sum_f64", bytes, "strict_loop", [](const double* p, std::size_t n) {
            return std::accumulate(p, p + n, 0.0);
        });
        add_case<std::int32_t>("sum_i32", bytes, "strict_loop", [](const std::int32_t* p, std::size_t n) {
            return std::accumulate(p, p + n, std::int64_t(0));
        });
        add_case<std::int8_t>("sum_i8", bytes, "strict_loop", [](const std::int8_t* p, std::size_t n) {
            return std::accumulate(p, p + n, std::int64_t(0));
        });
        add_case<std::uint8_t>("sum_u8", bytes, "strict_loop", [](const std::uint8_t* p, std::size_t n) {
            return std::accumulate(p, p + n, std::uint64_t(0));
        });
        add_case<float>("filter_map_sum_f32", bytes, "strict_loop", [](const float* p, std::size_t n) {
            float total = 0;
            for (std::size_t i = 0; i < n; ++i) {
                if (p[i] > 0) total += p[i] * p[i];
            }
            return total;
        });
    }
}

}  // namespace bench
