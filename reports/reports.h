/* Report writers: records in, files out.  Every file is written to a
 * temporary name and renamed into place only when complete, so a failed or
 * interrupted run never destroys an earlier report. */
#ifndef ACTBENCH_REPORTS_H
#define ACTBENCH_REPORTS_H

#include <stdio.h>

#include "accuracy.h"

/* What a number was measured on: carried by every report. */
typedef struct run_context {
    char cpu_model[128];
    char cpu_flags[256]; /* the SIMD-relevant subset of /proc/cpuinfo flags */
    char max_isa[16];    /* the best ISA this run used (after ACTBENCH_MAX_ISA) */
    char compiler[64];
    char c_flags[256];
    char build_type[32];
    char mpfr_version[32];
    char date[32];       /* UTC, ISO 8601 */
    char git_commit[48];
    char version[16];
    int threads;         /* OpenMP threads available to the run */
    /* throughput (bench): what else a timing depends on */
    char load_average[32]; /* /proc/loadavg: 1, 5 and 15 minutes */
    char governor[64];     /* cpu0's cpufreq scaling governor, or "unknown (VM)" */
} run_context;

void run_context_collect(run_context *c);
/* A Markdown table of the context. */
void run_context_write_markdown(FILE *f, const run_context *c);

/* An output file being written: dir/name appears only on output_commit. */
typedef struct output_file {
    FILE *f;
    char tmp_path[4096];
    char final_path[4096];
} output_file;

/* Creates dir (and parents) if needed and opens a temporary file beside
 * dir/name.  Returns 0, or -1 with errno set. */
int output_open(output_file *o, const char *dir, const char *name);
/* Flushes, closes and renames into place; -1 (and no file) on any error. */
int output_commit(output_file *o);
/* Closes and removes the temporary file. */
void output_abort(output_file *o);

/* Writes free text (CPU model, compiler, ...) as one CSV field: quoted, with
 * quotes doubled, since it may hold commas. */
void csv_text(FILE *f, const char *s);
/* A number for Markdown, printed with fmt, or "-" when NAN (not measured). */
const char *md_num(double v, const char *fmt, char *buf, size_t size);

/* mkdir -p; 0 or -1 with errno set. */
int make_directories(const char *dir);

/* Writes DIR/accuracy.csv and DIR/accuracy.md.  skipped lists kernels not
 * run on this CPU (shown in the Markdown).  Returns 0, or -1 with a message
 * in err (at most err_size bytes). */
int write_accuracy_reports(const char *dir, const accuracy_results *r, const accuracy_config *cfg,
                           const run_context *ctx, const actbench_kernel *const *skipped,
                           size_t n_skipped, char *err, size_t err_size);

/* CSV header of accuracy.csv, for readers and tests. */
extern const char ACCURACY_CSV_HEADER[];

/* Formats a ULP figure: "0.5", "1.2e+07", "inf". */
const char *format_ulp(double u, char *buf, size_t size);

/* ---- throughput (bench): bench.csv, bench.md, bench.json ------------------ */
#include "throughput.h"

/* Writes DIR/bench.csv, DIR/bench.md and DIR/bench.json (a copy of GB's JSON
 * written to gb_json_path by --benchmark_out; NULL: no bench.json).  skipped
 * lists kernels not run on this CPU.  Returns 0, or -1 with a message in err. */
int write_bench_reports(const char *dir, const bench_results *r, const bench_config *cfg,
                        const run_context *ctx, const char *gb_json_path,
                        const actbench_kernel *const *skipped, size_t n_skipped, char *err,
                        size_t err_size);

/* CSV header of bench.csv, for readers and tests. */
extern const char BENCH_CSV_HEADER[];

/* The smallest swept size from which `threads` threads beat one thread by at
 * least 10% at every larger swept size, for one kernel (NULL: the copy loop);
 * 0 when they never do. */
size_t bench_threads_pay_off(const bench_results *r, const actbench_kernel *k, int threads);

#endif
