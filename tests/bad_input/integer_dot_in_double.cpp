// Must not compile: an integer dot is exact modulo 2^64, so it accumulates in int64_t or
// uint64_t; a double would round it. The compiler's message must say so (checked by ctest).
#include <simdreduce/simdreduce.hpp>

#include <cstdint>
#include <vector>

int main() {
    const std::vector<std::int8_t> a(10, 1);
    return static_cast<int>(simdreduce::dot<simdreduce::scalar>(a, a, simdreduce::accumulate_in<double>));
}
