/* gelu, exact erf form: gelu(x) = x Phi(x) = 0.5 x (1 + erf(x/sqrt2)).
 *
 * With Q(a) = 1 - Phi(a) = e^(-a^2/2) R(a) from core_erf.h (a = |x|):
 *   x <= 0:  gelu = x Q(|x|) = -|x| Q       (1 + erf would cancel)
 *   x >  0:  gelu = x - x Q(x) = x - |x| Q  (Phi >= 1/2: no cancellation)
 * i.e. gelu = max(-0, x) - |x| Q(|x|) for every x, without a blend: x <= 0
 * gives -0 - |x| Q, exact, and -0 for x = -0 or an underflowed product.
 * a = min(|x|, 14.6) (NaN kept: NaN in, NaN out), so gelu(-inf) =
 * -0 - 14.6 Q(14.6) = -0 and gelu(+inf) = inf.
 *
 * FAST (float, no division): |x| Q = scalef(a R(a) E, floor(nq)) with
 *   e^(-a^2/2) = E 2^floor(nq) (gauss_exp16); the scaling comes last and
 *   rounds once, so subnormal results (x down to about -14.1) are
 *   rounded once.  Two table layouts for R (core_erf.h):
 *   gelu_fast_lut32: 32 intervals, degree 4 (AVX-512: one vpermt2ps per
 *     coefficient); measured max 3.23 ULP (every 64th float pattern,
 *     double erfc reference; see the kernel table for the exhaustive one).
 *   gelu_fast_lut16: 16 intervals, degree 5 (AVX2: a 16-entry lookup is
 *     2 vpermps + a blend, a 32-entry one 4 + 3); measured max 3.60 ULP.
 *   Error budget: R 2^-23.3..2^-23.9, e^(u/2) 2^-29, four float roundings
 *   (R's last Horner step, a R, (a R) E, E) and the final one.
 * ACCURATE (double): the same Q in double (exp_d, rational of degree 5/6),
 *   rounded once to float: the double error, about 2^-33 relative, adds at
 *   most 2^-9 ULP to the final rounding, subnormal results included:
 *   measured max 0.502 ULP over all floats. */
#ifndef ACTBENCH_ACT_GELU_H
#define ACTBENCH_ACT_GELU_H

#include "core_erf.h"

#define GELU_FAST_BODY(RATIO)                                                   \
    const vf a = vf_min(vf_set1(GAUSS_TAIL_AMAX), vf_abs(x));                   \
    vf nq;                                                                      \
    const vf e = gauss_exp16(a, &nq);                                           \
    const vf aq = vf_scalef_floor(vf_mul(vf_mul(a, RATIO(a)), e), nq);          \
    return vf_sub(vf_max(vf_set1(-0.0f), x), aq);

static inline vf gelu_fast_lut32(vf x, vf alpha)
{
    (void)alpha;
    GELU_FAST_BODY(gauss_ratio_lut32p4)
}

static inline vf gelu_fast_lut16(vf x, vf alpha)
{
    (void)alpha;
    GELU_FAST_BODY(gauss_ratio_lut16p5)
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
