// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_TARGETS_CHOICE_HPP
#define SIMDREDUCE_TARGETS_CHOICE_HPP

// Which path runs: the paths of targets.def, which of them this program compiled in and this
// CPU runs, and the one choice every dispatched call reads (dispatch.hpp is the public face).
//
// What a program compiled in is a macro, so a definition that reads it would differ between
// a translation unit that set up dispatch and one that only includes simdreduce.hpp: two
// definitions of one inline function, which the linker may merge either way. Everything that
// reads it therefore lives in an inline namespace named after the configuration:
//   paths_<mask>     SIMDREDUCE_DISPATCH_ENABLED=<mask>, one bit per row of targets.def, as
//                    simdreduce_enable_dispatch sets it (1 in the README's manual recipe)
//   without_kernels  no dispatch set up: calls fail to compile, with a message saying why
//   in_path_object   a per-architecture object (SIMDREDUCE_DISPATCH_ARCH): its copies, built
//                    with AVX2 or AVX-512 flags, can never stand in for the caller's
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include "../arch.hpp"
#include "../detail/config.hpp"
#include "../api/inputs.hpp"
#include "cpu_features.hpp"
#include "kernel.hpp"

// The paths this program compiled in, as "scalar,sse2,avx2" (simdreduce_enable_dispatch sets
// it; the README's manual recipe says how to set it by hand).
#ifndef SIMDREDUCE_DISPATCH_PATHS
#define SIMDREDUCE_DISPATCH_PATHS "scalar"
#endif

#define SIMDREDUCE_DETAIL_PASTE(a, b) a##b
#define SIMDREDUCE_DETAIL_CAT(a, b) SIMDREDUCE_DETAIL_PASTE(a, b)
#if defined(SIMDREDUCE_DISPATCH_ARCH)
#define SIMDREDUCE_DISPATCH_CONFIGURATION in_path_object
#elif defined(SIMDREDUCE_DISPATCH_ENABLED)
#define SIMDREDUCE_DISPATCH_CONFIGURATION SIMDREDUCE_DETAIL_CAT(paths_, SIMDREDUCE_DISPATCH_ENABLED)
#else
#define SIMDREDUCE_DISPATCH_CONFIGURATION without_kernels
#endif

namespace simdreduce {
namespace dispatch {

// The paths of targets/targets.def, narrowest first: the order of preference, reversed.
enum class path : int {
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) name,
#include "targets.def"
#undef SIMDREDUCE_TARGET
};
inline constexpr std::array<const char*, 0
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) +1
#include "targets.def"
#undef SIMDREDUCE_TARGET
                            >
    path_names = {
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) #name,
#include "targets.def"
#undef SIMDREDUCE_TARGET
};
inline constexpr std::size_t path_count = path_names.size();

namespace detail {

constexpr bool same_word(const char* a, const char* a_end, const char* word) noexcept {
    for (; a < a_end; ++a, ++word) {
        if (*a != *word) return false;
    }
    return *word == '\0';
}

// True when f(begin, end) holds for some comma-separated word [begin, end) of `list`.
template <class F>
constexpr bool any_word(const char* list, F f) noexcept {
    for (const char* start = list;; ++list) {
        if (*list == ',' || *list == '\0') {
            if (f(start, list)) return true;
            if (*list == '\0') return false;
            start = list + 1;
        }
    }
}

// True when `word` is one of the comma-separated words of `list`.
constexpr bool listed(const char* list, const char* word) noexcept {
    return any_word(list, [word](const char* begin, const char* end) { return same_word(begin, end, word); });
}

// One bit per row of targets.def, set for the rows `list` names: what
// simdreduce_enable_dispatch passes as SIMDREDUCE_DISPATCH_ENABLED.
constexpr unsigned long long mask_of(const char* list) noexcept {
    unsigned long long mask = 0;
    for (std::size_t i = 0; i < path_count; ++i) {
        if (listed(list, path_names[i])) mask |= 1ull << i;
    }
    return mask;
}

// True when every word of `list` names a path.
constexpr bool all_paths(const char* list) noexcept {
    return !any_word(list, [](const char* begin, const char* end) {
        for (const char* known : path_names) {
            if (same_word(begin, end, known)) return false;
        }
        return true;
    });
}

}  // namespace detail

#if defined(SIMDREDUCE_DISPATCH_ENABLED) && !defined(SIMDREDUCE_DISPATCH_ARCH)
static_assert(detail::all_paths(SIMDREDUCE_DISPATCH_PATHS),
              "simdreduce: SIMDREDUCE_DISPATCH_PATHS must be a comma-separated list of rows of "
              "targets/targets.def, e.g. \"scalar,sse2,avx2\"");
static_assert(SIMDREDUCE_DISPATCH_ENABLED == 1 || SIMDREDUCE_DISPATCH_ENABLED == detail::mask_of(SIMDREDUCE_DISPATCH_PATHS),
              "simdreduce: SIMDREDUCE_DISPATCH_ENABLED is 1 or the mask of SIMDREDUCE_DISPATCH_PATHS");
#endif

/// True when this CPU and OS can run the path (read once, then cached).
inline bool supported(path p) noexcept {
    static const cpu_features cpu = detect_cpu_features();
    switch (p) {
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) \
    case path::name:                                       \
        return cpu.name;
#include "targets.def"
#undef SIMDREDUCE_TARGET
    }
    return false;
}

/// The path's name, a row of targets.def.
inline const char* name(path p) noexcept { return path_names[static_cast<std::size_t>(p)]; }

inline namespace SIMDREDUCE_DISPATCH_CONFIGURATION {

/// True when this program compiled the path in (simdreduce_enable_dispatch decides).
constexpr bool compiled(path p) noexcept {
    return detail::listed(SIMDREDUCE_DISPATCH_PATHS, path_names[static_cast<std::size_t>(p)]);
}

/// The widest path that is both compiled in and supported.
inline path best_path() noexcept {
    for (std::size_t i = path_count; i-- > 0;) {
        const auto p = static_cast<path>(i);
        if (compiled(p) && supported(p)) return p;
    }
    return path::scalar;
}

}  // namespace SIMDREDUCE_DISPATCH_CONFIGURATION

namespace detail {
inline namespace SIMDREDUCE_DISPATCH_CONFIGURATION {

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
#include "targets.def"
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
template <class Kernel, class F>
decltype(auto) with_arch(path p, F&& f) {
#if !defined(SIMDREDUCE_DISPATCH_ENABLED)
    static_assert(sizeof(Kernel) == 0,
                  "simdreduce::dispatch: this target has no per-architecture kernels. Call "
                  "simdreduce_enable_dispatch(<target>) in CMake, or follow the README's manual "
                  "recipe.");
#endif
    switch (p) {
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) \
    case path::name:                                       \
        if constexpr (compiled(path::name)) {              \
            return f(tag{});                               \
        }                                                  \
        break;
#include "targets.def"
#undef SIMDREDUCE_TARGET
    }
    return f(simdreduce::scalar{});
}

// The result of `kernel` over the n elements of its streams on the active path.
template <class Kernel>
typename Kernel::result_type run(const Kernel& kernel, typename Kernel::input_type in, std::size_t n) {
    return with_arch<Kernel>(active(), [&](auto arch) {
        return entry<Kernel>::template run<decltype(arch)>(in, n, kernel);
    });
}

// The result of a one-stream `kernel` over [p, p + n) on the active path.
template <class Kernel>
typename Kernel::result_type run(const Kernel& kernel, const typename Kernel::value_type* p, std::size_t n) {
    simdreduce::detail::check_range(p, n);
    return detail::run(kernel, typename Kernel::input_type{p}, n);
}

}  // namespace SIMDREDUCE_DISPATCH_CONFIGURATION
}  // namespace detail

inline namespace SIMDREDUCE_DISPATCH_CONFIGURATION {

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

}  // namespace SIMDREDUCE_DISPATCH_CONFIGURATION
}  // namespace dispatch
}  // namespace simdreduce

#endif
