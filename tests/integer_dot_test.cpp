// The integer dot on the architecture under test: exact modulo 2^64, against a 128-bit
// reference, for every integer type at every length and at different misalignments of the two
// streams; the extremes where pmaddwd-class products would saturate or wrap (int8 -128 x -128,
// uint8 255 x 255, int16 -32768 x -32768) over more elements than one narrow accumulator takes
// before it is flushed; 64-bit wrap without undefined behaviour; the split-and-merge property.
#include "catch.hpp"
#include "test_support.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace {

using test::arch;
namespace sr = simdreduce;

__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;

// Every product exact in 128 bits, summed modulo 2^128, then taken modulo 2^64.
template <class T>
std::uint64_t reference_dot(const T* a, const T* b, std::size_t n) {
    uint128 total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if constexpr (std::is_signed<T>::value) {
            total += static_cast<uint128>(static_cast<int128>(a[i]) * static_cast<int128>(b[i]));
        } else {
            total += static_cast<uint128>(a[i]) * static_cast<uint128>(b[i]);
        }
    }
    return static_cast<std::uint64_t>(total);
}

// The 64-bit pattern of a result.
template <class Acc>
std::uint64_t bits_of(Acc x) {
    return static_cast<std::uint64_t>(x);
}

template <class T>
void check_every_length_and_offset() {
    constexpr std::size_t max_n = test::sweep_length<T, std::uint64_t>(), widest = test::widest_batch<T>;
    const auto a = test::wide_data<T>(max_n + widest, 31);
    const auto b = test::wide_data<T>(max_n + widest, 32);
    for (std::size_t offset = 0; offset < widest; ++offset) {
        const std::size_t other = (3 * offset + 1) % widest;  // the streams misaligned apart
        for (std::size_t n = 0; n <= max_n; ++n) {
            const T* p = a.data() + offset;
            const T* q = b.data() + other;
            const std::uint64_t got = bits_of(sr::dot<arch>(p, q, n));
            if (got != reference_dot(p, q, n)) {
                INFO("offsets " << offset << ", " << other << ", n " << n);
                REQUIRE(got == reference_dot(p, q, n));
            }
        }
    }
    // Long enough for the groups of registers, their flushes and a prefetching loop.
    const std::size_t n = 300000 + 37;
    const auto c = test::wide_data<T>(n + 3, 33), d = test::wide_data<T>(n + 3, 34);
    for (const std::size_t len : {n, n - 36, std::size_t(70000)}) {
        INFO("n " << len);
        REQUIRE(bits_of(sr::dot<arch>(c.data() + 3, d.data(), len)) == reference_dot(c.data() + 3, d.data(), len));
        REQUIRE(sr::dot<arch>(c.data() + 1, d.data() + 2, len) == sr::dot<sr::scalar>(c.data() + 1, d.data() + 2, len));
    }
}

TEMPLATE_TEST_CASE("an integer dot is exact modulo 2^64 at every length and misalignment", "[dot][integer]", std::int8_t,
                   std::uint8_t, std::int16_t, std::uint16_t, std::int32_t, std::uint32_t, std::int64_t, std::uint64_t) {
    check_every_length_and_offset<TestType>();
}

// n copies of x dotted with n copies of y, at an odd misalignment of one stream.
template <class T>
void check_constant(T x, T y, std::size_t n) {
    std::vector<T> a(n + 1, x), b(n, y);
    const auto expected = static_cast<sr::default_accumulator_t<T>>(n) * static_cast<sr::default_accumulator_t<T>>(x) *
                          static_cast<sr::default_accumulator_t<T>>(y);
    INFO("x " << +x << ", y " << +y << ", n " << n);
    REQUIRE(sr::dot<arch>(a.data() + 1, b.data(), n) == expected);
    REQUIRE(bits_of(sr::dot<arch>(a.data() + 1, b.data(), n)) == reference_dot(a.data() + 1, b.data(), n));
}

// More elements than one accumulator takes between flushes on every path (AVX-512: 32767
// steps of 4 registers of 64 int8, 16512 of uint8, 32768 of 32 int16), so a flush that came
// one step late would wrap a 32-bit lane.
TEST_CASE("integer dots of the extremes never saturate or wrap", "[dot][integer]") {
    const std::size_t bytes = 32767 * 4 * 64 + 1000 + 3, words = 32768 * 4 * 32 + 1000 + 5;
    check_constant<std::int8_t>(-128, -128, bytes);
    check_constant<std::int8_t>(-128, 127, bytes);
    check_constant<std::int8_t>(127, 127, bytes);
    check_constant<std::uint8_t>(255, 255, 16512 * 4 * 64 + 1000 + 7);
    check_constant<std::int16_t>(-32768, -32768, words);  // every pmaddwd pair sum is 2^31
    check_constant<std::int16_t>(-32768, 32767, words);
    check_constant<std::uint16_t>(65535, 65535, 100003);
    // Alternating extremes: pair sums of -32768 x -32768 + 32767 x 32767 and their negations.
    std::vector<std::int16_t> a(words), b(words);
    for (std::size_t i = 0; i < words; ++i) {
        a[i] = i % 3 == 0 ? std::int16_t(-32768) : std::int16_t(32767);
        b[i] = i % 4 < 2 ? std::int16_t(-32768) : std::int16_t(32767);
    }
    REQUIRE(bits_of(sr::dot<arch>(a, b)) == reference_dot(a.data(), b.data(), words));
}

// Past 2^63 a signed 64-bit dot wraps modulo 2^64, as the unsigned one does: no path may
// overflow a signed integer (UBSan checks the scalar path).
TEST_CASE("a 64-bit integer dot wraps modulo 2^64", "[dot][integer]") {
    const std::int32_t low = std::numeric_limits<std::int32_t>::min();
    for (std::size_t n = 1; n <= 70; ++n) {
        const std::vector<std::int32_t> a(n, low);  // each product 2^62
        INFO("n " << n);
        REQUIRE(bits_of(sr::dot<arch>(a, a)) == std::uint64_t(n) << 62);
        REQUIRE(sr::dot<arch>(a, a, sr::accumulate_in<std::uint64_t>) == std::uint64_t(n) << 62);
    }
    const std::vector<std::int64_t> big(77, std::numeric_limits<std::int64_t>::max());
    REQUIRE(bits_of(sr::dot<arch>(big, big)) == reference_dot(big.data(), big.data(), big.size()));
    const std::vector<std::uint64_t> all_ones(77, ~std::uint64_t(0));  // each product 1 modulo 2^64
    REQUIRE(sr::dot<arch>(all_ones, all_ones) == 77);
    // A negative int16 dot read as uint64_t: the same pattern.
    const std::vector<std::int16_t> negative(1000, -3), positive(1000, 7);
    REQUIRE(sr::dot<arch>(negative, positive) == -21000);
    REQUIRE(sr::dot<arch>(negative, positive, sr::accumulate_in<std::uint64_t>) == std::uint64_t(0) - 21000);
}

// The dot of [0, n) is the sum, modulo 2^64, of the dots of any pieces.
TEMPLATE_TEST_CASE("an integer dot splits and merges exactly", "[dot][integer]", std::int8_t, std::int16_t, std::uint8_t,
                   std::int32_t) {
    using T = TestType;
    const std::size_t n = 200003;
    const auto a = test::wide_data<T>(n, 41), b = test::wide_data<T>(n, 42);
    test::splitmix64 rng(43);
    const auto whole = bits_of(sr::dot<arch>(a, b));
    for (int round = 0; round < 8; ++round) {
        std::uint64_t pieces = 0;
        std::size_t begin = 0;
        for (const std::size_t cut : test::random_cuts(n, 1, rng)) {
            pieces += bits_of(sr::dot<arch>(a.data() + begin, b.data() + begin, cut - begin));
            begin = cut;
        }
        pieces += bits_of(sr::dot<arch>(a.data() + begin, b.data() + begin, n - begin));
        REQUIRE(pieces == whole);
    }
}

TEST_CASE("an integer dot takes pointers and ranges, in 64 bits", "[dot][integer][api]") {
    const std::vector<std::int8_t> a{1, -2, 3, -128}, b{-128, -128, 5, -128};
    REQUIRE(sr::dot<arch>(a, b) == -128 + 256 + 15 + 16384);
    REQUIRE(sr::dot<arch>(a.data(), b.data(), 2) == 128);
    STATIC_REQUIRE(std::is_same<decltype(sr::dot<arch>(a, b)), std::int64_t>::value);
    const std::vector<std::uint8_t> u{255, 255};
    STATIC_REQUIRE(std::is_same<decltype(sr::dot<arch>(u, u)), std::uint64_t>::value);
    REQUIRE(sr::dot<arch>(u, u) == 2 * 255 * 255);
    REQUIRE(sr::dot<arch>(a, b, sr::accumulate_in<std::uint64_t>) == std::uint64_t(-128 + 256 + 15 + 16384));
    REQUIRE(sr::dot<arch>(static_cast<const std::int16_t*>(nullptr), static_cast<const std::int16_t*>(nullptr), 0) == 0);
    REQUIRE(sr::dot<arch>(std::vector<std::uint32_t>{}, std::vector<std::uint32_t>{}) == 0);
}

}  // namespace
