// mean and variance on the architecture under test. The mean: sum's bits divided by n, and for
// narrow integers the exact sum divided once. The variance: the bits of an independent
// statement of its algorithm (chunks of 8 blocks; each chunk's mean from sum's order, then its
// deviations' and squares' sums in the order of a two-part state; Chan's merge in the block
// tree's shape), at every length and misalignment and across chunks; its accuracy against an
// exact variance; ddof, empty input, NaN, Inf; the API's forms.
#include "catch.hpp"
#include "test_support.hpp"

#include <array>
#include <cmath>
#include <functional>

namespace {

using test::arch;
namespace sr = simdreduce;

// A mean in two parts, the rounded one and a correction, as the library keeps it.
template <class Acc>
struct moments {
    std::size_t n;
    Acc mean, correction, m2;
};

// Chan, Golub and LeVeque's merge, each product rounded on its own (volatile).
template <class Acc>
moments<Acc> chan(const moments<Acc>& a, const moments<Acc>& b) {
    const std::size_t n = a.n + b.n;
    const Acc delta = (b.mean - a.mean) + (b.correction - a.correction);
    const Acc share = Acc(b.n) / Acc(n);
    volatile Acc square = delta * delta;
    volatile Acc spread = square * (Acc(a.n) * share);
    volatile Acc moved = delta * share;
    return {n, a.mean, a.correction + moved, (a.m2 + b.m2) + spread};
}

template <class Acc>
struct pair {
    Acc d, q;
};

template <class Acc, class T>
Acc reference_variance(const T* p, std::size_t n, std::size_t ddof) {
    constexpr std::size_t C = 8 * test::block_of<Acc>;
    constexpr std::size_t L = test::lanes_of<Acc, 2>, B = test::block_of<Acc, 2>;
    std::vector<moments<Acc>> chunks;
    for (std::size_t begin = 0; begin < n; begin += C) {
        const std::size_t count = std::min(C, n - begin);
        const T* q = p + begin;
        const Acc mean = test::reference_sum<Acc>(q, count) / Acc(count);
        const auto block = [&](std::size_t b) {
            std::vector<pair<Acc>> lanes(L, pair<Acc>{Acc(-0.0), Acc(-0.0)});
            for (std::size_t i = b * B; i < count && i < (b + 1) * B; ++i) {
                const Acc d = Acc(q[i]) - mean;
                volatile Acc square = d * d;
                lanes[i % L] = {lanes[i % L].d + d, lanes[i % L].q + Acc(square)};
            }
            return lanes;
        };
        const auto add = [](pair<Acc> a, pair<Acc> b) { return pair<Acc>{a.d + b.d, a.q + b.q}; };
        const pair<Acc> sums = test::reference_order<pair<Acc>>(count, L, B, block, add);
        Acc m2 = sums.q - sums.d * sums.d / Acc(count);
        if (m2 <= Acc(0)) m2 = Acc(0);
        chunks.push_back({count, mean, sums.d / Acc(count), m2});
    }
    if (n == 0 || ddof >= n) return std::numeric_limits<Acc>::quiet_NaN();
    // The block tree's shape over chunks: nodes of the binary decomposition, merged from the right.
    std::function<moments<Acc>(std::size_t, unsigned)> node = [&](std::size_t first, unsigned level) {
        if (level == 0) return chunks[first];
        return chan(node(first, level - 1), node(first + (std::size_t(1) << (level - 1)), level - 1));
    };
    std::vector<moments<Acc>> nodes;
    std::size_t first = 0;
    for (unsigned level = 64; level-- > 0;) {
        if ((chunks.size() >> level) & 1) {
            nodes.push_back(node(first, level));
            first += std::size_t(1) << level;
        }
    }
    moments<Acc> m = nodes.back();
    for (std::size_t k = nodes.size() - 1; k-- > 0;) m = chan(nodes[k], m);
    return m.m2 / Acc(n - ddof);
}

template <class T, class Acc>
void check_variance_bits() {
    constexpr std::size_t max_n = test::sweep_length<T, Acc>(), widest = test::widest_batch<T>;
    auto v = test::random_floats<T>(max_n + widest, 51, 3.0);
    for (auto& x : v) x = static_cast<T>(x + T(100));  // an offset, so deviations are not the values
    for (std::size_t offset = 0; offset < widest; ++offset) {
        for (std::size_t n = 0; n <= max_n; ++n) {
            const T* p = v.data() + offset;
            const Acc got = sr::variance<arch>(p, n, 0, sr::accumulate_in<Acc>);
            const Acc expected = reference_variance<Acc>(p, n, 0);
            if (!test::same_bits(got, expected)) {
                INFO("offset " << offset << ", n " << n);
                REQUIRE(test::same_bits(got, expected));
            }
        }
    }
    // Across blocks and chunks: one chunk and its tail, three chunks and a partial fourth.
    constexpr std::size_t C = sr::reducers::variance<Acc>::chunk_elements;
    const auto w = test::random_floats<T>(3 * C + 1001, 52, 10.0);
    for (const std::size_t n : {C - 1, C, C + 1, 2 * test::block_of<Acc, 2> + 5, 3 * C + 1000}) {
        INFO("n " << n);
        REQUIRE(test::same_bits(sr::variance<arch>(w.data() + 1, n, 1, sr::accumulate_in<Acc>),
                                reference_variance<Acc>(w.data() + 1, n, 1)));
    }
}

TEST_CASE("variance has the reference's bits at every length, misalignment and chunk count", "[variance]") {
    STATIC_REQUIRE(sr::reducers::variance<float>::chunk_elements == 65536);
    STATIC_REQUIRE(sr::reducers::variance<double>::chunk_elements == 32768);
    check_variance_bits<float, float>();
    check_variance_bits<float, double>();
    check_variance_bits<double, double>();
    const auto ints = test::wide_data<std::int32_t>(70001, 53);
    REQUIRE(test::same_bits(sr::variance<arch>(ints), reference_variance<double>(ints.data(), ints.size(), 0)));
}

// The exact variance of data offset + y_i whose deviations y_i = x_i - offset are exact and
// multiples of 2^-40 (as every value below is): with k_i = y_i 2^40, integers, the variance is
// (n sum k^2 - (sum k)^2) / (n^2 2^80), exact in 128-bit integers and rounded twice at the end
// (2 units of double's last place, far below every bound tested). Not long double: Valgrind
// computes it in double precision.
__extension__ typedef __int128 int128;
template <class T>
double exact_variance(const std::vector<T>& v, double offset) {
    int128 sum = 0, squares = 0;
    bool exact = true;  // each deviation exact, a multiple of 2^-40, and small
    for (const T x : v) {
        const double y = double(x) - offset, k = std::ldexp(y, 40);
        exact = exact && y + offset == double(x) && k == std::floor(k) && std::fabs(k) < std::ldexp(1.0, 50);
        const auto i = static_cast<int128>(static_cast<long long>(k));
        sum += i;
        squares += i * i;
    }
    REQUIRE(exact);
    const auto n = static_cast<int128>(v.size());
    return std::ldexp(double(n * squares - sum * sum) / (double(v.size()) * double(v.size())), -80);
}

// Against that exact variance, on data whose mean is far from zero (the textbook
// E[x^2] - E[x]^2 loses everything there): sums of three uniforms around 1e3 (float), 1e6 and
// 1e9 (double). The bound tested is the documented one (README, Accuracy): a relative error of
// gamma_k = k u / (1 - k u), k = 145 + 3 ceil(log2 chunks): an element's square meets at most
// 128 + 2 log2(16 blocks) + log2(32 lanes) = 141 roundings in its chunk, the chunk's M2 two
// more, and each level of Chan's tree three.
template <class T>
void check_variance_accuracy(double offset) {
    constexpr std::size_t C = sr::reducers::variance<T>::chunk_elements;
    for (const std::size_t n : {std::size_t(1000), std::size_t(100003), std::size_t(300007)}) {
        test::splitmix64 rng(n);
        std::vector<T> v(n);
        for (auto& x : v) x = static_cast<T>(offset + (rng.unit() + rng.unit() + rng.unit()));
        const double exact = exact_variance(v, offset);
        const double got = sr::variance<arch>(v);
        const std::size_t chunks = (n + C - 1) / C;
        unsigned levels = 0;
        while ((std::size_t(1) << levels) < chunks) ++levels;
        const double k = 145.0 + 3.0 * levels, u = std::numeric_limits<T>::epsilon() / 2;
        const double error = std::fabs((got - exact) / exact);
        INFO("n " << n << ", offset " << offset << ": relative error " << error << ", bound " << k * u / (1 - k * u));
        REQUIRE(error <= k * u / (1 - k * u));
    }
}

TEST_CASE("variance is accurate on data far from zero", "[variance][accuracy]") {
    check_variance_accuracy<float>(1000.0);
    check_variance_accuracy<double>(1e6);
    check_variance_accuracy<double>(1e9);
}

TEMPLATE_TEST_CASE("variance's degrees of freedom, empty input, constants, NaN and Inf", "[variance][ieee]", float,
                   double) {
    using T = TestType;
    const std::vector<T> v = {T(2), T(4), T(4), T(4), T(5), T(5), T(7), T(9)};  // mean 5, M2 32
    REQUIRE(sr::variance<arch>(v) == T(4));
    REQUIRE(sr::variance<arch>(v, 1) == T(32) / T(7));
    REQUIRE(std::isnan(sr::variance<arch>(v, 8)));  // ddof >= n
    REQUIRE(std::isnan(sr::variance<arch>(v, 9)));
    REQUIRE(std::isnan(sr::variance<arch>(std::vector<T>{})));
    REQUIRE(std::isnan(sr::variance<arch>(static_cast<const T*>(nullptr), 0)));
    for (const std::size_t n : {std::size_t(1), std::size_t(17), std::size_t(70000)}) {
        const std::vector<T> same(n, T(-3.25));
        REQUIRE(test::same_bits(sr::variance<arch>(same), T(0)));  // +0, never -0
        std::vector<T> bad = same;
        bad[n / 2] = std::numeric_limits<T>::quiet_NaN();
        REQUIRE(std::isnan(sr::variance<arch>(bad)));
        bad[n / 2] = std::numeric_limits<T>::infinity();
        REQUIRE(std::isnan(sr::variance<arch>(bad)));
    }
}

template <class T, class Acc>
void check_mean() {
    constexpr std::size_t max_n = test::sweep_length<T, Acc>(), widest = test::widest_batch<T>;
    const auto v = test::random_floats<T>(3 * test::block_of<Acc> + widest, 61, 5.0);
    for (std::size_t offset = 0; offset < widest; offset += 3) {
        for (std::size_t n = 1; n <= max_n; ++n) {
            const Acc expected = test::reference_sum<Acc>(v.data() + offset, n) / Acc(n);
            REQUIRE(test::same_bits(sr::mean<arch>(v.data() + offset, n, sr::accumulate_in<Acc>), expected));
        }
    }
    const std::size_t n = 3 * test::block_of<Acc> + 3;
    REQUIRE(test::same_bits(sr::mean<arch>(v.data() + 1, n, sr::accumulate_in<Acc>),
                            test::reference_sum<Acc>(v.data() + 1, n) / Acc(n)));
}

TEST_CASE("mean is sum's bits divided by n, and NaN when empty", "[mean]") {
    check_mean<float, float>();
    check_mean<float, double>();
    check_mean<double, double>();
    REQUIRE(std::isnan(sr::mean<arch>(std::vector<float>{})));
    REQUIRE(std::isnan(sr::mean<arch>(static_cast<const std::int8_t*>(nullptr), 0)));
    STATIC_REQUIRE(std::is_same<decltype(sr::mean<arch>(std::vector<float>{})), float>::value);
    STATIC_REQUIRE(std::is_same<decltype(sr::mean<arch>(std::vector<std::int16_t>{})), double>::value);
    STATIC_REQUIRE(std::is_same<decltype(sr::variance<arch>(std::vector<std::uint8_t>{})), double>::value);
}

TEMPLATE_TEST_CASE("the mean of narrow integers is their exact sum divided once", "[mean][integer]", std::int8_t,
                   std::uint8_t, std::int16_t, std::int32_t, std::uint32_t) {
    using T = TestType;
    const auto v = test::wide_data<T>(100003, 62);
    for (const std::size_t n : {std::size_t(1), std::size_t(63), std::size_t(1000), v.size()}) {
        long long exact = 0;
        for (std::size_t i = 0; i < n; ++i) exact += static_cast<long long>(v[i]);
        INFO("n " << n);
        REQUIRE(sr::mean<arch>(v.data(), n) == double(exact) / double(n));
    }
    // All at the extreme: a double sum would still be exact here, the point is no overflow.
    const std::vector<T> extreme(70000, std::numeric_limits<T>::min());
    REQUIRE(sr::mean<arch>(extreme) == double(std::numeric_limits<T>::min()));
}

}  // namespace
