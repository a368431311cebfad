/* Reading results back: accuracy.csv, accuracy_binades.csv, bench.csv and
 * bench.json (Google Benchmark's format), for report, recommend and compare.
 * Columns are found by header name, never by position, and extra columns are
 * ignored, so a newer writer with more columns stays readable. */
#ifndef ACTBENCH_RESULTS_READ_H
#define ACTBENCH_RESULTS_READ_H

#include <stddef.h>

/* ---- CSV --------------------------------------------------------------- */
typedef struct csv_table {
    size_t n_cols, n_rows;
    char **header; /* n_cols names */
    char **cells;  /* n_rows * n_cols fields, row-major */
} csv_table;

/* RFC 4180 CSV: quoted fields with doubled quotes; every row has the header's
 * field count.  Returns 0, or -1 with a one-line reason in err. */
int csv_read(const char *path, csv_table *t, char *err, size_t err_size);
int csv_column(const csv_table *t, const char *name); /* -1 when absent */
/* The field, or "" when col < 0. */
const char *csv_cell(const csv_table *t, size_t row, int col);
void csv_free(csv_table *t);

/* ---- accuracy.csv ---------------------------------------------------------- */
typedef struct acc_row {
    char act[32], variant[64], isa[16], tier[16], domain[16];
    double max_ulp, mean_ulp, bound; /* NAN when the column is absent */
    long special_failures, nonfinite_errors; /* -1 when absent */
    int within_bound;                        /* -1 when absent */
} acc_row;

/* One kernel over its domains: what choosing a variant looks at. */
typedef struct acc_kernel {
    char act[32], variant[64], isa[16], tier[16];
    double max_ulp;  /* over full and typical: the measured error */
    double mean_ulp; /* typical domain's mean (full's when no typical row) */
    double bound;
    long special_failures; /* special domain; 0 when it was not run */
    int within_bound;      /* every domain within the declared bound */
} acc_kernel;

/* The run context as the CSVs carry it (empty strings when absent). */
typedef struct results_context {
    char git_commit[48], date[32], cpu[128], max_isa[16], compiler[64], threads[8];
    char samples[24], governor[64], load_average[32], gbench_version[24];
} results_context;

typedef struct acc_results {
    acc_row *rows;
    size_t n;
    acc_kernel *kernels; /* summarised, in first-appearance order */
    size_t n_kernels;
    results_context ctx;
} acc_results;

int acc_read(const char *path, acc_results *r, char *err, size_t err_size);
void acc_free(acc_results *r);
const acc_kernel *acc_find_kernel(const acc_results *r, const char *act, const char *variant);

/* ---- accuracy_binades.csv (max ULP per input binade) ------------------------ */
typedef struct binade_row {
    char act[32], variant[64], domain[16];
    int negative; /* sign of the binade's inputs */
    int exponent; /* |x| in [2^exponent, 2^(exponent+1)) */
    double max_ulp, mean_ulp;
    long count;
} binade_row;

typedef struct binade_results {
    binade_row *rows;
    size_t n;
} binade_results;

int binades_read(const char *path, binade_results *b, char *err, size_t err_size);
void binades_free(binade_results *b);

/* ---- bench.csv / bench.json ---------------------------------------------- */
typedef struct bench_row {
    char act[32], variant[64], isa[16], tier[16];
    int threads;
    size_t n;
    double median, min, cv, x_copy, speedup; /* ns per element; NAN when unknown */
    double *reps;                            /* per-repetition ns per element */
    size_t n_reps;
} bench_row;

typedef struct bench_data {
    bench_row *rows;
    size_t n;
    results_context ctx;
} bench_data;

/* Reads bench.csv (csv_path) and/or bench.json (json_path); either may be
 * NULL.  Rows come from the CSV when given, and the JSON adds each row's
 * repetitions (rows only in the JSON are added, their median and min
 * computed).  x_copy is filled from the copy loop when the CSV lacks it. */
int bench_read(const char *csv_path, const char *json_path, bench_data *b, char *err,
               size_t err_size);
void bench_free(bench_data *b);
const bench_row *bench_find(const bench_data *b, const char *act, const char *variant, size_t n,
                            int threads);
/* The copy loop's row at (n, threads), or NULL. */
const bench_row *bench_copy(const bench_data *b, size_t n, int threads);
int bench_is_copy(const bench_row *r); /* the copy baselines (act "copy") */

/* ---- a results directory ---------------------------------------------------- */
typedef struct results {
    char dir[4096];
    int has_acc, has_bench, has_binades;
    acc_results acc;
    bench_data bench;
    binade_results binades;
} results;

/* PATH is a results directory (accuracy.csv, accuracy_binades.csv,
 * bench.csv, bench.json: whichever exist, at least one of the first three or
 * bench.json), or one of those files (its kind told by its header or, for
 * JSON, its content).  Returns 0, or -1 with a one-line reason. */
int results_load(const char *path, results *r, char *err, size_t err_size);
void results_free(results *r);

/* "4K", "1M" or the plain count. */
const char *results_format_count(size_t n, char *buf, size_t size);

/* ---- choosing a variant (summary_report.c) -------------------------------- */
typedef struct choice {
    const acc_kernel *acc;   /* NULL when the results hold no accuracy */
    const bench_row *speed;  /* NULL when the results hold no throughput */
} choice;

/* The measured size nearest n (by ratio) among non-copy rows at `threads`;
 * 0 when there are none. */
size_t results_nearest_size(const bench_data *b, size_t n, int threads);

/* The variants of activation act that meet the budget (measured max ULP over
 * full and typical <= max_ulp, no special-value failure), with throughput at
 * (n, threads) when the results have it, fastest first (most accurate first
 * without throughput; variants without a time at n come last).  Returns how
 * many were stored in out (at most cap). */
size_t results_choose(const results *r, const char *act, double max_ulp, size_t n, int threads,
                      choice *out, size_t cap);

/* The activations the results mention, in first-appearance order. */
size_t results_activations(const results *r, const char **out, size_t cap);

/* DIR/report.md (and DIR/plots/ unless no_plots).  Returns 0, or -1 with a
 * reason in err; notes about skipped parts go into the page itself. */
int write_summary_report(const char *dir, const results *r, int no_plots, char *err,
                         size_t err_size);

/* ---- plots (plots.c): gnuplot as a subprocess ----------------------------- */
typedef struct plot_set {
    int made;         /* gnuplot ran and the images exist */
    char note[512];   /* why not, or what was skipped */
} plot_set;

/* Writes DIR/plots/ data files and a gnuplot script, runs gnuplot, and
 * renames the SVG and PNG images into place.  rank_n: the size the
 * speed-vs-accuracy plot uses. */
void make_plots(const char *dir, const results *r, size_t rank_n, plot_set *out);
/* The image file name of one plot kind for an activation ("sigmoid_throughput"). */
const char *plot_name(const char *act, const char *kind, char *buf, size_t size);

#endif
