# simdreduce: header-only, plus the CMake helper simdreduce_enable_dispatch and the source it
# compiles once per instruction set (share/simdreduce/simdreduce_dispatch_arch.cpp).
set(VCPKG_BUILD_TYPE release)  # header-only: a debug configuration would install the same files

# Used as an overlay port from a checkout (vcpkg install simdreduce --overlay-ports=ports),
# the port builds that checkout; copied into a registry, it downloads the release.
get_filename_component(simdreduce_checkout "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
if(EXISTS "${simdreduce_checkout}/include/simdreduce/simdreduce.hpp")
    set(SOURCE_PATH "${simdreduce_checkout}")
else()
    vcpkg_from_github(
        OUT_SOURCE_PATH SOURCE_PATH
        REPO simdreduce/simdreduce
        REF "v${VERSION}"
        # The hash of the v${VERSION} archive, set when that tag is published. vcpkg prints
        # the actual hash when this one does not match.
        SHA512 0
        HEAD_REF main
    )
endif()

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DSIMDREDUCE_BUILD_TESTS=OFF
        -DSIMDREDUCE_BUILD_BENCHMARKS=OFF
        -DSIMDREDUCE_BUILD_EXAMPLES=OFF
        -DSIMDREDUCE_INSTALL=ON
        "-DSIMDREDUCE_INSTALL_CMAKEDIR=share/${PORT}"
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH "share/${PORT}")
vcpkg_fixup_pkgconfig()

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
