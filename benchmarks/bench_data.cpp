#include "bench_data.hpp"

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <type_traits>

namespace bench {

template <class T>
const T* data(std::size_t bytes, std::size_t offset) {
    static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<unsigned char, decltype(&std::free)>> buffers;
    static std::mutex lock;
    std::lock_guard<std::mutex> guard(lock);
    auto found = buffers.find({bytes, offset});
    if (found == buffers.end()) {
        auto* block = static_cast<unsigned char*>(std::aligned_alloc(64, (bytes + offset + 63) / 64 * 64));
        auto* p = reinterpret_cast<T*>(block + offset);
        const std::size_t n = bytes / sizeof(T);
        std::uint32_t state = 12345;
        for (std::size_t i = 0; i < n; ++i) {
            state = state * 1664525u + 1013904223u;
            const int value = static_cast<int>(state >> 25) - 64;  // -64 .. 63
            if constexpr (std::is_floating_point<T>::value) {
                p[i] = static_cast<T>(value) / T(8);
            } else {
                p[i] = static_cast<T>(value);
            }
        }
        found = buffers.emplace(std::make_pair(bytes, offset),
                                std::unique_ptr<unsigned char, decltype(&std::free)>(block, &std::free)).first;
    }
    return reinterpret_cast<const T*>(found->second.get() + offset);
}

template const float* data<float>(std::size_t, std::size_t);
template const double* data<double>(std::size_t, std::size_t);
template const std::int32_t* data<std::int32_t>(std::size_t, std::size_t);
template const std::int8_t* data<std::int8_t>(std::size_t, std::size_t);
template const std::uint8_t* data<std::uint8_t>(std::size_t, std::size_t);

}  // namespace bench
