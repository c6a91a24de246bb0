# Runs ports/simdreduce/portfile.cmake with stand-ins for the vcpkg helpers it calls (vcpkg
# itself is not installable here), doing what vcpkg does with the files and checking what
# vcpkg checks: unknown options, a missing config directory or pkg-config file, absolute
# paths left in the package, and files a header-only port must not install.
#   cmake -DPORT_DIR=ports/simdreduce -DOUT=<dir> -P run_port.cmake
# The package lands in <dir>/packages, ready for CMAKE_PREFIX_PATH.
cmake_minimum_required(VERSION 3.19)  # string(JSON)
file(READ "${PORT_DIR}/vcpkg.json" manifest)
string(JSON PORT GET "${manifest}" name)
string(JSON VERSION GET "${manifest}" version)
set(CURRENT_PACKAGES_DIR "${OUT}/packages")
set(CURRENT_BUILDTREES_DIR "${OUT}/buildtrees")
set(TARGET_TRIPLET x64-linux)
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}" "${CURRENT_BUILDTREES_DIR}")

function(vcpkg_from_github)
  message(FATAL_ERROR "stand-in: the port inside a checkout must build that checkout, not download")
endfunction()

function(vcpkg_cmake_configure)
  cmake_parse_arguments(arg "" "SOURCE_PATH" "OPTIONS;OPTIONS_RELEASE" ${ARGN})
  set(build "${CURRENT_BUILDTREES_DIR}/${TARGET_TRIPLET}-rel")
  set(VCPKG_STANDIN_BUILD "${build}" PARENT_SCOPE)
  if(NOT VCPKG_BUILD_TYPE STREQUAL "release")
    message(FATAL_ERROR "stand-in: a header-only port sets VCPKG_BUILD_TYPE release")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${arg_SOURCE_PATH}" -B "${build}"
                          -DCMAKE_BUILD_TYPE=Release "-DCMAKE_INSTALL_PREFIX=${CURRENT_PACKAGES_DIR}"
                          ${arg_OPTIONS} ${arg_OPTIONS_RELEASE}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT status EQUAL 0 OR out MATCHES "Manually-specified variables were not used")
    message(FATAL_ERROR "vcpkg_cmake_configure failed or passed unknown options:\n${out}")
  endif()
endfunction()

function(vcpkg_cmake_install)
  execute_process(COMMAND "${CMAKE_COMMAND}" --install "${VCPKG_STANDIN_BUILD}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "vcpkg_cmake_install failed")
  endif()
endfunction()

# vcpkg moves CONFIG_PATH to share/<package> and rejects packages with absolute paths.
function(vcpkg_cmake_config_fixup)
  cmake_parse_arguments(arg "" "CONFIG_PATH;PACKAGE_NAME" "" ${ARGN})
  if(NOT arg_PACKAGE_NAME)
    set(arg_PACKAGE_NAME "${PORT}")
  endif()
  set(from "${CURRENT_PACKAGES_DIR}/${arg_CONFIG_PATH}")
  set(to "${CURRENT_PACKAGES_DIR}/share/${arg_PACKAGE_NAME}")
  if(NOT EXISTS "${from}/${arg_PACKAGE_NAME}Config.cmake")
    message(FATAL_ERROR "vcpkg_cmake_config_fixup: no ${arg_PACKAGE_NAME}Config.cmake in ${arg_CONFIG_PATH}")
  endif()
  if(NOT from STREQUAL to)
    file(RENAME "${from}" "${to}")
  endif()
  file(GLOB files "${to}/*")
  foreach(file IN LISTS files)
    file(READ "${file}" text)
    string(FIND "${text}" "${CURRENT_PACKAGES_DIR}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "vcpkg_cmake_config_fixup: ${file} holds the absolute path ${CURRENT_PACKAGES_DIR}")
    endif()
  endforeach()
endfunction()

function(vcpkg_fixup_pkgconfig)
  file(GLOB pc_files "${CURRENT_PACKAGES_DIR}/lib/pkgconfig/*.pc" "${CURRENT_PACKAGES_DIR}/share/pkgconfig/*.pc")
  if(NOT pc_files)
    message(FATAL_ERROR "vcpkg_fixup_pkgconfig: no .pc file installed")
  endif()
  foreach(file IN LISTS pc_files)
    file(STRINGS "${file}" prefix REGEX "^prefix=")
    if(NOT prefix MATCHES "^prefix=\\$\\{pcfiledir\\}")
      message(FATAL_ERROR "vcpkg_fixup_pkgconfig: ${file} has ${prefix}, not a prefix relative to \${pcfiledir}")
    endif()
  endforeach()
endfunction()

function(vcpkg_install_copyright)
  cmake_parse_arguments(arg "" "" "FILE_LIST" ${ARGN})
  set(text "")
  foreach(file IN LISTS arg_FILE_LIST)
    file(READ "${file}" part)
    string(APPEND text "${part}")
  endforeach()
  file(WRITE "${CURRENT_PACKAGES_DIR}/share/${PORT}/copyright" "${text}")
endfunction()

include("${PORT_DIR}/portfile.cmake")

# vcpkg's post-build checks for a header-only port, and what the usage file promises.
foreach(forbidden lib bin debug)
  if(EXISTS "${CURRENT_PACKAGES_DIR}/${forbidden}")
    message(FATAL_ERROR "a header-only port installed ${forbidden}/")
  endif()
endforeach()
foreach(required include/simdreduce/simdreduce.hpp share/${PORT}/copyright share/${PORT}/usage
                 share/${PORT}/simdreduce_dispatch.cmake share/${PORT}/simdreduce_dispatch_arch.cpp)
  if(NOT EXISTS "${CURRENT_PACKAGES_DIR}/${required}")
    message(FATAL_ERROR "the package lacks ${required}")
  endif()
endforeach()
message(STATUS "vcpkg port ${PORT} ${VERSION}: package in ${CURRENT_PACKAGES_DIR}")
