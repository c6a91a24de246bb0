// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
//
// The one header users include. Reducers are free functions templated on the xsimd
// architecture (default: the widest the including file is compiled for):
//   simdreduce::sum(ptr, n), simdreduce::sum(range), simdreduce::sum<xsimd::sse2>(ptr, n)
//   simdreduce::filter_map_sum(range, pred, map), count_if(range, pred), min, max, minmax,
//   fold
// and the same on the path chosen at run time, in a target set up for it (dispatch.hpp):
//   simdreduce::dispatch::sum(range), ...
// See README.md for the guarantees and ARCHITECTURE.md for how it is built.
#ifndef SIMDREDUCE_SIMDREDUCE_HPP
#define SIMDREDUCE_SIMDREDUCE_HPP

#include "arch.hpp"
#include "reducers/accumulator.hpp"
#include "api/extrema.hpp"
#include "api/moments.hpp"
#include "api/reduce.hpp"
#include "dispatch.hpp"
#include "version.hpp"

#endif
