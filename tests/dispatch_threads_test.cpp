// Sixteen threads released at once make the dispatcher's first choice together. Every one
// must see the same path, and the same sum. ThreadSanitizer builds of this test (see
// scripts/test.sh) also prove the choice free of data races.
#include <simdreduce/dispatch.hpp>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

int main() {
    namespace sd = simdreduce::dispatch;
    constexpr int thread_count = 16;
    std::vector<float> data(10007);
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<float>(i % 13) * 0.5f - 3.0f;

    std::atomic<int> waiting{thread_count};
    std::vector<const char*> names(thread_count);
    std::vector<float> sums(thread_count);
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            waiting.fetch_sub(1);
            while (waiting.load() > 0) {
            }
            sums[static_cast<std::size_t>(t)] = sd::sum(data);  // first use races here
            names[static_cast<std::size_t>(t)] = sd::active_arch();
        });
    }
    for (auto& thread : threads) thread.join();

    int failed = 0;
    for (int t = 0; t < thread_count; ++t) {
        const auto i = static_cast<std::size_t>(t);
        if (std::strcmp(names[i], names[0]) != 0 || std::memcmp(&sums[i], &sums[0], sizeof(float)) != 0) {
            std::printf("thread %d saw %s / %a, thread 0 saw %s / %a\n", t, names[i], double(sums[i]), names[0],
                        double(sums[0]));
            ++failed;
        }
    }
    std::printf("%d threads chose %s: %d passed, %d failed\n", thread_count, names[0], thread_count - failed, failed);
    return failed == 0 ? 0 : 1;
}
