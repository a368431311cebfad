/* log1p cores.
 *
 *   log1p_f_scaled(a)  log(1+a) for a in [0, 1], float
 *   log1p_d(a)         log(1+a) for a in [0, 2^1000), double
 *
 * Both use log(1+f) = 2 atanh(s), s = f/(2+f), whose odd series
 * 2s (1 + s^2/3 + s^4/5 + ...) converges fast for small |s|.
 *
 * Float: with a in [0, 1], s in [0, 1/3]; the series in z = s^2 is replaced
 * by 1 + z P(z) with P of degree 3 (weighted Lawson fit on [0, 1/9] in /tmp,
 * numpy + mpmath: relative error 2^-27.7).  2s = 2a/(2+a) is one division
 * of the exact 2a, so for a tiny (subnormal) a the result rounds once.
 *
 * Double: u = 1 + a rounded, c = (a - (u-1))/u corrects that rounding
 * (log(1+a) = log(u) + c to first order); u = 2^k m with m in
 * [sqrt(1/2), sqrt(2)), so s = (m-1)/(m+1) is in [-0.1716, 0.1716] and the
 * Taylor series of atanh up to s^13 leaves a truncation error below
 * 2s * 2^-34. */
#ifndef ACTBENCH_CORE_LOG1P_H
#define ACTBENCH_CORE_LOG1P_H

static inline vf log1p_f_small(vf a)
{
    const vf t = vf_div(vf_mul(a, vf_set1(2.0f)), vf_add(vf_set1(2.0f), a)); /* 2s */
    const vf z = vf_mul(vf_mul(t, t), vf_set1(0.25f));                       /* s^2 */
    vf p = vf_fma(vf_set1(0x1.1ee98cp-3f), z, vf_set1(0x1.1eb9bap-3f));
    p = vf_fma(p, z, vf_set1(0x1.99d238p-3f));
    p = vf_fma(p, z, vf_set1(0x1.555500p-2f));
    return vf_fma(vf_mul(t, z), p, t);
}

static inline vd log1p_d(vd a)
{
    const vd u = vd_add(vd_set1(1.0), a);
    const vd c = vd_div(vd_sub(a, vd_sub(u, vd_set1(1.0))), u);
    /* k = exponent of u / sqrt(1/2) (u >= 1, so no sign to care for) */
    const vl bits = vd_as_vl(u);
    const vl k = vl_srl(vl_sub(bits, vl_set1(0x3fe6a09e667f3bcdLL)), 52);
    const vd m = vl_as_vd(vl_sub(bits, vl_shl(k, 52)));
    const vd kd = vd_sub(vl_as_vd(vl_or(k, vl_set1(0x4330000000000000LL))), vd_set1(0x1p52));
    const vd f = vd_sub(m, vd_set1(1.0)); /* exact: m in [0.707, 1.415) */
    const vd s = vd_div(f, vd_add(m, vd_set1(1.0)));
    const vd z = vd_mul(s, s);
    vd p = vd_fma(vd_set1(1.0 / 13), z, vd_set1(1.0 / 11));
    p = vd_fma(p, z, vd_set1(1.0 / 9));
    p = vd_fma(p, z, vd_set1(1.0 / 7));
    p = vd_fma(p, z, vd_set1(1.0 / 5));
    p = vd_fma(p, z, vd_set1(1.0 / 3));
    const vd s2 = vd_add(s, s);
    const vd logm = vd_fma(vd_mul(s2, z), p, s2);
    /* k ln2 + log(m) + c, ln2 in two parts so k*hi is exact */
    const vd lo = vd_fma(kd, vd_set1(1.90821492927058770002e-10), vd_add(logm, c));
    return vd_fma(kd, vd_set1(6.93147180369123816490e-01), lo);
}

#endif
