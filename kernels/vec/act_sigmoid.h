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
 * ACCURATE (float, compensated): sigmoid select-free like the FAST one
 *   (see sigmoid_acc); swish and gelu_tanh: the FAST formulas with e,
 *   1 + e, the numerator and the reduced argument carried as float pairs,
 *   one final rounding (see mul_sigmoid_acc_f): <= 0.8 ULP measured, 0.87
 *   where the result is just below the normal range (rounded twice there:
 *   the quotient, then its scaling into the subnormals, 0.75 ULP at most).
 *
 * gelu_tanh: 0.5 (1 + tanh(u)) = sigmoid(2u), u = sqrt(2/pi)(x + 0.044715 x^3),
 *   so gelu_tanh = x sigmoid(z), z = x (K + KC x^2), K = 2 sqrt(2/pi),
 *   KC = K * 0.044715.  The result's relative error is about |z| times the
 *   absolute error of z divided by |z| -- i.e. an error of z propagates as
 *   |z| * rel_err(z) ULP, up to |z| ~ 100 before the result underflows.  So
 *   the float version carries z as two floats (about 2^-44 relative) and
 *   feeds the low part into the exponential's reduced argument; the double
 *   version's z is good to 2^-51.  ACCURATE: x is clamped to [-20, 20]
 *   for z (x^3 cannot overflow; beyond, sigmoid(z) is 0 or 1 to far below
 *   float precision), and to >= -20 for the final multiply so
 *   gelu_tanh(-inf) = -20 * e^-600 = -0.  FAST: a cheaper pair in base 2,
 *   x (w + wl) = z log2e, taken into exp2_l16_pn_xw's reduction, x clamped
 *   to [-11.2, 11.2] (see gelu_tanh_fast; measured 0.52 -> 0.36 ns/elem
 *   on AVX-512 at 256K, Eigen 0.42; AVX2 1.02 -> 0.73). */
#ifndef ACTBENCH_ACT_SIGMOID_H
#define ACTBENCH_ACT_SIGMOID_H

#include "core_exp.h"
#include "core_recip.h"

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

#define GELU_K 0x1.988454p+0f      /* 2 sqrt(2/pi), rounded */
#define GELU_K_LO -0x1.857936p-25f  /* 2 sqrt(2/pi) - GELU_K */
#define GELU_KC 0x1.2444f2p-4f     /* 2 sqrt(2/pi) * 0.044715, rounded */
#define GELU_KC_LO 0x1.49b16ap-29f  /* 2 sqrt(2/pi) * 0.044715 - GELU_KC */

/* z = xc (K + KC xc^2) as z + *zl for xc in [-20, 20] (or NaN) */
static inline vf gelu_tanh_zc(vf xc, vf *zlo)
{
    /* x^2 = x2 + x2l exactly */
    const vf x2 = vf_mul(xc, xc);
    const vf x2l = vf_fms(xc, xc, x2);
    /* a = KC x^2 as a + al */
    const vf a = vf_mul(vf_set1(GELU_KC), x2);
    const vf al = vf_fma(vf_set1(GELU_KC), x2l,
                         vf_fma(vf_set1(GELU_KC_LO), x2, vf_fms(vf_set1(GELU_KC), x2, a)));
    /* w = K + a as w + wl (a >= 0 and K > 0: Fast2Sum needs |K| >= |a| or the
     * full TwoSum; use the full one) */
    const vf w = vf_add(vf_set1(GELU_K), a);
    const vf bb = vf_sub(w, vf_set1(GELU_K));
    const vf werr = vf_add(vf_sub(vf_set1(GELU_K), vf_sub(w, bb)), vf_sub(a, bb));
    const vf wl = vf_add(werr, vf_add(al, vf_set1(GELU_K_LO)));
    /* z = x w as z + zl */
    const vf z = vf_mul(xc, w);
    *zlo = vf_fma(xc, wl, vf_fms(xc, w, z));
    return z;
}

/* w + *wl = log2e (K + KC x^2) for x in [-11.2, 11.2] (or NaN), the FAST
 * kernel's cheaper pair (8 operations where gelu_tanh_zc's K + KC x^2
 * takes 12), in base 2: z log2e = x (w + wl) is formed inside
 * exp2_l16_pn_xw's reduction.  log2e K is split as GELU2_KH + GELU2_KL
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
 * swish and gelu_tanh: x sigmoid(z), the FAST scheme with the roundings
 * that reach the result removed: e^-|z| = (p + plo) 2^n (exp_l16_pn_hl,
 * good to 2^-28), 1 + e = d + dl exactly up to plo 2^n's
 * own rounding, the numerator x (p + plo) = nh + nl (TwoProduct), and the
 * quotient q0 = nh r refined once against all of them:
 *   y = q0 + r (nh - d q0 - dl q0 + nl),
 * so the only rounding of size 1/2 ULP is the last one; the others are the
 * exp pair (2^-28), the Newton step (2^-28 with rcp14) and the reduction
 * (far below): about 0.6-0.7 ULP in all (sigmoid has its own select-free
 * version below). */
/* -|z| = nz + nzl (nzl = -0 when it is one float), nz in [-120, 0] or NaN,
 * neg = z < 0, x >= -120 or NaN */
static inline vf mul_sigmoid_acc_f(vf x, vm neg, vf nz, vf nzl)
{
    vf n, pl;
    const vf p = exp_l16_pn_hl(nz, nzl, &n, &pl);
    const vf e = vf_scalef_floor(p, n);
    const vf d = vf_add(vf_set1(1.0f), e);
    /* plo 2^n matters only while e is not tiny; n is clamped at -60 for
     * it so that it never goes subnormal (slow on AVX2), the overstated
     * term then being below 2^-84 */
    const vf dl = vf_add(vf_add(vf_sub(vf_set1(1.0f), d), e),
                         vf_scalef_floor(pl, vf_max(vf_set1(-60.0f), n)));
    /* x clamped below 2^64 (NaN kept) so that x = inf does not meet
     * inf - inf in the residual; fixed up at the end */
    const vf xc = vf_min(vf_set1(0x1p64f), x);
    const vf xp = vf_mul(xc, p);
    const vf nh = vf_select(neg, xp, xc);
    const vf nl = vf_select(neg, vf_fma(xc, pl, vf_fms(xc, p, xp)), vf_zero());
    vf r = vf_rcp_approx(d);
#if VEC_RCP_BITS < 14
    r = vf_fma(r, vf_fnma(d, r, vf_set1(1.0f)), r);
#endif
    const vf q0 = vf_mul(nh, r);
    const vf res = vf_add(vf_fnma(dl, q0, vf_fnma(d, q0, nh)), nl);
    const vf yq = vf_fma(res, r, q0);
    const vf y = vf_select(neg, vf_scalef_floor(yq, n), yq);
    /* x >= 2^64: x sigmoid(z) = x (z >= x here); the result has the sign
     * of x, zeros included (the residual sum gives +0 for x = -0) */
    return vf_or(vf_select(vm_gt(x, vf_set1(0x1p64f)), x, y), vf_and(x, vf_set1(-0.0f)));
}

/* sigmoid, ACCURATE, select-free like sigmoid_fast: y = S / (S + E) with
 * S = 2^-64 and E = 2^-64 e^-x = (p + plo) 2^n (exp_l16_neg_pn_hl_m64).
 * d = S + e rounded, its error recovered exactly as small - (d - big)
 * (Fast2Sum with the operands ordered by min/max: 4 operations, where a
 * branch-free TwoSum takes 5), plus plo 2^n: dl.  Then the quotient from
 * rcp14 (one Newton step more where rcp is 11 bits), q0 = S r, refined
 * once against d + dl: y = q0 + r (S - d q0 - dl q0), rounded once --
 * subnormal results included (for x < -87, q0 and y are below 2^-126; the
 * residual stays normal and the last fma rounds on the subnormal grid).
 * Errors before that rounding: the pair (2^-28), d + dl's own rounding
 * (far below), the refinement (2^-28 with rcp14): under 0.2 ULP.
 * x clamped to [-120, 120] (sigmoid(120) = 1, sigmoid(-120) = 0 to float
 * precision; NaN kept). */
static inline vf sigmoid_acc(vf x, vf alpha)
{
    (void)alpha;
    const vf xc = vf_max(vf_set1(-120.0f), vf_min(vf_set1(120.0f), x));
    const vf s = vf_set1(0x1p-64f);
    vf n, pl;
    const vf p = exp_l16_neg_pn_hl_m64(xc, &n, &pl);
    const vf e = vf_scalef_floor(p, n);
    const vf d = vf_add(s, e);
    const vf dl = vf_add(vf_sub(vf_min(s, e), vf_sub(d, vf_max(s, e))), vf_scalef_floor(pl, n));
    vf r = vf_rcp_approx(d);
#if VEC_RCP_BITS < 14
    r = vf_fma(r, vf_fnma(d, r, vf_set1(1.0f)), r);
#endif
    const vf q0 = vf_mul(s, r);
    const vf res = vf_fnma(dl, q0, vf_fnma(d, q0, s));
    return vf_fma(res, r, q0);
}

static inline vf swish_acc(vf x, vf alpha)
{
    (void)alpha;
    const vf nz = vf_max(vf_set1(EXP_F_MIN), vf_or(x, vf_set1(-0.0f)));
    return mul_sigmoid_acc_f(vf_max(vf_set1(EXP_F_MIN), x), vm_lt(x, vf_zero()), nz, vf_set1(-0.0f));
}

static inline vf gelu_tanh_acc(vf x, vf alpha)
{
    (void)alpha;
    const vf xm = vf_max(vf_set1(-20.0f), x);
    const vf nx = vf_or(vf_min(vf_set1(20.0f), xm), vf_set1(-0.0f));
    vf nzl;
    const vf nz = vf_max(vf_set1(EXP_F_MIN), gelu_tanh_zc(nx, &nzl));
    return mul_sigmoid_acc_f(xm, vm_lt(x, vf_zero()), nz, nzl);
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
