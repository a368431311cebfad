/* gelu, exact erf form: gelu(x) = x Phi(x) = 0.5 x (1 + erf(x/sqrt2)).
 *
 * With Q(a) = 1 - Phi(a) = e^(-a^2/2) R(a) from core_erf.h (a = |x|):
 *   x <= 0:  gelu = x Q(|x|) = -|x| Q       (1 + erf would cancel)
 *   x >  0:  gelu = x - x Q(x) = x - |x| Q  (Phi >= 1/2: no cancellation)
 * i.e. gelu = max(-0, x) - |x| Q(|x|) for every x, without a blend: x <= 0
 * gives -0 - |x| Q, exact, and -0 for x = -0 or an underflowed product.
 * a = min(|x|, 14.6); a NaN x comes out through max(-0, x) (whatever a is:
 * vf_absmin does not promise NaN), so gelu(-inf) =
 * -0 - 14.6 Q(14.6) = -0 and gelu(+inf) = inf.
 *
 * FAST, AVX-512 (gelu_fast_lut32, float, no division): |x| Q =
 *   scalef(a R(a) E, floor(nq)) with e^(-a^2/2) = E 2^floor(nq)
 *   (gauss_exp16); the scaling comes last and rounds once, so subnormal
 *   results (x down to about -14.1) are rounded once.  R from 32 intervals
 *   of degree 4 (one vpermt2ps per coefficient).  Max 3.51 ULP over
 *   all floats (at x = -12.50; actbench accuracy --exhaustive).  Error
 *   budget: R 2^-23.9, e^(u/2) 2^-29, four float roundings (R's last
 *   Horner step, a R, (a R) E, E) and the final one.
 *   Speed (Zen 4, 4K elements): 23 cycles per vector of 16, Eigen's gelu
 *   (no Gaussian tail, 2e8 ULP) 19.  This kernel is 32 operations: 15
 *   FMA-pipe ones, 5 vpermt2ps, 2 vpermps, 10 others.  Measured with
 *   independent operations of that mix it could issue in 17.4 cycles
 *   (two zmm operations per cycle; a vpermt2ps, with three register
 *   sources, shares a slot with an FMA, a vpermps or a multiply does not:
 *   16 fma + 8 vpermt2ps take 24 cycles, 16 fma + 8 vpermps or 16 mul +
 *   8 vpermt2ps 16).  In the kernel it takes 23, and it stays there when
 *   the critical path is cut by 5 to 9 cycles (the scaling constant taken
 *   from t in parallel with n, the exponential's polynomial by Estrin),
 *   with four vectors per iteration or the two-stage loop (vec_loop.h),
 *   with R's lookups as vpermps from 16 intervals of degree 5 (23.0), and
 *   even with the five lookups replaced by additions (20.6).  So the
 *   operation count has to fall, not the lookups' cost: the degree-4 fit
 *   of a R(a) (one multiply less) is 2^-22.1, too coarse for 4 ULP, and
 *   degree 3 is coarser still.  Eigen's loop is 19 operations, one of them
 *   a division.
 * FAST, AVX2 and poly (gelu_fast_rat, below): no tables, one division.
 *   Max 3.53 ULP over all floats (at x = -0.0154), the worst near
 *   x = 0, where P4(0)'s rounding (2^-25.1) and the roundings of w, P4,
 *   w + P4, the product with the exponential and the quotient all count.
 *   (R from tables costs 3 instructions per coefficient on AVX2 with 16
 *   intervals; that version measured 0.87-0.89 ns/element, this one
 *   0.60-0.65, 1 thread, 4K-256K elements.)
 * ACCURATE, float (gelu_acc_lut, AVX-512): the same with R and E as float
 *   pairs (core_erf.h) and the products and the final subtraction
 *   compensated, rounded once at the end (see below).  On AVX2 its 32-entry
 *   lookups cost 7 instructions each and it is slower than the double
 *   version, which AVX2 and poly keep.
 * ACCURATE, double (gelu_acc): the same Q in double (exp_d, rational of
 *   degree 5/6), rounded once to float: the double error, about 2^-33
 *   relative, adds at most 2^-9 ULP to the final rounding, subnormal
 *   results included: measured max 0.502 ULP over all floats. */
#ifndef ACTBENCH_ACT_GELU_H
#define ACTBENCH_ACT_GELU_H

#include "core_erf.h"

static inline vf gelu_fast_lut32(vf x, vf alpha)
{
    (void)alpha;
    const vf a = vf_absmin(x, vf_set1(GAUSS_TAIL_AMAX));
    vf nq;
    const vf e = gauss_exp16(a, &nq);
    const vf aq = vf_scalef_floor(vf_mul(vf_mul(a, gauss_ratio_lut32p4(a)), e), nq);
    return vf_sub(vf_max(vf_set1(-0.0f), x), aq);
}

/* FAST without tables (AVX2, poly; core_erf.h): |x| Q = a R E =
 * (w/d) (1/sqrt(2 pi)) e^(-a^2/2) = (w S (1 + pm1)/d) 2^-64 with w, d from
 * gauss_ratio_rat45 and S = 2^(n + 64), pm1 from gauss_exp_p6_s64:
 * w S is exact (a power of two), fma(wS, pm1, wS) and the division round
 * once each, and the scaling by 2^-64 is fused into the final
 * max(-0, x) - z 2^-64 (one rounding, subnormal results included).
 * S >= 2^-93 and w < 2^17: w S is far from overflow, and from underflow
 * for every normal x (for a subnormal x, a2 underflows and w = a, exact
 * to the precision that matters). */
static inline vf gelu_fast_rat(vf x, vf alpha)
{
    (void)alpha;
    const vf a = vf_absmin(x, vf_set1(GAUSS_TAIL_AMAX));
    const vf a2 = vf_mul(a, a);
    vf pm1, d;
    const vf s = gauss_exp_p6_s64(a, a2, &pm1);
    const vf ws = vf_mul(gauss_ratio_rat45(a, a2, &d), s);
    return vf_fnma(vf_div(vf_fma(ws, pm1, ws), d), vf_set1(0x1p-64f), vf_max(vf_set1(-0.0f), x));
}

/* ACCURATE in float: |x| Q = (y + yl) 2^floor(nq), y + yl = a R E formed
 * from the pairs R = C0 + Rl and E = T + El (core_erf.h; both
 * unnormalised, the low part up to 0.15 resp. 0.05 of the high one, so
 * the cross term Rl El is kept) by two-products: about 2^-25.5 relative
 * in all.  Then max(-0, x) - aq - aql by Fast2Sum (|max(-0, x)| >= aq),
 * rounded once.  For x <= 0 that is -0 - aq exactly, then - aql; the
 * result takes x's sign (copysign, exact), since -0 - -0 (an underflowed
 * negative aql) would give +0 for a -0 result.
 * e = min(e, 1) only matters for x = +inf (inf - inf in e): every finite
 * e is below 2^-20.  The pair is renormalised (z + zl, Fast2Sum) before
 * the scaling, so for a subnormal result (x in about [-14.1, -13.1]) zl
 * scaled is below a quarter of the subnormal unit: rounded twice there
 * (z to float, at most a quarter unit; the scaling, half a unit), under
 * 0.75 ULP plus the 2^-25.5; elsewhere one rounding plus 2^-25.5.
 * Max 0.8703 ULP over all floats (at x = -7.96; actbench accuracy
 * --exhaustive). */
static inline vf gelu_acc_lut(vf x, vf alpha)
{
    (void)alpha;
    const vf a = vf_absmin(x, vf_set1(GAUSS_TAIL_AMAX));
    vf nq, el, rl;
    const vf e = gauss_exp16_hl(a, &nq, &el);
    const vf r = gauss_ratio_lut32p5_hl(a, &rl);
    const vf p = vf_mul(a, r);
    const vf pl = vf_fma(a, rl, vf_fms(a, r, p));
    const vf y = vf_mul(p, e);
    const vf yl = vf_fma(pl, e, vf_fma(p, el, vf_fma(pl, el, vf_fms(p, e, y))));
    const vf z = vf_add(y, yl); /* renormalised: |zl| <= ulp(z)/2 */
    const vf zl = vf_sub(yl, vf_sub(z, y));
    const vf aq = vf_scalef_floor(z, nq);
    const vf aql = vf_scalef_floor(zl, nq);
    const vf m = vf_max(vf_set1(-0.0f), x);
    const vf s = vf_sub(m, aq);
    const vf err = vf_min(vf_sub(vf_sub(m, s), aq), vf_set1(1.0f));
    /* copysign: the result has the sign of x, and an underflowed negative
     * aql would otherwise turn a -0 result into +0 (-0 - -0) */
    return vf_copysign(vf_sub(s, vf_sub(aql, err)), x);
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
