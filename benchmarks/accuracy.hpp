// The pieces the accuracy tables share: reproducible data, exact references, numpy through
// a file.
#ifndef SIMDREDUCE_BENCHMARKS_ACCURACY_HPP
#define SIMDREDUCE_BENCHMARKS_ACCURACY_HPP

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

namespace accuracy {

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

inline std::vector<float> make(const data_set& d) {
    generator rng(d.n * 3 + std::uint64_t(d.kind));
    std::vector<float> v(d.n);
    for (auto& x : v) {
        x = d.kind == 0 ? float(rng.uniform()) : d.kind == 1 ? float(rng.normal()) : float(std::exp(2.0 * rng.normal()));
    }
    return v;
}

// Neumaier's compensated sum in long double (64-bit mantissa): for these sizes its error is
// below 1e-17 of the sum, far under every error shown.
inline long double exact_sum(const std::vector<float>& v) {
    long double s = 0, c = 0;
    for (const float x : v) {
        const long double y = x, t = s + y;
        c += std::fabs(s) >= std::fabs(y) ? (s - t) + y : (y - t) + s;
        s = t;
    }
    return s + c;
}

// numpy's value of `expression` (of x, and y when given) over the same elements, through files:
// NaN when numpy is not installed. T is float or double (numpy's float32 or float64).
template <class T>
double numpy_value(const std::string& expression, const std::vector<T>& x, const std::vector<T>& y = {}) {
    const char* dtype = sizeof(T) == 4 ? "np.float32" : "np.float64";
    std::string loads, paths[2];
    const std::vector<T>* data[2] = {&x, &y};
    for (int k = 0; k < 2; ++k) {
        if (k == 1 && y.empty()) break;
        char path[] = "/tmp/simdreduce_accuracy_XXXXXX";
        const int fd = mkstemp(path);
        if (fd < 0) return NAN;
        const std::size_t bytes = data[k]->size() * sizeof(T);
        const bool written = write(fd, data[k]->data(), bytes) == static_cast<ssize_t>(bytes);
        close(fd);
        paths[k] = path;
        if (!written) return NAN;
        loads += std::string(k == 0 ? "x" : "y") + " = np.fromfile('" + path + "', dtype=" + dtype + "); ";
    }
    double result = NAN;
    const std::string command = "/usr/bin/python3 -c \"import math; import numpy as np; " + loads +
                                "print(repr(float(" + expression + ")))\" 2>/dev/null";
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char line[128] = {0};
        if (std::fgets(line, sizeof line, pipe) != nullptr) result = std::strtod(line, nullptr);
        pclose(pipe);
    }
    for (const auto& path : paths) {
        if (!path.empty()) unlink(path.c_str());
    }
    return result;
}

inline double relative_error(double got, long double exact) {
    return double(std::fabs((long double)got - exact) / std::fabs(exact));
}

// The tables of dot, mean, variance and compensated_sum (accuracy_moments.cpp); the number of
// rows where simdreduce was less accurate than numpy.
int other_tables(bool quick);

}  // namespace accuracy

#endif
