// simdreduce: SIMD numeric reductions on xsimd. BSD-3-Clause, see LICENSE.
#ifndef SIMDREDUCE_TARGETS_VENDOR_HPP
#define SIMDREDUCE_TARGETS_VENDOR_HPP

// Facts about the running CPU that choose between kernel variants of equal results, not
// between paths: a variant must give the same bits as the other, and both are tested on
// every machine (reducers/plus.hpp, masking).
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace simdreduce {
namespace dispatch {

// True on AMD and Hygon processors (CPUID vendor AuthenticAMD or HygonGenuine): their Zen
// cores run vblendvps as one op, where recent Intel cores need three. Read once per path and
// process. Templated on Arch although it does not use it: each path's object then has its
// own copy, and no linker can hand one path another's code (the SIGILL trap, ARCHITECTURE.md).
template <class Arch>
bool blends_cheaply() noexcept {
    static const bool cheap = [] {
#if defined(__x86_64__) || defined(__i386__)
        unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
        if (!__get_cpuid(0, &eax, &ebx, &ecx, &edx)) return false;
        char vendor[12];
        std::memcpy(vendor, &ebx, 4);
        std::memcpy(vendor + 4, &edx, 4);
        std::memcpy(vendor + 8, &ecx, 4);
        return std::memcmp(vendor, "AuthenticAMD", 12) == 0 || std::memcmp(vendor, "HygonGenuine", 12) == 0;
#else
        return false;
#endif
    }();
    return cheap;
}

}  // namespace dispatch
}  // namespace simdreduce

#endif
