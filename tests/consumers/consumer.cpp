// A consumer of simdreduce, built three ways by scripts/test.sh: find_package (see
// examples/runtime_dispatch), add_subdirectory, and a plain command line with pkg-config and
// the README's manual dispatch recipe. Prints the active path; fails unless the dispatched
// and compile-time sums equal the scalar path's, bit for bit.
// It includes only simdreduce.hpp, which declares the dispatched functions too.
#include <simdreduce/simdreduce.hpp>

#include <cstdint>
#include <cstdio>
#include <vector>

int main() {
    namespace sr = simdreduce;
    std::vector<float> v(4099);
    std::vector<std::uint8_t> bytes(70000, 255);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(i % 97) * 0.37f - 11.0f;
    const float expected = sr::sum<sr::scalar>(v);
    const float dispatched = sr::dispatch::sum(v);
    const float compiled = sr::sum(v);
    const bool ok = dispatched == expected && compiled == expected &&
                    sr::dispatch::sum(bytes) == 255u * bytes.size();
    std::printf("consumer: active path %s, sum %.4f: %s\n", sr::dispatch::active_arch(),
                static_cast<double>(dispatched), ok ? "ok" : "WRONG");
    return ok ? 0 : 1;
}
