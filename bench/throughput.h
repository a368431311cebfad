/* Throughput sweeps: every chosen kernel at every size and thread count,
 * timed by Google Benchmark (through gbench_shim), beside a plain copy (the
 * bandwidth roofline) and a probe of the parallelism the machine really
 * gives.  Records out; nothing here prints or writes report files. */
#ifndef ACTBENCH_THROUGHPUT_H
#define ACTBENCH_THROUGHPUT_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "actbench.h"
#include "gbench_shim.h"

/* Input distribution. */
typedef enum bench_dist_kind {
    DIST_UNIFORM, /* uniform in [a, b] (default [-10, 10]) */
    DIST_NORMAL,  /* normal, mean a, standard deviation b (default 0, 1) */
    DIST_WIDE     /* random sign, |x| log-uniform in [2^-16, 2^8]: saturation too */
} bench_dist_kind;

typedef struct bench_dist {
    bench_dist_kind kind;
    double a, b;
} bench_dist;

/* "uniform", "uniform:A:B", "normal", "normal:MEAN:SD", "wide"; 0 or -1. */
int bench_dist_parse(const char *s, bench_dist *d);
/* "uniform [-10, 10]", for reports. */
const char *bench_dist_describe(const bench_dist *d, char *buf, size_t size);
#define BENCH_DIST_DEFAULT ((bench_dist){DIST_UNIFORM, -10.0, 10.0})

/* Copy baselines, measured in the same run at every size and thread count. */
typedef enum bench_baseline {
    BASELINE_NONE = 0, /* a kernel */
    BASELINE_MEMCPY,   /* memcpy(y, x, 4n): glibc may use non-temporal stores */
    BASELINE_COPY_LOOP /* for (i) y[i] = x[i]: ordinary loads and stores, as kernels do */
} bench_baseline;
const char *bench_baseline_name(bench_baseline b);

typedef struct bench_config {
    const actbench_kernel *const *kernels; /* all must run on this CPU */
    size_t n_kernels;
    const size_t *sizes; /* elements per call */
    size_t n_sizes;
    const int *threads; /* thread counts, each >= 1 */
    size_t n_threads;
    bench_dist dist;
    uint64_t seed;
    size_t row_length; /* softmax / log_softmax rows (capped at n) */
    int echo;          /* also print GB's console table on stdout */
    /* Called as benchmarks finish: fraction done, seconds elapsed. */
    void (*progress)(void *ctx, double done, double elapsed_s);
    void *progress_ctx;
    /* Who times the registered benchmarks: NULL means GB in this process;
     * otherwise runner fills out with the runs of those ids (bench
     * --processes: child processes, each registering the same benchmarks in
     * the same order, so ids agree).  Returns 0 or -1. */
    int (*runner)(void *ctx, gbench_results *out);
    void *runner_ctx;
    /* When set, GB's runs are also written here (bench_runs_write) for the
     * parent process to read. */
    FILE *runs_out;
    size_t processes; /* how many processes the repetitions came from (for reports) */
} bench_config;

#define BENCH_DEFAULT_ROW_LENGTH 1024
#define BENCH_DEFAULT_SEED 20261129u

/* One (kernel or copy, size, threads) result.  Times are per call (one pass
 * over n elements), wall clock, over GB's repetitions. */
typedef struct bench_record {
    const actbench_kernel *kernel; /* NULL for a copy baseline */
    bench_baseline baseline;
    size_t n;
    int threads;
    size_t row_length;    /* row-wise kernels: the rows used; else 0 */
    int repetitions;      /* repetitions that produced a time */
    int64_t iterations;   /* calls per repetition (of the first) */
    double median_ns, min_ns, mean_ns;
    double cv;            /* standard deviation / mean of the repetitions */
    double ns_per_elem;   /* median_ns / n */
    double ns_per_elem_min;
    double elements_per_s; /* n / median */
    double gb_per_s;       /* 8n bytes (one read, one write) / median, 1e9 B */
    double x_copy;         /* median / copy loop's median at the same n and
                              threads; NAN when that copy was not measured */
    double speedup;        /* 1-thread median / this median; NAN if unknown */
    double parallel_efficiency; /* speedup / measured parallelism (threads) */
    int error;             /* GB reported an error, or no repetition ran */
} bench_record;

/* Measured parallelism: a fixed compute-bound loop on 1 and on T threads,
 * each thread doing the same work: T * t(1) / t(T).  Ideal: T. */
typedef struct bench_parallelism {
    int threads;
    double measured;
} bench_parallelism;

typedef struct bench_results {
    bench_record *records;
    size_t n_records;
    bench_parallelism *parallelism; /* one per configured thread count */
    size_t n_parallelism;
    gbench_machine machine;
    size_t benchmarks_registered;
    size_t benchmarks_run; /* after --benchmark_filter */
    double seconds;
} bench_results;

/* Runs the sweep.  GB's flags must already be set (gbench_init).  Returns
 * 0, or -1 when out of memory or GB could not register a benchmark. */
int bench_run(const bench_config *cfg, bench_results *out);
void bench_results_free(bench_results *r);

/* GB's runs (repetitions only, aggregates dropped) as text, one per line, and
 * back: how child processes of bench --processes hand their timings to the
 * parent.  read appends to out; both return 0, or -1 on an I/O error or a
 * malformed line (read) / out of memory. */
int bench_runs_write(FILE *f, const gbench_results *g);
int bench_runs_read(FILE *f, gbench_results *out);

/* Measured parallelism for T threads, NAN if T was not probed. */
double bench_parallelism_of(const bench_results *r, int threads);

/* T x t(1) / t(T) for a compute-bound loop with the same work per thread
 * (best of 5 each); used by bench_run, exposed for tests.  1 for T <= 1. */
double bench_measure_parallelism(int threads);

#endif
