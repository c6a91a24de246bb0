# Finds xsimd (>= 8) and provides simdreduce::xsimd, an INTERFACE IMPORTED
# target that is always safe to link. Exported targets name this fixed target
# rather than whatever xsimd calls itself, so the installed config can rebuild
# it however xsimd turns up on the consumer's machine.
#
# Hints:   SIMDREDUCE_XSIMD_INCLUDE_DIR (dir holding xsimd/xsimd.hpp; wins when
#          set), xsimd_DIR (the usual find_package hint).
# Results: SIMDREDUCE_XSIMD_FOUND, SIMDREDUCE_XSIMD_VERSION,
#          SIMDREDUCE_XSIMD_HEADER_DIR (may be empty if only a target is known),
#          SIMDREDUCE_XSIMD_PACKAGE_TARGET (xsimd's own target when it is usable,
#          empty when simdreduce::xsimd just points at the headers),
#          SIMDREDUCE_XSIMD_ERROR (why it was not found).

function(_simdreduce_xsimd_header_dir out)
  foreach(dir IN LISTS ARGN)
    # A target from add_subdirectory(xsimd) lists its headers behind this genex.
    string(REGEX REPLACE "^\\$<BUILD_INTERFACE:(.*)>$" "\\1" dir "${dir}")
    if(NOT dir MATCHES "\\$<" AND EXISTS "${dir}/xsimd/xsimd.hpp")
      set(${out} "${dir}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out} "" PARENT_SCOPE)
endfunction()

# xsimd is header-only, so any plain link item that is not a target is a
# dangling name: Debian's 8.1 package links "xtl" without ever finding it,
# which reaches the linker as -lxtl.
function(_simdreduce_xsimd_links_ok target out)
  get_target_property(items ${target} INTERFACE_LINK_LIBRARIES)
  set(ok TRUE)
  foreach(item IN LISTS items)
    if(item AND NOT item MATCHES "^-|\\$<" AND NOT TARGET "${item}")
      set(ok FALSE)
    endif()
  endforeach()
  set(${out} ${ok} PARENT_SCOPE)
endfunction()

function(_simdreduce_find_xsimd)
  set(link "")
  set(header_dir "")
  if(SIMDREDUCE_XSIMD_INCLUDE_DIR)
    set(header_dir "${SIMDREDUCE_XSIMD_INCLUDE_DIR}")
    if(NOT EXISTS "${header_dir}/xsimd/xsimd.hpp")
      set(SIMDREDUCE_XSIMD_ERROR "SIMDREDUCE_XSIMD_INCLUDE_DIR=${header_dir} has no xsimd/xsimd.hpp" PARENT_SCOPE)
      return()
    endif()
  else()
    if(NOT TARGET xsimd::xsimd AND NOT TARGET xsimd)
      find_package(xsimd CONFIG QUIET)
    endif()
    foreach(candidate xsimd::xsimd xsimd)
      if(NOT TARGET ${candidate})
        continue()
      endif()
      get_target_property(dirs ${candidate} INTERFACE_INCLUDE_DIRECTORIES)
      _simdreduce_xsimd_header_dir(header_dir ${dirs})
      _simdreduce_xsimd_links_ok(${candidate} ok)
      if(NOT ok AND NOT TARGET xtl)
        # Only 8.x wants xtl; finding it lazily keeps newer xsimd free of it.
        find_package(xtl QUIET)
        _simdreduce_xsimd_links_ok(${candidate} ok)
      endif()
      if(ok)
        set(link ${candidate})
        break()
      endif()
    endforeach()
    if(NOT link AND NOT header_dir)
      find_path(SIMDREDUCE_XSIMD_FALLBACK_DIR xsimd/xsimd.hpp HINTS ${xsimd_INCLUDE_DIRS})
      mark_as_advanced(SIMDREDUCE_XSIMD_FALLBACK_DIR)
      set(header_dir "${SIMDREDUCE_XSIMD_FALLBACK_DIR}")
    endif()
  endif()

  set(version "${xsimd_VERSION}")
  if(header_dir)
    set(config_hpp "${header_dir}/xsimd/config/xsimd_config.hpp")
    set(version "")
    if(EXISTS "${config_hpp}")
      file(STRINGS "${config_hpp}" lines REGEX "^#define XSIMD_VERSION_(MAJOR|MINOR|PATCH) +[0-9]+")
      foreach(part MAJOR MINOR PATCH)
        if("${lines}" MATCHES "XSIMD_VERSION_${part} +([0-9]+)")
          list(APPEND version ${CMAKE_MATCH_1})
        endif()
      endforeach()
      list(JOIN version "." version)
    endif()
  elseif(NOT link)
    set(SIMDREDUCE_XSIMD_ERROR "xsimd (>= 8) not found; install it, or pass -Dxsimd_DIR=<dir with xsimdConfig.cmake> or -DSIMDREDUCE_XSIMD_INCLUDE_DIR=<dir containing xsimd/xsimd.hpp>" PARENT_SCOPE)
    return()
  endif()
  if(header_dir AND NOT version MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
    set(SIMDREDUCE_XSIMD_ERROR "cannot read the xsimd version from ${header_dir}/xsimd/config/xsimd_config.hpp; simdreduce needs xsimd >= 8" PARENT_SCOPE)
    return()
  endif()
  if(version AND version VERSION_LESS 8)
    set(SIMDREDUCE_XSIMD_ERROR "simdreduce needs xsimd >= 8, found ${version} (headers in ${header_dir})" PARENT_SCOPE)
    return()
  endif()

  add_library(simdreduce::xsimd INTERFACE IMPORTED)
  if(link)
    set_target_properties(simdreduce::xsimd PROPERTIES INTERFACE_LINK_LIBRARIES ${link})
  else()
    set_target_properties(simdreduce::xsimd PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${header_dir}")
  endif()
  set(SIMDREDUCE_XSIMD_FOUND TRUE PARENT_SCOPE)
  set(SIMDREDUCE_XSIMD_VERSION "${version}" PARENT_SCOPE)
  set(SIMDREDUCE_XSIMD_HEADER_DIR "${header_dir}" PARENT_SCOPE)
  set(SIMDREDUCE_XSIMD_PACKAGE_TARGET "${link}" PARENT_SCOPE)
endfunction()

set(SIMDREDUCE_XSIMD_FOUND FALSE)
set(SIMDREDUCE_XSIMD_ERROR "")
# A second find_package(simdreduce) in the same directory must not redefine it.
if(TARGET simdreduce::xsimd)
  set(SIMDREDUCE_XSIMD_FOUND TRUE)
else()
  _simdreduce_find_xsimd()
endif()
