// dot on the architecture under test: the bits of an independent reference (the sum, in the
// library's order, of products each rounded on its own) at every length and at different
// misalignments of the two streams, across several blocks, in T and in double, and the IEEE
// cases: -0 * +0, 0 * Inf, NaN, the empty dot.
#include "catch.hpp"
#include "test_support.hpp"

#include <array>
#include <cmath>

namespace {

using test::arch;
namespace sr = simdreduce;

// The products rounded one by one through a volatile (no contraction with anything), then
// summed by the test's own statement of the order.
template <class Acc, class T>
Acc reference_dot(const T* a, const T* b, std::size_t n) {
    std::vector<Acc> products(n);
    for (std::size_t i = 0; i < n; ++i) {
        volatile Acc product = Acc(a[i]) * Acc(b[i]);
        products[i] = product;
    }
    return test::reference_sum<Acc>(products.data(), n);
}

template <class T, class Acc>
void check_every_length_and_offset() {
    constexpr std::size_t max_n = test::sweep_length<T, Acc>(), widest = test::widest_batch<T>;
    const auto a = test::random_floats<T>(max_n + widest, 21, 3.0);
    const auto b = test::random_floats<T>(max_n + widest, 22, 5.0);
    for (std::size_t offset = 0; offset < widest; ++offset) {
        const std::size_t other = (3 * offset + 1) % widest;  // the streams misaligned apart
        for (std::size_t n = 0; n <= max_n; ++n) {
            const T* p = a.data() + offset;
            const T* q = b.data() + other;
            const Acc got = sr::dot<arch>(p, q, n, sr::accumulate_in<Acc>);
            const Acc expected = reference_dot<Acc>(p, q, n);
            if (!test::same_bits(got, expected)) {
                INFO("offsets " << offset << ", " << other << ", n " << n);
                REQUIRE(test::same_bits(got, expected));
            }
        }
    }
    // Several blocks, so the block tree merges products too.
    const std::size_t n = 2 * test::block_of<Acc> + 77;
    const auto c = test::random_floats<T>(n + 1, 23, 7.0), d = test::random_floats<T>(n + 1, 24, 1.0);
    for (const std::size_t len : {n, n - 76, test::block_of<Acc> + 1}) {
        INFO("n " << len);
        REQUIRE(test::same_bits(sr::dot<arch>(c.data() + 1, d.data(), len, sr::accumulate_in<Acc>),
                                reference_dot<Acc>(c.data() + 1, d.data(), len)));
        REQUIRE(test::same_bits(sr::dot<arch>(c.data() + 1, d.data(), len, sr::accumulate_in<Acc>),
                                sr::dot<sr::scalar>(c.data() + 1, d.data(), len, sr::accumulate_in<Acc>)));
    }
}

TEST_CASE("dot has the reference's bits at every length and misalignment of both streams", "[dot]") {
    check_every_length_and_offset<float, float>();
    check_every_length_and_offset<float, double>();
    check_every_length_and_offset<double, double>();
}

TEMPLATE_TEST_CASE("dot of signed zeros, infinities and NaN", "[dot][ieee]", float, double) {
    using T = TestType;
    const T inf = std::numeric_limits<T>::infinity(), nan = std::numeric_limits<T>::quiet_NaN();
    constexpr std::size_t n = test::sweep_length<T>();
    for (std::size_t len = 1; len <= n; len += len < 20 ? 1 : 7) {
        INFO("n " << len);
        const std::vector<T> minus(len, -T(0)), plus(len, T(0)), twos(len, T(2));
        REQUIRE(test::same_bits(sr::dot<arch>(minus, plus), -T(0)));  // -0 * +0 = -0, summed: -0
        REQUIRE(test::same_bits(sr::dot<arch>(plus, plus), T(0)));
        std::vector<T> mixed = minus;
        mixed[len / 2] = T(0);  // one +0 product among -0 ones: +0
        REQUIRE(test::same_bits(sr::dot<arch>(mixed, plus), T(0)));
        for (const std::size_t at : {std::size_t(0), len / 2, len - 1}) {
            std::vector<T> v = twos;
            v[at] = inf;
            REQUIRE(sr::dot<arch>(v, twos) == inf);
            REQUIRE(std::isnan(sr::dot<arch>(v, plus)));  // Inf * 0
            v[at] = nan;
            REQUIRE(std::isnan(sr::dot<arch>(v, twos)));
            REQUIRE(std::isnan(sr::dot<arch>(twos, v)));
        }
    }
    REQUIRE(test::same_bits(sr::dot<arch>(static_cast<const T*>(nullptr), static_cast<const T*>(nullptr), 0), -T(0)));
    REQUIRE(test::same_bits(sr::dot<arch>(std::vector<T>{}, std::vector<T>{}), -T(0)));
}

TEST_CASE("dot takes pointers and ranges, in the element type or in double", "[dot][api]") {
    const std::array<float, 4> a = {1.5f, -2.0f, 4.0f, 0.25f};
    const std::vector<float> b = {2.0f, 3.0f, -0.5f, 8.0f};
    REQUIRE(sr::dot<arch>(a, b) == 3.0f - 6.0f - 2.0f + 2.0f);
    REQUIRE(sr::dot<arch>(a.data(), b.data(), 2) == -3.0f);
    STATIC_REQUIRE(std::is_same<decltype(sr::dot<arch>(a, b)), float>::value);
    STATIC_REQUIRE(std::is_same<decltype(sr::dot<arch>(a, b, sr::accumulate_in<double>)), double>::value);
    // float inputs multiplied in double: the products are exact there.
    const std::vector<float> third = {1.0f / 3, 1.0f / 3};
    REQUIRE(sr::dot<arch>(third, third, sr::accumulate_in<double>) == 2 * (double(1.0f / 3) * double(1.0f / 3)));
}

}  // namespace
