/* sigmoid, swish and gelu_tanh: everything of the form x * sigmoid(z).
 *
 * FAST (float): e = e^-|z| from exp_f (1 + e in [1, 2] cannot overflow),
 *   sigmoid = 1/(1+e) for z >= 0 and e/(1+e) for z < 0, the reciprocal by
 *   recip_f.  Where e^z and the result can be subnormal (z < -87) e is kept
 *   as m * s (exp_f_parts) and s is applied last, so x * e^z rounds once.
 * ACCURATE (double): the same formulas evaluated in double with exp_d and a
 *   true division, then rounded once to float: the double error (about
 *   2^-33 relative) adds at most 2^-9 ULP to the final rounding.
 *
 * gelu_tanh: 0.5 (1 + tanh(u)) = sigmoid(2u), u = sqrt(2/pi)(x + 0.044715 x^3),
 *   so gelu_tanh = x sigmoid(z), z = x (K + KC x^2), K = 2 sqrt(2/pi),
 *   KC = K * 0.044715.  The result's relative error is about |z| times the
 *   absolute error of z divided by |z| -- i.e. an error of z propagates as
 *   |z| * rel_err(z) ULP, up to |z| ~ 100 before the result underflows.  So
 *   the float version carries z as two floats (about 2^-44 relative) and
 *   feeds the low part into the exponential's reduced argument; the double
 *   version's z is good to 2^-51.  x is clamped to [-20, 20] for z (x^3
 *   cannot overflow; beyond, sigmoid(z) is 0 or 1 to far below float
 *   precision), and to >= -20 for the final multiply so gelu_tanh(-inf) =
 *   -20 * e^-600 = -0. */
#ifndef ACTBENCH_ACT_SIGMOID_H
#define ACTBENCH_ACT_SIGMOID_H

#include "core_exp.h"
#include "core_recip.h"

/* ---- FAST ---- */
static inline vf sigmoid_fast(vf x, vf alpha)
{
    (void)alpha;
    const vf e = exp_f(vf_neg(vf_abs(x)));
    const vf d = vf_add(vf_set1(1.0f), e);
    const vf r = recip_f_hl(d, vf_add(vf_sub(vf_set1(1.0f), d), e)); /* Fast2Sum */
    return vf_select(vm_lt(x, vf_zero()), vf_mul(e, r), r);
}

/* x * sigmoid(z) given e^-|z| = m * s, with x >= -120 (or NaN). */
static inline vf mul_sigmoid_parts(vf x, vf z, vf m, vf s)
{
    const vf e = vf_mul(m, s);
    const vf d = vf_add(vf_set1(1.0f), e);
    const vf r = recip_f_hl(d, vf_add(vf_sub(vf_set1(1.0f), d), e)); /* Fast2Sum */
    const vf neg = vf_mul(vf_mul(vf_mul(x, m), r), s); /* x e^z / (1+e^z) */
    return vf_select(vm_lt(z, vf_zero()), neg, vf_mul(x, r));
}

static inline vf swish_fast(vf x, vf alpha)
{
    (void)alpha;
    vf s;
    const vf m = exp_f_parts(vf_neg(vf_abs(x)), vf_zero(), &s);
    /* x*m*r*s with x = -inf would be -inf * 0: the exp clamp already sets
     * e^x for x < -120, so clamp x the same way (NaN kept) */
    return mul_sigmoid_parts(vf_max(vf_set1(EXP_F_MIN), x), x, m, s);
}

#define GELU_K 0x1.988454p+0f      /* 2 sqrt(2/pi), rounded */
#define GELU_K_LO -0x1.857936p-25f  /* 2 sqrt(2/pi) - GELU_K */
#define GELU_KC 0x1.2444f2p-4f     /* 2 sqrt(2/pi) * 0.044715, rounded */
#define GELU_KC_LO 0x1.49b16ap-29f  /* 2 sqrt(2/pi) * 0.044715 - GELU_KC */

static inline vf gelu_tanh_fast(vf x, vf alpha)
{
    (void)alpha;
    const vf xm = vf_max(vf_set1(-20.0f), x);
    const vf xc = vf_min(vf_set1(20.0f), xm);
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
    const vf zl = vf_fma(xc, wl, vf_fms(xc, w, z));
    /* e^-|z|: -|z| = -|z| + (zl negated when z > 0) */
    const vf sgn = vf_andnot(z, vf_set1(-0.0f)); /* sign bit set where z >= +0 */
    vf s;
    const vf m = exp_f_parts(vf_neg(vf_abs(z)), vf_xor(zl, sgn), &s);
    return mul_sigmoid_parts(xm, z, m, s);
}

/* ---- ACCURATE ---- */
static inline vd sigmoid_d(vd z, vd *e_out)
{
    const vd e = exp_d(vd_max(vd_set1(-708.0), vd_neg(vd_abs(z))));
    *e_out = e;
    return vd_div(vd_set1(1.0), vd_add(vd_set1(1.0), e));
}
static inline vd sigmoid_acc_d(vd x, vd alpha)
{
    (void)alpha;
    vd e;
    const vd r = sigmoid_d(x, &e);
    return vd_select(vd_lt(x, vd_set1(0.0)), vd_mul(e, r), r);
}
static inline vf sigmoid_acc(vf x, vf alpha)
{
    (void)alpha;
    return VF_VIA_VD(sigmoid_acc_d, x, vd_set1(0.0));
}

static inline vd swish_acc_d(vd x, vd alpha)
{
    (void)alpha;
    vd e;
    const vd r = sigmoid_d(x, &e);
    /* -1000 * e^-708 rounds to -0 in float; keeps swish(-inf) from -inf*0 */
    const vd xm = vd_max(vd_set1(-1000.0), x);
    return vd_mul(xm, vd_select(vd_lt(x, vd_set1(0.0)), vd_mul(e, r), r));
}
static inline vf swish_acc(vf x, vf alpha)
{
    (void)alpha;
    return VF_VIA_VD(swish_acc_d, x, vd_set1(0.0));
}

static inline vd gelu_tanh_acc_d(vd x, vd alpha)
{
    (void)alpha;
    const vd xm = vd_max(vd_set1(-20.0), x);
    const vd xc = vd_min(vd_set1(20.0), xm);
    const vd k = vd_set1(1.5957691216057307117597842397375); /* 2 sqrt(2/pi) */
    const vd kc = vd_set1(0.07135481627260024878);              /* k * 0.044715 */
    const vd z = vd_mul(xc, vd_fma(kc, vd_mul(xc, xc), k));
    vd e;
    const vd r = sigmoid_d(z, &e);
    return vd_mul(xm, vd_select(vd_lt(z, vd_set1(0.0)), vd_mul(e, r), r));
}
static inline vf gelu_tanh_acc(vf x, vf alpha)
{
    (void)alpha;
    return VF_VIA_VD(gelu_tanh_acc_d, x, vd_set1(0.0));
}

#endif
