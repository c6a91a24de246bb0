# Cross-compiles for aarch64 Linux with Debian's g++-aarch64-linux-gnu and runs the
# results under qemu-user, so ctest works on an x86-64 host without binfmt.
# Usage: cmake -S . -B build-aarch64 --toolchain cmake/toolchain-aarch64-linux-gnu.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(simdreduce_cross_triple aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${simdreduce_cross_triple}-gcc)
set(CMAKE_CXX_COMPILER ${simdreduce_cross_triple}-g++)

# Debian's multiarch cross libraries live here rather than in a full sysroot.
set(simdreduce_cross_root /usr/${simdreduce_cross_triple})

# qemu needs -L to find the aarch64 dynamic loader and libstdc++.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-${CMAKE_SYSTEM_PROCESSOR};-L;${simdreduce_cross_root})

# xsimd and Catch2 are header-only, so the host's arch-independent copies in /usr/include
# serve the target too. -idirafter (not -isystem) keeps them behind the cross libstdc++ and
# libc headers, which #include_next relies on. Being on the compiler's own search list also
# makes CMake treat /usr/include as implicit, so imported targets whose
# INTERFACE_INCLUDE_DIRECTORIES is /usr/include do not turn it into -isystem.
set(CMAKE_C_FLAGS_INIT "-idirafter /usr/include")
set(CMAKE_CXX_FLAGS_INIT "-idirafter /usr/include")

set(CMAKE_FIND_ROOT_PATH ${simdreduce_cross_root})
# Build tools run on the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
# Libraries must be aarch64 ones: never link the host's.
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
# Headers and CMake package configs of header-only packages (xsimd, Catch2) are only
# installed on the host side; arch-specific config dirs are still keyed by
# CMAKE_LIBRARY_ARCHITECTURE, so host x86-64 ones are not picked up.
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
