// Must not compile under -ffast-math (ctest adds it): reassociation would fold the
// compensation away, and the result would silently be the plain sum. Without the flag it
// compiles (ctest checks that too), so the refusal is the flag's doing.
#include <simdreduce/simdreduce.hpp>

#include <vector>

int main() {
    std::vector<double> v(10, 0.1);
    return simdreduce::compensated_sum<simdreduce::scalar>(v) > 0 ? 0 : 1;
}
