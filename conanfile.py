"""Conan 2 recipe for simdreduce: header-only, with the CMake helper for runtime dispatch.

    conan create . --build=missing

CMakeDeps consumers get the target simdreduce::simdreduce from find_package(simdreduce), as
with simdreduce's own CMake package, and simdreduce_enable_dispatch() through the build
module below.
"""
import os
import re

from conan import ConanFile
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rm, rmdir

required_conan_version = ">=2.0"


class SimdreduceConan(ConanFile):
    name = "simdreduce"
    description = "Header-only C++17 SIMD reductions on xsimd, bit-identical on every instruction set"
    license = "BSD-3-Clause"
    url = "https://github.com/simdreduce/simdreduce"
    homepage = "https://github.com/simdreduce/simdreduce"
    topics = ("simd", "xsimd", "reduction", "sum", "header-only", "runtime-dispatch")
    package_type = "header-library"
    # CMake needs a compiler to configure and install; the package id drops them all.
    settings = "os", "arch", "compiler", "build_type"
    exports_sources = "CMakeLists.txt", "LICENSE", "include/*", "cmake/*"
    no_copy_source = True

    # Where simdreduce's CMake files land, relative to the package folder.
    cmake_dir = os.path.join("share", "cmake", "simdreduce")

    def set_version(self):
        header = load(self, os.path.join(self.recipe_folder, "include", "simdreduce", "version.hpp"))
        parts = [re.search(rf"#define SIMDREDUCE_VERSION_{part} +(\d+)", header).group(1)
                 for part in ("MAJOR", "MINOR", "PATCH")]
        self.version = ".".join(parts)

    def layout(self):
        cmake_layout(self, src_folder=".")

    def requirements(self):
        # Tested with xsimd 8.1, 13.2 and 14.3; Conan Center carries 13.x.
        self.requires("xsimd/13.2.0", transitive_headers=True)

    def package_id(self):
        self.info.clear()

    def generate(self):
        toolchain = CMakeToolchain(self)
        for option in ("TESTS", "BENCHMARKS", "EXAMPLES"):
            toolchain.cache_variables[f"SIMDREDUCE_BUILD_{option}"] = False
        toolchain.cache_variables["SIMDREDUCE_INSTALL"] = True
        toolchain.generate()
        CMakeDeps(self).generate()

    def build(self):
        CMake(self).configure()

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        CMake(self).install()
        # Conan Center's policy: CMakeDeps and PkgConfigDeps write their own package files,
        # so the installed ones go; the dispatch helper stays, as the build module below.
        rm(self, "simdreduceConfig*.cmake", os.path.join(self.package_folder, self.cmake_dir))
        rm(self, "simdreduceTargets*.cmake", os.path.join(self.package_folder, self.cmake_dir))
        rmdir(self, os.path.join(self.package_folder, "share", "pkgconfig"))

    def package_info(self):
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.set_property("cmake_file_name", "simdreduce")
        self.cpp_info.set_property("cmake_target_name", "simdreduce::simdreduce")
        self.cpp_info.set_property("pkg_config_name", "simdreduce")
        # simdreduce_enable_dispatch(), which finds simdreduce_dispatch_arch.cpp next to itself.
        self.cpp_info.builddirs = [self.cmake_dir]
        self.cpp_info.set_property("cmake_build_modules", [os.path.join(self.cmake_dir, "simdreduce_dispatch.cmake")])
        self.cpp_info.requires = ["xsimd::xsimd"]
