// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_DISPATCH_HPP
#define SIMDREDUCE_DISPATCH_HPP

// Runtime dispatch: one binary runs the widest path the CPU supports. Include this from
// code compiled with baseline flags, in a target set up with simdreduce_enable_dispatch
// (CMake) or the manual recipe in the README, which compile the per-architecture kernels.
//
//   sr::dispatch::sum(p, n)                    same results as sr::sum<best path>(p, n)
//   sr::dispatch::min(v), max(v, sr::skip_nan)  min and max, with extremum_kernels listed
//   sr::dispatch::minmax(v)                    both in one pass, with minmax_kernels listed
//   sr::dispatch::filter_map_sum(v, pred, map) pred, map: named functors listed in KERNELS
//   sr::dispatch::fold(reducer, p, n, offset)  a piece's mergeable state, as sr::fold
//   sr::dispatch::active_arch()                "avx2", "sse2", ...
//   sr::dispatch::force("sse2"), reset()       or the environment: SIMDREDUCE_ARCH=sse2
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <string>

#include "arch.hpp"
#include "detail/config.hpp"
#include "api/inputs.hpp"
#include "api/partial.hpp"
#include "reducers/accumulator.hpp"
#include "targets/cpu_features.hpp"
#include "targets/kernel.hpp"

// The paths this program compiled in, as "scalar,sse2,avx2" (simdreduce_enable_dispatch sets
// it; the README's manual recipe says how to set it by hand).
#ifndef SIMDREDUCE_DISPATCH_PATHS
#define SIMDREDUCE_DISPATCH_PATHS "scalar"
#endif

namespace simdreduce {
namespace dispatch {

// The paths of targets/targets.def, narrowest first: the order of preference, reversed.
enum class path : int {
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) name,
#include "targets/targets.def"
#undef SIMDREDUCE_TARGET
};
inline constexpr std::array<const char*, 0
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) +1
#include "targets/targets.def"
#undef SIMDREDUCE_TARGET
                            >
    path_names = {
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) #name,
#include "targets/targets.def"
#undef SIMDREDUCE_TARGET
};
inline constexpr std::size_t path_count = path_names.size();

namespace detail {

// True when `word` is one of the comma-separated words of `list`.
constexpr bool listed(const char* list, const char* word) noexcept {
    for (const char* start = list;; ++list) {
        if (*list == ',' || *list == '\0') {
            std::size_t k = 0;
            while (start + k < list && word[k] == start[k]) ++k;
            if (start + k == list && word[k] == '\0') return true;
            if (*list == '\0') return false;
            start = list + 1;
        }
    }
}

}  // namespace detail

// True when this program compiled the path in (simdreduce_enable_dispatch decides).
constexpr bool compiled(path p) noexcept {
    return detail::listed(SIMDREDUCE_DISPATCH_PATHS, path_names[static_cast<std::size_t>(p)]);
}

// True when this CPU and OS can run the path (read once, then cached).
inline bool supported(path p) noexcept {
    static const cpu_features cpu = detect_cpu_features();
    switch (p) {
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) \
    case path::name:                                       \
        return cpu.name;
#include "targets/targets.def"
#undef SIMDREDUCE_TARGET
    }
    return false;
}

inline const char* name(path p) noexcept { return path_names[static_cast<std::size_t>(p)]; }

// The widest path that is both compiled in and supported.
inline path best_path() noexcept {
    for (std::size_t i = path_count; i-- > 0;) {
        const auto p = static_cast<path>(i);
        if (compiled(p) && supported(p)) return p;
    }
    return path::scalar;
}

namespace detail {

// Why a name cannot be run, or nullptr when it can.
inline const char* refusal(const char* requested, path& out) noexcept {
    for (std::size_t i = 0; i < path_count; ++i) {
        if (std::strcmp(requested, path_names[i]) == 0) {
            out = static_cast<path>(i);
            if (!compiled(out)) return "is not compiled into this program";
            if (!supported(out)) return "is not supported by this CPU";
            return nullptr;
        }
    }
    return "is not a simdreduce path (one of:"
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) " " #name
#include "targets/targets.def"
#undef SIMDREDUCE_TARGET
           ")";
}

// The first choice: SIMDREDUCE_ARCH if it names a path this program and CPU can run,
// otherwise the best path. A bad value is reported in one line and never run.
inline path initial_path() noexcept {
    const char* requested = std::getenv("SIMDREDUCE_ARCH");
    const path best = best_path();
    if (requested == nullptr || *requested == '\0') return best;
    path p = best;
    if (const char* why = refusal(requested, p)) {
        std::fprintf(stderr, "simdreduce: SIMDREDUCE_ARCH=%s %s; using %s\n", requested, why, name(best));
        return best;
    }
    return p;
}

// -1 until first use. Every thread that races to the first use computes the same choice
// from the same function-local static, so all of them see one path.
inline std::atomic<int> active_slot{-1};

inline path active() noexcept {
    int p = active_slot.load(std::memory_order_acquire);
    if (p < 0) {
        static const int first = static_cast<int>(initial_path());
        int expected = -1;
        active_slot.compare_exchange_strong(expected, first, std::memory_order_acq_rel);
        p = active_slot.load(std::memory_order_acquire);
    }
    return static_cast<path>(p);
}

// Calls f(Arch{}) with the tag of path p, which must be compiled in (scalar otherwise). Paths
// not compiled in are discarded branches: their kernels are never named.
template <class F>
decltype(auto) with_arch(path p, F&& f) {
    switch (p) {
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) \
    case path::name:                                       \
        if constexpr (compiled(path::name)) {              \
            return f(tag{});                               \
        }                                                  \
        break;
#include "targets/targets.def"
#undef SIMDREDUCE_TARGET
    }
    return f(simdreduce::scalar{});
}

template <class Kernel>
typename Kernel::result_type run(const Kernel& kernel, const typename Kernel::value_type* p, std::size_t n) {
#if !defined(SIMDREDUCE_DISPATCH_ENABLED)
    static_assert(sizeof(Kernel) == 0,
                  "simdreduce::dispatch: this target has no per-architecture kernels. Call "
                  "simdreduce_enable_dispatch(<target>) in CMake, or follow the README's manual "
                  "recipe.");
#endif
    simdreduce::detail::check_range(p, n);
    return with_arch(active(), [&](auto arch) {
        return entry<Kernel>::template run<decltype(arch)>(p, n, kernel);
    });
}

}  // namespace detail

/// Returns the name of the path in use, a name of targets/targets.def: "scalar", "sse2",
/// "sse4_2", "avx2", "avx512bw" or "neon64". The first call (or the first reduction) makes the choice, once.
inline const char* active_arch() noexcept { return name(detail::active()); }

/// Makes every later dispatched call run `path_name`. Throws std::invalid_argument, and
/// changes nothing, when the name is unknown, not compiled in, or not supported by this CPU.
inline void force(const char* path_name) {
    path p = path::scalar;
    if (const char* why = detail::refusal(path_name, p)) {
        throw std::invalid_argument(std::string("simdreduce::dispatch::force: \"") + path_name + "\" " + why);
    }
    detail::active_slot.store(static_cast<int>(p), std::memory_order_release);
}

/// Goes back to the widest supported path, ignoring SIMDREDUCE_ARCH.
inline void reset() noexcept {
    detail::active_slot.store(static_cast<int>(best_path()), std::memory_order_release);
}

// The same overloads as simdreduce::sum, filter_map_sum and fold (api/reduce.hpp), with the
// same results, on the active path. Each kernel they run must be compiled in: the built-in
// list has sum for every element type; min and max need extremum_kernels in the target's
// KERNELS list (targets/kernel.hpp), and other kernels go there too, or
// the link fails naming the missing simdreduce::dispatch::entry<...>.

/// Returns the sum of [p, p + n) in Acc on the active path; needs sum_kernel<T, Acc>.
template <class T, class Acc>
Acc sum(const T* p, std::size_t n, accumulate_in_t<Acc>) {
    return detail::run(sum_kernel<T, Acc>{}, p, n);
}

/// Returns the sum of [p, p + n) in the default accumulator on the active path.
template <class T>
default_accumulator_t<T> sum(const T* p, std::size_t n) {
    return dispatch::sum(p, n, accumulate_in<default_accumulator_t<T>>);
}

/// Returns the sum of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto sum(const Range& r) {
    return dispatch::sum(std::data(r), std::size(r));
}

/// Returns the sum of a contiguous range in Acc on the active path.
template <class Range, class Acc, simdreduce::detail::enable_if_range<Range> = 0>
Acc sum(const Range& r, accumulate_in_t<Acc> acc) {
    return dispatch::sum(std::data(r), std::size(r), acc);
}

/// Returns the filtered, mapped sum in Acc on the active path; needs
/// filter_map_sum_kernel<T, Pred, Map, Acc>.
template <class T, class Pred, class Map, class Acc>
Acc filter_map_sum(const T* p, std::size_t n, const Pred& pred, const Map& map, accumulate_in_t<Acc>) {
    return detail::run(filter_map_sum_kernel<T, Pred, Map, Acc>{{pred, map}}, p, n);
}

/// Returns the filtered, mapped sum in the default accumulator on the active path.
template <class T, class Pred, class Map>
default_accumulator_t<T> filter_map_sum(const T* p, std::size_t n, const Pred& pred, const Map& map) {
    return dispatch::filter_map_sum(p, n, pred, map, accumulate_in<default_accumulator_t<T>>);
}

/// Returns the filtered, mapped sum of a contiguous range on the active path.
template <class Range, class Pred, class Map, simdreduce::detail::enable_if_range<Range> = 0>
auto filter_map_sum(const Range& r, const Pred& pred, const Map& map) {
    return dispatch::filter_map_sum(std::data(r), std::size(r), pred, map);
}

/// Returns the filtered, mapped sum of a contiguous range in Acc on the active path.
template <class Range, class Pred, class Map, class Acc, simdreduce::detail::enable_if_range<Range> = 0>
Acc filter_map_sum(const Range& r, const Pred& pred, const Map& map, accumulate_in_t<Acc> acc) {
    return dispatch::filter_map_sum(std::data(r), std::size(r), pred, map, acc);
}

/// Returns the smallest element of [p, p + n) on the active path: simdreduce::min's bits.
/// Needs min_kernel<T> (extremum_kernels lists every min and max kernel).
template <class T>
T min(const T* p, std::size_t n) {
    return detail::run(min_kernel<T>{}, p, n);
}

/// Returns the smallest element of [p, p + n), ignoring NaN, on the active path.
template <class T>
T min(const T* p, std::size_t n, skip_nan_t) {
    return detail::run(min_kernel<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the smallest element of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto min(const Range& r) {
    return dispatch::min(std::data(r), std::size(r));
}

/// Returns the smallest element of a contiguous range, ignoring NaN, on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto min(const Range& r, skip_nan_t skip) {
    return dispatch::min(std::data(r), std::size(r), skip);
}

/// Returns the largest element of [p, p + n) on the active path: simdreduce::max's bits.
template <class T>
T max(const T* p, std::size_t n) {
    return detail::run(max_kernel<T>{}, p, n);
}

/// Returns the largest element of [p, p + n), ignoring NaN, on the active path.
template <class T>
T max(const T* p, std::size_t n, skip_nan_t) {
    return detail::run(max_kernel<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the largest element of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto max(const Range& r) {
    return dispatch::max(std::data(r), std::size(r));
}

/// Returns the largest element of a contiguous range, ignoring NaN, on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto max(const Range& r, skip_nan_t skip) {
    return dispatch::max(std::data(r), std::size(r), skip);
}

/// Returns the smallest and the largest element of [p, p + n) on the active path:
/// simdreduce::minmax's bits. Needs minmax_kernel<T> (minmax_kernels lists them all).
template <class T>
minmax_result<T> minmax(const T* p, std::size_t n) {
    return detail::run(minmax_kernel<T>{}, p, n);
}

/// Returns the smallest and the largest element of [p, p + n), ignoring NaN, on the active path.
template <class T>
minmax_result<T> minmax(const T* p, std::size_t n, skip_nan_t) {
    return detail::run(minmax_kernel<T, reducers::nan_policy::skip>{}, p, n);
}

/// Returns the smallest and the largest element of a contiguous range on the active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto minmax(const Range& r) {
    return dispatch::minmax(std::data(r), std::size(r));
}

/// Returns the smallest and the largest element of a contiguous range, ignoring NaN, on the
/// active path.
template <class Range, simdreduce::detail::enable_if_range<Range> = 0>
auto minmax(const Range& r, skip_nan_t skip) {
    return dispatch::minmax(std::data(r), std::size(r), skip);
}

/// Returns the mergeable state of reducer r over the n elements from p, p[0] being element
/// `offset` of the input, folded on the active path: simdreduce::fold's result, bit for bit.
/// Needs kernel<T, R>; throws std::invalid_argument as simdreduce::fold does.
template <class R, class T>
partial_state<R> fold(const R& r, const T* p, std::size_t n, std::size_t offset = 0) {
    const kernel<T, R> k{r};
    return simdreduce::detail::fold_piece(r, p, n, offset, [&](engine::detail::node<R>* nodes, std::size_t first_block) {
        return detail::with_arch(detail::active(), [&](auto arch) {
            return entry<kernel<T, R>>::template run_piece<decltype(arch)>(p, n, first_block, nodes, k);
        });
    });
}

}  // namespace dispatch
}  // namespace simdreduce

#endif
