#include "bench_data.hpp"

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <type_traits>

namespace bench {

template <class T>
const T* data(std::size_t bytes) {
    static std::map<std::size_t, std::unique_ptr<T, decltype(&std::free)>> buffers;
    static std::mutex lock;
    std::lock_guard<std::mutex> guard(lock);
    auto found = buffers.find(bytes);
    if (found == buffers.end()) {
        auto* p = static_cast<T*>(std::aligned_alloc(64, (bytes + 63) / 64 * 64));
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
        found = buffers.emplace(bytes, std::unique_ptr<T, decltype(&std::free)>(p, &std::free)).first;
    }
    return found->second.get();
}

template const float* data<float>(std::size_t);
template const double* data<double>(std::size_t);
template const std::int32_t* data<std::int32_t>(std::size_t);
template const std::int8_t* data<std::int8_t>(std::size_t);
template const std::uint8_t* data<std::uint8_t>(std::size_t);

}  // namespace bench
