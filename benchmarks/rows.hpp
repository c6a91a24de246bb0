// Registering the rows of one path, and checking that a path built for another machine
// (-march=native) runs on this one.
#ifndef SIMDREDUCE_BENCHMARKS_ROWS_HPP
#define SIMDREDUCE_BENCHMARKS_ROWS_HPP

#include <cstddef>
#include <vector>

#include "function_table.hpp"

namespace bench {

// Registers "<kernel>/<size>/<path>" for every kernel k has, at every size, on data that
// starts `offset` bytes after a 64-byte boundary (rows named "<kernel>_at<offset>").
void register_rows(const char* path, const function_table& k, const std::vector<std::size_t>& sizes,
                   std::size_t offset = 0);

// std::vector's data from glibc's malloc: 16 bytes past a 64-byte boundary, where every second
// 32-byte load splits a cache line. The benchmark's other rows use 64-byte aligned data.
inline constexpr std::size_t malloc_offset = 16;

// Runs each kernel of k once on small data in a child process: false, with a message, when
// the child dies (SIGILL on a CPU without the build machine's instructions). POSIX only;
// elsewhere it assumes yes.
bool runs_here(const char* path, const function_table& k);

// The dispatched path and the per-call cost of dispatching (dispatched.cpp).
void register_dispatched(const std::vector<std::size_t>& sizes);

}  // namespace bench

#endif
