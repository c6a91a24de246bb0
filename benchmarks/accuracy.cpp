// simdreduce_accuracy: the relative error of the default float sum against an exactly rounded
// reference, beside numpy's np.sum on the same data (when Debian's python3-numpy is there) and
// the sequential loop a user would write; then dot, mean, variance and compensated_sum beside
// numpy's np.dot, np.mean, np.var and math.fsum (accuracy_moments.cpp). Baseline flags: the sum runs through dispatch, on the
// widest path this CPU has, and is checked bit for bit against the scalar path.
//
//   simdreduce_accuracy [--quick]   (--quick: the 1e8 set becomes 1e7)
#include <simdreduce/dispatch.hpp>
#include <simdreduce/simdreduce.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "accuracy.hpp"

namespace {

namespace sr = simdreduce;
using namespace accuracy;

float sequential_sum(const std::vector<float>& v) {
    float s = 0;
    for (const float x : v) s += x;
    return s;
}

double numpy_sum(const std::vector<float>& v) { return numpy_value("np.sum(x)", v); }

}  // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const data_set sets[] = {{"uniform [0,1)", 1000000, 0},
                             {"uniform [0,1)", quick ? 10000000u : 100000000u, 0},
                             {"normal(0,1)", 10000000, 1},
                             {"lognormal(0,2)", 10000000, 2}};
    std::printf("Relative error of the float32 sum against an exactly rounded reference (path %s)\n\n",
                sr::dispatch::active_arch());
    std::printf("| data | n | simdreduce | numpy np.sum | sequential loop | simdreduce vs numpy |\n");
    std::printf("|---|---:|---:|---:|---:|---|\n");
    int worse = 0;
    for (const data_set& d : sets) {
        const std::vector<float> v = make(d);
        const long double exact = exact_sum(v);
        const float ours = sr::dispatch::sum(v);
        if (std::memcmp(&ours, &(const float&)sr::sum<sr::scalar>(v), sizeof ours) != 0) {
            std::printf("simdreduce_accuracy: the %s path and the scalar path disagree\n", sr::dispatch::active_arch());
            return 1;
        }
        const double numpy = numpy_sum(v);
        const double e_ours = relative_error(ours, exact), e_numpy = relative_error(numpy, exact);
        const char* verdict = std::isnan(numpy) ? "(numpy not found)" : e_ours <= e_numpy ? "as accurate or more" : "LESS ACCURATE";
        worse += !std::isnan(numpy) && e_ours > e_numpy;
        std::printf("| %s | %.0e | %.1e | %.1e | %.1e | %s |\n", d.name, double(d.n), e_ours, e_numpy,
                    relative_error(sequential_sum(v), exact), verdict);
    }
    worse += other_tables(quick);
    return worse == 0 ? 0 : 3;
}
