// Must not compile: the manual recipe's list of paths names one that targets.def lacks.
#define SIMDREDUCE_DISPATCH_ENABLED 1
#define SIMDREDUCE_DISPATCH_PATHS "scalar,avx1024"
#include <simdreduce/simdreduce.hpp>

int main() { return 0; }
