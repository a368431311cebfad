/* A C interface to Google Benchmark (bench/gbench_shim.cc, the only C++ in
 * actbench).  C code registers benchmarks, GB runs them with its own flags
 * (--benchmark_filter, --benchmark_repetitions, --benchmark_min_time,
 * --benchmark_out=FILE, ...) and every result comes back as C data.  GB's own
 * reporters keep working: --benchmark_out writes GB's JSON, readable by GB's
 * tools/compare.py. */
#ifndef ACTBENCH_GBENCH_SHIM_H
#define ACTBENCH_GBENCH_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Runs the measured work once (e.g. one kernel over its whole buffer). */
typedef void (*gbench_body)(void *arg);

typedef struct gbench_spec {
    const char *name;      /* GB's benchmark name; copied */
    gbench_body body;
    void *arg;             /* passed to body; must outlive gbench_run_all */
    size_t size;           /* elements per call, reported as counter "n" */
    int threads;           /* threads body uses inside (OpenMP); > 1 times
                              wall-clock (UseRealTime), as CPU time of the
                              calling thread would miss the others' work */
    double bytes_per_iter; /* for GB's bytes_per_second; 0 = none */
    double items_per_iter; /* for GB's items_per_second; 0 = none */
} gbench_spec;

/* One run as GB reported it: a repetition, or an aggregate GB computed. */
typedef struct gbench_run {
    int id;                 /* what gbench_register returned */
    int is_aggregate;       /* 0: a repetition */
    char aggregate[16];     /* "mean", "median", "stddev", "cv", ... */
    int aggregate_is_ratio; /* the aggregate is a fraction (cv), not a time */
    int64_t repetition;     /* index, -1 for aggregates */
    int64_t repetitions;    /* of this benchmark in all */
    int64_t iterations;
    double real_ns;         /* wall time per iteration, ns (ratio for cv) */
    double cpu_ns;          /* CPU time of the calling thread per iteration */
    int error;              /* GB reported an error; message below */
    char error_message[128];
} gbench_run;

/* What GB found out about the machine (its ReportContext). */
typedef struct gbench_machine {
    int num_cpus;
    double mhz;         /* GB's estimate of the cycle counter frequency */
    int cpu_scaling;    /* 1 enabled, 0 disabled, -1 unknown */
    size_t llc_bytes;   /* largest data/unified cache GB saw; 0 = unknown */
    int llc_sharing;    /* CPUs sharing it */
} gbench_machine;

typedef struct gbench_results {
    gbench_run *runs;
    size_t n_runs;
    gbench_machine machine;
    size_t matched; /* benchmarks GB ran (after --benchmark_filter) */
} gbench_results;

/* Progress: fraction of the registered benchmarks done, 0..1. */
typedef void (*gbench_progress)(void *ctx, double done);

/* Hands argv to GB's flag parser, which removes the --benchmark_* flags it
 * knows.  Returns the number left over besides argv[0] (unrecognised). */
int gbench_init(int *argc, char **argv);

/* Registers a benchmark; returns its id (0, 1, ...), or -1 on bad input. */
int gbench_register(const gbench_spec *s);
size_t gbench_registered(void);
/* Forgets every registered benchmark. */
void gbench_clear(void);

/* Runs every registered benchmark GB's flags select.  echo: also print GB's
 * usual console table on stdout.  progress may be NULL.  Returns 0, or -1
 * when out of memory (out is then empty). */
int gbench_run_all(gbench_results *out, int echo, gbench_progress progress, void *ctx);
void gbench_results_free(gbench_results *r);

/* The Google Benchmark version built against, e.g. "1.7.1". */
const char *gbench_version(void);

#ifdef __cplusplus
}
#endif

#endif
