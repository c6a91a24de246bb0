// The package works: the dispatched sum, on whichever path this CPU gets, and the fused
// filter_map_sum at the build's own instruction set both give the scalar path's bits.
#include <simdreduce/dispatch.hpp>
#include <simdreduce/simdreduce.hpp>

#include <cstdio>
#include <vector>

int main() {
    namespace sr = simdreduce;
    std::vector<double> v(1001);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = 1.0 / static_cast<double>(i + 1) - 0.01;
    const auto positive = [](auto x) { return x > 0; };
    const auto cube = [](auto x) { return x * x * x; };
    const bool same_sum = sr::dispatch::sum(v) == sr::sum<sr::scalar>(v);
    const bool same_filter = sr::filter_map_sum(v, positive, cube) == sr::filter_map_sum<sr::scalar>(v, positive, cube);
    std::printf("simdreduce %d.%d.%d, dispatched path %s: %s\n", SIMDREDUCE_VERSION_MAJOR, SIMDREDUCE_VERSION_MINOR,
                SIMDREDUCE_VERSION_PATCH, sr::dispatch::active_arch(), same_sum && same_filter ? "ok" : "MISMATCH");
    return same_sum && same_filter ? 0 : 1;
}
