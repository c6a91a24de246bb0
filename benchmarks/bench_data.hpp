// Shared buffers for the benchmarks: one per element type and size, made on first use.
#ifndef SIMDREDUCE_BENCHMARKS_BENCH_DATA_HPP
#define SIMDREDUCE_BENCHMARKS_BENCH_DATA_HPP

#include <cstddef>
#include <cstdint>

namespace bench {

// Returns `bytes` bytes of T starting `offset` bytes after a 64-byte boundary, filled with
// small values of both signs (floats are normal numbers: no denormal slow paths). The buffer
// lives until exit.
template <class T>
const T* data(std::size_t bytes, std::size_t offset = 0);

// The same, strictly falling: every element is a new minimum, argmin's worst case (each of its
// chunks wins and is searched). Floats one ulp apart above 1, integers by 1 from their
// maximum, wrapping only where n exceeds the type's range.
template <class T>
const T* falling(std::size_t bytes, std::size_t offset = 0);

}  // namespace bench

#endif
