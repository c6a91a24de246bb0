// The dispatched path (what one portable binary gets), and the cost of dispatching itself.
// Compiled with baseline flags, like any code that calls simdreduce::dispatch.
#include <simdreduce/dispatch.hpp>

#include "bench_case.hpp"
#include "dispatch_kernels.hpp"
#include "rows.hpp"

namespace bench {

namespace {

namespace sd = simdreduce::dispatch;

// A direct call to the active path's instantiation: the same kernel, without the switch.
template <class Kernel>
auto direct_entry() {
    using run_type = typename Kernel::result_type (*)(typename Kernel::input_type, std::size_t, const Kernel&);
    return sd::detail::with_arch<Kernel>(sd::best_path(), [](auto arch) {
        return static_cast<run_type>(&sd::entry<Kernel>::template run<decltype(arch)>);
    });
}

}  // namespace

void register_dispatched(const std::vector<std::size_t>& sizes) {
    for (const std::size_t bytes : sizes) {
        add_case<float>("sum_f32", bytes, "dispatch", [](const float* p, std::size_t n) { return sd::sum(p, n); });
        add_case<double>("sum_f64", bytes, "dispatch", [](const double* p, std::size_t n) { return sd::sum(p, n); });
        add_case<std::int32_t>("sum_i32", bytes, "dispatch", [](const std::int32_t* p, std::size_t n) { return sd::sum(p, n); });
        add_case<std::int8_t>("sum_i8", bytes, "dispatch", [](const std::int8_t* p, std::size_t n) { return sd::sum(p, n); });
        add_case<float>("min_f32", bytes, "dispatch", [](const float* p, std::size_t n) { return sd::min(p, n); });
        add_case<std::uint8_t>("sum_u8", bytes, "dispatch", [](const std::uint8_t* p, std::size_t n) { return sd::sum(p, n); });
        add_case<float>("filter_map_sum_f32", bytes, "dispatch", [](const float* p, std::size_t n) {
            return sd::filter_map_sum(p, n, positive{}, square{});
        });
        add_case<float>("sum_where_f32", bytes, "dispatch", [](const float* p, std::size_t n) {
            const std::size_t m = n / 5 * 4;
            return sd::sum_where(p, reinterpret_cast<const std::uint8_t*>(p + m), m);
        });
        add_case<std::int8_t>("dot_i8", bytes, "dispatch",
                              [](const std::int8_t* p, std::size_t n) { return sd::dot(p, p + n / 2, n / 2); });
        add_case<std::int16_t>("dot_i16", bytes, "dispatch",
                               [](const std::int16_t* p, std::size_t n) { return sd::dot(p, p + n / 2, n / 2); });
        add_case<float>("count_if_f32", bytes, "dispatch",
                        [](const float* p, std::size_t n) { return sd::count_if(p, n, positive{}); });
        add_case<float>("sum_f32", bytes, "dispatch", [](const float* p, std::size_t n) { return sd::sum(p, n); },
                        malloc_offset);
    }
    // 64 bytes: the kernel takes a few ns, so the difference is the price of dispatching.
    const auto direct = direct_entry<sd::sum_kernel<float>>();
    const std::string active = std::string("active_") + sd::name(sd::best_path());
    add_case<float>("dispatch_overhead_f32x16", 64, "dispatched", [](const float* p, std::size_t n) { return sd::sum(p, n); });
    add_case<float>("dispatch_overhead_f32x16", 64, "direct_" + active.substr(7),
                    [direct](const float* p, std::size_t n) { return direct({p}, n, sd::sum_kernel<float>{}); });
}

}  // namespace bench
