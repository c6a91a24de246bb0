# simdreduce_enable_dispatch(<target>
#     [KERNELS_HEADER <header>]   a header defining your functors and a kernel_list type
#     [KERNELS <type>]            that kernel_list, e.g. my_project::dispatched_kernels
#     [LINK_ORDER ascending|descending]    descending exists to test that order is harmless
#     [PATHS name...]             only these rows of targets.def (default: every one this
#                                 compiler builds for this processor; scalar is always kept)
#     [OBJECTS_OF <other-target>])  link the per-architecture objects already compiled for
#                                 <other-target> (same kernels, same paths) instead of
#                                 compiling them again: each costs 3-13 s of compile time
#
# Adds to <target> one object per architecture the compiler can target (scalar, SSE2,
# SSE4.2, AVX2+FMA, AVX-512BW on x86-64; scalar and NEON on aarch64), each compiled from
# simdreduce_dispatch_arch.cpp with that architecture's flags, and defines the macros that
# tell <simdreduce/dispatch.hpp> which paths exist: SIMDREDUCE_DISPATCH_PATHS, their names,
# and SIMDREDUCE_DISPATCH_ENABLED, their mask. Code that calls simdreduce::dispatch
# keeps the target's own (baseline) flags.
#
# The per-architecture objects are built without LTO, with -O3 in Release and -O2 in every
# other build type, whatever the flags say: at -O0, or when LTO merges them, the linker may keep one
# architecture's copy of an inline function for all of them, and an SSE2 CPU then dies of
# SIGILL on a VEX instruction. Release keeps -O3 so that dispatch runs the code a direct call
# would: at -O2 the dispatched filter_map_sum ran 13% slower than the direct -O3 one on
# 4 KiB (AVX-512), and 2% slower at -O3.
include_guard(GLOBAL)
include(CheckCXXCompilerFlag)

# A global property, not a variable: functions are global, but a variable set here would be
# invisible to a parent project that reached this file through add_subdirectory.
set_property(GLOBAL PROPERTY SIMDREDUCE_DISPATCH_SOURCE "${CMAKE_CURRENT_LIST_DIR}/simdreduce_dispatch_arch.cpp")

# The one list of targets, include/simdreduce/targets/targets.def: in the source tree, or the
# copy installed (and exported to the build tree) next to this file.
if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/../include/simdreduce/targets/targets.def")
  set_property(GLOBAL PROPERTY SIMDREDUCE_TARGETS_FILE "${CMAKE_CURRENT_LIST_DIR}/../include/simdreduce/targets/targets.def")
else()
  set_property(GLOBAL PROPERTY SIMDREDUCE_TARGETS_FILE "${CMAKE_CURRENT_LIST_DIR}/simdreduce_targets.def")
endif()

# simdreduce_architectures(<out-var>): the rows of targets.def that this processor family has
# and this compiler can build, narrowest first, each as "name|xsimd tag|flag,flag,...".
function(simdreduce_architectures out_var)
  get_property(targets_file GLOBAL PROPERTY SIMDREDUCE_TARGETS_FILE)
  file(STRINGS "${targets_file}" rows REGEX "^SIMDREDUCE_TARGET\\(")
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
    set(family x86_64)
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
    set(family aarch64)
  else()
    set(family none)
  endif()
  set(paths "")
  foreach(row IN LISTS rows)
    if(NOT row MATCHES "^SIMDREDUCE_TARGET\\(([a-z0-9_]+), ([a-z0-9_:]+), ([a-z0-9_]+), \"([^\"]*)\", ([0-9])\\)")
      message(FATAL_ERROR "simdreduce: cannot read this row of ${targets_file}: ${row}")
    endif()
    set(name "${CMAKE_MATCH_1}")
    set(tag "${CMAKE_MATCH_2}")
    set(row_family "${CMAKE_MATCH_3}")
    set(flags "${CMAKE_MATCH_4}")
    if(NOT row_family STREQUAL "any" AND NOT row_family STREQUAL family)
      continue()
    endif()
    if(flags)
      check_cxx_compiler_flag("${flags}" simdreduce_compiler_has_${name})
      if(NOT simdreduce_compiler_has_${name})
        continue()
      endif()
    endif()
    string(REPLACE " " "," flags "${flags}")
    list(APPEND paths "${name}|${tag}|${flags}")
  endforeach()
  set(${out_var} "${paths}" PARENT_SCOPE)
endfunction()

# simdreduce_split_architecture(<entry> <name-var> <tag-var> <flags-var>): one entry's fields.
macro(simdreduce_split_architecture entry name_var tag_var flags_var)
  string(REPLACE "|" ";" _simdreduce_fields "${entry}")
  list(GET _simdreduce_fields 0 ${name_var})
  list(GET _simdreduce_fields 1 ${tag_var})
  list(GET _simdreduce_fields 2 ${flags_var})
  string(REPLACE "," ";" ${flags_var} "${${flags_var}}")
endmacro()

function(simdreduce_enable_dispatch target)
  cmake_parse_arguments(arg "" "KERNELS_HEADER;KERNELS;LINK_ORDER;OBJECTS_OF" "PATHS" ${ARGN})
  if(arg_OBJECTS_OF AND (arg_KERNELS_HEADER OR arg_KERNELS))
    message(FATAL_ERROR "simdreduce_enable_dispatch(${target}): OBJECTS_OF takes the kernels of "
                        "${arg_OBJECTS_OF}; KERNELS_HEADER and KERNELS cannot change them")
  endif()
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "simdreduce_enable_dispatch supports GCC and Clang; see the README's manual recipe")
  endif()
  get_property(source GLOBAL PROPERTY SIMDREDUCE_DISPATCH_SOURCE)
  simdreduce_architectures(paths)
  if(arg_LINK_ORDER STREQUAL "descending")
    list(REVERSE paths)
  endif()

  set(compiled "")
  foreach(entry IN LISTS paths)
    simdreduce_split_architecture("${entry}" path tag flags)
    if(arg_PATHS AND NOT path IN_LIST arg_PATHS AND NOT path STREQUAL "scalar")
      continue()
    endif()
    if(arg_OBJECTS_OF)
      set(objects ${arg_OBJECTS_OF}_simdreduce_${path})
      if(NOT TARGET ${objects})
        message(FATAL_ERROR "simdreduce_enable_dispatch(${target}): ${arg_OBJECTS_OF} has no ${path} "
                            "objects; enable dispatch on it first, with the same PATHS")
      endif()
      target_sources(${target} PRIVATE $<TARGET_OBJECTS:${objects}>)
      list(APPEND compiled "${path}")
      continue()
    endif()
    set(objects ${target}_simdreduce_${path})
    add_library(${objects} OBJECT "${source}")
    target_link_libraries(${objects} PRIVATE simdreduce::simdreduce)
    target_include_directories(${objects} PRIVATE $<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>)
    target_compile_definitions(${objects} PRIVATE SIMDREDUCE_DISPATCH_ARCH=${tag})
    if(arg_KERNELS_HEADER)
      get_filename_component(header "${arg_KERNELS_HEADER}" ABSOLUTE)
      target_compile_definitions(${objects} PRIVATE SIMDREDUCE_DISPATCH_KERNELS_HEADER="${header}")
    endif()
    if(arg_KERNELS)
      target_compile_definitions(${objects} PRIVATE SIMDREDUCE_DISPATCH_KERNELS=${arg_KERNELS})
    endif()
    target_compile_options(${objects} PRIVATE ${flags} $<IF:$<CONFIG:Release>,-O3,-O2> -fno-lto)
    set_target_properties(${objects} PROPERTIES INTERPROCEDURAL_OPTIMIZATION OFF
                                                POSITION_INDEPENDENT_CODE ON)
    target_sources(${target} PRIVATE $<TARGET_OBJECTS:${objects}>)
    list(APPEND compiled "${path}")
  endforeach()
  # One bit per row of targets.def: the name of the configuration's inline namespace
  # (targets/choice.hpp), so that two targets of one program built with different paths
  # never share a definition.
  get_property(targets_file GLOBAL PROPERTY SIMDREDUCE_TARGETS_FILE)
  file(STRINGS "${targets_file}" rows REGEX "^SIMDREDUCE_TARGET\\(")
  set(mask 0)
  set(bit 1)
  foreach(row IN LISTS rows)
    string(REGEX REPLACE "^SIMDREDUCE_TARGET\\(([a-z0-9_]+),.*" "\\1" name "${row}")
    if(name IN_LIST compiled)
      math(EXPR mask "${mask} | ${bit}")
    endif()
    math(EXPR bit "${bit} << 1")
  endforeach()
  list(JOIN compiled "," compiled)
  target_compile_definitions(${target} PUBLIC SIMDREDUCE_DISPATCH_ENABLED=${mask} "SIMDREDUCE_DISPATCH_PATHS=\"${compiled}\"")
  target_link_libraries(${target} PUBLIC simdreduce::simdreduce)
endfunction()
