// The accuracy tables of dot, mean, variance and compensated_sum: each result's error against a
// reference exact to far below it (long double, 64-bit significand, with compensated sums),
// beside numpy's on the same data: np.dot, np.mean, np.var in the data's type, and for the
// compensated sum math.fsum (exactly rounded in double, then to float).
#include <simdreduce/dispatch.hpp>
#include <simdreduce/simdreduce.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <vector>

#include "accuracy.hpp"

namespace accuracy {
namespace {

namespace sr = simdreduce;
namespace sd = simdreduce::dispatch;

// Neumaier's sum of f(i) over [0, n) in long double.
template <class F>
long double exact_sum_of(std::size_t n, F f) {
    long double s = 0, c = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const long double y = f(i), t = s + y;
        c += std::fabs(s) >= std::fabs(y) ? (s - t) + y : (y - t) + s;
        s = t;
    }
    return s + c;
}

template <class T>
long double exact_mean(const std::vector<T>& v) {
    return exact_sum_of(v.size(), [&](std::size_t i) { return (long double)v[i]; }) / (long double)v.size();
}

// The two-pass variance in long double, both passes compensated.
template <class T>
long double exact_variance(const std::vector<T>& v) {
    const long double m = exact_mean(v);
    const long double m2 = exact_sum_of(v.size(), [&](std::size_t i) {
        const long double d = (long double)v[i] - m;
        return d * d;
    });
    return m2 / (long double)v.size();
}

// The data of the sum table, and the same moved away from zero, where a variance must not cancel.
template <class T>
std::vector<T> make_as(const data_set& d, double offset) {
    const std::vector<float> base = make(d);
    std::vector<T> v(base.size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<T>(offset + double(base[i]));
    return v;
}

// Beside numpy's error: no more, or no more than one rounding (u, the unit roundoff of T) more,
// which the last rounding of either result can make either way, or less accurate.
template <class T>
const char* verdict(double ours, double numpy, int& worse) {
    if (std::isnan(numpy)) return "(numpy not found)";
    if (ours <= numpy) return "as accurate or more";
    if (ours <= numpy + std::numeric_limits<T>::epsilon() / 2) return "within one rounding";
    ++worse;
    return "LESS ACCURATE";
}

// Units in the last place between a float and the long double it stands for.
double ulps(float got, long double exact) {
    const float rounded = static_cast<float>(exact);
    const float step = std::nextafter(rounded, INFINITY) - rounded;
    return double(std::fabs((long double)got - (long double)rounded) / step);
}

void check_paths_agree(bool same, const char* what) {
    if (!same) {
        std::printf("simdreduce_accuracy: %s differs between the %s path and the scalar path\n", what,
                    sd::active_arch());
        std::exit(1);
    }
}

template <class T>
bool same_bits(T a, T b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

int other_tables(bool quick) {
    int worse = 0;
    const std::size_t big = quick ? 10000000u : 100000000u;
    const data_set sets[] = {{"uniform [0,1)", 1000000, 0},   {"uniform [0,1)", big, 0},
                             {"normal(0,1)", 1000000, 1},     {"normal(0,1)", big, 1},
                             {"lognormal(0,2)", 1000000, 2},  {"lognormal(0,2)", big, 2}};

    std::printf("\ncompensated_sum of float32: distance from the exactly rounded sum, in units in the last place\n\n");
    std::printf("| data | n | simdreduce compensated_sum | math.fsum, rounded to float32 | simdreduce sum | numpy np.sum |\n");
    std::printf("|---|---:|---:|---:|---:|---:|\n");
    for (const data_set& d : sets) {
        const std::vector<float> v = make(d);
        const long double exact = exact_sum(v);
        const float ours = sd::compensated_sum(v);
        check_paths_agree(same_bits(ours, sr::compensated_sum<sr::scalar>(v)), "compensated_sum");
        const double fsum = numpy_value("np.float32(math.fsum(x.astype(np.float64)))", v);
        const double e_ours = ulps(ours, exact), e_fsum = std::isnan(fsum) ? NAN : ulps(float(fsum), exact);
        std::printf("| %s | %.0e | %.0f | %.0f | %.3g | %.3g |\n", d.name, double(d.n), e_ours, e_fsum,
                    ulps(sd::sum(v), exact), std::isnan(fsum) ? NAN : ulps(float(numpy_value("np.sum(x)", v)), exact));
        worse += e_ours > 1;  // the goal: within one unit of the exactly rounded sum
    }

    std::printf("\nmean of float32, dot of two float32 arrays: relative error\n\n");
    std::printf("| data | n | simdreduce mean | numpy np.mean | | simdreduce dot | numpy np.dot | |\n");
    std::printf("|---|---:|---:|---:|---|---:|---:|---|\n");
    for (const data_set& d : sets) {
        if (d.n > 10000000u) continue;
        const std::vector<float> v = make(d);
        const std::vector<float> w = make(data_set{d.name, d.n, (d.kind + 1) % 3});
        const float mean = sd::mean(v), dot = sd::dot(v, w);
        check_paths_agree(same_bits(mean, sr::mean<sr::scalar>(v)) && same_bits(dot, sr::dot<sr::scalar>(v, w)), "mean or dot");
        const long double exact_dot = exact_sum_of(v.size(), [&](std::size_t i) { return (long double)v[i] * w[i]; });
        const double e_mean = relative_error(mean, exact_mean(v)), e_dot = relative_error(dot, exact_dot);
        const double n_mean = relative_error(numpy_value("np.mean(x)", v), exact_mean(v));
        const double n_dot = relative_error(numpy_value("np.dot(x, y)", v, w), exact_dot);
        std::printf("| %s | %.0e | %.1e | %.1e | %s | %.1e | %.1e | %s |\n", d.name, double(d.n), e_mean, n_mean,
                    verdict<float>(e_mean, n_mean, worse), e_dot, n_dot, verdict<float>(e_dot, n_dot, worse));
    }

    std::printf("\nvariance (population): relative error\n\n");
    std::printf("| type | data | n | simdreduce variance | numpy np.var | verdict |\n");
    std::printf("|---|---|---:|---:|---:|---|\n");
    const auto variance_row = [&](auto type, const char* name, std::size_t n, double e_ours, double e_numpy) {
        using T = decltype(type);
        std::printf("| %s | %s | %.0e | %.1e | %.1e | %s |\n", sizeof(T) == 4 ? "float32" : "float64", name, double(n),
                    e_ours, e_numpy, verdict<T>(e_ours, e_numpy, worse));
    };
    for (const data_set& d : sets) {
        if (d.n > 10000000u) continue;
        for (const double offset : {0.0, 1000.0}) {
            const std::vector<float> v = make_as<float>(d, offset);
            const float ours = sd::variance(v);
            check_paths_agree(same_bits(ours, sr::variance<sr::scalar>(v)), "variance");
            const std::string name = std::string(d.name) + (offset != 0 ? " + 1e3" : "");
            variance_row(float(), name.c_str(), d.n, relative_error(ours, exact_variance(v)),
                         relative_error(numpy_value("np.var(x)", v), exact_variance(v)));
        }
        for (const double offset : {0.0, 1e6}) {
            const std::vector<double> v = make_as<double>(d, offset);
            const double ours = sd::variance(v);
            check_paths_agree(same_bits(ours, sr::variance<sr::scalar>(v)), "variance");
            const std::string name = std::string(d.name) + (offset != 0 ? " + 1e6" : "");
            variance_row(double(), name.c_str(), d.n, relative_error(ours, exact_variance(v)),
                         relative_error(numpy_value("np.var(x)", v), exact_variance(v)));
        }
    }
    return worse;
}

}  // namespace accuracy
