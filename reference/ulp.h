/* The ULP metric: the one routine every accuracy figure goes through. */
#ifndef ACTBENCH_ULP_H
#define ACTBENCH_ULP_H

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

#endif
