// The exact sum of doubles (and of floats, which convert exactly): a fixed-point integer of
// 40 64-bit limbs in two's complement, bit 0 weighing 2^-1152, so every finite double and
// any sum of fewer than 2^60 of them fit. For the tests of compensated sums: an independent,
// exact reference, and the exact error of a result.
#ifndef SIMDREDUCE_TESTS_EXACT_SUM_HPP
#define SIMDREDUCE_TESTS_EXACT_SUM_HPP

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace test {

class exact_sum {
public:
    // Adds x (finite) exactly.
    void add(double x) {
        if (x == 0) return;
        int e = 0;
        const double f = std::frexp(std::fabs(x), &e);  // |x| = f 2^e, f in [0.5, 1)
        const auto m = static_cast<std::uint64_t>(std::ldexp(f, 53));
        const int pos = e - 53 + offset;  // the weight of m's lowest bit, as a bit index
        const std::size_t limb = static_cast<std::size_t>(pos) / 64;
        const unsigned shift = static_cast<unsigned>(pos) % 64;
        const std::uint64_t low = m << shift, high = shift == 0 ? 0 : m >> (64 - shift);
        if (x > 0) {
            add_at(limb, low);
            add_at(limb + 1, high);
        } else {
            subtract_at(limb, low);
            subtract_at(limb + 1, high);
        }
    }

    // The sum, rounded to double (its three highest limbs: a relative error below 2^-52).
    double value() const {
        std::array<std::uint64_t, count> v = limbs_;
        const bool negative = (v[count - 1] >> 63) != 0;
        if (negative) {  // two's complement negation
            std::uint64_t carry = 1;
            for (auto& l : v) {
                l = ~l + carry;
                carry = (carry != 0 && l == 0) ? 1 : 0;
            }
        }
        std::size_t top = count;
        while (top > 0 && v[top - 1] == 0) --top;
        if (top == 0) return 0.0;
        double out = 0;
        for (std::size_t k = top; k-- > 0 && k + 3 >= top;) {
            out += std::ldexp(static_cast<double>(v[k]), static_cast<int>(64 * k) - offset);
        }
        return negative ? -out : out;
    }

private:
    static constexpr std::size_t count = 40;
    static constexpr int offset = 1152;

    void add_at(std::size_t limb, std::uint64_t value) {
        for (; value != 0 && limb < count; ++limb) {
            limbs_[limb] += value;
            value = limbs_[limb] < value ? 1 : 0;  // the carry out
        }
    }
    void subtract_at(std::size_t limb, std::uint64_t value) {
        for (; value != 0 && limb < count; ++limb) {
            const std::uint64_t before = limbs_[limb];
            limbs_[limb] = before - value;
            value = before < value ? 1 : 0;  // the borrow out
        }
    }

    std::array<std::uint64_t, count> limbs_{};
};

// The exact sum of [p, p + n), rounded to double.
template <class T>
double exact_value(const T* p, std::size_t n) {
    exact_sum s;
    for (std::size_t i = 0; i < n; ++i) s.add(static_cast<double>(p[i]));
    return s.value();
}

// |got - the exact sum of [p, p + n)|, itself exact before its rounding to double.
template <class T>
double exact_error(const T* p, std::size_t n, double got) {
    exact_sum s;
    for (std::size_t i = 0; i < n; ++i) s.add(static_cast<double>(p[i]));
    s.add(-got);
    return std::fabs(s.value());
}

}  // namespace test

#endif
