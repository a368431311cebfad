/* A filtered reference: each elementwise activation evaluated first in
 * double (double-double where double would cancel), with an error bound; the
 * per-input verdict (fractional ULP error of an output y, whether y is the
 * correctly rounded result) is taken from that fast value when the bound
 * decides it, and from MPFR (ref_elementwise) otherwise.  The metric is
 * ulp_error() of reference/ulp.c, unchanged; only its argument "exact" comes
 * from the fast value when that cannot change the verdict by more than
 * FILTERED_ULP_SLACK.  `actbench accuracy --selftest` checks the filter
 * against MPFR alone. */
#ifndef ACTBENCH_FILTERED_H
#define ACTBENCH_FILTERED_H

#include <math.h>
#include <stdint.h>

#include "actbench.h"
#include "reference.h"

/* The most a filtered ULP figure may differ from the MPFR one: relative to
 * max(1, ulp).  2^-21, under the 1e-6 the self-test demands. */
#define FILTERED_ULP_SLACK 0x1p-21

/* A fast value of act(x): the exact value lies in [value - bound,
 * value + bound].  Returns 0 when there is none for this x (MPFR decides). */
int filtered_approx(actbench_act act, float x, float alpha, double *value, double *bound);

/* Whether the interval [value - bound, value + bound] decides the
 * correctly rounded float: 1 with *cr set, else 0. */
int filtered_rounded(double value, double bound, float *cr);

/* The ULP error of y against every exact value in the interval, to within
 * FILTERED_ULP_SLACK: 1 with *ulp set (ulp_error(y, value)), else 0. */
int filtered_ulp(float y, double value, double bound, double *ulp);

/* ulp_of() of reference/ulp.c from the exponent bits: the same values. */
double filtered_ulp_of(double v);

/* Per-input verdict with the MPFR fallback. */
typedef struct filtered_verdict {
    double ulp;            /* ulp_error(y, exact) to within the slack */
    int correctly_rounded; /* y == the correctly rounded float (NaN == NaN) */
    int used_mpfr;         /* the fast value could not decide */
} filtered_verdict;

filtered_verdict filtered_score(actbench_act act, float x, float alpha, float y);

/* Verdict of y against a known MPFR reference (no filter): for tests. */
filtered_verdict filtered_score_mpfr(const ref_value *ref, float y);

/* The same, prepared once per input for many outputs (the exhaustive pass
 * scores every kernel of an activation against one prepared reference). */
typedef struct filtered_ref {
    double value, bound;
    double ulp, ulp_min, ulp_max; /* FILTERED_FAST_ULP: ulp_of(value), and the
                                     least and most ulp_of over the interval */
    float cr;                     /* when FILTERED_CR_OK */
    unsigned flags;
    ref_value mpfr; /* when FILTERED_HAVE_MPFR */
} filtered_ref;
enum { FILTERED_CR_OK = 1, FILTERED_FAST_ULP = 2, FILTERED_HAVE_MPFR = 4 };

void filtered_prepare(actbench_act act, float x, float alpha, filtered_ref *r);
/* Verdict of y; fetches (and keeps) the MPFR value when needed. */
filtered_verdict filtered_judge_slow(actbench_act act, float x, float alpha, filtered_ref *r, float y);
static inline filtered_verdict filtered_judge(actbench_act act, float x, float alpha,
                                              filtered_ref *r, float y)
{
    /* The common case, inline: a finite y against a decided rounding and a
     * finite interval.  u is ulp_error's own arithmetic for finite y and
     * exact (|y - exact| / ulp_of(exact)); for any exact value v' in the
     * interval the error lies in [(d - bound)/ulp_max, (d + bound)/ulp_min],
     * so that width is how far u can be off. */
    if ((r->flags & (FILTERED_CR_OK | FILTERED_FAST_ULP | FILTERED_HAVE_MPFR)) ==
            (FILTERED_CR_OK | FILTERED_FAST_ULP) && isfinite(y)) {
        double d = (double)y - r->value;
        d = d < 0 ? -d : d;
        filtered_verdict v = {d / r->ulp, y == r->cr, 0};
        if (r->ulp_min == r->ulp_max)
            return v;
        double lo = d > r->bound ? (d - r->bound) / r->ulp_max : 0;
        double hi = (d + r->bound) / r->ulp_min;
        if (hi - lo <= FILTERED_ULP_SLACK * (v.ulp > 1 ? v.ulp : 1))
            return v;
    }
    return filtered_judge_slow(act, x, alpha, r, y);
}
/* The correctly rounded float (MPFR is asked if the fast value cannot say). */
float filtered_cr(actbench_act act, float x, float alpha, filtered_ref *r);

/* Self-test: samples inputs of act over the whole range and its hard
 * regions, and compares the filtered verdicts with MPFR's for the outputs of
 * the given kernels (of act) and for synthetic outputs around the correctly
 * rounded one. */
typedef struct filtered_selftest_result {
    size_t inputs, verdicts, mismatches, mpfr_verdicts;
    double max_ulp_diff; /* largest |filtered - MPFR| / max(1, MPFR) */
    float bad_x, bad_y;  /* the first mismatch */
    double bad_filtered, bad_mpfr;
} filtered_selftest_result;
int filtered_selftest(actbench_act act, const actbench_kernel *const *kernels, size_t n_kernels,
                      size_t samples, uint64_t seed, filtered_selftest_result *out);

#endif
