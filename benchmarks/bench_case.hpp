// One benchmark case: a kernel over `bytes` bytes of T, timed by Google Benchmark.
#ifndef SIMDREDUCE_BENCHMARKS_BENCH_CASE_HPP
#define SIMDREDUCE_BENCHMARKS_BENCH_CASE_HPP

#include <benchmark/benchmark.h>

#include <cstddef>
#include <string>

#include "bench_data.hpp"

namespace bench {

inline std::string size_label(std::size_t bytes) {
    if (bytes >= (std::size_t(1) << 20)) return std::to_string(bytes >> 20) + "MiB";
    if (bytes >= (std::size_t(1) << 10)) return std::to_string(bytes >> 10) + "KiB";
    return std::to_string(bytes) + "B";
}

// Registers "<kernel>/<size>/<path>" running f(p, n) on the shared buffer of T, which starts
// `offset` bytes after a 64-byte boundary; a non-zero offset is named in the kernel
// ("sum_f32_at16"), so those rows get a table of their own.
// The data is `source`'s: by default the shared random buffer, or the falling one.
template <class T, class F>
void add_case(const std::string& kernel, std::size_t bytes, const std::string& path, F f, std::size_t offset = 0,
              const T* (*source)(std::size_t, std::size_t) = data<T>) {
    const std::string name = kernel + (offset ? "_at" + std::to_string(offset) : "") + "/" + size_label(bytes) + "/" + path;
    benchmark::RegisterBenchmark(name.c_str(), [bytes, offset, f, source](benchmark::State& state) {
        const T* p = source(bytes, offset);
        const std::size_t n = bytes / sizeof(T);
        for (auto _ : state) {
            auto result = f(p, n);
            benchmark::DoNotOptimize(result);
        }
        state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes));
        state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n));
    })->Unit(benchmark::kMicrosecond);
}

}  // namespace bench

#endif
