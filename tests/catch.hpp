// Catch2 v3 when it is installed, v2's single header otherwise.
#ifndef SIMDREDUCE_TESTS_CATCH_HPP
#define SIMDREDUCE_TESTS_CATCH_HPP
#if defined(SIMDREDUCE_CATCH2_V3)
#include <catch2/catch_all.hpp>
#define SIMDREDUCE_CONTAINS(text) Catch::Matchers::ContainsSubstring(text)
#else
#include <catch2/catch.hpp>
#define SIMDREDUCE_CONTAINS(text) Catch::Contains(text)
#endif
#endif
