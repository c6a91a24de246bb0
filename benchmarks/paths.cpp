// simdreduce's own paths. Compiled once per architecture, with that architecture's flags,
// BENCH_ARCH naming its tag and BENCH_REGISTER the function that registers its rows.
#include <simdreduce/simdreduce.hpp>

#include "bench_case.hpp"

namespace bench {

// The same kernels on every path, so that the rows line up.
template <class Arch>
void add_standard_cases(std::size_t bytes, const std::string& path) {
    namespace sr = simdreduce;
    add_case<float>("sum_f32", bytes, path, [](const float* p, std::size_t n) { return sr::sum<Arch>(p, n); });
    add_case<double>("sum_f64", bytes, path, [](const double* p, std::size_t n) { return sr::sum<Arch>(p, n); });
    add_case<std::int32_t>("sum_i32", bytes, path, [](const std::int32_t* p, std::size_t n) { return sr::sum<Arch>(p, n); });
    add_case<std::int8_t>("sum_i8", bytes, path, [](const std::int8_t* p, std::size_t n) { return sr::sum<Arch>(p, n); });
    add_case<std::uint8_t>("sum_u8", bytes, path, [](const std::uint8_t* p, std::size_t n) { return sr::sum<Arch>(p, n); });
    add_case<float>("filter_map_sum_f32", bytes, path, [](const float* p, std::size_t n) {
        return sr::filter_map_sum<Arch>(p, n, [](auto x) { return x > 0; }, [](auto x) { return x * x; });
    });
}

void BENCH_REGISTER(const std::size_t* sizes, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        add_standard_cases<BENCH_ARCH>(sizes[i], BENCH_PATH_NAME);
    }
}

}  // namespace bench
