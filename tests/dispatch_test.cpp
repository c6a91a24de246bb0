// Runtime dispatch, compiled with baseline flags. Run natively and under emulated CPUs
// (qemu-x86_64 -cpu core2duo / Nehalem / Haswell,-fma / Haswell, and qemu-aarch64), with
// SIMDREDUCE_TEST_EXPECTED_PATH naming the path that CPU must get.
#include <simdreduce/simdreduce.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "catch.hpp"
#include "dispatch_elsewhere.hpp"
#include "dispatch_kernels.hpp"
#include "test_support.hpp"

namespace {

namespace sr = simdreduce;
namespace sd = simdreduce::dispatch;
using sd::path;

// The path this CPU should get, found without simdreduce's own CPUID code.
std::string expected_best_path() {
    if (const char* expected = std::getenv("SIMDREDUCE_TEST_EXPECTED_PATH")) return expected;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (sd::compiled(path::avx512bw) && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512cd")) {
        return "avx512bw";
    }
    // A build that limits its paths (SIMDREDUCE_TEST_PATHS) gets the widest one it compiled.
    if (sd::compiled(path::avx2) && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "avx2";
    if (sd::compiled(path::sse4_2) && __builtin_cpu_supports("sse4.2")) return "sse4_2";
    return sd::compiled(path::sse2) ? "sse2" : "scalar";
#elif defined(__aarch64__)
    return "neon64";
#else
    return "scalar";
#endif
}

// Declared first: Catch runs a file's test cases in order, and this one sees the first use.
TEST_CASE("the first use picks the widest path compiled in and supported", "[dispatch]") {
    const std::string expected = expected_best_path();
    INFO("SIMDREDUCE_ARCH=" << (std::getenv("SIMDREDUCE_ARCH") ? std::getenv("SIMDREDUCE_ARCH") : "(unset)"));
    REQUIRE(std::string(sd::active_arch()) == expected);
    if (std::getenv("SIMDREDUCE_ARCH") == nullptr) {
        REQUIRE(std::string(sd::name(sd::best_path())) == expected);
    }
}

template <class T>
void require_same_as_scalar_for_every_type_path(const std::string& p) {
    const auto data = test::exact_data<T>(5003, 17);
    using Acc = sr::default_accumulator_t<T>;
    for (std::size_t n : {std::size_t(0), std::size_t(1), std::size_t(77), std::size_t(5003)}) {
        INFO("path " << p << ", n " << n);
        const Acc expected = sr::sum<sr::scalar>(data.data(), n);
        REQUIRE(test::same_bits(sd::sum(data.data(), n), expected));
        REQUIRE(expected == test::exact_sum_as<Acc>(data.data(), n));
        // min and max in every form: the scalar path's bits, and the values a plain loop finds.
        REQUIRE(test::same_bits(sd::min(data.data(), n), sr::min<sr::scalar>(data.data(), n)));
        REQUIRE(test::same_bits(sd::max(data.data(), n), sr::max<sr::scalar>(data.data(), n)));
        REQUIRE(test::same_bits(sd::min(data.data(), n, sr::skip_nan), sr::min<sr::scalar>(data.data(), n)));
        REQUIRE(test::same_bits(sd::max(data.data(), n, sr::skip_nan), sr::max<sr::scalar>(data.data(), n)));
        if (n > 0) {
            REQUIRE(sd::min(data.data(), n) == *std::min_element(data.data(), data.data() + n));
            REQUIRE(sd::max(data.data(), n) == *std::max_element(data.data(), data.data() + n));
        }
        // argmin and argmax: the scalar path's index, and the first extreme, as std::min_element.
        REQUIRE(sd::argmin(data.data(), n) == sr::argmin<sr::scalar>(data.data(), n));
        REQUIRE(sd::argmax(data.data(), n, sr::skip_nan) == sr::argmax<sr::scalar>(data.data(), n));
        REQUIRE(sd::argmin(data.data(), n) == std::size_t(std::min_element(data.data(), data.data() + n) - data.data()));
        REQUIRE(sd::argmax(data.data(), n) == std::size_t(std::max_element(data.data(), data.data() + n) - data.data()));
        if constexpr (std::is_same<T, float>::value || std::is_same<T, std::int32_t>::value) {  // the listed ones
            const auto both = sd::minmax(data.data(), n);
            REQUIRE(test::same_bits(both.min, sr::min<sr::scalar>(data.data(), n)));
            REQUIRE(test::same_bits(both.max, sr::max<sr::scalar>(data.data(), n)));
        }
    }
    auto with_nan = test::random_floats<double>(1000, 21, 10.0);
    if constexpr (std::is_floating_point<T>::value) {
        with_nan[400] = std::numeric_limits<double>::quiet_NaN();
        with_nan[401] = -0.0;
        const std::vector<T> v(with_nan.begin(), with_nan.end());
        INFO("path " << p << ", with a NaN");
        REQUIRE(std::isnan(sd::min(v)));
        REQUIRE(test::same_bits(sd::min(v, sr::skip_nan), sr::min<sr::scalar>(v, sr::skip_nan)));
        REQUIRE(test::same_bits(sd::max(v, sr::skip_nan), sr::max<sr::scalar>(v, sr::skip_nan)));
        REQUIRE(!std::isnan(sd::max(v, sr::skip_nan)));
        REQUIRE(sd::argmin(v) == 400);  // the NaN
        REQUIRE(sd::argmax(v) == 400);
        REQUIRE(sd::argmin(v, sr::skip_nan) == sr::argmin<sr::scalar>(v, sr::skip_nan));
        REQUIRE(sd::argmax(v, sr::skip_nan) == sr::argmax<sr::scalar>(v, sr::skip_nan));
        if constexpr (std::is_same<T, float>::value) {
            REQUIRE(std::isnan(sd::minmax(v).max));
            REQUIRE(test::same_bits(sd::minmax(v, sr::skip_nan).max, sr::max<sr::scalar>(v, sr::skip_nan)));
        }
    }
}

TEST_CASE("every supported path gives the scalar path's bits", "[dispatch][determinism]") {
    const auto floats = test::random_floats<float>(100003, 3, 100.0);
    const auto doubles = test::random_floats<double>(100003, 4, 100.0);
    const auto other_floats = test::random_floats<float>(100003, 9, 100.0);
    std::size_t paths_run = 0;
    for (std::size_t i = 0; i < sd::path_count; ++i) {
        const auto p = static_cast<path>(i);
        if (!sd::compiled(p) || !sd::supported(p)) continue;
        sd::force(sd::name(p));
        REQUIRE(std::string(sd::active_arch()) == sd::name(p));
        ++paths_run;
        require_same_as_scalar_for_every_type_path<float>(sd::name(p));
        require_same_as_scalar_for_every_type_path<double>(sd::name(p));
        require_same_as_scalar_for_every_type_path<std::int8_t>(sd::name(p));
        require_same_as_scalar_for_every_type_path<std::uint8_t>(sd::name(p));
        require_same_as_scalar_for_every_type_path<std::int16_t>(sd::name(p));
        require_same_as_scalar_for_every_type_path<std::uint16_t>(sd::name(p));
        require_same_as_scalar_for_every_type_path<std::int32_t>(sd::name(p));
        require_same_as_scalar_for_every_type_path<std::uint32_t>(sd::name(p));
        require_same_as_scalar_for_every_type_path<std::int64_t>(sd::name(p));
        require_same_as_scalar_for_every_type_path<std::uint64_t>(sd::name(p));

        INFO("path " << sd::name(p));
        const dispatch_test::positive pos;
        const dispatch_test::square sq;
        REQUIRE(test::same_bits(sd::sum(floats), sr::sum<sr::scalar>(floats)));
        REQUIRE(test::same_bits(sd::sum(floats.data(), floats.size(), sr::accumulate_in<double>),
                                sr::sum<sr::scalar>(floats, sr::accumulate_in<double>)));
        REQUIRE(test::same_bits(sd::filter_map_sum(floats, pos, sq), sr::filter_map_sum<sr::scalar>(floats, pos, sq)));
        REQUIRE(test::same_bits(sd::filter_map_sum(doubles, pos, sq), sr::filter_map_sum<sr::scalar>(doubles, pos, sq)));
        const dispatch_test::above over_50{50.0f};
        REQUIRE(test::same_bits(sd::filter_map_sum(floats, over_50, sq),
                                sr::filter_map_sum<sr::scalar>(floats, over_50, sq)));
        const auto ints = test::exact_data<std::int32_t>(1001, 5);
        REQUIRE(sd::filter_map_sum(ints, pos, sq) == sr::filter_map_sum<sr::scalar>(ints, pos, sq));
        // The overloads with an accumulator, for ranges and pointers.
        REQUIRE(test::same_bits(sd::sum(floats, sr::accumulate_in<double>),
                                sr::sum<sr::scalar>(floats, sr::accumulate_in<double>)));
        REQUIRE(test::same_bits(sd::filter_map_sum(floats, pos, sq, sr::accumulate_in<double>),
                                sr::filter_map_sum<sr::scalar>(floats, pos, sq, sr::accumulate_in<double>)));
        REQUIRE(test::same_bits(sd::filter_map_sum(floats.data(), 777, pos, sq, sr::accumulate_in<double>),
                                sr::filter_map_sum<sr::scalar>(floats.data(), 777, pos, sq, sr::accumulate_in<double>)));
        // count_if, with a predicate with state, and on narrow integers past a lane's 255.
        REQUIRE(sd::count_if(floats, pos) == sr::count_if<sr::scalar>(floats, pos));
        REQUIRE(sd::count_if(floats.data(), 77777, over_50) == sr::count_if<sr::scalar>(floats.data(), 77777, over_50));
        REQUIRE(sd::count_if(doubles, pos) == sr::count_if<sr::scalar>(doubles, pos));
        const auto bytes = test::exact_data<std::int8_t>(100003, 6);
        REQUIRE(sd::count_if(bytes, pos) == sr::count_if<sr::scalar>(bytes, pos));
        const auto halves = test::exact_data<std::uint16_t>(100003, 7);
        REQUIRE(sd::count_if(halves, pos) == sr::count_if<sr::scalar>(halves, pos));
        const auto longs = test::exact_data<std::int64_t>(1003, 8);
        REQUIRE(sd::count_if(longs, pos) == sr::count_if<sr::scalar>(longs, pos));
        REQUIRE(sd::count_if(longs.data(), 0, pos) == 0);
        // dot: two streams misaligned differently, in T and in double.
        REQUIRE(test::same_bits(sd::dot(floats, other_floats), sr::dot<sr::scalar>(floats, other_floats)));
        REQUIRE(test::same_bits(sd::dot(floats.data() + 1, other_floats.data() + 6, 77777),
                                sr::dot<sr::scalar>(floats.data() + 1, other_floats.data() + 6, 77777)));
        REQUIRE(test::same_bits(sd::dot(floats, other_floats, sr::accumulate_in<double>),
                                sr::dot<sr::scalar>(floats, other_floats, sr::accumulate_in<double>)));
        REQUIRE(test::same_bits(sd::dot(doubles.data() + 3, doubles.data(), 50000),
                                sr::dot<sr::scalar>(doubles.data() + 3, doubles.data(), 50000)));
        REQUIRE(test::same_bits(sd::dot(floats.data(), floats.data(), 0), -0.0f));
        // Integer dots: pairwise products (int8, uint8, int16) and 64-bit lanes (the rest).
        const auto wide_bytes = test::wide_data<std::int8_t>(100003, 9);
        REQUIRE(sd::dot(wide_bytes.data() + 1, bytes.data(), 100002) == sr::dot<sr::scalar>(wide_bytes.data() + 1, bytes.data(), 100002));
        const auto unsigned_bytes = test::wide_data<std::uint8_t>(100003, 10);
        REQUIRE(sd::dot(unsigned_bytes, unsigned_bytes) == sr::dot<sr::scalar>(unsigned_bytes, unsigned_bytes));
        const auto words = test::wide_data<std::int16_t>(100003, 11);
        REQUIRE(sd::dot(words.data() + 3, words.data(), 100000) == sr::dot<sr::scalar>(words.data() + 3, words.data(), 100000));
        REQUIRE(sd::dot(halves, halves) == sr::dot<sr::scalar>(halves, halves));
        const auto wide_ints = test::wide_data<std::int32_t>(10003, 12);
        REQUIRE(sd::dot(wide_ints, wide_ints, sr::accumulate_in<std::int64_t>) == sr::dot<sr::scalar>(wide_ints, wide_ints));
        REQUIRE(sd::dot(longs, longs) == sr::dot<sr::scalar>(longs, longs));
        // sum_where: values and a mask of bytes or bools misaligned apart, in T and in double.
        std::vector<std::uint8_t> mask(floats.size());
        std::unique_ptr<bool[]> flags(new bool[floats.size()]);
        for (std::size_t j = 0; j < mask.size(); ++j) {
            mask[j] = static_cast<std::uint8_t>(j * 37 % 7 == 0 ? 0 : j * 101);
            flags[j] = mask[j] % 3 == 0;
        }
        REQUIRE(test::same_bits(sd::sum_where(floats, mask), sr::sum_where<sr::scalar>(floats, mask)));
        REQUIRE(test::same_bits(sd::sum_where(floats.data() + 2, flags.get() + 5, 77777),
                                sr::sum_where<sr::scalar>(floats.data() + 2, flags.get() + 5, 77777)));
        REQUIRE(test::same_bits(sd::sum_where(floats, mask, sr::accumulate_in<double>),
                                sr::sum_where<sr::scalar>(floats, mask, sr::accumulate_in<double>)));
        REQUIRE(test::same_bits(sd::sum_where(doubles.data() + 1, mask.data(), 50001),
                                sr::sum_where<sr::scalar>(doubles.data() + 1, mask.data(), 50001)));
        // mean and variance: the built-in sums and variance_kernels, across chunks, misaligned.
        REQUIRE(test::same_bits(sd::mean(floats), sr::mean<sr::scalar>(floats)));
        REQUIRE(test::same_bits(sd::mean(floats, sr::accumulate_in<double>), sr::mean<sr::scalar>(floats, sr::accumulate_in<double>)));
        REQUIRE(sd::mean(ints) == sr::mean<sr::scalar>(ints));
        REQUIRE(sd::mean(longs) == sr::mean<sr::scalar>(longs));
        REQUIRE(test::same_bits(sd::variance(floats), sr::variance<sr::scalar>(floats)));
        REQUIRE(test::same_bits(sd::variance(floats.data() + 3, floats.size() - 3, 1),
                                sr::variance<sr::scalar>(floats.data() + 3, floats.size() - 3, 1)));
        REQUIRE(test::same_bits(sd::variance(doubles, 0, sr::accumulate_in<double>), sr::variance<sr::scalar>(doubles)));
        REQUIRE(test::same_bits(sd::variance(floats, 2, sr::accumulate_in<double>),
                                sr::variance<sr::scalar>(floats, 2, sr::accumulate_in<double>)));
        // compensated_sum, over several blocks and misaligned.
        REQUIRE(test::same_bits(sd::compensated_sum(floats), sr::compensated_sum<sr::scalar>(floats)));
        REQUIRE(test::same_bits(sd::compensated_sum(doubles.data() + 1, 77777),
                                sr::compensated_sum<sr::scalar>(doubles.data() + 1, 77777)));
        // Pieces folded on this path and merged: the bits of one call on the scalar path.
        using R = sr::sum_reducer<float>;
        constexpr std::size_t B = sr::block_size<R>;
        auto state = sd::fold(R{}, floats.data(), 3 * B, 0);
        state.merge(sd::fold(R{}, floats.data() + 3 * B, floats.size() - 3 * B, 3 * B));
        REQUIRE(test::same_bits(state.finish(), sr::sum<sr::scalar>(floats)));
        using A = sr::argmin_reducer<float>;
        auto where = sd::fold(A{}, floats.data(), 1001, 0);
        where.merge(sd::fold(A{}, floats.data() + 1001, floats.size() - 1001, 1001));
        REQUIRE(where.finish() == sr::argmin<sr::scalar>(floats));
        REQUIRE_THROWS_WITH(sd::fold(R{}, floats.data() + 1, 10, 1), SIMDREDUCE_CONTAINS("not a multiple of the block size"));
    }
    sd::reset();
    REQUIRE(std::string(sd::active_arch()) == sd::name(sd::best_path()));
#if SIMDREDUCE_TEST_EVERY_PATH  // a build limited to some paths may run only scalar on an old CPU
    REQUIRE(paths_run >= 2);  // scalar and at least the baseline SIMD path
#endif
}

TEST_CASE("force refuses a path it cannot run, and changes nothing", "[dispatch][errors]") {
    sd::reset();
    const std::string before = sd::active_arch();
    REQUIRE_THROWS_WITH(sd::force("avx1024"), SIMDREDUCE_CONTAINS("is not a simdreduce path"));
    for (std::size_t i = 0; i < sd::path_count; ++i) {
        const auto p = static_cast<path>(i);
        if (!sd::compiled(p)) {
            REQUIRE_THROWS_WITH(sd::force(sd::name(p)), SIMDREDUCE_CONTAINS("not compiled into this program"));
        } else if (!sd::supported(p)) {
            REQUIRE_THROWS_WITH(sd::force(sd::name(p)), SIMDREDUCE_CONTAINS("not supported by this CPU"));
        }
    }
    REQUIRE(std::string(sd::active_arch()) == before);
}

TEST_CASE("the compiled and supported lists are consistent", "[dispatch]") {
    REQUIRE(sd::compiled(path::scalar));
    REQUIRE(sd::supported(path::scalar));
    REQUIRE(sd::compiled(sd::best_path()));
    REQUIRE(sd::supported(sd::best_path()));
#if defined(__x86_64__)
    REQUIRE(sd::supported(path::sse2));  // part of x86-64
    REQUIRE_FALSE(sd::compiled(path::neon64));
#if SIMDREDUCE_TEST_EVERY_PATH  // a build that limits its paths (SIMDREDUCE_TEST_PATHS) may leave sse2 out
    REQUIRE(sd::compiled(path::sse2));
#endif
#elif defined(__aarch64__)
    REQUIRE(sd::compiled(path::neon64));
    REQUIRE_FALSE(sd::compiled(path::avx2));
#endif
}


TEST_CASE("a translation unit without dispatch keeps its own definitions", "[dispatch][odr]") {
    // SIMDREDUCE_DISPATCH_PATHS is a macro, so best_path() reads "scalar" in that unit and
    // this program's paths here. Were both one inline function, the linker would keep one
    // copy, and one of the two calls below would give the other's answer.
    const dispatch_test::best_path_function here = &sd::best_path;
    const dispatch_test::best_path_function elsewhere = dispatch_test::best_path_elsewhere();
    CHECK(here != elsewhere);
    CHECK(elsewhere() == path::scalar);
    CHECK(here() == sd::best_path());
    const std::vector<float> v = {1.5f, -2.0f, 0.25f};
    CHECK(dispatch_test::scalar_sum_elsewhere(v.data(), v.size()) == sd::sum(v));
}

}  // namespace
