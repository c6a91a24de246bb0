// The block tree on the architecture under test: pieces folded separately and merged give the
// bits of one call, states from different paths merge, misuse is refused, and the stated error
// bound holds on adversarial data.
#include "catch.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <stdexcept>

namespace {

using test::arch;
namespace sr = simdreduce;

TEST_CASE("the library's lanes and blocks are the contract's", "[block_tree]") {
    STATIC_REQUIRE(sr::reducers::lanes<sr::sum_reducer<float>> == test::lanes_of<float>);
    STATIC_REQUIRE(sr::reducers::lanes<sr::sum_reducer<double>> == test::lanes_of<double>);
    STATIC_REQUIRE(sr::block_size<sr::sum_reducer<float>> == 8192);
    STATIC_REQUIRE(sr::block_size<sr::sum_reducer<double>> == 4096);
    STATIC_REQUIRE(sr::block_size<sr::sum_reducer<float, double>> == test::block_of<double>);
    STATIC_REQUIRE(sr::block_size<sr::sum_reducer<std::int32_t>> == 1);  // exact: cut anywhere
}

// Folds each piece (alternately on the path under test and on scalar, whose states must
// merge), then merges left to right, or as a balanced tree of merges.
template <class R, class T>
typename R::result_type fold_pieces(const R& r, const T* p, const std::vector<std::size_t>& cuts, bool balanced) {
    std::vector<sr::partial_state<R>> pieces;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const std::size_t a = cuts[k], len = cuts[k + 1] - cuts[k];
        pieces.push_back(k % 2 ? sr::fold<sr::scalar>(r, p + a, len, a) : sr::fold<arch>(r, p + a, len, a));
    }
    while (balanced && pieces.size() > 1) {
        std::vector<sr::partial_state<R>> next;
        for (std::size_t k = 0; k + 1 < pieces.size(); k += 2) next.push_back(pieces[k].merge(pieces[k + 1]));
        if (pieces.size() % 2) next.push_back(pieces.back());
        pieces.swap(next);
    }
    for (std::size_t k = 1; k < pieces.size(); ++k) pieces[0].merge(pieces[k]);
    return pieces[0].finish();
}

template <class T>
std::vector<std::size_t> split_lengths(test::splitmix64& rng) {
    constexpr std::size_t B = test::block_of<T>;
    std::vector<std::size_t> lengths = {0, 1, B - 1, B, B + 1, 7 * B + 3};
    for (int k = 0; k < 4; ++k) lengths.push_back(rng.next() % (64 * B));
    return lengths;
}

TEMPLATE_TEST_CASE("pieces folded separately and merged give the bits of one call", "[block_tree][determinism]",
                   float, double) {
    using T = TestType;
    using R = sr::sum_reducer<T>;
    test::splitmix64 rng(2024);
    const auto data = test::random_floats<T>(64 * test::block_of<T>, 31, 1e4);
    const auto positive = [](auto x) { return x > 0; };
    const auto tenth = [](auto x) { return x * T(0.1); };
    using F = sr::filter_map_sum_reducer<T, decltype(positive), decltype(tenth)>;
    const F filtered{positive, tenth};
    for (const std::size_t n : split_lengths<T>(rng)) {
        const T whole = sr::sum<arch>(data.data(), n);
        REQUIRE(test::same_bits(whole, test::reference_sum<T>(data.data(), n)));
        REQUIRE(test::same_bits(sr::fold<arch>(R{}, data.data(), n).finish(), whole));
        const T whole_filtered = sr::filter_map_sum<arch>(data.data(), n, positive, tenth);
        REQUIRE(test::same_bits(whole_filtered, test::reference_filter_map_sum<T>(data.data(), n, positive, tenth)));
        for (int trial = 0; trial < 12; ++trial) {
            const auto cuts = test::random_cuts(n, sr::block_size<R>, rng);
            const bool balanced = trial % 2 == 1;
            INFO("n " << n << ", " << cuts.size() - 1 << " pieces, " << (balanced ? "balanced" : "left to right"));
            REQUIRE(test::same_bits(fold_pieces(R{}, data.data(), cuts, balanced), whole));
            REQUIRE(test::same_bits(fold_pieces(filtered, data.data(), cuts, balanced), whole_filtered));
        }
    }
}

// From the first register boundary on, the loads are aligned and the registers hold a rotation
// of the lanes (engine/aligned.hpp): every start offset, lengths on both sides of block
// boundaries and of the straddling register, and two groups or less (no rotation).
TEMPLATE_TEST_CASE("every start offset gives the bits of the reference order", "[block_tree][determinism][aligned]",
                   float, double) {
    using T = TestType;
    constexpr std::size_t B = test::block_of<T>, L = test::lanes_of<T>, W = test::widest_batch<T>;
    std::vector<T> data = test::random_floats<T>(3 * B + 4 * W, 57, 1e3);
    const auto positive = [](auto x) { return x > 0; };
    const auto negative = [](auto x) { return x <= 0; };  // accepts the -0.0 a masked lane holds
    const auto tenth = [](auto x) { return x * T(0.1); };
    for (std::size_t offset = 0; offset < W; ++offset) {
        for (const std::size_t n : {2 * L - 1, 2 * L, 2 * L + 5, B - 1, B, B + 1, B + offset, B + W - 1, B + W, B + W + 1,
                                    2 * B - 3, 2 * B + offset, 3 * B + 2 * W}) {
            const T* p = data.data() + offset;
            INFO("offset " << offset << ", n " << n);
            REQUIRE(test::same_bits(sr::sum<arch>(p, n), test::reference_sum<T>(p, n)));
            REQUIRE(test::same_bits(sr::filter_map_sum<arch>(p, n, positive, tenth),
                                    test::reference_filter_map_sum<T>(p, n, positive, tenth)));
            REQUIRE(test::same_bits(sr::filter_map_sum<arch>(p, n, negative, tenth),
                                    test::reference_filter_map_sum<T>(p, n, negative, tenth)));
        }
    }
}

TEMPLATE_TEST_CASE("integer pieces may be cut anywhere", "[block_tree][integer]", std::int8_t, std::uint16_t,
                   std::int32_t, std::int64_t) {
    using T = TestType;
    using R = sr::sum_reducer<T>;
    test::splitmix64 rng(77);
    std::vector<T> v(200003);
    for (auto& x : v) x = static_cast<T>(rng.next());
    for (const std::size_t n : {std::size_t(0), std::size_t(1), std::size_t(1000), v.size()}) {
        for (int trial = 0; trial < 8; ++trial) {
            const auto cuts = test::random_cuts(n, 1, rng);
            INFO("n " << n << ", " << cuts.size() - 1 << " pieces");
            REQUIRE(fold_pieces(R{}, v.data(), cuts, trial % 2 == 1) == test::exact_sum_as<sr::default_accumulator_t<T>>(v.data(), n));
        }
    }
}

TEST_CASE("misused pieces are refused with a message, and change nothing", "[block_tree][errors]") {
    using R = sr::sum_reducer<float>;
    constexpr std::size_t B = sr::block_size<R>;
    const auto data = test::random_floats<float>(3 * B, 4);
    REQUIRE_THROWS_WITH(sr::fold<arch>(R{}, data.data(), 10, 5), SIMDREDUCE_CONTAINS("not a multiple of the block size"));
    auto first = sr::fold<arch>(R{}, data.data(), B, 0);
    const auto third = sr::fold<arch>(R{}, data.data() + 2 * B, B, 2 * B);
    REQUIRE_THROWS_WITH(first.merge(third), SIMDREDUCE_CONTAINS("not where this one ends"));
    REQUIRE(first.end() == B);
    REQUIRE_THROWS_WITH(third.finish(), SIMDREDUCE_CONTAINS("merge the pieces before it first"));
    auto ragged = sr::fold<arch>(R{}, data.data(), B + 1, 0);  // ends inside block 1
    const auto after = sr::fold<sr::scalar>(R{}, data.data() + B + 1, 0, B + 1);  // empty: fine
    ragged.merge(after);
    REQUIRE(test::same_bits(ragged.finish(), sr::sum<arch>(data.data(), B + 1)));
    const auto r_piece = sr::fold<arch>(R{}, data.data() + 2 * B, 1, 2 * B);
    auto to_two = sr::fold<arch>(R{}, data.data(), 2 * B, 0);
    to_two.merge(r_piece);
    REQUIRE(test::same_bits(to_two.finish(), sr::sum<arch>(data.data(), 2 * B + 1)));
}

// The error bound of ARCHITECTURE.md: |computed - exact| <= gamma_d * sum |x|, where an element
// meets at most d = B/L + 2 ceil(log2 N) + log2 L roundings (its lane's chain in a block, the
// block tree and the chain of the final merges, the halving tree), gamma_d = d u / (1 - d u).
template <class T>
long double error_bound(std::size_t n, long double magnitude) {
    constexpr std::size_t L = test::lanes_of<T>, B = test::block_of<T>;
    const std::size_t blocks = n <= B ? 1 : (n + B - 1) / B;
    std::size_t log_blocks = 0, log_lanes = 0;
    while ((std::size_t(1) << log_blocks) < blocks) ++log_blocks;
    while ((std::size_t(1) << log_lanes) < L) ++log_lanes;
    const long double d = (long double)(B / L + 2 * log_blocks + log_lanes);
    const long double u = std::numeric_limits<T>::epsilon() / 2;
    return d * u / (1 - d * u) * magnitude;
}

// Neumaier's compensated sum in long double: its own error is far below the bound.
template <class T>
long double exact_sum(const std::vector<T>& v, long double& magnitude) {
    long double s = 0, c = 0;
    magnitude = 0;
    for (const T x : v) {
        const long double y = x, t = s + y;
        c += std::fabs(s) >= std::fabs(y) ? (s - t) + y : (y - t) + s;
        s = t;
        magnitude += std::fabs(y);
    }
    return s + c;
}

TEMPLATE_TEST_CASE("float sums stay within the stated error bound on adversarial data", "[block_tree][accuracy]",
                   float, double) {
    using T = TestType;
    constexpr std::size_t L = test::lanes_of<T>, B = test::block_of<T>;
    const T u = std::numeric_limits<T>::epsilon() / 2;
    std::vector<std::vector<T>> sets;
    // Each lane of each block starts at 1 and then adds u, which rounds away every time
    // (1 + u ties to even 1): the chain's whole error, B/L - 1 roundings of u per lane.
    std::vector<T> ties(5 * B + 77, u);
    for (std::size_t i = 0; i < ties.size(); ++i) {
        if (i % B < L) ties[i] = T(1);
    }
    sets.push_back(ties);
    // Large cancelling values with small ones between them.
    test::splitmix64 rng(13);
    std::vector<T> cancelling(9 * B + 5);
    for (std::size_t i = 0; i < cancelling.size(); ++i) {
        cancelling[i] = i % 3 == 0 ? T(1e6) : i % 3 == 1 ? T(-1e6) : T(rng.unit());
    }
    sets.push_back(cancelling);
    // Exponents across the whole finite range of T, both signs.
    std::vector<T> wide(20 * B + 3);
    const int max_exponent = std::numeric_limits<T>::max_exponent - 24;  // no partial sum overflows
    for (auto& x : wide) {
        const int e = int(rng.next() % (2 * max_exponent)) - max_exponent;
        x = std::ldexp(T(rng.unit()), e);
    }
    sets.push_back(wide);
    for (std::size_t k = 0; k < sets.size(); ++k) {
        long double magnitude = 0;
        const long double exact = exact_sum(sets[k], magnitude);
        const long double error = std::fabs((long double)sr::sum<arch>(sets[k]) - exact);
        const long double bound = error_bound<T>(sets[k].size(), magnitude);
        INFO("data set " << k << ": error " << double(error) << ", bound " << double(bound));
        REQUIRE(error <= bound);
        if (k == 0) REQUIRE(error > bound / 2);  // the tie data does come close: the bound is not slack
    }
}

// A reducer over two streams of different element types: float values, summed where a uint8_t
// mask is non-zero. The engine loads both, converting the mask to float lanes, and gives the
// step one value of each; the order is the one-stream order over the masked values.
struct sum_where_nonzero {
    using lane_type = float;
    using result_type = float;
    static constexpr bool exact = false;
    static constexpr bool prefetch_pays = false;
    static float identity() { return -0.0f; }
    float step(float lane, float x, float mask) const { return mask != 0 ? lane + x : lane; }
    float masked_step(float lane, bool valid, float x, float mask) const { return valid ? step(lane, x, mask) : lane; }
    template <class V>
    V step(const V& lane, const V& x, const V& mask) const {
        return xsimd::select(mask != V(0.0f), lane + x, lane);
    }
    template <class V, class M>
    V masked_step(const V& lane, const M& valid, const V& x, const V& mask) const {
        return xsimd::select(valid && (mask != V(0.0f)), lane + x, lane);
    }
    template <class V>
    static V merge(const V& left, const V& right) {
        return left + right;
    }
    static float finish(float folded) { return folded; }
};

TEST_CASE("the engine folds two streams of different element types in the one-stream order", "[block_tree][streams]") {
    constexpr std::size_t B = test::block_of<float>;
    const auto values = test::random_floats<float>(3 * B + 100, 91, 1e3);
    std::vector<std::uint8_t> mask(values.size());
    test::splitmix64 rng(92);
    for (auto& m : mask) m = static_cast<std::uint8_t>(rng.next() % 3 == 0 ? 0 : rng.next() % 256 | 1);
    for (std::size_t offset : {std::size_t(0), std::size_t(3)}) {
        for (const std::size_t n : {std::size_t(0), std::size_t(1), std::size_t(77), B - 1, B + 5, 3 * B + 90}) {
            const float* x = values.data() + offset;
            const std::uint8_t* m = mask.data() + offset;
            std::vector<float> kept(x, x + n);  // a rejected value as -0.0: the identity, same order
            for (std::size_t i = 0; i < n; ++i) {
                if (m[i] == 0) kept[i] = -0.0f;
            }
            INFO("offset " << offset << ", n " << n);
            const float got = sr::engine::run<arch>(sum_where_nonzero{}, sr::engine::input<float, std::uint8_t>{x, m}, n);
            REQUIRE(test::same_bits(got, test::reference_sum<float>(kept.data(), n)));
        }
    }
}

}  // namespace
