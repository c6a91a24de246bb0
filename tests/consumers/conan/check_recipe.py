#!/usr/bin/env python3
"""Runs the Conan 2 recipe (conanfile.py) with stand-ins for the conan modules it imports
(Conan itself is not installable here), then builds test_package against the result the
way a Conan consumer would see it.

- export: copies exports_sources into a fresh folder, so a file the recipe forgets to
  export breaks the build;
- generate, build, package: the recipe's own methods; the stand-in CMake runs the real cmake
  with the recipe's cache variables;
- package_info: its version must be the packaged headers', its build module must exist,
  and the package must not ship CMake config or .pc files of its own (Conan Center's policy);
- then writes the config file that CMakeDeps would write from package_info (an imported
  target plus the build modules) and builds and runs test_package against it.

usage: check_recipe.py <repository> <work-dir>
"""
import fnmatch
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import types


def stub_conan(recorded):
    """Registers minimal conan, conan.tools.{cmake,files,build} modules in sys.modules."""
    conan = types.ModuleType("conan")

    class ConanFile:
        pass

    conan.ConanFile = ConanFile
    tools = types.ModuleType("conan.tools")
    cmake = types.ModuleType("conan.tools.cmake")
    files = types.ModuleType("conan.tools.files")
    build = types.ModuleType("conan.tools.build")

    class CMakeToolchain:
        def __init__(self, conanfile):
            self.cache_variables = {}

        def generate(self):
            recorded["cache_variables"] = dict(self.cache_variables)

    class CMakeDeps:
        def __init__(self, conanfile):
            pass

        def generate(self):
            recorded["cmakedeps"] = True

    class CMake:
        def __init__(self, conanfile):
            self.conanfile = conanfile

        def configure(self):
            defines = [f"-D{k}={'ON' if v is True else 'OFF' if v is False else v}"
                       for k, v in recorded["cache_variables"].items()]
            subprocess.run(["cmake", "-S", self.conanfile.source_folder, "-B", self.conanfile.build_folder,
                            "-DCMAKE_BUILD_TYPE=Release", *defines], check=True, stdout=subprocess.DEVNULL)

        def install(self):
            subprocess.run(["cmake", "--install", self.conanfile.build_folder, "--prefix",
                            self.conanfile.package_folder], check=True, stdout=subprocess.DEVNULL)

    def copy(conanfile, pattern, src, dst):
        for name in fnmatch.filter(os.listdir(src), pattern):
            os.makedirs(dst, exist_ok=True)
            shutil.copy2(os.path.join(src, name), dst)

    def load(conanfile, path):
        with open(path) as f:
            return f.read()

    def rm(conanfile, pattern, folder):
        for name in fnmatch.filter(os.listdir(folder), pattern):
            os.remove(os.path.join(folder, name))

    def rmdir(conanfile, path):
        shutil.rmtree(path, ignore_errors=True)

    cmake.CMake, cmake.CMakeToolchain, cmake.CMakeDeps = CMake, CMakeToolchain, CMakeDeps
    cmake.cmake_layout = lambda conanfile, **kwargs: None
    files.copy, files.load, files.rm, files.rmdir = copy, load, rm, rmdir
    build.can_run = lambda conanfile: True
    for name, module in {"conan": conan, "conan.tools": tools, "conan.tools.cmake": cmake,
                         "conan.tools.files": files, "conan.tools.build": build}.items():
        sys.modules[name] = module


class CppInfo:
    def __init__(self):
        self.properties, self.requires, self.builddirs = {}, [], []

    def set_property(self, name, value):
        self.properties[name] = value


def export(repository, patterns, destination):
    """Copies what exports_sources names, as `conan export` would."""
    for root, dirs, files in os.walk(repository):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not d.startswith("build")]
        for name in files:
            relative = os.path.relpath(os.path.join(root, name), repository)
            if any(fnmatch.fnmatch(relative, pattern) for pattern in patterns):
                os.makedirs(os.path.join(destination, os.path.dirname(relative)), exist_ok=True)
                shutil.copy2(os.path.join(root, name), os.path.join(destination, relative))


def check(condition, message):
    if not condition:
        sys.exit(f"FAIL: {message}")


def main(repository, work):
    shutil.rmtree(work, ignore_errors=True)
    recorded = {}
    stub_conan(recorded)
    spec = importlib.util.spec_from_file_location("conanfile", os.path.join(repository, "conanfile.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    recipe_class = next(v for v in vars(module).values() if isinstance(v, type) and hasattr(v, "package_info"))
    recipe = recipe_class()
    recipe.recipe_folder = repository
    recipe.source_folder = os.path.join(work, "export")
    recipe.build_folder = os.path.join(work, "build")
    recipe.package_folder = os.path.join(work, "package")
    check(recipe.package_type == "header-library", "package_type is not header-library")

    recipe.set_version()
    requires = []
    recipe.requires = lambda reference, **kwargs: requires.append(reference)
    recipe.requirements()
    check(any(r.startswith("xsimd/") for r in requires), f"the recipe does not require xsimd: {requires}")
    cleared = []
    recipe.info = types.SimpleNamespace(clear=lambda: cleared.append(True))
    recipe.package_id()
    check(cleared, "package_id does not clear the package id")

    export(repository, recipe.exports_sources, recipe.source_folder)
    recipe.layout()
    recipe.generate()
    recipe.build()
    recipe.package()
    package = recipe.package_folder
    check(os.path.isfile(os.path.join(package, "licenses", "LICENSE")), "no licenses/LICENSE in the package")

    recipe.cpp_info = CppInfo()
    recipe.package_info()
    info = recipe.cpp_info
    config_dir = os.path.join(package, info.builddirs[0])
    file_name, target = info.properties["cmake_file_name"], info.properties["cmake_target_name"]
    with open(os.path.join(package, "include", "simdreduce", "version.hpp")) as f:
        header = f.read()
    packaged_version = ".".join(re.search(rf"#define SIMDREDUCE_VERSION_{part} +(\d+)", header).group(1)
                                for part in ("MAJOR", "MINOR", "PATCH"))
    check(packaged_version == recipe.version, f"recipe version {recipe.version}, packaged headers {packaged_version}")
    # Conan Center: no package files of the project's own beside those CMakeDeps generates.
    leftovers = [n for n in os.listdir(config_dir)
                 if fnmatch.fnmatch(n, f"{file_name}Config*.cmake") or fnmatch.fnmatch(n, f"{file_name}Targets*.cmake")]
    check(not leftovers, f"the package ships its own CMake package files: {leftovers}")
    check(not os.path.exists(os.path.join(package, "share", "pkgconfig")), "the package ships a .pc file")
    modules = [os.path.join(package, m) for m in info.properties["cmake_build_modules"]]
    check(all(os.path.isfile(m) for m in modules), f"missing build modules: {modules}")

    # What CMakeDeps generates from package_info, in brief: the target, then the build modules.
    deps = os.path.join(work, "cmakedeps")
    os.makedirs(deps)
    with open(os.path.join(deps, f"{file_name.lower()}-config.cmake"), "w") as f:
        f.write(f'add_library({target} INTERFACE IMPORTED)\n'
                f'set_target_properties({target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "{package}/include"\n'
                f'                      INTERFACE_COMPILE_FEATURES cxx_std_17)\n')
        f.writelines(f'include("{m}")\n' for m in modules)
    test_build = os.path.join(work, "test_package")
    subprocess.run(["cmake", "-S", os.path.join(repository, "test_package"), "-B", test_build,
                    "-DCMAKE_BUILD_TYPE=Release", f"-D{file_name}_DIR={deps}"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", test_build, "-j", str(os.cpu_count() or 2)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([os.path.join(test_build, "test_package")], check=True)
    print(f"conan recipe {recipe.name} {recipe.version}: packaged without CMake or .pc files of its own, "
          f"test_package built through a CMakeDeps-style config and passed")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
