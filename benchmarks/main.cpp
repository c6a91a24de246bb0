// simdreduce's benchmark: every path this CPU can run, against the loop a user would write,
// hand-written AVX2 intrinsics and the memory-read ceiling at each vector width. Compiled
// with baseline flags: it asks the CPU before registering a path compiled for a wider
// instruction set, so the one binary runs on any x86-64 or ARMv8 CPU.
//
//   simdreduce_bench [--full] [--sizes=16K,256K,8M,256M] [google-benchmark flags]
//   default sizes: 16 KiB, 256 KiB, 8 MiB, 256 MiB (L1, L2, L3, DRAM on a Zen 3 or Xeon core)
#include <benchmark/benchmark.h>
#include <simdreduce/dispatch.hpp>
#include <simdreduce/targets/cpu_features.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "rows.hpp"
#include "summary.hpp"

namespace {

// "16K,1M,4096" -> bytes; an empty list on any malformed item.
std::vector<std::size_t> parse_sizes(const char* text) {
    std::vector<std::size_t> sizes;
    while (*text != '\0') {
        char* end = nullptr;
        std::size_t bytes = std::strtoull(text, &end, 10);
        if (end == text || bytes == 0) return {};
        if (*end == 'K' || *end == 'k') bytes <<= 10, ++end;
        else if (*end == 'M' || *end == 'm') bytes <<= 20, ++end;
        else if (*end == 'G' || *end == 'g') bytes <<= 30, ++end;
        if (*end != ',' && *end != '\0') return {};
        sizes.push_back(bytes);
        text = *end == ',' ? end + 1 : end;
    }
    return sizes;
}

// Registers one target's rows, its rows without the block tree and its masking variants, when
// this program compiled the target (the same list as dispatch) and this CPU runs it. `tables`
// names the target's function tables; a generic lambda's body is compiled only where it is
// called, so a target that was not built is never named.
template <simdreduce::dispatch::path P, class Tables>
void register_target(const char* name, bool runs, const std::vector<std::size_t>& sizes, Tables tables) {
    if constexpr (simdreduce::dispatch::compiled(P)) {
        if (runs) {
            const bench::path_tables t = tables(0);
            bench::register_rows(name, *t.paths, sizes);
            if (P != simdreduce::dispatch::path::scalar) bench::register_rows(name, *t.paths, sizes, bench::malloc_offset);
            bench::register_rows((std::string(name) + "_unblocked").c_str(), *t.unblocked, sizes);
            bench::register_rows((std::string(name) + "_and_subtract").c_str(), *t.and_subtract, sizes);
            bench::register_rows((std::string(name) + "_blend").c_str(), *t.blend, sizes);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes = {16 << 10, 256 << 10, 8 << 20, 256 << 20};
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--full") == 0) {  // every power of two from 4 KiB to 512 MiB
            sizes.clear();
            for (std::size_t bytes = 4 << 10; bytes <= (std::size_t(512) << 20); bytes *= 2) sizes.push_back(bytes);
        } else if (std::strncmp(argv[i], "--sizes=", 8) == 0) {  // --sizes=4K,1M,64M
            sizes = parse_sizes(argv[i] + 8);
            if (sizes.empty()) {
                std::fprintf(stderr, "simdreduce_bench: --sizes wants a list such as 16K,256K,8M,256M\n");
                return 2;
            }
        } else {
            args.push_back(argv[i]);
        }
    }
    // The library's own detector (CPUID, XGETBV), so a path is benchmarked exactly when
    // simdreduce::dispatch would consider it.
    const auto cpu = simdreduce::dispatch::detect_cpu_features();
    bench::register_rows("strict_loop", bench::strict_loop, sizes);
#define SIMDREDUCE_TARGET(name, tag, family, flags, level)                                              \
    register_target<simdreduce::dispatch::path::name>(#name, cpu.name, sizes, [](auto) {                  \
        return bench::path_tables{&bench::paths_##name, &bench::paths_##name##_unblocked,                      \
                                  &bench::paths_##name##_and_subtract, &bench::paths_##name##_blend};        \
    });
#include <simdreduce/targets/targets.def>
#undef SIMDREDUCE_TARGET
#if defined(__x86_64__) || defined(__i386__)
    if (cpu.avx2) {
        bench::register_rows("hand_avx2", bench::hand_avx2, sizes);
        bench::register_rows("hand_avx2", bench::hand_avx2, sizes, bench::malloc_offset);
        bench::register_rows("hand_avx2_and", bench::hand_avx2_and, sizes);
        // Port limits do not depend on the size; past L2 memory is the limit, so the rows
        // would only repeat themselves.
        std::vector<std::size_t> cache_sizes;
        for (const std::size_t bytes : sizes) {
            if (bytes <= (std::size_t(1) << 20)) cache_sizes.push_back(bytes);
        }
        bench::register_rows("ops_avx2", bench::ops_avx2, cache_sizes);
    }
#endif
    bench::register_dispatched(sizes);
#if defined(SIMDREDUCE_BENCH_ALTERNATIVES)
    // Built with -march=native: for the build machine, which need not be this one.
    for (const auto& [path, functions] : {std::pair<const char*, const bench::function_table*>{"eigen", &bench::eigen},
                                        {"fast_math_native", &bench::fast_math_native}}) {
        if (bench::runs_here(path, *functions)) bench::register_rows(path, *functions, sizes);
    }
#endif
    benchmark::AddCustomContext("cpu_model", bench::cpu_name());  // for plot.py's title
    benchmark::AddCustomContext("dispatched_path", simdreduce::dispatch::active_arch());  // for headline.py
    int new_argc = static_cast<int>(args.size());
    benchmark::Initialize(&new_argc, args.data());
    // Colour only on a terminal, and never when asked not to, so that a saved log stays text.
    bool color = isatty(STDOUT_FILENO) != 0;
    for (char* arg : args) {
        if (std::strcmp(arg, "--benchmark_color=false") == 0) color = false;
    }
    bench::summary_reporter reporter(simdreduce::dispatch::active_arch(), color);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
