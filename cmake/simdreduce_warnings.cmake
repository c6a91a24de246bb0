# Warnings for simdreduce's own tests, examples and benchmarks only: the
# library target is INTERFACE, so consumers keep whatever flags they choose.
function(simdreduce_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Wshadow)
    if(SIMDREDUCE_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
