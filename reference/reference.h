/* Exact references: each activation evaluated in GNU MPFR, then rounded
 * correctly to float.  reference/definitions.c is the one place that knows
 * what each activation is mathematically. */
#ifndef ACTBENCH_REFERENCE_H
#define ACTBENCH_REFERENCE_H

#include <stddef.h>

#include "actbench.h"

typedef struct ref_value {
    double exact;   /* the exact value, rounded to double (more than enough
                       to measure float errors to 1e-9 ULP) */
    float rounded;  /* the correctly rounded float32 result */
} ref_value;

/* Working precision of the first attempt, in bits.  A result whose rounding
 * to float is still undecided is recomputed at twice the precision, up to
 * REF_MAX_PREC (Ziv's strategy). */
#define REF_PREC 128
#define REF_MAX_PREC 1024

/* f(x) for an elementwise activation; alpha is the kernel parameter (the
 * float the kernel receives, e.g. 0.2f for leaky_relu). */
ref_value ref_elementwise(actbench_act act, float x, float alpha);

/* A row of softmax or log_softmax: out[i] for each x[i], len >= 1. */
void ref_row(actbench_act act, const float *x, size_t len, ref_value *out);

/* Version string of the MPFR library in use. */
const char *ref_mpfr_version(void);

#endif
