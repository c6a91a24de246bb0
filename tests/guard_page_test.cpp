// No path reads a byte outside [p, p + n): the data is placed flush against an unmapped
// (PROT_NONE) page, after it and before it, and any stray read ends the test with SIGSEGV.
#include "catch.hpp"
#include "test_support.hpp"

#include <algorithm>

#include <sys/mman.h>
#include <unistd.h>

namespace {

using test::arch;
namespace sr = simdreduce;

// `readable` bytes (rounded up to whole pages) between two PROT_NONE pages.
class guarded_region {
public:
    explicit guarded_region(std::size_t readable = 2 * 4096) : page_(static_cast<std::size_t>(sysconf(_SC_PAGESIZE))) {
        pages_ = (readable + page_ - 1) / page_ + 2;
        void* base = mmap(nullptr, pages_ * page_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        REQUIRE(base != MAP_FAILED);
        base_ = static_cast<unsigned char*>(base);
        REQUIRE(mprotect(base_, page_, PROT_NONE) == 0);
        REQUIRE(mprotect(base_ + (pages_ - 1) * page_, page_, PROT_NONE) == 0);
    }
    ~guarded_region() { munmap(base_, pages_ * page_); }
    guarded_region(const guarded_region&) = delete;
    guarded_region& operator=(const guarded_region&) = delete;

    unsigned char* first_readable() const { return base_ + page_; }
    unsigned char* past_readable() const { return base_ + (pages_ - 1) * page_; }

private:
    std::size_t page_;
    std::size_t pages_ = 0;
    unsigned char* base_ = nullptr;
};

template <class T>
void fill(T* p, std::size_t n) {
    const auto values = test::exact_data<T>(n, n);
    std::copy(values.begin(), values.end(), p);  // not memcpy: values.data() is null when n == 0
}

TEMPLATE_TEST_CASE("no path reads past either end of the data", "[memory]", float, double,
                   std::int8_t, std::uint8_t, std::int16_t, std::uint16_t, std::int32_t,
                   std::uint32_t, std::int64_t, std::uint64_t) {
    using T = TestType;
    using Acc = sr::default_accumulator_t<T>;
    guarded_region region;
    const std::size_t max_n = test::sweep_length<T, std::int8_t>();  // covers wrap-around lanes
    const auto in_range = [](auto x) { return x > 0; };
    const auto identity = [](auto x) { return x; };
    for (std::size_t n = 0; n <= max_n; ++n) {
        // Ending flush against the guard after it; as n varies the start takes every
        // misalignment, since the guard page is aligned.
        T* tail = reinterpret_cast<T*>(region.past_readable()) - n;
        fill(tail, n);
        const Acc expected = test::exact_sum_as<Acc>(tail, n);
        REQUIRE(sr::sum<arch>(tail, n) == expected);
        (void)sr::sum<arch>(tail, n, sr::accumulate_in<T>);
        (void)sr::filter_map_sum<arch>(tail, n, in_range, identity);
        REQUIRE(sr::min<arch>(tail, n) == (n ? *std::min_element(tail, tail + n) : sr::min<arch>(tail, 0)));
        REQUIRE(sr::max<arch>(tail, n, sr::skip_nan) == (n ? *std::max_element(tail, tail + n) : sr::max<arch>(tail, 0)));
        REQUIRE(sr::minmax<arch>(tail, n).max == sr::max<arch>(tail, n));
        REQUIRE(sr::count_if<arch>(tail, n, in_range) == test::count_accepted(tail, n, in_range));
        REQUIRE(sr::argmin<arch>(tail, n) == std::size_t(std::min_element(tail, tail + n) - tail));
        REQUIRE(sr::argmax<arch>(tail, n, sr::skip_nan) == std::size_t(std::max_element(tail, tail + n) - tail));
        // Starting flush against the guard before it, at every misalignment of the end.
        T* head = reinterpret_cast<T*>(region.first_readable());
        fill(head, n);
        REQUIRE(sr::sum<arch>(head, n) == test::exact_sum_as<Acc>(head, n));
        (void)sr::sum<arch>(head, n, sr::accumulate_in<T>);
        (void)sr::filter_map_sum<arch>(head, n, in_range, identity);
        REQUIRE(sr::max<arch>(head, n) == (n ? *std::max_element(head, head + n) : sr::max<arch>(head, 0)));
        REQUIRE(sr::min<arch>(head, n, sr::skip_nan) == (n ? *std::min_element(head, head + n) : sr::min<arch>(head, 0)));
        REQUIRE(sr::minmax<arch>(head, n).min == sr::min<arch>(head, n));
        REQUIRE(sr::count_if<arch>(head, n, in_range) == test::count_accepted(head, n, in_range));
        REQUIRE(sr::argmax<arch>(head, n) == std::size_t(std::max_element(head, head + n) - head));
        REQUIRE(sr::argmin<arch>(head, n, sr::skip_nan) == std::size_t(std::min_element(head, head + n) - head));
    }
    // nullptr with n == 0 is a valid empty range.
    REQUIRE(sr::sum<arch>(static_cast<const T*>(nullptr), 0) == Acc(0));
    REQUIRE(sr::filter_map_sum<arch>(static_cast<const T*>(nullptr), 0, in_range, identity) == Acc(0));
    REQUIRE(sr::count_if<arch>(static_cast<const T*>(nullptr), 0, in_range) == 0);
    REQUIRE(sr::argmin<arch>(static_cast<const T*>(nullptr), 0) == 0);
}

// Past the prefetch threshold (32 KiB) and across several blocks: the prefetching loops stop
// before their lookahead leaves the data, and no block's tail reads past it.
TEMPLATE_TEST_CASE("no path reads past either end of data longer than a block", "[memory]", float, double,
                   std::int8_t, std::int32_t) {
    using T = TestType;
    using Acc = sr::default_accumulator_t<T>;
    constexpr std::size_t B = test::block_of<sr::default_accumulator_t<T>>;
    const std::size_t most = std::is_integral<T>::value ? 3 * 32768 / sizeof(T) + 77 : 3 * B + 77;
    guarded_region region(most * sizeof(T));
    const auto in_range = [](auto x) { return x > 0; };
    const auto identity = [](auto x) { return x; };
    for (const std::size_t n : {most, most - 1, most - 76, most / 2 + 3, std::size_t(32768 / sizeof(T) + 1)}) {
        T* tail = reinterpret_cast<T*>(region.past_readable()) - n;
        fill(tail, n);
        INFO("n " << n);
        REQUIRE(sr::sum<arch>(tail, n) == test::exact_sum_as<Acc>(tail, n));
        REQUIRE(sr::filter_map_sum<arch>(tail, n, in_range, identity) ==
                sr::filter_map_sum<sr::scalar>(tail, n, in_range, identity));
        REQUIRE(sr::min<arch>(tail, n) == *std::min_element(tail, tail + n));  // prefetches on floats
        REQUIRE(sr::count_if<arch>(tail, n, in_range) == test::count_accepted(tail, n, in_range));
        REQUIRE(sr::argmin<arch>(tail, n) == std::size_t(std::min_element(tail, tail + n) - tail));
        T* head = reinterpret_cast<T*>(region.first_readable());
        fill(head, n);
        REQUIRE(sr::sum<arch>(head, n) == test::exact_sum_as<Acc>(head, n));
        REQUIRE(sr::filter_map_sum<arch>(head, n, in_range, identity) ==
                sr::filter_map_sum<sr::scalar>(head, n, in_range, identity));
        REQUIRE(sr::max<arch>(head, n) == *std::max_element(head, head + n));
        REQUIRE(sr::minmax<arch>(head, n).min == *std::min_element(head, head + n));
        REQUIRE(sr::count_if<arch>(head, n, in_range) == test::count_accepted(head, n, in_range));
        REQUIRE(sr::argmax<arch>(head, n) == std::size_t(std::max_element(head, head + n) - head));
    }
}

}  // namespace

namespace {

// Two streams, each flush against its own guard page: a at its end and b at its start, then
// the other way round, at every length and so every misalignment of both. The bits are those
// of the scalar path, which reads one element at a time.
TEMPLATE_TEST_CASE("dot reads neither stream past either end", "[memory][dot]", float, double, std::int8_t, std::uint8_t,
                   std::int16_t, std::int32_t) {
    using T = TestType;
    guarded_region first, second;
    const std::size_t max_n = test::sweep_length<T>();
    for (std::size_t n = 0; n <= max_n; ++n) {
        T* a_tail = reinterpret_cast<T*>(first.past_readable()) - n;
        T* b_head = reinterpret_cast<T*>(second.first_readable());
        std::vector<T> values;
        if constexpr (std::is_floating_point<T>::value) {
            values = test::random_floats<T>(2 * n + 1, n);
        } else {
            values = test::wide_data<T>(2 * n + 1, n);
        }
        std::copy(values.begin(), values.begin() + std::ptrdiff_t(n), a_tail);
        std::copy(values.begin() + std::ptrdiff_t(n), values.begin() + std::ptrdiff_t(2 * n), b_head);
        INFO("n " << n);
        REQUIRE(test::same_bits(sr::dot<arch>(a_tail, b_head, n), sr::dot<sr::scalar>(a_tail, b_head, n)));
        T* a_head = reinterpret_cast<T*>(first.first_readable());
        T* b_tail = reinterpret_cast<T*>(second.past_readable()) - n;
        std::copy(a_tail, a_tail + n, a_head);
        std::copy(b_head, b_head + n, b_tail);
        REQUIRE(test::same_bits(sr::dot<arch>(a_head, b_tail, n), sr::dot<sr::scalar>(a_head, b_tail, n)));
    }
}

// The compensated sum's two-part state, at every length at both ends and across blocks: the
// bits of the scalar path.
TEMPLATE_TEST_CASE("compensated_sum reads nothing past either end", "[memory][compensated_sum]", float, double) {
    using T = TestType;
    constexpr std::size_t B = sr::block_size<sr::compensated_sum_reducer<T>>;
    guarded_region region((3 * B + 77) * sizeof(T));
    std::vector<std::size_t> lengths;
    for (std::size_t n = 0; n <= test::sweep_length<T>(); ++n) lengths.push_back(n);
    for (const std::size_t n : {B + 1, 3 * B + 77}) lengths.push_back(n);
    for (const std::size_t n : lengths) {
        const auto values = test::random_floats<T>(n + 1, n, 1e3);
        T* tail = reinterpret_cast<T*>(region.past_readable()) - n;
        T* head = reinterpret_cast<T*>(region.first_readable());
        INFO("n " << n);
        std::copy(values.begin(), values.begin() + std::ptrdiff_t(n), tail);
        REQUIRE(test::same_bits(sr::compensated_sum<arch>(tail, n), sr::compensated_sum<sr::scalar>(tail, n)));
        std::copy(values.begin(), values.begin() + std::ptrdiff_t(n), head);
        REQUIRE(test::same_bits(sr::compensated_sum<arch>(head, n), sr::compensated_sum<sr::scalar>(head, n)));
    }
}

}  // namespace

namespace {

// The values and the mask each flush against a guard page, the mask a bool array at one end
// and bytes at the other, at every length and so every misalignment of both; then across
// blocks. The bits are those of the scalar path, which reads one byte at a time.
TEMPLATE_TEST_CASE("sum_where reads neither the values nor the mask past either end", "[memory][sum_where]", float,
                   double) {
    using T = TestType;
    constexpr std::size_t B = test::block_of<T>;
    guarded_region values((B + 77) * sizeof(T)), mask(B + 77);
    std::vector<std::size_t> lengths;
    for (std::size_t n = 0; n <= test::sweep_length<T, std::int8_t>(); ++n) lengths.push_back(n);
    lengths.push_back(B + 77);
    for (const std::size_t n : lengths) {
        const auto source = test::random_floats<T>(n + 1, n, 1e3);
        test::splitmix64 rng(n);
        T* v_tail = reinterpret_cast<T*>(values.past_readable()) - n;
        bool* m_head = reinterpret_cast<bool*>(mask.first_readable());
        std::copy(source.begin(), source.begin() + std::ptrdiff_t(n), v_tail);
        for (std::size_t i = 0; i < n; ++i) m_head[i] = rng.next() % 2 != 0;
        INFO("n " << n);
        REQUIRE(test::same_bits(sr::sum_where<arch>(v_tail, m_head, n), sr::sum_where<sr::scalar>(v_tail, m_head, n)));
        T* v_head = reinterpret_cast<T*>(values.first_readable());
        std::uint8_t* m_tail = reinterpret_cast<std::uint8_t*>(mask.past_readable()) - n;
        std::copy(v_tail, v_tail + n, v_head);
        for (std::size_t i = 0; i < n; ++i) m_tail[i] = static_cast<std::uint8_t>(rng.next());
        REQUIRE(test::same_bits(sr::sum_where<arch>(v_head, m_tail, n), sr::sum_where<sr::scalar>(v_head, m_tail, n)));
    }
}

}  // namespace

namespace {

// Both of variance's passes, flush against the guard at either end, at every length and
// across a chunk: the bits of the scalar path.
TEMPLATE_TEST_CASE("variance reads nothing past either end", "[memory][variance]", float, double) {
    using T = TestType;
    constexpr std::size_t C = sr::reducers::variance<T>::chunk_elements;
    guarded_region region((C + 77) * sizeof(T));
    std::vector<std::size_t> lengths;
    for (std::size_t n = 0; n <= test::sweep_length<T>(); ++n) lengths.push_back(n);
    lengths.push_back(C + 77);
    for (const std::size_t n : lengths) {
        const auto values = test::random_floats<T>(n + 1, n, 1e3);
        T* tail = reinterpret_cast<T*>(region.past_readable()) - n;
        T* head = reinterpret_cast<T*>(region.first_readable());
        INFO("n " << n);
        std::copy(values.begin(), values.begin() + std::ptrdiff_t(n), tail);
        REQUIRE(test::same_bits(sr::variance<arch>(tail, n), sr::variance<sr::scalar>(tail, n)));
        std::copy(values.begin(), values.begin() + std::ptrdiff_t(n), head);
        REQUIRE(test::same_bits(sr::variance<arch>(head, n, 1), sr::variance<sr::scalar>(head, n, 1)));
    }
}

}  // namespace
