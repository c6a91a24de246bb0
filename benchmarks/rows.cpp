// Turns kernel tables into benchmark rows. Baseline flags: this is the only code that
// registers rows, so the wider objects hold nothing but their function tables (function_table.hpp).
#include "rows.hpp"

#include <cstdio>

#if defined(__unix__)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "bench_case.hpp"

namespace bench {

void register_rows(const char* path, const function_table& k, const std::vector<std::size_t>& sizes, std::size_t offset) {
    for (const std::size_t bytes : sizes) {
        if (k.sum_f32) add_case<float>("sum_f32", bytes, path, k.sum_f32, offset);
        if (k.sum_f64) add_case<double>("sum_f64", bytes, path, k.sum_f64, offset);
        if (k.sum_i32) add_case<std::int32_t>("sum_i32", bytes, path, k.sum_i32, offset);
        if (k.sum_i8) add_case<std::int8_t>("sum_i8", bytes, path, k.sum_i8, offset);
        if (k.sum_u8) add_case<std::uint8_t>("sum_u8", bytes, path, k.sum_u8, offset);
        if (k.filter_map_sum_f32) add_case<float>("filter_map_sum_f32", bytes, path, k.filter_map_sum_f32, offset);
        if (k.min_f32) add_case<float>("min_f32", bytes, path, k.min_f32, offset);
        if (k.min_f64) add_case<double>("min_f64", bytes, path, k.min_f64, offset);
        if (k.min_i32) add_case<std::int32_t>("min_i32", bytes, path, k.min_i32, offset);
        if (k.min_i8) add_case<std::int8_t>("min_i8", bytes, path, k.min_i8, offset);
        if (k.max_u8) add_case<std::uint8_t>("max_u8", bytes, path, k.max_u8, offset);
        if (k.min_f32_skip_nan) add_case<float>("min_f32_skip_nan", bytes, path, k.min_f32_skip_nan, offset);
        if (k.minmax_f32) add_case<float>("minmax_f32", bytes, path, k.minmax_f32, offset);
        if (k.count_if_f32) add_case<float>("count_if_f32", bytes, path, k.count_if_f32, offset);
        if (k.argmin_f32) add_case<float>("argmin_f32", bytes, path, k.argmin_f32, offset);
        if (k.argmin_i32) add_case<std::int32_t>("argmin_i32", bytes, path, k.argmin_i32, offset);
        if (k.argmin_f32 && offset == 0) add_case<float>("argmin_f32_falling", bytes, path, k.argmin_f32, 0, falling<float>);
        if (k.argmin_i32 && offset == 0) {
            add_case<std::int32_t>("argmin_i32_falling", bytes, path, k.argmin_i32, 0, falling<std::int32_t>);
        }
        if (k.minmax_f64) add_case<double>("minmax_f64", bytes, path, k.minmax_f64, offset);
        if (k.minmax_i32) add_case<std::int32_t>("minmax_i32", bytes, path, k.minmax_i32, offset);
        if (k.minmax_i8) add_case<std::int8_t>("minmax_i8", bytes, path, k.minmax_i8, offset);
        if (k.minmax_u8) add_case<std::uint8_t>("minmax_u8", bytes, path, k.minmax_u8, offset);
        if (k.dot_f32) add_case<float>("dot_f32", bytes, path, k.dot_f32, offset);
        if (k.dot_f64) add_case<double>("dot_f64", bytes, path, k.dot_f64, offset);
        if (k.compensated_sum_f32) add_case<float>("compensated_sum_f32", bytes, path, k.compensated_sum_f32, offset);
        if (k.compensated_sum_f64) add_case<double>("compensated_sum_f64", bytes, path, k.compensated_sum_f64, offset);
        if (k.sum_where_f32) add_case<float>("sum_where_f32", bytes, path, k.sum_where_f32, offset);
        if (k.mean_f32) add_case<float>("mean_f32", bytes, path, k.mean_f32, offset);
        if (k.variance_f32) add_case<float>("variance_f32", bytes, path, k.variance_f32, offset);
        if (k.variance_f64) add_case<double>("variance_f64", bytes, path, k.variance_f64, offset);
        if (k.dot_i8) add_case<std::int8_t>("dot_i8", bytes, path, k.dot_i8, offset);
        if (k.dot_i16) add_case<std::int16_t>("dot_i16", bytes, path, k.dot_i16, offset);
        // The ceiling is the aligned one: the rows at an offset are measured against it.
        if (k.read_ceiling && offset == 0) add_case<std::uint8_t>("read_ceiling", bytes, path, k.read_ceiling);
    }
}

bool runs_here(const char* path, const function_table& k) {
#if defined(__unix__)
    const pid_t child = fork();
    if (child == 0) {  // every kernel once, on 1 KiB of each type
        const rlimit no_core_file = {0, 0};
        setrlimit(RLIMIT_CORE, &no_core_file);
        static float f[256];
        static double d[128];
        static std::int32_t i32[256];
        static std::int8_t i8[1024];
        static std::uint8_t u8[1024];
        static std::int16_t i16[512];
        volatile double sink = 0;
        if (k.sum_f32) sink = sink + k.sum_f32(f, 256);
        if (k.sum_f64) sink = sink + k.sum_f64(d, 128);
        if (k.sum_i32) sink = sink + double(k.sum_i32(i32, 256));
        if (k.sum_i8) sink = sink + double(k.sum_i8(i8, 1024));
        if (k.sum_u8) sink = sink + double(k.sum_u8(u8, 1024));
        if (k.filter_map_sum_f32) sink = sink + k.filter_map_sum_f32(f, 256);
        if (k.min_f32) sink = sink + k.min_f32(f, 256);
        if (k.min_f64) sink = sink + k.min_f64(d, 128);
        if (k.min_i32) sink = sink + k.min_i32(i32, 256);
        if (k.min_i8) sink = sink + k.min_i8(i8, 1024);
        if (k.max_u8) sink = sink + k.max_u8(u8, 1024);
        if (k.min_f32_skip_nan) sink = sink + k.min_f32_skip_nan(f, 256);
        if (k.minmax_f32) sink = sink + k.minmax_f32(f, 256);
        if (k.count_if_f32) sink = sink + double(k.count_if_f32(f, 256));
        if (k.argmin_f32) sink = sink + double(k.argmin_f32(f, 256));
        if (k.argmin_i32) sink = sink + double(k.argmin_i32(i32, 256));
        if (k.minmax_f64) sink = sink + k.minmax_f64(d, 128);
        if (k.minmax_i32) sink = sink + double(k.minmax_i32(i32, 256));
        if (k.minmax_i8) sink = sink + double(k.minmax_i8(i8, 1024));
        if (k.minmax_u8) sink = sink + double(k.minmax_u8(u8, 1024));
        if (k.dot_f32) sink = sink + k.dot_f32(f, 256);
        if (k.dot_f64) sink = sink + k.dot_f64(d, 128);
        if (k.compensated_sum_f32) sink = sink + k.compensated_sum_f32(f, 256);
        if (k.compensated_sum_f64) sink = sink + k.compensated_sum_f64(d, 128);
        if (k.sum_where_f32) sink = sink + k.sum_where_f32(f, 256);
        if (k.mean_f32) sink = sink + k.mean_f32(f, 256);
        if (k.variance_f32) sink = sink + k.variance_f32(f, 256);
        if (k.variance_f64) sink = sink + k.variance_f64(d, 128);
        if (k.dot_i8) sink = sink + double(k.dot_i8(i8, 1024));
        if (k.dot_i16) sink = sink + double(k.dot_i16(i16, 512));
        _exit(0);
    }
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) != child) return false;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
    std::fprintf(stderr, "simdreduce_bench: skipping the %s rows: compiled for another CPU, they %s here\n", path,
                 WIFSIGNALED(status) && WTERMSIG(status) == SIGILL ? "die of SIGILL" : "fail");
    return false;
#else
    (void)path;
    (void)k;
    return true;
#endif
}

}  // namespace bench
