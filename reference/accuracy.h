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
    DOMAIN_COUNT
} accuracy_domain;

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

/* The error a special input may have and still pass: the declared bound, or
 * 1 ULP for kernels that declare none. */
double accuracy_special_tolerance(const actbench_kernel *k);

/* Inputs (reference/domains.c) ------------------------------------------ */

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
