/* sigmoid, swish and gelu_tanh: everything of the form x * sigmoid(z).
 *
 * FAST (float): e = e^-|z| = p 2^n from exp_f_pn (1 + e in [1, 2] cannot
 *   overflow), sigmoid = 1/(1+e) for z >= 0 and e/(1+e) for z < 0, one
 *   quotient by rcp + Newton refined against the compensated 1 + e
 *   (div_f_hl), no reciprocal rounded on its own.  Where e^z and the
 *   result can be subnormal (z < -87) the product with x is formed with p
 *   and 2^n applied last by vf_scalef, so x e^z rounds once there.
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
    /* -|x| (sign bit set), clamped at -120 where e^-|x| is 0 anyway */
    const vf z = vf_max(vf_set1(EXP_F_MIN), vf_or(x, vf_set1(-0.0f)));
    vf n;
    const vf p = exp_f_pn(z, vf_set1(-0.0f), &n);
    const vf e = vf_scalef(p, n);
    const vf d = vf_add(vf_set1(1.0f), e);
    const vf dl = vf_add(vf_sub(vf_set1(1.0f), d), e); /* Fast2Sum: 1 >= e */
    return div_f_hl(vf_select(vm_lt(x, vf_zero()), e, vf_set1(1.0f)), d, dl);
}

/* x sigmoid(z) for z = zh + zl carried as two floats (zl = -0 when z is
 * one float: adding -0 folds away), x >= -120 or NaN.  With e = e^-|z| =
 * p 2^n: z < 0: x e/(1+e) = (x p/(1+e)) 2^n, the quotient and the product
 * normal and 2^n applied last, so a subnormal result is rounded once at
 * its own precision; z >= 0: x/(1+e).  1 + e is carried as d + dl
 * (Fast2Sum, 1 >= e) and the quotient refined against both (div_f_hl). */
static inline vf mul_sigmoid_fast(vf x, vf zh, vf zl)
{
    const vm neg = vm_lt(zh, vf_zero());
    /* -|z|: sign bit set on zh, zl negated where zh was positive; clamped
     * at -120 where e^-|z| is 0 to float precision anyway */
    const vf z = vf_max(vf_set1(EXP_F_MIN), vf_or(zh, vf_set1(-0.0f)));
    const vf zlo = vf_xor(zl, vf_andnot(zh, vf_set1(-0.0f)));
    vf n;
    const vf p = exp_f_pn(z, zlo, &n);
    const vf e = vf_scalef(p, n);
    const vf d = vf_add(vf_set1(1.0f), e);
    const vf dl = vf_add(vf_sub(vf_set1(1.0f), d), e);
    const vf y = vf_mul(x, div_f_hl(vf_select(neg, p, vf_set1(1.0f)), d, dl));
    return vf_select(neg, vf_scalef(y, n), y);
}

static inline vf swish_fast(vf x, vf alpha)
{
    (void)alpha;
    /* x clamped at -120 (swish is -0 there): swish(-inf) = -0, not -inf*0 */
    return mul_sigmoid_fast(vf_max(vf_set1(EXP_F_MIN), x), x, vf_set1(-0.0f));
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
    return mul_sigmoid_fast(xm, z, zl);
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
