// Must not compile: on a batch, the predicate returns a batch instead of a batch_bool.
// default_arch is the baseline SIMD path of the target: SSE2 on x86-64, NEON on aarch64.
#include <simdreduce/simdreduce.hpp>

#include <vector>

int main() {
    std::vector<float> v(10, 1.0f);
    return static_cast<int>(simdreduce::filter_map_sum<simdreduce::default_arch>(
        v, [](auto x) { return x + 1; }, [](auto x) { return x; }));
}
