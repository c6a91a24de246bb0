// A translation unit of the dispatch tests compiled without simdreduce_enable_dispatch, as a
// library of the same program that includes simdreduce.hpp but never dispatches would be.
#ifndef SIMDREDUCE_TESTS_DISPATCH_ELSEWHERE_HPP
#define SIMDREDUCE_TESTS_DISPATCH_ELSEWHERE_HPP

#include <simdreduce/simdreduce.hpp>

namespace dispatch_test {

// That unit's simdreduce::dispatch::best_path, by address, so that no call is inlined.
using best_path_function = simdreduce::dispatch::path (*)() noexcept;
best_path_function best_path_elsewhere();

// That unit's compile-time sum, to show that it is an ordinary user of the library.
float scalar_sum_elsewhere(const float* p, std::size_t n);

}  // namespace dispatch_test

#endif
