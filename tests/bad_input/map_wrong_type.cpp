// Must not compile: the map returns int from float data, so its result cannot be the
// accumulator. The compiler's message must name the rule (checked by ctest).
#include <simdreduce/simdreduce.hpp>

#include <vector>

int main() {
    std::vector<float> v(10, 1.0f);
    return static_cast<int>(simdreduce::filter_map_sum<simdreduce::scalar>(
        v, [](auto x) { return x > 0; }, [](auto) { return 1; }));
}
