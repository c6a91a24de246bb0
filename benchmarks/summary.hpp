// The console reporter that also prints, at the end, one compact table per kernel: GB/s of
// every path at every size, its speedup over the strict scalar loop, and its share of the
// read ceiling at its vector width, under the CPU's name.
#ifndef SIMDREDUCE_BENCHMARKS_SUMMARY_HPP
#define SIMDREDUCE_BENCHMARKS_SUMMARY_HPP

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bench {

// The CPU's marketing name, from /proc/cpuinfo ("unknown CPU" elsewhere).
std::string cpu_name();

class summary_reporter : public benchmark::ConsoleReporter {
public:
    // dispatch_path: the path dispatch runs here, whose read ceiling is the limit for rows
    // that have no vector width of their own (strict loop, scalar, dispatch, Eigen...).
    summary_reporter(std::string dispatch_path, bool color)
        : ConsoleReporter(color ? OO_Defaults : OO_Tabular), dispatch_path_(std::move(dispatch_path)) {}
    // The library's context, with Debian's "Library was built as DEBUG" warning replaced by
    // what it means: Debian 12 builds libbenchmark without NDEBUG; simdreduce's code here is
    // built in Release.
    bool ReportContext(const Context& context) override;
    void ReportRuns(const std::vector<Run>& runs) override;
    void Finalize() override;

private:
    // kernel -> path -> size label -> bytes per second (the median when repeated)
    std::map<std::string, std::map<std::string, std::map<std::string, double>>> results_;
    std::string dispatch_path_;
    bool saw_median_ = false;
};

}  // namespace bench

#endif
