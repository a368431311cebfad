/* softmax and log_softmax over one row of len floats.
 *
 * Three passes: the row maximum; e_i = e^(x_i - max) and their sum; the
 * scaling.  Every e_i is in [0, 1] and the largest is 1, so nothing
 * overflows.  The sum is always accumulated in double (VD_PER_VF double
 * accumulators): a float sum over 10^4 terms can lose 2^-24 per add.
 *
 * Special rows come out of the arithmetic: a NaN gives e = NaN and a NaN sum;
 * +inf makes max = inf and its own x - max = inf - inf = NaN; a row of all
 * -inf has max = -inf and every x - max NaN.  -inf entries give e = 0.
 *
 * softmax FAST: x - max is carried as two floats (TwoSum) and the low part
 *   fed to exp_f's reduced argument -- a rounded x - max of size ~100 would
 *   otherwise cost up to 2^-18 relative in e; y = e * float(1/sum).
 * softmax ACCURATE (f64-p7): x - max exact in double, exp_d, e stored as
 *   float, then y = float(e * (1/sum)) in double: two float roundings,
 *   <= 1 ULP + 2^-30.
 * softmax ACCURATE (rr2-p6-hl): the same in float, see softmax_acc_hl_row.
 * log_softmax: y = (x - max) - log(sum).  sum = 1 + rest where rest sums the
 *   terms with x < max plus (count(x == max) - 1), so log(sum) = log1p(rest)
 *   keeps its relative accuracy when rest is tiny (then y for x = max is
 *   -rest, not 0).  log1p_d once per row; FAST finishes in float (two
 *   roundings plus the TwoSum part of x - max), ACCURATE in double. */
#ifndef ACTBENCH_ACT_SOFTMAX_H
#define ACTBENCH_ACT_SOFTMAX_H

#include <math.h> /* INFINITY only */

#include "core_exp.h"
#include "core_log1p.h"

/* Loads lanes [i, i+VF_LANES) of x, or the k < VF_LANES remaining ones with
 * -inf in the lanes past the row. */
static inline vf softmax_load(const float *x, size_t i, size_t len)
{
    if (i + VF_LANES <= len)
        return vf_load(x + i);
    return vf_select(vm_first(len - i), vf_load_part(x + i, len - i), vf_set1(-INFINITY));
}
static inline void softmax_store(float *y, size_t i, size_t len, vf v)
{
    if (i + VF_LANES <= len)
        vf_store(y + i, v);
    else
        vf_store_part(y + i, v, len - i);
}

static inline float softmax_row_max(const float *x, size_t len)
{
    vf m = vf_set1(-INFINITY);
    for (size_t i = 0; i < len; i += VF_LANES)
        m = vf_max(m, softmax_load(x, i, len));
    return vf_reduce_max(m);
}

/* x - max as d + dl exactly (TwoSum); dl is 0 where d < -200 (e^d is 0
 * there, and an infinite x would make the TwoSum NaN). */
static inline vf softmax_diff(vf x, vf max, vf *dl)
{
    const vf d = vf_sub(x, max);
    const vf bb = vf_sub(d, x);
    const vf err = vf_sub(vf_sub(x, vf_sub(d, bb)), vf_add(max, bb));
    *dl = vf_select(vm_ge(d, vf_set1(-200.0f)), err, vf_zero());
    return d;
}

/* Sums (and stores to y when y is not NULL) e^(x - max) in double; counts
 * into *cnt the elements equal to max and leaves them out of the sum when
 * count_max is set. */
static inline double softmax_fast_sum(const float *x, float *y, size_t len, float max,
                                      int count_max, double *cnt)
{
    vd s0 = vd_set1(0.0), s1 = vd_set1(0.0), c0 = vd_set1(0.0), c1 = vd_set1(0.0);
    const vf vmax = vf_set1(max);
    for (size_t i = 0; i < len; i += VF_LANES) {
        vf dl;
        const vf d = softmax_diff(softmax_load(x, i, len), vmax, &dl);
        vf n;
        const vf p = exp_f_pn(vf_max(vf_set1(EXP_F_MIN), d), dl, &n);
        vf e = vf_scalef(p, n);
        if (y)
            softmax_store(y, i, len, e);
        if (count_max) {
            const vm at_max = vm_eq(d, vf_zero());
            const vf c = vf_select(at_max, vf_set1(1.0f), vf_zero());
            c0 = vd_add(c0, vf_cvt_vd_lo(c));
            c1 = vd_add(c1, vf_cvt_vd_hi(c));
            e = vf_select(at_max, vf_zero(), e);
        }
        s0 = vd_add(s0, vf_cvt_vd_lo(e));
        s1 = vd_add(s1, vf_cvt_vd_hi(e));
    }
    *cnt = vd_reduce_add(vd_add(c0, c1));
    return vd_reduce_add(vd_add(s0, s1));
}

static inline void softmax_fast_row(const float *x, float *y, size_t len)
{
    const float max = softmax_row_max(x, len);
    double cnt;
    const double sum = softmax_fast_sum(x, y, len, max, 0, &cnt);
    const vf inv = vf_set1((float)(1.0 / sum));
    for (size_t i = 0; i < len; i += VF_LANES)
        softmax_store(y, i, len, vf_mul(softmax_load(y, i, len), inv));
}

static inline void log_softmax_fast_row(const float *x, float *y, size_t len)
{
    const float max = softmax_row_max(x, len);
    double cnt;
    const double rest = softmax_fast_sum(x, NULL, len, max, 1, &cnt) + (cnt - 1.0);
    const vf lse = vd_cvt_vf2(log1p_d(vd_set1(rest)), log1p_d(vd_set1(rest)));
    const vf vmax = vf_set1(max);
    for (size_t i = 0; i < len; i += VF_LANES) {
        vf dl;
        const vf d = softmax_diff(softmax_load(x, i, len), vmax, &dl);
        softmax_store(y, i, len, vf_add(vf_sub(d, lse), dl));
    }
}

/* e^(x - max) in double for one half of a vector; -inf entries give 0
 * exactly (the clamp to -708 would leave 3e-308). */
static inline vd softmax_exp_d(vd x, vd max)
{
    const vd d = vd_sub(x, max);
    const vd e = exp_d(vd_max(vd_set1(-708.0), d));
    return vd_select(vd_eq(d, vd_set1(-INFINITY)), vd_set1(0.0), e);
}

static inline void softmax_acc_row(const float *x, float *y, size_t len)
{
    const vd max = vd_set1((double)softmax_row_max(x, len));
    vd s0 = vd_set1(0.0), s1 = vd_set1(0.0);
    for (size_t i = 0; i < len; i += VF_LANES) {
        const vf v = softmax_load(x, i, len);
        const vd e0 = softmax_exp_d(vf_cvt_vd_lo(v), max);
        /* VD_PER_VF == 1 (scalar): there is no high half, its 0.0 must not
         * be summed */
        const vd e1 = VD_PER_VF > 1 ? softmax_exp_d(vf_cvt_vd_hi(v), max) : vd_set1(0.0);
        s0 = vd_add(s0, e0);
        s1 = vd_add(s1, e1);
        softmax_store(y, i, len, vd_cvt_vf2(e0, e1));
    }
    const vd inv = vd_set1(1.0 / vd_reduce_add(vd_add(s0, s1)));
    for (size_t i = 0; i < len; i += VF_LANES) {
        const vf v = softmax_load(y, i, len);
        softmax_store(y, i, len, vd_cvt_vf2(vd_mul(vf_cvt_vd_lo(v), inv), vd_mul(vf_cvt_vd_hi(v), inv)));
    }
}

/* y = (x - max) - log1p(rest) in double, one rounding to float.  A +inf
 * entry equals max, so it was counted, not summed as NaN: a row whose max is
 * not finite (+inf, or -inf: all -inf) is NaN throughout. */
static inline void log_softmax_finish_d(const float *x, float *y, size_t len, float maxf,
                                        double rest)
{
    const vd max = vd_set1((double)maxf);
    if (!(maxf - maxf == 0.0f))
        rest = (double)(maxf - maxf);
    const vd lse = log1p_d(vd_set1(rest));
    for (size_t i = 0; i < len; i += VF_LANES) {
        const vf v = softmax_load(x, i, len);
        const vd d0 = vd_sub(vf_cvt_vd_lo(v), max), d1 = vd_sub(vf_cvt_vd_hi(v), max);
        softmax_store(y, i, len, vd_cvt_vf2(vd_sub(d0, lse), vd_sub(d1, lse)));
    }
}

static inline void log_softmax_acc_row(const float *x, float *y, size_t len)
{
    const float maxf = softmax_row_max(x, len);
    const vd max = vd_set1((double)maxf);
    vd s0 = vd_set1(0.0), s1 = vd_set1(0.0), c0 = vd_set1(0.0), c1 = vd_set1(0.0);
    for (size_t i = 0; i < len; i += VF_LANES) {
        const vf v = softmax_load(x, i, len);
        const vd x0 = vf_cvt_vd_lo(v), x1 = vf_cvt_vd_hi(v);
        const vdm m0 = vd_eq(x0, max), m1 = vd_eq(x1, max);
        s0 = vd_add(s0, vd_select(m0, vd_set1(0.0), softmax_exp_d(x0, max)));
        c0 = vd_add(c0, vd_select(m0, vd_set1(1.0), vd_set1(0.0)));
        if (VD_PER_VF > 1) { /* no high half on the scalar version */
            s1 = vd_add(s1, vd_select(m1, vd_set1(0.0), softmax_exp_d(x1, max)));
            c1 = vd_add(c1, vd_select(m1, vd_set1(1.0), vd_set1(0.0)));
        }
    }
    const double rest = vd_reduce_add(vd_add(s0, s1)) + (vd_reduce_add(vd_add(c0, c1)) - 1.0);
    log_softmax_finish_d(x, y, len, maxf, rest);
}

/* softmax ACCURATE in float (rr2-p6-hl): x - max as d + dl (TwoSum, dl
 * kept wherever d is finite), e = e^(d + dl) from exp_f_pn_hl as p + plo
 * (relative error 2^-27.4 plus 2^-45), ph = p + plo rounded and its exact
 * residual pr (Fast2Sum, |p| >= |plo|); e_i = ph 2^n is stored (one
 * rounding: <= 2^-24 relative, or 2^-150 absolute when subnormal) and the
 * sum S = sum(e_i) in double + sum(pr 2^n) in float (the residuals are
 * below 2^-24 S, so their float sum costs < 2^-38 S), so S is within
 * 2^-27.3 of the exact sum.  Then y = e_i (inv_hi + inv_lo), 1/S as a
 * float pair (2^-48), in one fused rounding.  Error: 0.5 (last rounding)
 * + up to 1 (rounding of e_i, relative 2^-24) + 0.2 (polynomial, twice)
 * = 1.7 ULP at most, subnormal outputs included (their absolute error is
 * 2^-150 (e_i) + half a subnormal ulp). */
/* The sum pass: stores e_i = ph 2^n to y and returns
 * S = sum(e_i) + sum(pr 2^n). */
static inline double softmax_hl_sum(const float *x, float *y, size_t len, float max)
{
    const vf vmax = vf_set1(max);
    vd s0 = vd_set1(0.0), s1 = vd_set1(0.0);
    vf sr = vf_zero();
    for (size_t i = 0; i < len; i += VF_LANES) {
        const vf xv = softmax_load(x, i, len);
        const vf d = vf_sub(xv, vmax);
        const vf bb = vf_sub(d, xv);
        const vf err = vf_sub(vf_sub(xv, vf_sub(d, bb)), vf_add(vmax, bb));
        /* d = -inf (x = -inf) makes err NaN: e is 0 there anyway */
        const vf dl = vf_select(vm_ge(d, vf_set1(EXP_F_MIN)), err, vf_zero());
        vf n, plo;
        const vf p = exp_f_pn_hl(vf_max(vf_set1(EXP_F_MIN), d), dl, &n, &plo);
        const vf ph = vf_add(p, plo);
        const vf pr = vf_sub(plo, vf_sub(ph, p));
        const vf e = vf_scalef(ph, n);
        softmax_store(y, i, len, e);
        sr = vf_add(sr, vf_scalef(pr, n));
        s0 = vd_add(s0, vf_cvt_vd_lo(e));
        /* VD_PER_VF == 1 (scalar): no high half */
        if (VD_PER_VF > 1)
            s1 = vd_add(s1, vf_cvt_vd_hi(e));
    }
    /* a NaN in the row reaches the sum through e (and sr) */
    return vd_reduce_add(vd_add(s0, s1)) + (double)vf_reduce_add(sr);
}

static inline void softmax_acc_hl_row(const float *x, float *y, size_t len)
{
    const double inv = 1.0 / softmax_hl_sum(x, y, len, softmax_row_max(x, len));
    const float inv_hi = (float)inv;
    const vf vinv_hi = vf_set1(inv_hi), vinv_lo = vf_set1((float)(inv - (double)inv_hi));
    for (size_t i = 0; i < len; i += VF_LANES) {
        const vf e = softmax_load(y, i, len);
        softmax_store(y, i, len, vf_fma(e, vinv_hi, vf_mul(e, vinv_lo)));
    }
}

#endif
