// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_TARGETS_CPU_FEATURES_HPP
#define SIMDREDUCE_TARGETS_CPU_FEATURES_HPP

// What this CPU and its OS can run, read directly from the hardware. xsimd 8.1's own
// detection reads SSE2 from the wrong bit, AVX from the wrong CPUID leaf, and never asks
// whether the OS saves the YMM/ZMM registers (XCR0), so it can pick a path that dies of
// SIGILL. Compiled with baseline flags: no instruction here needs more than x86-64 or ARMv8.
#include <cstdint>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#elif defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#endif

namespace simdreduce {
namespace dispatch {

// One member per row of targets.def, true when this CPU and OS run that path:
//   sse4_2    with SSE3, SSSE3 and SSE4.1, which -msse4.2 also enables
//   avx2      AVX2 and FMA, with YMM state saved by the OS
//   avx512bw  AVX-512 F, CD, DQ and BW, with ZMM and mask state saved
struct cpu_features {
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) bool name = false;
#include "targets.def"
#undef SIMDREDUCE_TARGET
};

namespace detail {

#if defined(__x86_64__) || defined(__i386__)
// XCR0: which register states the OS saves on a context switch. Only valid when CPUID
// reports OSXSAVE; executing xgetbv otherwise raises #UD.
inline std::uint64_t read_xcr0() noexcept {
    std::uint32_t eax = 0, edx = 0;
    __asm__ volatile(".byte 0x0f, 0x01, 0xd0" : "=a"(eax), "=d"(edx) : "c"(0));  // xgetbv
    return (std::uint64_t(edx) << 32) | eax;
}
#endif

}  // namespace detail

// Reads the features of the running CPU. Cheap, but not free: dispatch caches the result.
inline cpu_features detect_cpu_features() noexcept {
    cpu_features f;
    f.scalar = true;
#if defined(__x86_64__) || defined(__i386__)
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) {
        return f;
    }
    f.sse2 = (edx >> 26) & 1;
    const bool sse3 = ecx & 1, ssse3 = (ecx >> 9) & 1, sse4_1 = (ecx >> 19) & 1, sse4_2 = (ecx >> 20) & 1;
    f.sse4_2 = f.sse2 && sse3 && ssse3 && sse4_1 && sse4_2;
    const bool fma = (ecx >> 12) & 1, osxsave = (ecx >> 27) & 1, avx = (ecx >> 28) & 1;

    unsigned leaf7_ebx = 0;
    const auto max_leaf = static_cast<unsigned>(__get_cpuid_max(0u, nullptr));  // int in Clang, unsigned in GCC
    if (max_leaf >= 7) {
        unsigned a = 0, b = 0, c = 0, d = 0;
        __cpuid_count(7, 0, a, b, c, d);
        leaf7_ebx = b;
    }
    const std::uint64_t xcr0 = osxsave ? detail::read_xcr0() : 0;
    const bool os_saves_ymm = (xcr0 & 0x6) == 0x6;            // SSE and AVX state
    const bool os_saves_zmm = os_saves_ymm && (xcr0 & 0xe0) == 0xe0;  // opmask, ZMM_Hi256, Hi16_ZMM
    const bool avx2 = (leaf7_ebx >> 5) & 1;
    f.avx2 = f.sse4_2 && avx && avx2 && fma && os_saves_ymm;
    const bool avx512f = (leaf7_ebx >> 16) & 1, avx512dq = (leaf7_ebx >> 17) & 1;
    const bool avx512cd = (leaf7_ebx >> 28) & 1, avx512bw = (leaf7_ebx >> 30) & 1;
    f.avx512bw = f.avx2 && avx512f && avx512dq && avx512cd && avx512bw && os_saves_zmm;
#elif defined(__aarch64__)
#if defined(__linux__)
    f.neon64 = (getauxval(AT_HWCAP) & (1ul << 1)) != 0;  // HWCAP_ASIMD
#else
    f.neon64 = true;  // Advanced SIMD is mandatory in ARMv8-A
#endif
#endif
    return f;
}

}  // namespace dispatch
}  // namespace simdreduce

#endif
