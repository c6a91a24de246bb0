// Prints the path this CPU runs and a sum and a filtered sum computed on it; returns
// nonzero if they differ from the portable scalar path, bit for bit.
#include <simdreduce/simdreduce.hpp>

#include <cstdio>
#include <vector>

#include "kernels.hpp"

namespace sd = simdreduce::dispatch;

int main() {
    std::vector<float> data(100000);
    for (std::size_t i = 0; i < data.size(); ++i) {
        data[i] = static_cast<float>(static_cast<int>(i % 201) - 100) / 8.0f;
    }
    std::printf("compiled paths:");
    for (std::size_t i = 0; i < sd::path_count; ++i) {
        const auto p = static_cast<sd::path>(i);
        if (sd::compiled(p)) std::printf(" %s%s", sd::name(p), sd::supported(p) ? "" : " (not on this CPU)");
    }
    std::printf("\nactive path: %s\n", sd::active_arch());

    const float total = sd::sum(data);
    const float energy = sd::filter_map_sum(data, example::positive{}, example::square{});
    std::printf("sum = %.6f, sum of squares of positives = %.6f\n", static_cast<double>(total),
                static_cast<double>(energy));

    namespace sr = simdreduce;
    const bool same = total == sr::sum<sr::scalar>(data) &&
                      energy == sr::filter_map_sum<sr::scalar>(data, example::positive{}, example::square{});
    std::printf("%s\n", same ? "identical to the scalar path" : "DIFFERS from the scalar path");
    return same ? 0 : 1;
}
