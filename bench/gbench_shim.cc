// The C shim over Google Benchmark: registration, running and result capture.
// GB does the timing, iteration-count choice, repetitions, flags and its file
// reporter (--benchmark_out); a capturing display reporter hands every run
// back to C, forwarding to GB's console reporter only when asked.
#include "gbench_shim.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#ifndef ACTBENCH_GBENCH_VERSION
#define ACTBENCH_GBENCH_VERSION "unknown"
#endif

namespace {

std::vector<std::string> registered_names;      // by id
std::unordered_map<std::string, int> id_by_name; // GB's function_name -> id

double ns_per_unit(benchmark::TimeUnit u)
{
    switch (u) {
    case benchmark::kSecond: return 1e9;
    case benchmark::kMillisecond: return 1e6;
    case benchmark::kMicrosecond: return 1e3;
    case benchmark::kNanosecond: return 1.0;
    }
    return 1.0;
}

class CaptureReporter : public benchmark::BenchmarkReporter {
  public:
    CaptureReporter(bool echo, gbench_progress progress, void *ctx)
        : progress_(progress), ctx_(ctx)
    {
        if (echo)
            display_.reset(benchmark::CreateDefaultDisplayReporter());
    }

    bool ReportContext(const Context &c) override
    {
        gbench_machine &m = machine;
        m.num_cpus = c.cpu_info.num_cpus;
        m.mhz = c.cpu_info.cycles_per_second / 1e6;
        m.cpu_scaling = c.cpu_info.scaling == benchmark::CPUInfo::ENABLED    ? 1
                        : c.cpu_info.scaling == benchmark::CPUInfo::DISABLED ? 0
                                                                             : -1;
        for (const auto &cache : c.cpu_info.caches)
            if (cache.type != "Instruction" && (size_t)cache.size > m.llc_bytes) {
                m.llc_bytes = (size_t)cache.size;
                m.llc_sharing = cache.num_sharing;
            }
        return display_ ? display_->ReportContext(c) : true;
    }

    void ReportRuns(const std::vector<Run> &report) override
    {
        for (const Run &r : report) {
            gbench_run out{};
            auto it = id_by_name.find(r.run_name.function_name);
            out.id = it == id_by_name.end() ? -1 : it->second;
            out.is_aggregate = r.run_type == Run::RT_Aggregate;
            out.repetition = out.is_aggregate ? -1 : r.repetition_index;
            out.repetitions = r.repetitions;
            out.iterations = r.iterations;
            out.error = r.error_occurred;
            std::snprintf(out.error_message, sizeof out.error_message, "%s", r.error_message.c_str());
            if (out.is_aggregate) {
                std::snprintf(out.aggregate, sizeof out.aggregate, "%s", r.aggregate_name.c_str());
                out.aggregate_is_ratio = r.aggregate_unit == benchmark::kPercentage;
                double scale = out.aggregate_is_ratio ? 1.0 : ns_per_unit(r.time_unit);
                out.real_ns = r.GetAdjustedRealTime() * scale;
                out.cpu_ns = r.GetAdjustedCPUTime() * scale;
            } else if (r.iterations > 0) {
                out.real_ns = r.real_accumulated_time * 1e9 / (double)r.iterations;
                out.cpu_ns = r.cpu_accumulated_time * 1e9 / (double)r.iterations;
                if (r.repetitions > 0)
                    done_ += 1.0 / (double)r.repetitions;
                if (r.repetition_index == 0)
                    matched++;
            }
            runs.push_back(out);
        }
        if (progress_ && !registered_names.empty())
            progress_(ctx_, done_ / (double)registered_names.size());
        if (display_)
            display_->ReportRuns(report);
    }

    void Finalize() override
    {
        if (display_)
            display_->Finalize();
    }

    std::vector<gbench_run> runs;
    gbench_machine machine{};
    size_t matched = 0;

  private:
    std::unique_ptr<benchmark::BenchmarkReporter> display_;
    gbench_progress progress_;
    void *ctx_;
    double done_ = 0;
};

} // namespace

extern "C" {

int gbench_init(int *argc, char **argv)
{
    benchmark::Initialize(argc, argv);
    return *argc - 1;
}

int gbench_register(const gbench_spec *s)
{
    if (!s || !s->name || !*s->name || !s->body || id_by_name.count(s->name))
        return -1;
    const gbench_spec spec = *s;
    const int id = (int)registered_names.size();
    benchmark::internal::Benchmark *b = benchmark::RegisterBenchmark(
        s->name, [spec](benchmark::State &state) {
            for (auto _ : state)
                spec.body(spec.arg);
            const double iters = (double)state.iterations();
            if (spec.bytes_per_iter > 0)
                state.SetBytesProcessed((int64_t)(spec.bytes_per_iter * iters));
            if (spec.items_per_iter > 0)
                state.SetItemsProcessed((int64_t)(spec.items_per_iter * iters));
            state.counters["n"] = (double)spec.size;
            state.counters["omp_threads"] = spec.threads;
        });
    b->Unit(benchmark::kNanosecond);
    if (spec.threads > 1)
        b->UseRealTime();
    registered_names.emplace_back(s->name);
    id_by_name[s->name] = id;
    return id;
}

size_t gbench_registered(void) { return registered_names.size(); }

void gbench_clear(void)
{
    benchmark::ClearRegisteredBenchmarks();
    registered_names.clear();
    id_by_name.clear();
}

int gbench_run_all(gbench_results *out, int echo, gbench_progress progress, void *ctx)
{
    *out = gbench_results{};
    try {
        CaptureReporter capture(echo != 0, progress, ctx);
        benchmark::RunSpecifiedBenchmarks(&capture);
        out->runs = static_cast<gbench_run *>(std::malloc(sizeof(gbench_run) * (capture.runs.size() + 1)));
        if (!out->runs)
            return -1;
        if (!capture.runs.empty()) // data() may be null when empty: memcpy must not see it
            std::memcpy(out->runs, capture.runs.data(), sizeof(gbench_run) * capture.runs.size());
        out->n_runs = capture.runs.size();
        out->machine = capture.machine;
        out->matched = capture.matched;
        return 0;
    } catch (const std::bad_alloc &) {
        return -1;
    }
}

void gbench_results_free(gbench_results *r)
{
    std::free(r->runs);
    *r = gbench_results{};
}

const char *gbench_version(void) { return ACTBENCH_GBENCH_VERSION; }

} // extern "C"
