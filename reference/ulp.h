/* The ULP metric: the one routine every accuracy figure goes through. */
#ifndef ACTBENCH_ULP_H
#define ACTBENCH_ULP_H

#include <stddef.h>

/* Error of a float result y against the exact value (rounded to double), in
 * units in the last place of the exact value:
 *
 *     |y - exact| / ulp(exact),  ulp(v) = 2^(e-23) for |v| in [2^e, 2^(e+1)),
 *
 * with the subnormal floor ulp = 2^-149 for |v| < 2^-126 and the cap
 * ulp = 2^104 for |v| >= 2^127.  An infinite y counts as +-2^128 (the first
 * power of two float cannot hold), except that it is exact (0) where the exact
 * value rounds to that infinity.  NaN against NaN is 0; NaN against a number,
 * or a number against NaN, is infinite.  Fractional: 0.5 means half an ulp. */
double ulp_error(float y, double exact);

/* ulp(v) as defined above, for |v| finite. */
double ulp_of(double v);

/* The summary figures of a run of errors, added serially in input order so
 * they are reproducible to the last digit: the first index of the largest
 * error, the mean over the finite errors, the non-finite count and the
 * correctly rounded count. */
typedef struct ulp_tally {
    size_t count, worst, finite, nonfinite, correctly_rounded;
    double sum, max;
} ulp_tally;
/* Adds output number t->count with error err; rounded_ok: it equals the
 * correctly rounded value (NaN for NaN). */
void ulp_tally_add(ulp_tally *t, double err, int rounded_ok);
double ulp_tally_mean(const ulp_tally *t); /* 0 when no error was finite */

#endif
