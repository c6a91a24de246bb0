// Shared helpers for the kernel tests. Every test source is compiled once per architecture,
// with SIMDREDUCE_TEST_ARCH naming the xsimd tag (or simdreduce::scalar) under test.
#ifndef SIMDREDUCE_TESTS_TEST_SUPPORT_HPP
#define SIMDREDUCE_TESTS_TEST_SUPPORT_HPP

#include <simdreduce/simdreduce.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <type_traits>
#include <vector>

#ifndef SIMDREDUCE_TEST_ARCH
#error "SIMDREDUCE_TEST_ARCH must name the architecture under test"
#endif

// The ten element types every reducer takes, for TEMPLATE_TEST_CASE.
#define SIMDREDUCE_ALL_ELEMENT_TYPES                                                          \
    float, double, std::int8_t, std::uint8_t, std::int16_t, std::uint16_t, std::int32_t,      \
        std::uint32_t, std::int64_t, std::uint64_t

namespace test {

namespace sr = simdreduce;
using arch = SIMDREDUCE_TEST_ARCH;

// The order's constants, as the contract states them (ARCHITECTURE.md), not read from the
// library: 256 bytes of lanes, all Parts of a lane's state together (a compensated sum has
// 2), blocks of 128 lanes' worth of elements.
template <class Acc, std::size_t Parts = 1>
constexpr std::size_t lanes_of = 256 / (sizeof(Acc) * Parts);
template <class Acc, std::size_t Parts = 1>
constexpr std::size_t block_of = 128 * lanes_of<Acc, Parts>;

// Elements of the widest register simdreduce uses (AVX-512, 64 bytes), for length sweeps.
template <class T>
constexpr std::size_t widest_batch = 64 / sizeof(T);

// Lengths that cover the empty range, every partial register, whole 256-byte lane blocks and
// what follows them: 0 .. 4 x the widest batch + 3, and at least two lane blocks + 3.
template <class T, class Acc = T>
constexpr std::size_t sweep_length() {
    const std::size_t by_batch = 4 * widest_batch<T> + 3;
    const std::size_t by_block = 2 * lanes_of<Acc> + 3;
    return by_batch > by_block ? by_batch : by_block;
}

// A deterministic generator, identical on every platform (std distributions are not).
class splitmix64 {
public:
    explicit splitmix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [-1, 1), with 24 random bits: exactly representable in float.
    double unit() { return double(std::int64_t(next() >> 40) - (std::int64_t(1) << 23)) / double(1 << 23); }

private:
    std::uint64_t state_;
};

// Small integers, so that every sum in every type is exact: equality is the right check.
template <class T>
std::vector<T> exact_data(std::size_t n, std::uint64_t seed) {
    splitmix64 rng(seed);
    std::vector<T> v(n);
    for (auto& x : v) {
        const auto r = static_cast<int>(rng.next() % 13);
        x = static_cast<T>(std::is_signed<T>::value ? r - 6 : r);
    }
    return v;
}

template <class T>
std::vector<T> random_floats(std::size_t n, std::uint64_t seed, double scale = 1.0) {
    splitmix64 rng(seed);
    std::vector<T> v(n);
    for (auto& x : v) {
        x = static_cast<T>(rng.unit() * scale);
    }
    return v;
}

// Random values over the whole range of T (every bit pattern of an integer; floats of every
// magnitude and sign), with repeats so that ties occur.
template <class T>
std::vector<T> wide_data(std::size_t n, std::uint64_t seed) {
    splitmix64 rng(seed);
    std::vector<T> v(n);
    for (auto& x : v) {
        if constexpr (std::is_floating_point<T>::value) {
            x = static_cast<T>(rng.unit() * std::ldexp(1.0, static_cast<int>(rng.next() % 40) - 20));
        } else {
            const std::uint64_t bits = rng.next();
            std::memcpy(&x, &bits, sizeof(T));
        }
        if (rng.next() % 4 == 0) x = v[rng.next() % v.size()];
    }
    return v;
}

// Random cut points, each a multiple of `step` (or n itself), sorted, with repeats: repeated
// cuts make empty pieces, at the start, inside and at the end.
inline std::vector<std::size_t> random_cuts(std::size_t n, std::size_t step, splitmix64& rng) {
    std::vector<std::size_t> cuts = {0, n};
    const std::size_t count = rng.next() % 6;
    for (std::size_t c = 0; c < count; ++c) {
        const std::size_t steps = n / step + 1;
        cuts.push_back(std::min(n, std::size_t(rng.next() % (steps + 1)) * step));
    }
    if (rng.next() % 3 == 0) cuts.push_back(cuts[2 % cuts.size()]);
    std::sort(cuts.begin(), cuts.end());
    return cuts;
}

// check(p, n) on wide_data at every length 0 .. sweep_length and every misalignment of the
// widest register, then at 3001 elements, where the loads start at a register boundary after
// a head.
template <class T, class Check>
void for_each_length_and_offset(Check&& check) {
    constexpr std::size_t max_n = sweep_length<T>(), max_offset = widest_batch<T>;
    const auto data = wide_data<T>(max_n + max_offset, 7);
    for (std::size_t offset = 0; offset < max_offset; ++offset) {
        for (std::size_t n = 0; n <= max_n; ++n) check(data.data() + offset, n);
    }
    const auto longer = wide_data<T>(3001 + max_offset, 8);
    for (std::size_t offset = 0; offset < max_offset; ++offset) check(longer.data() + offset, 3001);
}

// The IEEE arrangements the extrema are tested on, each passed to check(p, len): at lengths 1,
// 7, two widest registers + 1 and the sweep length, a NaN (quiet, negative, signalling with a
// payload) or an infinity at every position, then two of them; zeros of one sign with one of
// the other at every position, alone and with a NaN or a larger number beside it; all NaN,
// and all NaN but one number.
template <class T, class Check>
void for_each_ieee_arrangement(Check&& check) {
    const T inf = std::numeric_limits<T>::infinity(), nan = std::numeric_limits<T>::quiet_NaN();
    T payload_nan;
    const std::uint64_t payload = sizeof(T) == 4 ? 0x7fa00001u : 0x7ff4000000000001ull;  // signalling
    std::memcpy(&payload_nan, &payload, sizeof(T));
    constexpr std::size_t n = sweep_length<T>();
    const auto data = random_floats<T>(n, 11, 100.0);
    for (std::size_t len : {std::size_t(1), std::size_t(7), std::size_t(2 * widest_batch<T> + 1), n}) {
        for (std::size_t at = 0; at < len; ++at) {
            for (const T special : {nan, -nan, payload_nan, -payload_nan, inf, -inf}) {
                std::vector<T> v(data.data(), data.data() + len);
                v[at] = special;
                check(v.data(), len);
                v[len - 1 - at] = special;  // two of them
                check(v.data(), len);
            }
            for (const T zero : {T(0), -T(0)}) {
                std::vector<T> v(len, -zero);
                v[at] = zero;
                check(v.data(), len);
                if (len > 1) {
                    v[(at + 1) % len] = nan;
                    check(v.data(), len);
                    v[(at + 1) % len] = T(3);
                    check(v.data(), len);
                }
            }
        }
        std::vector<T> v(len, nan);
        check(v.data(), len);
        v[len / 2] = T(-2);
        check(v.data(), len);
    }
}

// Same bits, or both NaN (NaN payloads are not part of the guarantee).
template <class T>
bool same_bits(T a, T b) {
    if constexpr (std::is_floating_point<T>::value) {
        if (std::isnan(a) && std::isnan(b)) return true;
        return std::memcmp(&a, &b, sizeof(T)) == 0;
    } else {
        return a == b;
    }
}

// Addition as the contract defines it, written here rather than taken from the library:
// IEEE for floats, modulo 2^bits for integers (unsigned, so no undefined behaviour).
template <class Acc>
Acc add(Acc a, Acc b) {
    if constexpr (std::is_integral<Acc>::value) {
        using U = std::make_unsigned_t<Acc>;
        return static_cast<Acc>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
    } else {
        return a + b;
    }
}

template <class Acc>
Acc identity_of() {
    return std::is_floating_point<Acc>::value ? Acc(-0.0) : Acc(0);
}

// Each mapped value goes through a volatile, so it is rounded on its own whatever
// -ffp-contract and -mfma say.
struct add_rounded_value {
    template <class Acc>
    Acc operator()(Acc lane, Acc mapped) const {
        volatile Acc rounded = mapped;
        return add(lane, Acc(rounded));
    }
};

// An independent statement of the order every path must follow, written recursively where
// the library builds it with a binary counter: blocks of B elements, each folded by
// block(b) into L lane states, a node of level l over blocks [m 2^l, (m+1) 2^l) = merge(its
// two halves), the nodes of the binary decomposition of the block count merged from the
// right, then the lanes halved. Returns the one lane state left.
template <class State, class Block, class Merge>
State reference_order(std::size_t n, std::size_t L, std::size_t B, Block block, Merge merge) {
    using state = std::vector<State>;
    const auto merged = [&](state left, const state& right) {
        for (std::size_t j = 0; j < L; ++j) left[j] = merge(left[j], right[j]);
        return left;
    };
    std::function<state(std::size_t, unsigned)> node = [&](std::size_t first, unsigned level) {
        if (level == 0) return state(block(first));
        const std::size_t half = std::size_t(1) << (level - 1);
        return merged(node(first, level - 1), node(first + half, level - 1));
    };
    const std::size_t blocks = n <= B ? 1 : (n + B - 1) / B;
    std::vector<state> nodes;
    std::size_t first = 0;
    for (unsigned level = 64; level-- > 0;) {
        if ((blocks >> level) & 1) {
            nodes.push_back(node(first, level));
            first += std::size_t(1) << level;
        }
    }
    state lanes = nodes.back();
    for (std::size_t k = nodes.size() - 1; k-- > 0;) lanes = merged(nodes[k], lanes);
    for (std::size_t m = L; m > 1; m /= 2) {
        for (std::size_t j = 0; j < m / 2; ++j) lanes[j] = merge(lanes[j], lanes[j + m / 2]);
    }
    return lanes[0];
}

// sum's order over the mapped elements pred accepts: element i in lane i % L of its block.
template <class Acc, class T, class Pred, class Map, class Accumulate = add_rounded_value>
Acc reference_filter_map_sum(const T* p, std::size_t n, Pred pred, Map map, Accumulate accumulate = {}) {
    constexpr std::size_t L = lanes_of<Acc>;
    // Integer sums have no order to keep: the contract allows one block for everything.
    constexpr std::size_t B = std::is_integral<Acc>::value ? SIZE_MAX : block_of<Acc>;
    const auto block = [&](std::size_t b) {
        std::vector<Acc> lanes(L, identity_of<Acc>());
        for (std::size_t i = b * B; i < n && i < (b + 1) * B; ++i) {
            const Acc x = static_cast<Acc>(p[i]);
            if (pred(x)) lanes[i % L] = accumulate(lanes[i % L], map(x));
        }
        return lanes;
    };
    return reference_order<Acc>(n, L, B, block, [](Acc a, Acc b) { return add(a, b); });
}

template <class Acc, class T>
Acc reference_sum(const T* p, std::size_t n) {
    return reference_filter_map_sum<Acc>(
        p, n, [](Acc) { return true; }, [](Acc x) { return x; });
}

// The number of elements the scalar predicate accepts: a plain loop, not the library's.
// Not vectorized: Clang 14 turns the int8 loop, built for AVX-512, into a 64-bit compare of
// widened bytes that its instruction selector cannot select, and stops (std::count_if too).
template <class T, class Pred>
std::size_t count_accepted(const T* p, std::size_t n, Pred pred) {
    std::size_t count = 0;
    SIMDREDUCE_NO_VECTORIZE
    for (std::size_t i = 0; i < n; ++i) count += pred(p[i]) ? 1 : 0;
    return count;
}

// The mathematically exact sum of integer-valued data, modulo 2^64.
template <class T>
std::uint64_t exact_integer_sum(const T* p, std::size_t n) {
    std::uint64_t s = 0;
    for (std::size_t i = 0; i < n; ++i) {
        s += static_cast<std::uint64_t>(static_cast<std::int64_t>(p[i]));
    }
    return s;
}

// The same, as the accumulator type: negative totals stay negative for float and signed Acc.
template <class Acc, class T>
Acc exact_sum_as(const T* p, std::size_t n) {
    const std::uint64_t bits = exact_integer_sum(p, n);
    if constexpr (std::is_unsigned<Acc>::value) {
        return static_cast<Acc>(bits);
    } else {
        return static_cast<Acc>(static_cast<std::int64_t>(bits));
    }
}

}  // namespace test

#endif
