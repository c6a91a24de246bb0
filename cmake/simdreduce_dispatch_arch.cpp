// Compiled by simdreduce_enable_dispatch once per architecture, with that architecture's
// flags and SIMDREDUCE_DISPATCH_ARCH naming its tag (xsimd::avx2, simdreduce::scalar, ...).
// It instantiates every dispatched kernel for that one architecture and nothing else.
#include <simdreduce/targets/instantiate.hpp>

#ifdef SIMDREDUCE_DISPATCH_KERNELS_HEADER
#include SIMDREDUCE_DISPATCH_KERNELS_HEADER
#endif

template struct simdreduce::dispatch::detail::instantiate<SIMDREDUCE_DISPATCH_ARCH,
                                                          simdreduce::dispatch::builtin_kernels>;
#ifdef SIMDREDUCE_DISPATCH_KERNELS
template struct simdreduce::dispatch::detail::instantiate<SIMDREDUCE_DISPATCH_ARCH,
                                                          SIMDREDUCE_DISPATCH_KERNELS>;
#endif
