// See dispatch_elsewhere.hpp. Without dispatch set up, its dispatch functions live in another
// inline namespace than the dispatch tests' own, so the linker cannot merge the two.
#include "dispatch_elsewhere.hpp"

namespace dispatch_test {

best_path_function best_path_elsewhere() { return &simdreduce::dispatch::best_path; }

float scalar_sum_elsewhere(const float* p, std::size_t n) { return simdreduce::sum<simdreduce::scalar>(p, n); }

}  // namespace dispatch_test
