/* softplus and mish.
 *
 * softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|): e^-|x| is in
 *   [0, 1], nothing overflows, and for x -> -inf the result is e^x itself
 *   (subnormal below -87, rounded once by exp and once by log1p's division).
 * mish(x) = x tanh(log(1 + e^x)); with e = e^x, tanh(log(1+e)) =
 *   ((1+e)^2 - 1)/((1+e)^2 + 1) = e(e+2) / (e(e+2) + 2), no tanh needed and
 *   no cancellation.  e is taken at min(x, 20) (beyond, the ratio is 1 to far
 *   below float precision, so mish(x) = x, and mish(inf) = inf); for x < -87
 *   the result x e^x is subnormal, so e is kept as m * s and s applied last.
 *   mish(-inf) = -120 * e^-120 = -0.
 * FAST in float (exp_f, log1p_f_small, a division), ACCURATE in double (exp_d,
 * log1p_d, division) rounded once. */
#ifndef ACTBENCH_ACT_SOFTPLUS_H
#define ACTBENCH_ACT_SOFTPLUS_H

#include "core_exp.h"
#include "core_log1p.h"

/* ---- FAST ---- */
static inline vf softplus_fast(vf x, vf alpha)
{
    (void)alpha;
    const vf l = log1p_f_small(exp_f(vf_neg(vf_abs(x))));
    return vf_add(vf_max(vf_zero(), x), l);
}

static inline vf mish_fast(vf x, vf alpha)
{
    (void)alpha;
    const vf xm = vf_max(vf_set1(EXP_F_MIN), x);
    vf n;
    const vf m = exp_f_pn(vf_min(vf_set1(20.0f), xm), vf_set1(-0.0f), &n);
    const vf e = vf_scalef(m, n);
    /* D = e(e+2) + 2; tanh(softplus(x)) = 1 - h with
     *   h = e(e+1)/D for x <= 0 (h <= 0.4, about e/2 near -inf),
     *   h = 2/D      for x > 0  (h <= 0.4, tiny for large x),
     * and y = A - A h in one fused rounding (A = x e, or x), so the
     * roundings inside h are damped by h/(1-h) <= 2/3 and the result sees
     * only e's error, x e's rounding and the last one. */
    const vf d = vf_fma(e, vf_add(e, vf_set1(2.0f)), vf_set1(2.0f));
    const vm pos = vm_gt(x, vf_zero());
    const vf h = vf_div(vf_select(pos, vf_set1(2.0f), vf_fma(e, e, e)), d);
    /* x > 0: the multiplicand is clamped below 2^64 so that x = inf gives
     * inf - finite, not inf - inf (for x >= 2^64, x h < ulp(x)/2 anyway).
     * x <= 0: A = x p, scaled by 2^n last, so a subnormal result (x < -87)
     * is rounded once more only at its own precision. */
    const vf xmm = vf_mul(xm, m);
    const vf ypos = vf_fnma(vf_min(vf_set1(0x1p64f), x), h, x);
    const vf yneg = vf_scalef(vf_fnma(xmm, h, xmm), n);
    /* mish has the sign of x; fnma gives +0 for x = -0 */
    return vf_or(vf_select(pos, ypos, yneg), vf_and(x, vf_set1(-0.0f)));
}

/* ---- ACCURATE ---- */
static inline vd softplus_acc_d(vd x, vd alpha)
{
    (void)alpha;
    const vd e = exp_d(vd_max(vd_set1(-708.0), vd_neg(vd_abs(x))));
    return vd_add(vd_max(vd_set1(0.0), x), log1p_d(e));
}
static inline vf softplus_acc(vf x, vf alpha)
{
    (void)alpha;
    return VF_VIA_VD(softplus_acc_d, x, vd_set1(0.0));
}

static inline vd mish_acc_d(vd x, vd alpha)
{
    (void)alpha;
    /* e^-700 is a normal double; -1000 e^-700 rounds to -0 in float */
    const vd xm = vd_max(vd_set1(-1000.0), x);
    const vd e = exp_d(vd_min(vd_set1(40.0), vd_max(vd_set1(-700.0), x)));
    const vd t = vd_mul(e, vd_add(e, vd_set1(2.0)));
    return vd_div(vd_mul(xm, t), vd_add(t, vd_set1(2.0)));
}
static inline vf mish_acc(vf x, vf alpha)
{
    (void)alpha;
    return VF_VIA_VD(mish_acc_d, x, vd_set1(0.0));
}

#endif
