// Shared buffers for the benchmarks: one per element type and size, made on first use.
#ifndef SIMDREDUCE_BENCHMARKS_BENCH_DATA_HPP
#define SIMDREDUCE_BENCHMARKS_BENCH_DATA_HPP

#include <cstddef>
#include <cstdint>

namespace bench {

// Returns `bytes` bytes of T, 64-byte aligned, filled with small values of both signs
// (floats are normal numbers: no denormal slow paths). The buffer lives until exit.
template <class T>
const T* data(std::size_t bytes);

// Register every benchmark of one architecture; defined in paths.cpp, compiled once per
// architecture with that architecture's flags.
void register_paths_scalar(const std::size_t* sizes, std::size_t count);
void register_paths_sse2(const std::size_t* sizes, std::size_t count);
void register_paths_sse4_2(const std::size_t* sizes, std::size_t count);
void register_paths_avx2(const std::size_t* sizes, std::size_t count);
void register_paths_avx512bw(const std::size_t* sizes, std::size_t count);
void register_paths_neon64(const std::size_t* sizes, std::size_t count);

// Hand-written AVX2 baselines and the read ceiling; defined in hand_avx2.cpp.
void register_hand_avx2(const std::size_t* sizes, std::size_t count);
// The dispatched path and the per-call cost of dispatching; defined in dispatched.cpp.
void register_dispatched(const std::size_t* sizes, std::size_t count);
// Eigen and -O3 -march=native -ffast-math loops; defined in alternatives.cpp when enabled.
void register_alternatives(const std::size_t* sizes, std::size_t count);
// The strict loops a user would write; defined in baseline.cpp (baseline flags).
void register_strict_scalar(const std::size_t* sizes, std::size_t count);

}  // namespace bench

#endif
