// Differential fuzzer: every dispatch path must return the scalar path's bits for sum,
// compensated_sum, filter_map_sum, count_if, min, max, minmax, argmin, argmax, dot, sum_where
// and variance, and
// none may read outside its buffers (ASan). The input chooses the element type, the forced path, a
// predicate and a map from a fixed menu, the misalignments, and the raw element values, so
// NaN, infinities, denormals, -0.0 and integer extremes all come from the bytes themselves.
//
// Byte 0: element type, 1: path, 2: predicate, 3: map (bit 0) and the second stream's
// misalignment (the rest), 4: misalignment; the rest: elements (dot: its two halves;
// sum_where: values, then their mask).
#include <simdreduce/dispatch.hpp>
#include <simdreduce/simdreduce.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "fuzz_kernels.hpp"

namespace {

namespace sr = simdreduce;
namespace sd = simdreduce::dispatch;

template <class T>
bool same_bits(T a, T b) {
    if constexpr (std::is_floating_point<T>::value) {
        if (std::isnan(a) && std::isnan(b)) return true;
    }
    return std::memcmp(&a, &b, sizeof(T)) == 0;
}

template <class T, class Pred, class Map>
void check_filter_map_sum(const T* p, std::size_t n, const Pred& pred, const Map& map) {
    if (!same_bits(sd::filter_map_sum(p, n, pred, map), sr::filter_map_sum<sr::scalar>(p, n, pred, map))) {
        __builtin_trap();
    }
}

template <class T, class Pred>
void check_count_if(const T* p, std::size_t n, const Pred& pred) {
    if (sd::count_if(p, n, pred) != sr::count_if<sr::scalar>(p, n, pred)) __builtin_trap();
}

// An exact-size heap block holding `n` elements copied from `bytes`, `offset` bytes in: ASan
// reports a read one byte past it, or before it. Free it with std::free(block).
template <class T>
T* exact_copy(const std::uint8_t* bytes, std::size_t n, std::size_t offset, unsigned char*& block) {
    block = static_cast<unsigned char*>(std::malloc(offset + n * sizeof(T) + 1));
    std::memcpy(block + offset, bytes, n * sizeof(T));
    return reinterpret_cast<T*>(block + offset);
}

// dot of the two halves of the elements, each in its own block at its own misalignment.
template <class T>
void check_dot(const std::uint8_t* bytes, std::size_t n, std::size_t offset_a, std::size_t offset_b) {
    const std::size_t half = n / 2;
    unsigned char *block_a = nullptr, *block_b = nullptr;
    const T* a = exact_copy<T>(bytes, half, offset_a, block_a);
    const T* b = exact_copy<T>(bytes + half * sizeof(T), half, offset_b, block_b);
    if (!same_bits(sd::dot(a, b, half), sr::dot<sr::scalar>(a, b, half))) __builtin_trap();
    if constexpr (std::is_floating_point<T>::value) {
        if (!same_bits(sd::dot(a, b, half, sr::accumulate_in<double>),
                       sr::dot<sr::scalar>(a, b, half, sr::accumulate_in<double>))) {
            __builtin_trap();
        }
    }
    std::free(block_a);
    std::free(block_b);
}

// sum_where: n values from the front of the bytes, masked by the n bytes after them (every
// byte value), each in its own block at its own misalignment.
template <class T>
void check_sum_where(const std::uint8_t* bytes, std::size_t size, std::size_t offset_v, std::size_t offset_m) {
    const std::size_t n = size / (sizeof(T) + 1);
    unsigned char *block_v = nullptr, *block_m = nullptr;
    const T* v = exact_copy<T>(bytes, n, offset_v, block_v);
    const std::uint8_t* m = exact_copy<std::uint8_t>(bytes + n * sizeof(T), n, offset_m, block_m);
    if (!same_bits(sd::sum_where(v, m, n), sr::sum_where<sr::scalar>(v, m, n))) __builtin_trap();
    std::free(block_v);
    std::free(block_m);
}

template <class T>
void run(const std::uint8_t* bytes, std::size_t size, unsigned predicate, unsigned map, std::size_t offset) {
    const std::size_t n = size / sizeof(T);
    unsigned char* block = nullptr;
    const T* p = exact_copy<T>(bytes, n, offset, block);
    if (!same_bits(sd::sum(p, n), sr::sum<sr::scalar>(p, n))) __builtin_trap();
    // min and max in both NaN policies: the scalar path's bits exactly, a NaN result included
    // (it is always quiet_NaN()).
    const auto exact = [](T a, T b) { return std::memcmp(&a, &b, sizeof(T)) == 0; };
    if (!exact(sd::min(p, n), sr::min<sr::scalar>(p, n)) || !exact(sd::max(p, n), sr::max<sr::scalar>(p, n)) ||
        !exact(sd::min(p, n, sr::skip_nan), sr::min<sr::scalar>(p, n, sr::skip_nan)) ||
        !exact(sd::max(p, n, sr::skip_nan), sr::max<sr::scalar>(p, n, sr::skip_nan))) {
        __builtin_trap();
    }
    // argmin and argmax in both policies: the scalar path's index.
    if (sd::argmin(p, n) != sr::argmin<sr::scalar>(p, n) || sd::argmax(p, n) != sr::argmax<sr::scalar>(p, n) ||
        sd::argmin(p, n, sr::skip_nan) != sr::argmin<sr::scalar>(p, n, sr::skip_nan) ||
        sd::argmax(p, n, sr::skip_nan) != sr::argmax<sr::scalar>(p, n, sr::skip_nan)) {
        __builtin_trap();
    }
    // minmax: each half the bits of the scalar min and max.
    const auto both = sd::minmax(p, n), skipping = sd::minmax(p, n, sr::skip_nan);
    if (!exact(both.min, sr::min<sr::scalar>(p, n)) || !exact(both.max, sr::max<sr::scalar>(p, n)) ||
        !exact(skipping.min, sr::min<sr::scalar>(p, n, sr::skip_nan)) ||
        !exact(skipping.max, sr::max<sr::scalar>(p, n, sr::skip_nan))) {
        __builtin_trap();
    }
    check_count_if(p, n, fuzz::positive{});
    if constexpr (std::is_floating_point<T>::value) {
        check_dot<T>(bytes, n, offset, ((map >> 1) % 64) & ~(sizeof(T) - 1));
        check_sum_where<T>(bytes, size, offset, (map >> 2) % 64);
        if (!same_bits(sd::variance(p, n, predicate % 3), sr::variance<sr::scalar>(p, n, predicate % 3))) __builtin_trap();
        if (!same_bits(sd::compensated_sum(p, n), sr::compensated_sum<sr::scalar>(p, n))) __builtin_trap();
        predicate % 3 == 1 ? check_count_if(p, n, fuzz::not_negative{}) : check_count_if(p, n, fuzz::small{});
        if (predicate % 3 == 0) {
            map % 2 ? check_filter_map_sum(p, n, fuzz::positive{}, fuzz::square{}) : check_filter_map_sum(p, n, fuzz::positive{}, fuzz::tenth{});
        } else if (predicate % 3 == 1) {
            map % 2 ? check_filter_map_sum(p, n, fuzz::not_negative{}, fuzz::square{}) : check_filter_map_sum(p, n, fuzz::not_negative{}, fuzz::tenth{});
        } else {
            map % 2 ? check_filter_map_sum(p, n, fuzz::small{}, fuzz::square{}) : check_filter_map_sum(p, n, fuzz::small{}, fuzz::tenth{});
        }
    } else {
        (void)predicate;
        check_dot<T>(bytes, n, offset, ((map >> 1) % 64) & ~(sizeof(T) - 1));
        check_filter_map_sum(p, n, fuzz::positive{}, fuzz::identity{});
    }
    std::free(block);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 5) return 0;
    const unsigned type = data[0] % 10, path = data[1] % sd::path_count, predicate = data[2], map = data[3];
    const std::size_t offset = data[4] % 64;
    const auto chosen = static_cast<sd::path>(path);
    if (!sd::compiled(chosen) || !sd::supported(chosen)) return 0;
    sd::force(sd::name(chosen));
    data += 5;
    size -= 5;
    switch (type) {
        case 0: run<float>(data, size, predicate, map, offset & ~std::size_t(3)); break;
        case 1: run<double>(data, size, predicate, map, offset & ~std::size_t(7)); break;
        case 2: run<std::int8_t>(data, size, predicate, map, offset); break;
        case 3: run<std::uint8_t>(data, size, predicate, map, offset); break;
        case 4: run<std::int16_t>(data, size, predicate, map, offset & ~std::size_t(1)); break;
        case 5: run<std::uint16_t>(data, size, predicate, map, offset & ~std::size_t(1)); break;
        case 6: run<std::int32_t>(data, size, predicate, map, offset & ~std::size_t(3)); break;
        case 7: run<std::uint32_t>(data, size, predicate, map, offset & ~std::size_t(3)); break;
        case 8: run<std::int64_t>(data, size, predicate, map, offset & ~std::size_t(7)); break;
        default: run<std::uint64_t>(data, size, predicate, map, offset & ~std::size_t(7)); break;
    }
    return 0;
}
