#include "summary.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace bench {

namespace {

// The rows of each kernel's table: every target of targets.def (with its rows without the block
// tree and its masking variants), then dispatch and the yardsticks.
const std::vector<std::string> path_order = {
    "strict_loop",
#define SIMDREDUCE_TARGET(name, tag, family, flags, level) #name, #name "_unblocked", #name "_and_subtract", #name "_blend",
#include <simdreduce/targets/targets.def>
#undef SIMDREDUCE_TARGET
    "dispatch", "hand_avx2", "hand_avx2_and", "ops_avx2", "eigen", "fast_math_native"};

std::size_t size_bytes(const std::string& label) {
    const std::size_t number = std::stoul(label);
    if (label.find("MiB") != std::string::npos) return number << 20;
    if (label.find("KiB") != std::string::npos) return number << 10;
    return number;
}

}  // namespace

std::string cpu_name() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);) {
        for (const char* key : {"model name", "Model", "Hardware"}) {
            if (line.rfind(key, 0) == 0 && line.find(':') != std::string::npos) {
                return line.substr(line.find(':') + 2);
            }
        }
    }
    return "unknown CPU";
}

bool summary_reporter::ReportContext(const Context& context) {
    std::ostream& err = GetErrorStream();
    std::ostringstream captured;
    SetErrorStream(&captured);
    const bool ok = ConsoleReporter::ReportContext(context);
    SetErrorStream(&err);
    std::istringstream lines(captured.str());
    for (std::string line; std::getline(lines, line);) {
        if (line.find("Library was built as DEBUG") != std::string::npos) {
            err << "Timer library: Debian's libbenchmark, built without NDEBUG; the code measured here is built "
                   "in Release (-O3)\n";
        } else {
            err << line << '\n';
        }
    }
    return ok;
}

void summary_reporter::ReportRuns(const std::vector<Run>& runs) {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
        const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
        if (run.run_type == Run::RT_Aggregate && !median) continue;
        if (median && !saw_median_) {  // repetitions: keep medians only, from now on
            saw_median_ = true;
            results_.clear();
        }
        if (saw_median_ && !median) continue;
        const auto rate = run.counters.find("bytes_per_second");
        const std::string& name = run.run_name.function_name;
        const auto first = name.find('/'), second = name.rfind('/');
        if (rate == run.counters.end() || first == second) continue;
        results_[name.substr(0, first)][name.substr(second + 1)][name.substr(first + 1, second - first - 1)] =
            rate->second.value;
    }
}

void summary_reporter::Finalize() {
    ConsoleReporter::Finalize();
    std::FILE* out = stdout;
    std::fprintf(out, "\nSummary: GB/s read (10^9 bytes/s), speedup over the strict loop, share of the read ceiling%s\n",
                 saw_median_ ? " (medians)" : "");
    std::fprintf(out, "CPU: %s, %u logical CPUs\n", cpu_name().c_str(), std::thread::hardware_concurrency());
    std::fprintf(out, "Ceiling: each SIMD path against a read loop of its own vector width; hand_avx2 and ops_avx2\n"
                      "(simdreduce's AVX2 ops without loads: the rate its ports allow) against avx2;\n"
                      "the other rows against %s, the path dispatch runs here\n", dispatch_path_.c_str());
    const auto& ceilings = results_["read_ceiling"];
    const auto ceiling_for = [&](const std::string& path) -> const std::map<std::string, double>& {
        static const std::map<std::string, double> none;
        std::string width = path.rfind("hand_avx2", 0) == 0 || path == "ops_avx2" ? "avx2" : path;
        for (const char* suffix : {"_unblocked", "_and_subtract", "_blend"}) {  // a path's own variants
            const std::size_t at = width.find(suffix);
            if (at != std::string::npos && at + std::strlen(suffix) == width.size()) width.resize(at);
        }
        auto found = ceilings.find(width);
        if (found == ceilings.end()) found = ceilings.find(dispatch_path_);
        return found == ceilings.end() ? none : found->second;
    };
    for (auto& [kernel, paths] : results_) {
        if (kernel == "read_ceiling" || kernel.rfind("dispatch_overhead", 0) == 0) continue;
        std::vector<std::string> sizes;
        for (auto& [path, by_size] : paths) {
            for (auto& [size, rate] : by_size) {
                (void)rate;
                if (std::find(sizes.begin(), sizes.end(), size) == sizes.end()) sizes.push_back(size);
            }
        }
        std::sort(sizes.begin(), sizes.end(), [](const std::string& a, const std::string& b) { return size_bytes(a) < size_bytes(b); });
        // Rows on misaligned data ("sum_f32_at16") compare with the same path on aligned data
        // instead of the strict loop: the middle column is then that ratio.
        const auto at = kernel.find("_at");
        const bool misaligned = at != std::string::npos;
        std::fprintf(out, "\n%-22s", kernel.c_str());
        for (const auto& size : sizes) std::fprintf(out, "%22s", size.c_str());
        std::fprintf(out, misaligned ? "   (x: against the same path on 64-byte aligned data)\n" : "\n");
        const auto& aligned_paths = misaligned ? results_[kernel.substr(0, at)] : paths;
        for (const auto& path : path_order) {
            const auto found = paths.find(path);
            if (found == paths.end()) continue;
            const auto aligned = aligned_paths.find(misaligned ? path : std::string("strict_loop"));
            static const std::map<std::string, double> none;
            const auto& strict = aligned == aligned_paths.end() ? none : aligned->second;
            const auto& ceiling = ceiling_for(path);
            std::fprintf(out, "  %-20s", path.c_str());
            for (const auto& size : sizes) {
                const auto cell = found->second.find(size);
                if (cell == found->second.end()) {
                    std::fprintf(out, "%22s", "-");
                    continue;
                }
                const double gbs = cell->second / 1e9;
                const auto base = strict.find(size);
                const auto limit = ceiling.find(size);
                char speedup[16] = "", share[16] = "";
                if (base != strict.end()) {
                    std::snprintf(speedup, sizeof speedup, misaligned ? "%.2fx" : "%.1fx", cell->second / base->second);
                }
                if (limit != ceiling.end()) std::snprintf(share, sizeof share, "%.0f%%", 100 * cell->second / limit->second);
                std::fprintf(out, "  %7.1f %6s %5s", gbs, speedup, share);
            }
            std::fprintf(out, "\n");
        }
        for (const auto& path : path_order) {
            const auto ceiling = ceilings.find(path);
            if (ceiling == ceilings.end()) continue;
            std::fprintf(out, "  %-20s", ("ceiling " + path).c_str());
            for (const auto& size : sizes) {
                const auto limit = ceiling->second.find(size);
                if (limit == ceiling->second.end()) std::fprintf(out, "%22s", "-");
                else std::fprintf(out, "  %7.1f %12s", limit->second / 1e9, "");
            }
            std::fprintf(out, "\n");
        }
    }
    const auto overhead = results_.find("dispatch_overhead_f32x16");
    if (overhead != results_.end()) {
        std::fprintf(out, "\nDispatch, per call on 16 floats:");
        for (auto& [path, by_size] : overhead->second) {
            for (auto& [size, rate] : by_size) std::fprintf(out, "  %s %.1f ns", path.c_str(), 1e9 * double(size_bytes(size)) / rate);
        }
        std::fprintf(out, "\n");
    }
    std::fflush(out);
}

}  // namespace bench
