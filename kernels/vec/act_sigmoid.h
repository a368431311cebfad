/* sigmoid, swish and gelu_tanh: everything of the form x * sigmoid(z).
 *
 * FAST (float), exp from the 16-entry table (exp_l16_*: rr2 reduction to
 *   |r| <= ln2/32, 2^(j/16) by one vpermps, degree-3 polynomial; it
 *   replaced rr2-p6: 3 fma fewer for one vpermps, measured sigmoid 0.24 ->
 *   0.18 ns/elem on AVX-512 together with the select-free form below):
 *   sigmoid = 2^-64 / (2^-64 + 2^-64 e^-x), one true division and no
 *   select (see sigmoid_fast); swish the same with x 2^-64 as the
 *   numerator (see swish_fast).  gelu_tanh: e = e^-|z| = p 2^n,
 *   x (1 or p) / (1 + e), one division, 2^n applied last (below).  The
 *   division, not rcp14 + Newton: on Zen 4 these kernels are bound by the
 *   FMA pipes and the divider runs beside them (measured: rcp + Newton
 *   0.245 against 0.219 ns/elem for sigmoid).  1 + e is rounded
 *   (compensating it, as the ACCURATE kernels do, costs about 12% more
 *   time; the FAST tier does without).  Where e^z and the result can be
 *   subnormal (z < -87) the product with x is formed with p and 2^n
 *   applied last by vf_scalef_floor, so x e^z rounds once there.
 * ACCURATE (float, compensated): all three as x a / (a + th + m), e^-z =
 *   (th + m) / a with a a power of two (the ratio form of the lut16
 *   exponential: exp_l16_neg_ratio_*, exp2_l16_ratio_xw_*), the denominator's
 *   rounding recovered by an ordered Fast2Sum, the quotient from rcp and
 *   one residual step, one final rounding (see mul_sigmoid_ratio_acc):
 *   0.6 ULP measured.
 *
 * gelu_tanh: 0.5 (1 + tanh(u)) = sigmoid(2u), u = sqrt(2/pi)(x + 0.044715 x^3),
 *   so gelu_tanh = x sigmoid(z), z = x (K + KC x^2), K = 2 sqrt(2/pi),
 *   KC = K * 0.044715.  The result's relative error is about |z| times the
 *   absolute error of z divided by |z| -- i.e. an error of z propagates as
 *   |z| * rel_err(z) ULP, up to |z| ~ 100 before the result underflows.  So
 *   both tiers carry z log2e as x (w + wl), w + wl = log2e (K + KC x^2) a
 *   float pair good to 2^-43 (gelu_tanh_w2_fast), and take it into the
 *   base-2 exponential's reduction (FAST: exp2_l16_pn_xw, x clamped to
 *   [-11.2, 11.2], see gelu_tanh_fast; measured 0.52 -> 0.36 ns/elem on
 *   AVX-512 at 256K, Eigen 0.42; AVX2 1.02 -> 0.73.  ACCURATE:
 *   exp2_l16_ratio_xw_*, x clamped to [-10.8, 6], see gelu_tanh_acc_s1). */
#ifndef ACTBENCH_ACT_SIGMOID_H
#define ACTBENCH_ACT_SIGMOID_H

#include "core_exp.h"

/* ---- FAST ----
 * sigmoid: 1/(1 + e^-x) for every x, with no select: scaled by 2^-64,
 * sigmoid = 2^-64 / (2^-64 + e^-x 2^-64), where e^-x 2^-64 = p 2^n
 * (exp_l16_neg_m64) stays finite down to x = -150 and
 * the division rounds once, subnormal results included (for x < -87 the
 * quotient is below 2^-126 and is rounded on the subnormal grid directly).
 * x is clamped to [-104, 18] (sigmoid(18) = 1 - 2^-25.9 rounds to 1,
 * sigmoid(-104) = 2^-150.04 rounds to 0; NaN kept, +-inf give 1 and 0),
 * so e^-x 2^-64 is normal and exp_l16_neg_m64 can scale it by one
 * multiply where there is no vscalefps.  The error: TH's
 * rounding (2^-24.3 at worst), p's, 2^-64 + e's and the division's. */
/* (A software-pipelined loop, stage 1 the exponential, measured 1-3%
 * faster on AVX-512 and 5-15% slower on AVX2: not taken.) */
static inline vf sigmoid_fast(vf x, vf alpha)
{
    (void)alpha;
    const vf xc = vf_max(vf_set1(-104.0f), vf_min(vf_set1(18.0f), x));
    const vf e = exp_l16_neg_m64(xc);
    return vf_div(vf_set1(0x1p-64f), vf_add(vf_set1(0x1p-64f), e));
}

/* swish FAST, select-free like sigmoid_fast:
 *   swish(x) = (x 2^-64) / (2^-64 + e^-x 2^-64),
 * one division and no scaling step: the numerator is exact and the
 * quotient rounds once, subnormal results (x in [-110, -83]) included.
 * xc = x clamped to [-116, 40] for the exponential (e^-x 2^-64 is then
 * normal, between 2^-122 and 2^104: one built power of two scales it on
 * AVX2); x >= -116 in the numerator (swish(-116) rounds to -0, and
 * swish(-inf) = -0), unclamped above (e^-40 2^-64 is below 2^-24 of 2^-64,
 * so x > 40 gives x, inf gives inf).  x 2^-64 is subnormal, hence inexact,
 * for |x| < 2^-62, where swish(x) = x/2 to float precision: selected.
 * Errors as sigmoid_fast's (the numerator adds none). */
static inline vf swish_fast(vf x, vf alpha)
{
    (void)alpha;
    const vf xn = vf_max(vf_set1(-116.0f), x); /* NaN kept */
    const vf xc = vf_min(vf_set1(40.0f), xn);
    const vf e = exp_l16_neg_m64(xc);
    const vf q = vf_div(vf_mul(xn, vf_set1(0x1p-64f)), vf_add(vf_set1(0x1p-64f), e));
    return vf_select(vm_lt(vf_abs(x), vf_set1(0x1p-62f)), vf_mul(x, vf_set1(0.5f)), q);
}

/* w + *wl = log2e (K + KC x^2) for x in [-11.2, 11.2] (or NaN), the FAST
 * cheaper pair (8 operations where K + KC x^2 as a TwoSum-based pair
 * takes 12; the ACCURATE kernel uses it too), in base 2: z log2e =
 * x (w + wl) is formed inside the exponential's reduction.  log2e K is split as GELU2_KH + GELU2_KL
 * with GELU2_KH a multiple of 2^-19, so that w = fma(KC2, s, KH) (s = x^2
 * rounded, KC2 = log2e KC) has w - KH exact for all w < 16 (w >= 2 KH:
 * both on w's grid, the difference within one binade below w; w < 2 KH:
 * Sterbenz) and w's rounding error is fma(KC2, s, -(w - KH)), itself
 * rounded to 2^-24 of it.  The terms left out of w, KC2 sl (x^2 = s + sl
 * exactly), KC2_LO s and KL, go into the low part: wl good to about
 * 2^-43. */
#define GELU2_KH 0x1.26aecp+1f       /* log2e K rounded to a multiple of 2^-19 */
#define GELU2_KL 0x1.0de73ap-22f     /* log2e K - GELU2_KH */
#define GELU2_KC 0x1.a5a7d0p-4f      /* log2e KC, rounded */
#define GELU2_KC_LO -0x1.151aaep-29f /* log2e KC - GELU2_KC */
static inline vf gelu_tanh_w2_fast(vf x, vf *wlo)
{
    const vf s = vf_mul(x, x);
    const vf sl = vf_fms(x, x, s);
    const vf w = vf_fma(vf_set1(GELU2_KC), s, vf_set1(GELU2_KH));
    const vf d = vf_sub(w, vf_set1(GELU2_KH));
    const vf c = vf_fma(vf_set1(GELU2_KC), sl, vf_fma(vf_set1(GELU2_KC_LO), s, vf_set1(GELU2_KL)));
    *wlo = vf_add(vf_fms(vf_set1(GELU2_KC), s, d), c);
    return w;
}

/* FAST: -|z| formed directly as z(-|x|) (K + KC x^2 > 0), with its low
 * part of the right sign, nx = -min(|x|, 11.2) (NaN kept), which is also
 * the multiplier for x < 0 (x itself for x >= 0): z(-11.2) = -118.12
 * (-170.41 in base 2), so -|z| stays within [-120, 0] (n16 >= -171:
 * vf_scalef_floor's range on AVX2 and poly) with no clamp of its own,
 * sigmoid(118) = 1 to float precision, and gelu_tanh is -0 below -11.2
 * (|x| e^z < 2^-150 there; gelu_tanh(-inf) = -0).  e^-|z| comes from
 * exp2_l16_pn_xw(nx, w, wl) with w + wl = log2e (K + KC x^2).  For x < 0 the
 * product x p is formed first (a masked multiply on AVX-512) and divided
 * by 1 + e once. */
static inline vf gelu_tanh_fast(vf x, vf alpha)
{
    (void)alpha;
    const vf nx = vf_max(vf_set1(-11.2f), vf_or(x, vf_set1(-0.0f)));
    const vm neg = vm_lt(x, vf_zero());
    vf wl, n;
    const vf w = gelu_tanh_w2_fast(nx, &wl);
    const vf p = exp2_l16_pn_xw(nx, w, wl, &n);
    const vf e = vf_scalef_floor(p, n);
    /* x < 0: the multiplier is nx = max(-11.2, x) */
    const vf y = vf_div(vf_select(neg, vf_mul(nx, p), x), vf_add(vf_set1(1.0f), e));
    return vf_select(neg, vf_scalef_floor(y, n), y);
}

/* ---- ACCURATE (float, compensated) ----
 * All three in the ratio form: sigmoid(z) = a / (a + th + m) where e^-z =
 * (th + m) / a (exp_l16_neg_ratio_reduce/_m; exp2_l16_ratio_xw_reduce/_m for gelu_tanh), a a
 * power of two, th a table entry (2^31 <= th <= 2^32), |m| <= 0.023 th.
 * No selects between z < 0 and z >= 0 and no scaling of the exponential:
 * x sigmoid(z) = N / D with N = x a (exact: a power of two, N normal) and
 * D = a + th + m.  See mul_sigmoid_ratio_acc for the quotient. */

/* N / (a + th + m), N = x a exact (the caller's), one final rounding:
 * d = (a + th) + m rounded, its error recovered as
 *   dl = ((max(a, th) - d) + min(a, th)) + m,
 * max - d exact (d is within [0.48, 2.05] max, and where d > 2 max the
 * difference still fits: max a power of two, or min = a one at most max's
 * leading power; the Fast2Sum ordering by min/max: a >= th for z > 0,
 * a < th for z < 0), the next two adds rounded on terms of size |m| +
 * ulp(d): 2^-24 of |m| <= 0.023 d, 2^-29.5 relative to D.  Then the
 * quotient q0 = N r (r = rcp14; exact on scalar) refined once:
 *   y = q0 - r (q0 d - N + q0 dl),
 * the residual rounded once (relative 2^-24 of a term of size 2^-14 q0),
 * the step leaving (2^-14)^2: 2^-28 relative.  The residual is written
 * q0 d - N (and y = q0 - r res) so that x = -0 gives -0 (the other way
 * round, -0 - -0 = +0 reaches the result).  Before the final rounding:
 * th + m (2^-28), dl (2^-29.5), the step (2^-28): about 2^-26.5, a tenth
 * of an ULP; 0.6 ULP measured.  Subnormal results (sigmoid x < -87,
 * swish x < -91.8, gelu_tanh x < -10.1): q0 is rounded on the subnormal grid
 * but N - q0 d stays exact in the fma (rounded once, normal), and the last
 * fma rounds y once on the subnormal grid.  This replaced (p + plo) 2^n,
 * 1 + e by Fast2Sum with 2^n plo scaled in, a select of the numerator and
 * 2^n applied last (sigmoid: S / (S + E), S = 2^-64, with a 4-operation
 * ordered TwoSum and two scalefs): 5 operations fewer for sigmoid, and the
 * critical path shorter (a + th formed beside the polynomial); measured
 * on AVX-512 (Zen 4, 4K / 256K, with four vectors per loop iteration)
 * sigmoid 0.37 -> 0.30 ns/elem (XNNPACK 0.21), swish 0.51 -> 0.35 (Eigen
 * 0.31), gelu_tanh 0.83 -> 0.45 (Eigen 0.45); with the two-stage loop
 * below, in one run: sigmoid 0.28 -> 0.25 (XNNPACK 0.19), swish 0.34 ->
 * 0.30 (Eigen 0.29), gelu_tanh 0.44 -> 0.41 (Eigen 0.42).  AVX2 (rcpps,
 * 11 bits): q0 = N / d by divps instead of rcpps and a Newton step (one
 * operation for three; the ymm divide is cheap on Zen 4): measured
 * sigmoid 0.53 -> 0.48 ns/elem. */
static inline vf mul_sigmoid_ratio_acc(vf num, vf a, vf th, vf m)
{
    const vf d = vf_add(vf_add(a, th), m);
    const vf dl = vf_add(vf_add(vf_sub(vf_max(a, th), d), vf_min(a, th)), m);
    const vf r = vf_rcp_approx(d);
#if VEC_RCP_BITS < 14
    /* AVX2: q0 = N / d by divps (rounded once), r (rcpps, 2^-11.4) only
     * scales the correction, |y - q0| <= 1.5 ulp(q0) or so: 2^-11 ulp */
    const vf q0 = vf_div(num, d);
#else
    const vf q0 = vf_mul(num, r);
#endif
    const vf res = vf_fma(q0, dl, vf_fms(q0, d, num));
    return vf_fnma(res, r, q0);
}

/* The three ACCURATE kernels in two stages (VEC_TWO_STAGE_KERNEL,
 * vec_loop.h): stage 1 clamps x and runs the exponential's reduction and
 * table lookups, stage 2 the polynomial, the denominator and the
 * quotient.  On Zen 4 these kernels are one long dependency chain per
 * vector, and starting the next vectors' reductions before the current
 * quotients measured sigmoid 0.278 -> 0.251 ns/elem at 4K on AVX-512
 * against four vectors per iteration (standalone loop, best of 20).
 * x is x itself for the final select (swish, gelu_tanh), num the
 * numerator N = x a (a for sigmoid). */
typedef struct {
    vf x, num, a, th, tl, r;
} sigmoid_ratio_stage;

/* stage 2 of sigmoid and swish (base e) */
static inline vf sigmoid_ratio_s2(sigmoid_ratio_stage s, vf alpha)
{
    (void)alpha;
    return mul_sigmoid_ratio_acc(s.num, s.a, s.th, exp_l16_neg_ratio_m(s.th, s.r, s.tl));
}

/* sigmoid: x clamped to [-104, 40] (NaN kept): sigmoid(40) = 1 - 2^-57.7
 * rounds to 1, sigmoid(-104) = 2^-150.04 to 0; a in [2^-119, 2^90]. */
static inline sigmoid_ratio_stage sigmoid_acc_s1(vf x)
{
    sigmoid_ratio_stage s;
    const vf xc = vf_max(vf_set1(-104.0f), vf_min(vf_set1(40.0f), x));
    s.x = x;
    s.th = exp_l16_neg_ratio_reduce(xc, &s.r, &s.tl, &s.a);
    s.num = s.a;
    return s;
}
/* swish: x clamped to [-109, 40] (NaN kept): below -108.65 |swish| <
 * 2^-150 (swish(-109) = -2^-150.5 rounds to -0, as everything below);
 * above 40 swish(x) = x (1 - e^-x) rounds to x, which the select returns
 * (x sigmoid(40) would too, but x a overflows for x > 2^37). */
static inline sigmoid_ratio_stage swish_acc_s1(vf x)
{
    sigmoid_ratio_stage s;
    const vf xc = vf_max(vf_set1(-109.0f), vf_min(vf_set1(40.0f), x));
    s.x = x;
    s.th = exp_l16_neg_ratio_reduce(xc, &s.r, &s.tl, &s.a);
    s.num = vf_mul(xc, s.a);
    return s;
}
static inline vf swish_acc_s2(sigmoid_ratio_stage s, vf alpha)
{
    return vf_select(vm_gt(s.x, vf_set1(40.0f)), s.x, sigmoid_ratio_s2(s, alpha));
}
/* gelu_tanh: x sigmoid(z), z log2e = x (w + wl) from gelu_tanh_w2_fast
 * (good to 2^-43, so z's error, which the result gets |z| times, stays
 * below 2^-36), e^-z = 2^(-x (w + wl)) by exp2_l16_ratio_xw_reduce/_m.  x
 * clamped to [-10.8, 6] (NaN kept): z(6) = 25.0, sigmoid(z) = 1 - 2^-36
 * and the result x there and above (the select); z(-10.8) = -107.1,
 * |gelu_tanh| < 2^-151 there and below (-0).  -z log2e in [-36.1, 154.6]:
 * a normal. */
static inline sigmoid_ratio_stage gelu_tanh_acc_s1(vf x)
{
    sigmoid_ratio_stage s;
    const vf xc = vf_max(vf_set1(-10.8f), vf_min(vf_set1(6.0f), x));
    vf wl;
    const vf w = gelu_tanh_w2_fast(xc, &wl);
    s.x = x;
    s.th = exp2_l16_ratio_xw_reduce(xc, w, wl, &s.r, &s.tl, &s.a);
    s.num = vf_mul(xc, s.a);
    return s;
}
static inline vf gelu_tanh_acc_s2(sigmoid_ratio_stage s, vf alpha)
{
    (void)alpha;
    const vf y = mul_sigmoid_ratio_acc(s.num, s.a, s.th, exp2_l16_ratio_m(s.th, s.r, s.tl));
    return vf_select(vm_gt(s.x, vf_set1(6.0f)), s.x, y);
}
/* ---- ACCURATE, double: the reference-style variant (kept as a
 * comparison point and because recorded results name it) ----
 * e^-|x| by exp_d, a true division, one rounding to float: 0.5 ULP plus
 * about 2^-9. */
static inline vd sigmoid_f64_d(vd x, vd alpha)
{
    (void)alpha;
    const vd e = exp_d(vd_max(vd_set1(-708.0), vd_neg(vd_abs(x))));
    const vd r = vd_div(vd_set1(1.0), vd_add(vd_set1(1.0), e));
    return vd_select(vd_lt(x, vd_set1(0.0)), vd_mul(e, r), r);
}
static inline vf sigmoid_acc_f64(vf x, vf alpha)
{
    (void)alpha;
    return VF_VIA_VD(sigmoid_f64_d, x, vd_set1(0.0));
}



#endif
