// Must not compile: on a batch, the predicate returns a batch instead of a batch_bool.
#include <simdreduce/simdreduce.hpp>

#include <vector>

int main() {
    std::vector<float> v(10, 1.0f);
    return static_cast<int>(simdreduce::filter_map_sum<xsimd::sse2>(
        v, [](auto x) { return x + 1; }, [](auto x) { return x; }));
}
