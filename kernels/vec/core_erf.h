/* Gaussian upper tail, the erfc core behind gelu, against the vec_*.h API.
 *
 *   Q(a) = 1 - Phi(a) = erfc(a/sqrt2)/2 = e^(-a^2/2) R(a),  a >= 0
 *
 * R (a scaled Mills ratio, erfcx(a/sqrt2)/2) is smooth and slowly varying
 * (1/2 at 0, ~ 1/(a sqrt(2 pi)) for large a), so it takes a short rational
 * approximation N(a)/M(a) in a itself, with M(0) = 1.  Working in a (an exact
 * float) rather than a transformed variable such as 1/(1+pa) matters: a
 * rounded transform would add its own rounding error to R's.  The fits are
 * over a in [0, 14.6] (beyond it every gelu output rounds to -0 or x), by a
 * linearised, Lawson-reweighted least-squares iteration on the relative
 * error of N/M (numpy + mpmath in /tmp, against mpmath's erfc):
 *   float:  N of degree 4, M of degree 5, 2^-25.2 with float coefficients;
 *   double: N of degree 5, M of degree 6, 2^-33.5.
 * All coefficients are positive, so the Horner sums never cancel.
 *
 * 1/sqrt2 is folded into the fit (Q takes a, not a/sqrt2), so the input
 * scaling x/sqrt2 is never rounded.  e^(-a^2/2) is evaluated with its
 * argument carried as two floats (a^2 = a2 + a2l exactly, by a fused
 * multiply-subtract), because an absolute error d in -a^2/2 is a relative
 * error d in Q, and a^2/2 reaches 106 where one float's rounding is 2^-18.
 * In double a^2 is exact (48 bits), and core_exp.h's exp_d is used. */
#ifndef ACTBENCH_CORE_ERF_H
#define ACTBENCH_CORE_ERF_H

#include "core_exp.h"

#define GAUSS_TAIL_AMAX 14.6f /* Q(14.6) * 14.6 < 2^-151: gelu rounds to -0 */

/* R(a) = N4(a)/M5(a), relative error 2^-25.2 on [0, 14.6].  Evaluated in
 * double and rounded once: in float the nine Horner roundings add up (all
 * terms are positive and for large a the leading ones dominate, so each
 * step's relative error reaches the result almost unscaled) to 6 * 2^-24
 * measured, which alone breaks the FAST tier's 4 ULP. */
static inline vd gauss_tail_ratio_fd(vd a, vd unused)
{
    (void)unused;
    vd n = vd_fma(vd_set1(0x1.0e4254p-8), a, vd_set1(0x1.4d4826p-5));
    n = vd_fma(n, a, vd_set1(0x1.77929ep-3));
    n = vd_fma(n, a, vd_set1(0x1.c1056cp-2));
    n = vd_fma(n, a, vd_set1(0x1p-1));
    vd m = vd_fma(vd_set1(0x1.52b736p-7), a, vd_set1(0x1.a1bba2p-4));
    m = vd_fma(m, a, vd_set1(0x1.e124b6p-2));
    m = vd_fma(m, a, vd_set1(0x1.34000ep+0));
    m = vd_fma(m, a, vd_set1(0x1.acc4e8p+0));
    m = vd_fma(m, a, vd_set1(1.0));
    return vd_div(n, m);
}
static inline vf gauss_tail_ratio_f(vf a)
{
    return VF_VIA_VD(gauss_tail_ratio_fd, a, vd_set1(0.0));
}

/* x Q(a) for a = |xc| in [0, 14.6], xc = x clamped, as xq * *s: xq is a
 * normal float and *s a power of 2 to apply last, so a subnormal product is
 * rounded once.
 *
 * The exponential is written out here rather than taken from exp_f_parts:
 * the measured error of gelu with it was 5.9 ULP, mostly from its degree-5
 * polynomial (2^-23.2, up to 1.7 ULP by itself) and the rounding of 1 + p
 * before the multiply.  Here e^r = 1 + r + r^2 P(r) with P of degree 4
 * (Lawson-iterated least-squares fit of e^r for its relative error, numpy +
 * mpmath in /tmp: 2^-28.0 with float coefficients), and the 1 + p is folded
 * into the product with x: X = xc 2^n1 is exact (a power-of-2 scaling of a
 * normal float that stays normal), and X (1 + p) = fma(X, p, X) rounds once.
 * Reduction as in core_exp.h: n = round(h/ln2), r = h - n ln2_hi - n ln2_lo
 * + hl, |r| <= ~0.35; n in [-154, 0] is split n1 = n>>1, n2 = n - n1. */
#define GAUSS_EXP_P2 0x1.fffffcp-2f
#define GAUSS_EXP_P3 0x1.555492p-3f
#define GAUSS_EXP_P4 0x1.5558f2p-5f
#define GAUSS_EXP_P5 0x1.123a00p-7f
#define GAUSS_EXP_P6 0x1.6a2400p-10f

static inline vf gauss_tail_mul_f_parts(vf xc, vf *s)
{
    const vf a = vf_abs(xc);
    const vf a2 = vf_mul(a, a);
    const vf h = vf_mul(a2, vf_set1(-0.5f));
    const vf hl = vf_mul(vf_fms(a, a, a2), vf_set1(-0.5f)); /* -a^2/2 = h + hl */
    const vf t = vf_fma(h, vf_set1(EXP_F_LOG2E), vf_set1(EXP_F_MAGIC));
    const vf nf = vf_sub(t, vf_set1(EXP_F_MAGIC));
    vf r = vf_fnma(nf, vf_set1(EXP_F_LN2_HI), h);
    r = vf_add(vf_fnma(nf, vf_set1(EXP_F_LN2_LO), r), hl);
    vf p = vf_fma(vf_set1(GAUSS_EXP_P6), r, vf_set1(GAUSS_EXP_P5));
    p = vf_fma(p, r, vf_set1(GAUSS_EXP_P4));
    p = vf_fma(p, r, vf_set1(GAUSS_EXP_P3));
    p = vf_fma(p, r, vf_set1(GAUSS_EXP_P2));
    p = vf_fma(vf_mul(r, r), p, r); /* e^r - 1 */
    const vi n = vi_sub(vf_as_vi(t), vf_as_vi(vf_set1(EXP_F_MAGIC)));
    const vi n1 = vi_sra(n, 1);
    *s = vf_pow2i(vi_sub(n, n1));
    const vf xs = vf_mul(xc, vf_pow2i(n1));
    return vf_mul(vf_fma(xs, p, xs), gauss_tail_ratio_f(a));
}

/* ---- double ---- */
/* R(a) = N5(a)/M6(a), relative error 2^-33.5 on [0, 14.6]. */
static inline vd gauss_tail_ratio_d(vd a)
{
    vd n = vd_fma(vd_set1(0x1.d224675d5dc2ep-11), a, vd_set1(0x1.7d63877a1b310p-7));
    n = vd_fma(n, a, vd_set1(0x1.2400dff6159dbp-4));
    n = vd_fma(n, a, vd_set1(0x1.008a43eedf95ep-2));
    n = vd_fma(n, a, vd_set1(0x1.03d543dd44514p-1));
    n = vd_fma(n, a, vd_set1(0x1.ffffffff483d0p-2));
    vd m = vd_fma(vd_set1(0x1.241c965fce8c1p-9), a, vd_set1(0x1.ddff34ed40b2fp-6));
    m = vd_fma(m, a, vd_set1(0x1.728c355b77447p-3));
    m = vd_fma(m, a, vd_set1(0x1.50697325ff7bap-1));
    m = vd_fma(m, a, vd_set1(0x1.728fc0a9e91c8p+0));
    m = vd_fma(m, a, vd_set1(0x1.d0176d5982a62p+0));
    m = vd_fma(m, a, vd_set1(1.0));
    return vd_div(n, m);
}

/* Q(a) for a in [0, 14.6], relative error about 2^-33. */
static inline vd gauss_tail_d(vd a)
{
    return vd_mul(exp_d(vd_mul(vd_mul(a, a), vd_set1(-0.5))), gauss_tail_ratio_d(a));
}

#endif
