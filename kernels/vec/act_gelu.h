/* gelu, exact erf form: gelu(x) = x Phi(x) = 0.5 x (1 + erf(x/sqrt2)).
 *
 * With Q(a) = 1 - Phi(a) from core_erf.h (a = |x|):
 *   x <= 0:  gelu = x Q(|x|)       (erfc form: 1 + erf(x/sqrt2) would cancel)
 *   x >  0:  gelu = x - x Q(x)     (Phi >= 1/2: no cancellation)
 * x is clamped to [-14.6, 14.6] for Q and the product (NaN kept), so
 * gelu(-inf) = -14.6 Q(14.6) = -0 and gelu(+inf) = inf - 14.6 Q = inf; for
 * x > 14.6 the result is x.  -0 takes the x <= 0 side: gelu(-0) = -0.
 *
 * FAST (float): x Q = xq * s (core_erf.h), s last so a subnormal result
 *   (x down to about -14.1) is rounded once.  Measured max 2.56 ULP over
 *   all floats (at x ~ -3.0).
 * ACCURATE (double): the same in double (exp_d, rational of degree 5/6),
 *   rounded once to float: the double error, about 2^-33 relative, adds at
 *   most 2^-9 ULP to the final rounding, subnormal results included:
 *   measured max 0.502 ULP over all floats. */
#ifndef ACTBENCH_ACT_GELU_H
#define ACTBENCH_ACT_GELU_H

#include "core_erf.h"

static inline vf gelu_fast(vf x, vf alpha)
{
    (void)alpha;
    const vf xc = vf_min(vf_set1(GAUSS_TAIL_AMAX), vf_max(vf_set1(-GAUSS_TAIL_AMAX), x));
    vf s;
    const vf xq = gauss_tail_mul_f_parts(xc, &s);
    const vf neg = vf_mul(xq, s);     /* x Q */
    const vf pos = vf_fnma(xq, s, x); /* x - x Q */
    return vf_select(vm_le(x, vf_zero()), neg, pos);
}

static inline vd gelu_acc_d(vd x, vd alpha)
{
    (void)alpha;
    const vd amax = vd_set1(GAUSS_TAIL_AMAX);
    const vd xc = vd_min(amax, vd_max(vd_neg(amax), x));
    const vd xq = vd_mul(xc, gauss_tail_d(vd_abs(xc)));
    return vd_select(vd_le(x, vd_set1(0.0)), xq, vd_sub(x, xq));
}

static inline vf gelu_acc(vf x, vf alpha)
{
    (void)alpha;
    return VF_VIA_VD(gelu_acc_d, x, vd_set1(0.0));
}

#endif
