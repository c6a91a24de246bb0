// The functions of one benchmarked contender (a simdreduce path, a hand-written loop, a peer),
// as plain function pointers: one per row of the benchmark.
//
// Every object compiled for a wider instruction set (paths.cpp per architecture,
// hand_avx2.cpp, alternatives.cpp) exports only a constant table of these, and keeps its
// code in an anonymous namespace. All registration (std::string, std::function, Google
// Benchmark's templates) happens in baseline code: had those objects registered their own
// rows, they would carry AVX2 copies of inline functions the baseline code shares, and the
// linker may keep either copy, so the binary could die of SIGILL on an older CPU.
// A null entry means the contender has no such function.
#ifndef SIMDREDUCE_BENCHMARKS_FUNCTION_TABLE_HPP
#define SIMDREDUCE_BENCHMARKS_FUNCTION_TABLE_HPP

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace bench {

// What the minmax rows return, min + max: T, or 64 bits for integers (no overflow). A type
// only, so the objects built for wider instruction sets share no code through it.
template <class T>
using min_plus_max_t = std::conditional_t<std::is_integral<T>::value, std::int64_t, T>;

struct function_table {
    float (*sum_f32)(const float*, std::size_t) = nullptr;
    double (*sum_f64)(const double*, std::size_t) = nullptr;
    std::int64_t (*sum_i32)(const std::int32_t*, std::size_t) = nullptr;
    std::int64_t (*sum_i8)(const std::int8_t*, std::size_t) = nullptr;
    std::uint64_t (*sum_u8)(const std::uint8_t*, std::size_t) = nullptr;
    float (*filter_map_sum_f32)(const float*, std::size_t) = nullptr;  // x > 0 ? x * x
    // The physical limit: the same bytes read with the least work this vector width allows.
    std::uint64_t (*read_ceiling)(const std::uint8_t*, std::size_t) = nullptr;
    // The smallest element (propagating NaN, where the contender says what NaN does).
    float (*min_f32)(const float*, std::size_t) = nullptr;
    double (*min_f64)(const double*, std::size_t) = nullptr;
    std::int32_t (*min_i32)(const std::int32_t*, std::size_t) = nullptr;
    std::int8_t (*min_i8)(const std::int8_t*, std::size_t) = nullptr;
    std::uint8_t (*max_u8)(const std::uint8_t*, std::size_t) = nullptr;
    float (*min_f32_skip_nan)(const float*, std::size_t) = nullptr;
    // The smallest and the largest in one pass, returned as min + max.
    float (*minmax_f32)(const float*, std::size_t) = nullptr;
    // The number of elements with x > 0 (NaN compares false).
    std::size_t (*count_if_f32)(const float*, std::size_t) = nullptr;
    // The index of the first smallest element.
    std::size_t (*argmin_f32)(const float*, std::size_t) = nullptr;
    std::size_t (*argmin_i32)(const std::int32_t*, std::size_t) = nullptr;
    // minmax of the other element types, as min + max (64-bit for integers: no overflow).
    double (*minmax_f64)(const double*, std::size_t) = nullptr;
    std::int64_t (*minmax_i32)(const std::int32_t*, std::size_t) = nullptr;
    std::int64_t (*minmax_i8)(const std::int8_t*, std::size_t) = nullptr;
    std::int64_t (*minmax_u8)(const std::uint8_t*, std::size_t) = nullptr;
    // The dot of the buffer's two halves: two streams of n / 2 elements, the same bytes in all.
    float (*dot_f32)(const float*, std::size_t) = nullptr;
    double (*dot_f64)(const double*, std::size_t) = nullptr;
    // The sum with a compensation a lane (Sum2): its cost against sum_f32 and sum_f64.
    float (*compensated_sum_f32)(const float*, std::size_t) = nullptr;
    double (*compensated_sum_f64)(const double*, std::size_t) = nullptr;
    // The sum of the floats whose mask byte is nonzero: the buffer's n floats hold m = 4n/5
    // values, then their m mask bytes (the raw bytes of the data: all but 1 in 256 are kept;
    // the kernels are branch-free), so the row reads the same bytes as the others.
    float (*sum_where_f32)(const float*, std::size_t) = nullptr;
    // The mean, and the population variance (two passes, or what the contender does).
    float (*mean_f32)(const float*, std::size_t) = nullptr;
    float (*variance_f32)(const float*, std::size_t) = nullptr;
    double (*variance_f64)(const double*, std::size_t) = nullptr;
    // The exact integer dot of the two halves, in 64 bits.
    std::int64_t (*dot_i8)(const std::int8_t*, std::size_t) = nullptr;
    std::int64_t (*dot_i16)(const std::int16_t*, std::size_t) = nullptr;
};

// One target's tables, as main.cpp registers them.
struct path_tables {
    const function_table *paths, *unblocked, *and_subtract, *blend;
};

// simdreduce's own paths (paths.cpp, once per architecture).
// paths_<target> for every row of targets.def; paths_<target>_unblocked: the float sums of
// that path without the block tree, to show what the tree costs; paths_<target>_and_subtract
// and _blend: the filtered sum in each masking variant, where the path has both.
#define SIMDREDUCE_TARGET(name, tag, family, flags, level)                                  \
    extern const function_table paths_##name, paths_##name##_unblocked, paths_##name##_and_subtract, \
        paths_##name##_blend;
#include <simdreduce/targets/targets.def>
#undef SIMDREDUCE_TARGET
// The loops a user would write, with the compiler's default float semantics (baseline.cpp).
extern const function_table strict_loop;
// Hand-written AVX2 intrinsics (hand_avx2.cpp); the _and variant masks rejected elements
// with `and`, adding +0.0 where simdreduce adds -0.0. ops_avx2 runs simdreduce's AVX2
// instruction mix on registers only: the rate its vector ports allow, whatever the memory.
extern const function_table hand_avx2, hand_avx2_and, ops_avx2;
// Eigen's .sum() and the plain loops at -O3 -march=native -ffast-math (alternatives.cpp).
extern const function_table eigen, fast_math_native;

}  // namespace bench

#endif
