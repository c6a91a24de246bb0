// Must not compile: simdreduce.hpp declares simdreduce::dispatch, but this file's target never
// called simdreduce_enable_dispatch, so no path's kernels exist. The message must say what to
// do (checked by ctest), as it does for a fold too.
#include <simdreduce/simdreduce.hpp>

#include <vector>

int main() {
    std::vector<float> v(10, 1.0f);
    return static_cast<int>(simdreduce::dispatch::sum(v));
}
