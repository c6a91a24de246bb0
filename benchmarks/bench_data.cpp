#include "bench_data.hpp"

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <limits>
#include <tuple>
#include <utility>
#include <type_traits>

namespace bench {

// The k-th float or double above 1, one ulp apart: distinct at any length the benchmark
// takes, and normal numbers.
template <class T>
T one_ulp_apart(std::size_t k) {
    using U = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
    U bits;
    const T one = 1;
    std::memcpy(&bits, &one, sizeof bits);
    bits = static_cast<U>(bits + k);
    T x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}

template <class T>
const T* filled(std::size_t bytes, std::size_t offset, bool fall) {
    static std::map<std::tuple<std::size_t, std::size_t, bool>, std::unique_ptr<unsigned char, decltype(&std::free)>> buffers;
    static std::mutex lock;
    std::lock_guard<std::mutex> guard(lock);
    auto found = buffers.find({bytes, offset, fall});
    if (found == buffers.end()) {
        auto* block = static_cast<unsigned char*>(std::aligned_alloc(64, (bytes + offset + 63) / 64 * 64));
        auto* p = reinterpret_cast<T*>(block + offset);
        const std::size_t n = bytes / sizeof(T);
        std::uint32_t state = 12345;
        for (std::size_t i = 0; i < n; ++i) {
            state = state * 1664525u + 1013904223u;
            const int value = static_cast<int>(state >> 25) - 64;  // -64 .. 63
            if constexpr (std::is_floating_point<T>::value) {
                p[i] = fall ? one_ulp_apart<T>(n - 1 - i) : static_cast<T>(value) / T(8);
            } else {
                using U = std::make_unsigned_t<T>;  // wraps, defined
                p[i] = fall ? static_cast<T>(U(std::numeric_limits<T>::max()) - U(i)) : static_cast<T>(value);
            }
        }
        found = buffers.emplace(std::make_tuple(bytes, offset, fall),
                                std::unique_ptr<unsigned char, decltype(&std::free)>(block, &std::free)).first;
    }
    return reinterpret_cast<const T*>(found->second.get() + offset);
}

template <class T>
const T* data(std::size_t bytes, std::size_t offset) {
    return filled<T>(bytes, offset, false);
}
template <class T>
const T* falling(std::size_t bytes, std::size_t offset) {
    return filled<T>(bytes, offset, true);
}

template const float* data<float>(std::size_t, std::size_t);
template const double* data<double>(std::size_t, std::size_t);
template const std::int32_t* data<std::int32_t>(std::size_t, std::size_t);
template const std::int8_t* data<std::int8_t>(std::size_t, std::size_t);
template const std::int16_t* data<std::int16_t>(std::size_t, std::size_t);
template const std::uint8_t* data<std::uint8_t>(std::size_t, std::size_t);
template const float* falling<float>(std::size_t, std::size_t);
template const std::int32_t* falling<std::int32_t>(std::size_t, std::size_t);

}  // namespace bench
