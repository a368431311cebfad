/* Exhaustive verification: every one of the 2^32 float inputs of the
 * elementwise activations (NaNs by class: a fixed set of representative
 * payloads of both signs), scored with the filtered reference
 * (reference/filtered.h); row-wise activations on large samples of rows
 * against MPFR.  Runs can be cut into shards whose partial results merge
 * exactly: every counter is an integer, maxima keep the smallest input on
 * ties, and sums are exact (exact_sum) and rounded once at the end. */
#ifndef ACTBENCH_EXHAUSTIVE_H
#define ACTBENCH_EXHAUSTIVE_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "accuracy.h"

/* Inputs per block: one thread evaluates a kernel on 64K inputs at a time.
 * A block never spans two binades (2^23 patterns each). */
#define EXHAUSTIVE_BLOCK_BITS 16
#define EXHAUSTIVE_BLOCKS (1u << (32 - EXHAUSTIVE_BLOCK_BITS))

/* Representative NaN inputs checked per kernel (both signs, quiet and
 * signalling, several payloads). */
#define EXHAUSTIVE_NAN_INPUTS 32

/* Row-wise activations: elements per row distribution (default). */
#define EXHAUSTIVE_ROW_ELEMENTS 400000

typedef struct exhaustive_config {
    unsigned shard, shards;      /* this run takes blocks b with b % shards == shard */
    int progress;                /* 1: a line on stderr every few seconds; 0: only on a terminal */
    volatile sig_atomic_t *stop; /* set (by a signal): finish the blocks under way, stop */
    size_t row_elements;         /* row-wise: elements per distribution */
    uint64_t seed;               /* row-wise inputs */
    unsigned block_stride;       /* 1 (0): every block; K: every K-th only, a
                                    quick subset for tests, not exhaustive */
} exhaustive_config;

/* An exact sum of doubles: non-overlapping partials (Shewchuk), rounded
 * once by exact_sum_value (as Python's math.fsum): the same value whatever
 * the order of the additions. */
#define EXACT_SUM_PARTIALS 48
typedef struct exact_sum {
    int n;
    double p[EXACT_SUM_PARTIALS];
} exact_sum;
void exact_sum_add(exact_sum *s, double x);
double exact_sum_value(const exact_sum *s);

typedef struct exhaustive_binade {
    uint64_t count, finite;
    double max_ulp; /* -1: none yet */
    exact_sum sum;
} exhaustive_binade;

/* Everything one (kernel, domain) record is made of, in mergeable form. */
typedef struct exhaustive_acc {
    const actbench_kernel *kernel;
    accuracy_domain domain;
    uint64_t count, finite, correctly_rounded, nonfinite, mpfr, nan_checked;
    double max_ulp; /* -1: none yet */
    uint64_t worst_key; /* input bit pattern (rows: element index): ties go to the smallest */
    float worst_x, worst_y, worst_expected;
    uint64_t worst_row_length;
    exact_sum sum;
    uint64_t hist[ULP_HIST_BINS];
    exhaustive_binade binades[BINADE_SLOTS];
} exhaustive_acc;

typedef struct exhaustive_run {
    exhaustive_acc *accs;
    size_t n_accs;
    unsigned shard, shards; /* what this run covers; merged: shards = the total */
    unsigned shards_merged; /* how many distinct shards went in */
    uint64_t shard_mask_lo; /* which shards went in (first 64) */
    double seconds;         /* sum over the shards */
    uint64_t seed;          /* of the row-wise inputs */
    unsigned block_stride;  /* exhaustive_config's */
} exhaustive_run;

/* Runs every kernel (all must run on this CPU) on this shard.  Returns 0,
 * 1 when stopped through cfg->stop (out holds nothing), -1 out of memory. */
int exhaustive_run_kernels(const exhaustive_config *cfg, const actbench_kernel *const *kernels,
                           size_t n_kernels, exhaustive_run *out);
void exhaustive_run_free(exhaustive_run *r);

/* Partial results: a text file holding every counter exactly. */
int exhaustive_write_partial(FILE *f, const exhaustive_run *r);
/* Reads one; 0, or -1 with a message in err. */
int exhaustive_read_partial(FILE *f, exhaustive_run *r, char *err, size_t err_size);
/* Adds `from` into `into` (same kernels and domains, same shard count,
 * another shard); 0, or -1 with a message. */
int exhaustive_merge(exhaustive_run *into, const exhaustive_run *from, char *err, size_t err_size);

/* The records the report writers take. */
int exhaustive_results(const exhaustive_run *r, accuracy_results *out);

#endif
