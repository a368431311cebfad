/* Accuracy measurement: runs kernels on sampled inputs, scores every output
 * against the MPFR reference with the ULP metric, and returns records for
 * the report writers.  Nothing here prints or writes files. */
#ifndef ACTBENCH_ACCURACY_H
#define ACTBENCH_ACCURACY_H

#include <stddef.h>
#include <stdint.h>

#include "actbench.h"

typedef enum accuracy_domain {
    DOMAIN_FULL,    /* the whole finite float range, sampled by bit pattern */
    DOMAIN_TYPICAL, /* uniform values in [-10, 10] */
    DOMAIN_SPECIAL, /* NaN, infinities, zeros, subnormals, saturation, overflow */
    DOMAIN_COUNT,   /* the sampled sweep's domains end here */
    /* --exhaustive (reference/exhaustive.c) */
    DOMAIN_EXHAUSTIVE = DOMAIN_COUNT, /* all 2^32 inputs; NaNs by class */
    DOMAIN_ROWS_UNIFORM,              /* row-wise: rows of uniform [-10, 10] */
    DOMAIN_ROWS_WIDE,                 /* row-wise: random finite bit patterns */
    DOMAIN_ROWS_NEGINF,               /* row-wise: uniform with -inf entries */
    DOMAIN_ALL
} accuracy_domain;

/* Histogram of errors, fixed bins: 0, (0, 0.5], (0.5, 1], then (2^k, 2^(k+1)]
 * for k = 0..23, (2^24, inf) finite, and inf. */
#define ULP_HIST_BINS 29
int ulp_hist_bin(double ulp);
/* CSV column name of a bin: "hist_0", "hist_0_0.5", ..., "hist_inf". */
const char *ulp_hist_name(int bin);

/* Errors per input binade: one slot per sign and float exponent field, i.e.
 * the input's bit pattern >> 23 (exponent -127 for zeros and subnormals, 128
 * for inf and NaN). */
#define BINADE_SLOTS 512
typedef struct binade_record {
    size_t count, finite; /* finite: outputs with a finite error */
    double max_ulp;
    double mean_ulp; /* over the finite ones */
} binade_record;
static inline unsigned binade_slot(float x)
{
    union { float f; uint32_t u; } b = {x};
    return b.u >> 23;
}
static inline int binade_sign(unsigned slot) { return slot >> 8 ? '-' : '+'; }
static inline int binade_exponent(unsigned slot) { return (int)(slot & 0xff) - 127; }

typedef struct accuracy_config {
    size_t samples; /* inputs per activation in each sampled domain */
    uint64_t seed;  /* fixed by default: runs are reproducible */
} accuracy_config;

#define ACCURACY_DEFAULT_SAMPLES 100000
#define ACCURACY_DEFAULT_SEED 20261129u

/* One (kernel, domain) row of the report. */
typedef struct accuracy_record {
    const actbench_kernel *kernel;
    accuracy_domain domain;
    size_t count;             /* outputs scored */
    double max_ulp;           /* INFINITY if any output was NaN/inf wrongly */
    double mean_ulp;          /* over outputs with a finite error */
    float worst_x;            /* input at the max (first one found) */
    float worst_y;            /* the kernel's output there */
    float worst_expected;     /* the correctly rounded output there */
    size_t worst_row_length;  /* row-wise: length of that row; else 0 */
    size_t correctly_rounded; /* outputs equal to the correctly rounded one */
    size_t nonfinite_errors;  /* NaN or inf where a number was due, or the reverse */
    size_t special_failures;  /* DOMAIN_SPECIAL: inputs failing the check */
    size_t hist[ULP_HIST_BINS];
    binade_record *binades; /* BINADE_SLOTS of them, owned by the results */
    size_t mpfr_calls;      /* exhaustive: inputs the filtered reference sent to MPFR */
    size_t nan_checked;     /* exhaustive: NaN patterns run (representatives) */
} accuracy_record;

/* One special input of one kernel. */
typedef struct special_record {
    const actbench_kernel *kernel;
    float x, y, expected;
    size_t row_length; /* row-wise: the row's length, else 0 */
    size_t index;      /* row-wise: the element within the row */
    double ulp;
    int pass;
} special_record;

typedef struct accuracy_results {
    accuracy_record *records;
    size_t n_records;
    special_record *specials;
    size_t n_specials;
    double seconds; /* wall time of the whole sweep */
    int exhaustive; /* 1: records of an exhaustive run (reference/exhaustive.h) */
    unsigned shards; /* exhaustive: how many shards were merged (1: none) */
    unsigned block_stride; /* exhaustive: > 1 when only every K-th block ran (tests) */
} accuracy_results;

/* Measures each kernel (all must run on this CPU) in every domain.  Returns
 * 0, or -1 when out of memory. */
int accuracy_run(const accuracy_config *cfg, const actbench_kernel *const *kernels,
                 size_t n_kernels, accuracy_results *out);
void accuracy_results_free(accuracy_results *r);

const char *accuracy_domain_name(accuracy_domain d);

/* Whether a record meets its kernel's declared bound: max ULP within it on
 * the sampled domains; every special input within it (reference tier
 * excepted) on DOMAIN_SPECIAL. */
int accuracy_within_bound(const accuracy_record *r);

/* The error a special input may have and still pass: the declared bound;
 * 1 ULP for the reference tier and contenders, whose bounds promise nothing. */
double accuracy_special_tolerance(const actbench_kernel *k);

/* Inputs (reference/domains.c) ------------------------------------------ */

/* The one pseudo-random generator of the input sets (splitmix64), and the
 * float with a given bit pattern. */
uint64_t domain_next_random(uint64_t *state);
float float_from_bits(uint32_t bits);

/* n elementwise inputs of a sampled domain, reproducible from seed. */
void domain_inputs(accuracy_domain d, size_t n, uint64_t seed, float *out);

/* The special inputs every elementwise activation is checked on; returns
 * how many (at most cap). */
size_t special_inputs(float *out, size_t cap);

/* Rows for the row-wise activations: fills x with rows whose lengths go in
 * lengths[] and returns the number of rows.  At most n elements in all. */
size_t domain_rows(accuracy_domain d, size_t n, uint64_t seed, float *x, size_t *lengths,
                   size_t max_rows);

/* Hand-made special rows, each of length 4; returns how many (<= max_rows). */
size_t special_rows(float *x, size_t *lengths, size_t max_rows);
#define SPECIAL_ROW_LENGTH 4

#endif
