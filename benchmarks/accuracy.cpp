// simdreduce_accuracy: the relative error of the default float sum against an exactly rounded
// reference, beside numpy's np.sum on the same data (when Debian's python3-numpy is there) and
// the sequential loop a user would write. Baseline flags: the sum runs through dispatch, on the
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

#include <unistd.h>

namespace {

namespace sr = simdreduce;

// std::mt19937_64's sequence is fixed by the standard, so every platform makes the same data
// (its distributions are not, hence the conversions written here).
class generator {
public:
    explicit generator(std::uint64_t seed) : engine_(seed) {}
    double uniform() { return double(engine_() >> 11) * 0x1p-53; }  // [0, 1)
    double normal() {  // Box-Muller
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    std::mt19937_64 engine_;
};

struct data_set {
    const char* name;
    std::size_t n;
    int kind;  // 0 uniform [0,1), 1 normal(0,1), 2 lognormal(0,2)
};

std::vector<float> make(const data_set& d) {
    generator rng(d.n * 3 + std::uint64_t(d.kind));
    std::vector<float> v(d.n);
    for (auto& x : v) {
        x = d.kind == 0 ? float(rng.uniform()) : d.kind == 1 ? float(rng.normal()) : float(std::exp(2.0 * rng.normal()));
    }
    return v;
}

// Neumaier's compensated sum in long double (64-bit mantissa): for these sizes its error is
// below 1e-17 of the sum, far under every error shown.
long double exact_sum(const std::vector<float>& v) {
    long double s = 0, c = 0;
    for (const float x : v) {
        const long double y = x, t = s + y;
        c += std::fabs(s) >= std::fabs(y) ? (s - t) + y : (y - t) + s;
        s = t;
    }
    return s + c;
}

float sequential_sum(const std::vector<float>& v) {
    float s = 0;
    for (const float x : v) s += x;
    return s;
}

// numpy's np.sum of the same floats, through a file: NaN when numpy is not installed.
double numpy_sum(const std::vector<float>& v) {
    char path[] = "/tmp/simdreduce_accuracy_XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) return NAN;
    const std::size_t bytes = v.size() * sizeof(float);
    const bool written = write(fd, v.data(), bytes) == static_cast<ssize_t>(bytes);
    close(fd);
    double result = NAN;
    if (written) {
        const std::string command = std::string("/usr/bin/python3 -c \"import numpy as np; print(repr(float(np.sum(") +
                                    "np.fromfile('" + path + "', dtype=np.float32)))))\" 2>/dev/null";
        if (FILE* pipe = popen(command.c_str(), "r")) {
            char line[128] = {0};
            if (std::fgets(line, sizeof line, pipe) != nullptr) result = std::strtod(line, nullptr);
            pclose(pipe);
        }
    }
    unlink(path);
    return result;
}

double relative_error(double got, long double exact) {
    return double(std::fabs((long double)got - exact) / std::fabs(exact));
}

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
    return worse == 0 ? 0 : 3;
}
