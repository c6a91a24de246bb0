// simdreduce's own paths, and the read ceiling at this path's vector width. Compiled once
// per architecture with its flags: BENCH_ARCH names the xsimd tag, BENCH_KERNELS the table.
#include <simdreduce/simdreduce.hpp>

#include "function_table.hpp"

namespace {

namespace sr = simdreduce;
using arch = BENCH_ARCH;

float sum_f32(const float* p, std::size_t n) { return sr::sum<arch>(p, n); }
double sum_f64(const double* p, std::size_t n) { return sr::sum<arch>(p, n); }
std::int64_t sum_i32(const std::int32_t* p, std::size_t n) { return sr::sum<arch>(p, n); }
std::int64_t sum_i8(const std::int8_t* p, std::size_t n) { return sr::sum<arch>(p, n); }
std::uint64_t sum_u8(const std::uint8_t* p, std::size_t n) { return sr::sum<arch>(p, n); }
const auto positive = [](auto x) { return x > 0; };
const auto square = [](auto x) { return x * x; };
float filter_map_sum_f32(const float* p, std::size_t n) { return sr::filter_map_sum<arch>(p, n, positive, square); }
template <class T>
T min_of(const T* p, std::size_t n) {
    return sr::min<arch>(p, n);
}
std::uint8_t max_u8(const std::uint8_t* p, std::size_t n) { return sr::max<arch>(p, n); }
float min_f32_skip_nan(const float* p, std::size_t n) { return sr::min<arch>(p, n, sr::skip_nan); }
template <class T, class Sum = bench::min_plus_max_t<T>>
Sum minmax_of(const T* p, std::size_t n) {
    const auto both = sr::minmax<arch>(p, n);
    return Sum(both.min) + Sum(both.max);
}
std::size_t count_if_f32(const float* p, std::size_t n) { return sr::count_if<arch>(p, n, positive); }
template <class T>
T compensated(const T* p, std::size_t n) {
    return sr::compensated_sum<arch>(p, n);
}

template <class T>
sr::default_accumulator_t<T> dot_of_halves(const T* p, std::size_t n) {
    return sr::dot<arch>(p, p + n / 2, n / 2);
}
float sum_where_f32(const float* p, std::size_t n) {
    const std::size_t m = n / 5 * 4;
    return sr::sum_where<arch>(p, reinterpret_cast<const std::uint8_t*>(p + m), m);
}
float mean_f32(const float* p, std::size_t n) { return sr::mean<arch>(p, n); }
template <class T>
T variance_of(const T* p, std::size_t n) {
    return sr::variance<arch>(p, n);
}
template <class T>
std::size_t argmin_of(const T* p, std::size_t n) {
    return sr::argmin<arch>(p, n);
}

// The filtered sum in each masking variant, where the path has both (reducers/plus.hpp): the
// rows above run the one this CPU's vendor gets, these run both on every machine.
template <sr::reducers::masking M>
float filter_map_sum_f32_as(const float* p, std::size_t n) {
    const sr::filter_map_sum_reducer<float, decltype(positive), decltype(square)> automatic{positive, square};
    return sr::engine::run<arch>(automatic.template with_masking<M>(), sr::engine::input<float>{p}, n);
}
template <sr::reducers::masking M>
constexpr float (*filter_map_sum_f32_variant())(const float*, std::size_t) {
    if constexpr (sr::reducers::has_blend_variant<float, arch>) {
        return filter_map_sum_f32_as<M>;
    } else {
        return nullptr;
    }
}

// The same float sums without the block tree (a reducer that claims to be exact gets one
// block): what the tree costs.
template <class T>
struct unblocked_sum : sr::reducers::sum<T> {
    static constexpr bool exact = true;
};
float sum_f32_unblocked(const float* p, std::size_t n) {
    return sr::engine::run<arch>(unblocked_sum<float>{}, sr::engine::input<float>{p}, n);
}
double sum_f64_unblocked(const double* p, std::size_t n) {
    return sr::engine::run<arch>(unblocked_sum<double>{}, sr::engine::input<double>{p}, n);
}

// One OR per vector into 8 independent accumulators: two loads per cycle need no more than
// two ALU ops per cycle, so only the loads can limit it.
template <class A>
std::uint64_t or_all(const std::uint8_t* p, std::size_t n, A) {
    using batch = xsimd::batch<std::uint64_t, A>;
    constexpr std::size_t step = batch::size * 8;  // 64-bit elements per vector
    const auto* words = reinterpret_cast<const std::uint64_t*>(p);
    const std::size_t count = n / 8;
    batch a0(std::uint64_t(0)), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    std::size_t i = 0;
    for (; i + step <= count; i += step) {
        const std::uint64_t* q = words + i;
        a0 |= batch::load_unaligned(q + 0 * batch::size);
        a1 |= batch::load_unaligned(q + 1 * batch::size);
        a2 |= batch::load_unaligned(q + 2 * batch::size);
        a3 |= batch::load_unaligned(q + 3 * batch::size);
        a4 |= batch::load_unaligned(q + 4 * batch::size);
        a5 |= batch::load_unaligned(q + 5 * batch::size);
        a6 |= batch::load_unaligned(q + 6 * batch::size);
        a7 |= batch::load_unaligned(q + 7 * batch::size);
    }
    const batch all = ((a0 | a1) | (a2 | a3)) | ((a4 | a5) | (a6 | a7));
    alignas(64) std::uint64_t lanes[batch::size];
    all.store_aligned(lanes);
    std::uint64_t bits = 0;
    for (std::uint64_t lane : lanes) bits |= lane;
    for (std::size_t j = i * 8; j < n; ++j) bits |= p[j];
    return bits;
}

// The scalar path has no ceiling of its own: it is measured against the widest one.
template <class A>
constexpr std::uint64_t (*read_ceiling_for(A))(const std::uint8_t*, std::size_t) {
    return [](const std::uint8_t* p, std::size_t n) { return or_all(p, n, A{}); };
}
[[maybe_unused]] constexpr std::uint64_t (*read_ceiling_for(sr::scalar))(const std::uint8_t*, std::size_t) {
    return nullptr;
}

}  // namespace

namespace bench {

#define BENCH_CAT_(a, b) a##b
#define BENCH_CAT(a, b) BENCH_CAT_(a, b)
extern const function_table BENCH_KERNELS, BENCH_UNBLOCKED_KERNELS, BENCH_CAT(BENCH_KERNELS, _and_subtract),
    BENCH_CAT(BENCH_KERNELS, _blend);
const function_table BENCH_KERNELS = {sum_f32,          sum_f64,          sum_i32,
                                      sum_i8,           sum_u8,           filter_map_sum_f32,
                                      read_ceiling_for(arch{}), min_of<float>, min_of<double>,
                                      min_of<std::int32_t>, min_of<std::int8_t>, max_u8,
                                      min_f32_skip_nan, minmax_of<float>, count_if_f32,
                                      argmin_of<float>, argmin_of<std::int32_t>, minmax_of<double>,
                                      minmax_of<std::int32_t>, minmax_of<std::int8_t>, minmax_of<std::uint8_t>,
                                      dot_of_halves<float>, dot_of_halves<double>,
                                      compensated<float>, compensated<double>, sum_where_f32,
                                      mean_f32, variance_of<float>, variance_of<double>,
                                      dot_of_halves<std::int8_t>, dot_of_halves<std::int16_t>};
const function_table BENCH_UNBLOCKED_KERNELS = {sum_f32_unblocked, sum_f64_unblocked};
const function_table BENCH_CAT(BENCH_KERNELS, _and_subtract) = {
    nullptr, nullptr, nullptr, nullptr, nullptr, filter_map_sum_f32_variant<sr::reducers::masking::and_subtract>()};
const function_table BENCH_CAT(BENCH_KERNELS, _blend) = {
    nullptr, nullptr, nullptr, nullptr, nullptr, filter_map_sum_f32_variant<sr::reducers::masking::blend>()};

}  // namespace bench
