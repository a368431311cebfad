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
 * log_softmax: y = (x - max) - log1p(rest), all three variants in float
 *   with the sum in double; see the log_softmax section at the end. */
#ifndef ACTBENCH_ACT_SOFTMAX_H
#define ACTBENCH_ACT_SOFTMAX_H

#include <float.h> /* FLT_MAX */
#include <math.h>  /* INFINITY only */

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

/* Four independent maxima: one chain of vmaxps (2 cycles each) was what
 * bounded this pass.  2.5-3% of the softmax and log_softmax FAST rows of
 * 1024 on AVX-512 (0.468 -> 0.456 and 0.424 -> 0.412 ns/element, best of
 * 40 standalone); the same maximum, so the same outputs.  (The sum pass
 * gained nothing from two vectors per iteration: its chains of double
 * additions are shorter than the exponential's work.) */
static inline float softmax_row_max(const float *x, size_t len)
{
    vf m0 = vf_set1(-INFINITY), m1 = m0, m2 = m0, m3 = m0;
    size_t i = 0;
    for (; i + 4 * VF_LANES <= len; i += 4 * VF_LANES) {
        m0 = vf_max(m0, vf_load(x + i));
        m1 = vf_max(m1, vf_load(x + i + VF_LANES));
        m2 = vf_max(m2, vf_load(x + i + 2 * VF_LANES));
        m3 = vf_max(m3, vf_load(x + i + 3 * VF_LANES));
    }
    for (; i < len; i += VF_LANES)
        m0 = vf_max(m0, softmax_load(x, i, len));
    return vf_reduce_max(vf_max(vf_max(m0, m1), vf_max(m2, m3)));
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

/* Stores e^(x - max) to y and returns their sum, in double. */
static inline double softmax_fast_sum(const float *x, float *y, size_t len, float max)
{
    vd s0 = vd_set1(0.0), s1 = vd_set1(0.0);
    const vf vmax = vf_set1(max);
    for (size_t i = 0; i < len; i += VF_LANES) {
        vf dl;
        const vf d = softmax_diff(softmax_load(x, i, len), vmax, &dl);
        vf n;
        const vf p = exp_f_pn(vf_max(vf_set1(EXP_F_MIN), d), dl, &n);
        const vf e = vf_scalef(p, n);
        softmax_store(y, i, len, e);
        s0 = vd_add(s0, vf_cvt_vd_lo(e));
        s1 = vd_add(s1, vf_cvt_vd_hi(e));
    }
    return vd_reduce_add(vd_add(s0, s1));
}

static inline void softmax_fast_row(const float *x, float *y, size_t len)
{
    const float max = softmax_row_max(x, len);
    const double sum = softmax_fast_sum(x, y, len, max);
    const vf inv = vf_set1((float)(1.0 / sum));
    for (size_t i = 0; i < len; i += VF_LANES)
        softmax_store(y, i, len, vf_mul(softmax_load(y, i, len), inv));
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

/* ---- log_softmax ----
 * y = (x - max) - L, L = log(sum) = log1p(rest): sum = 1 + rest with rest
 * the sum of every e_i but one e_i = 1 (an element equal to max), so L
 * keeps its relative accuracy when rest is tiny (y for x = max is then
 * -rest, not 0).  d = x - max <= 0 and -L <= 0 have the same sign, so
 * |y| >= L and the relative error of L (at most rest's) reaches y at most
 * as it is: rest good to 2^-k relative costs at most 2^(24-k) ULP.
 *
 * The rest pass: x - max = d + dl exactly, e^(d + dl) from the lut16-p3
 * exponential (exp_l16_pn, or the pair exp_l16_pn_hl), scaled by 2^64 on
 * the way (2^(n16 + 64)) so that no term that matters goes subnormal in
 * float: the float rounding of e 2^64 costs at most 2^-150, 2^-214 once
 * unscaled, far below the smallest output ulp (2^-149).  d is clamped at
 * -150 (e 2^64 < 2^-151 rounds to 0 there: -inf entries add nothing, and
 * dl, NaN for them, is dropped).  The terms are summed in double (a float
 * sum over 10^4 terms could lose 2^-24 per add), the pair's low parts
 * (below 2^-23 of theirs) in float.  Every element equal to max has
 * e = 1 exactly; the 1 of sum = 1 + rest is left out by passing the
 * elements equal to max in the first vector that holds one as -inf (they
 * add 0) and counting them (the others add their 1 exactly), so no other
 * vector pays for a compare and nothing is subtracted from the sum.
 *   exp_l16_pn: p rounded once (2^-24) plus the fit (2^-29): rest within
 *     2^-23.9 relative, up to 1.07 ULP in y (measured far less: errors of
 *     many terms average out, and one term alone is rarely at its worst).
 *   exp_l16_pn_hl: 2^-28 for the pair: rest within 2^-27.5, 0.1 ULP.
 *
 * The finish, C = float(max + L) and c = ch + cl = (max - C) + L (max - C
 * is exact: max and C are within a factor 2 of each other, or max - C is
 * -C; the double sum costs 2^-53 of |c| <= |y|), y = x - C - c:
 *   exact (ACCURATE): x - C = s + t exactly, y = s + ((t - ch) - cl), the
 *     inner operations rounding far below an ulp of y: 0.5 ULP plus rest's
 *     error (so 0.6 ULP with the pair, 1.6 ULP at most without).
 *   short (FAST): y = (x - C) - ch, two roundings: 1 ULP, 1.5 where x - C
 *     and y are in different binades, plus rest's error: 2.6 ULP at most.
 * x - C = s + t: with a = min(x, -C) and b = max(x, -C), |a| >= |b| (x <=
 * C; for C >= 0 either x <= 0 or 0 < x <= C; for C < 0, x <= max <= C < 0
 * < -C with |x| >= |C|), so Fast2Sum t = b - (s - a) is exact; the same
 * holds for x - max (max <= C's role).  min/max take x second so that a
 * NaN x is kept; x = -inf makes t NaN, turned into FLT_MAX by
 * min(t, FLT_MAX) (vf_min(a, b) is a < b ? a : b), so y = -inf.  A row
 * whose max is not finite gets rest NaN, hence NaN throughout. */
#define LOG_SOFTMAX_D_MIN -150.0f

/* a + b = s + *t exactly given |a| >= |b| as above (Fast2Sum) */
static inline vf log_softmax_diff(vf x, vf negc, vf *t)
{
    const vf a = vf_min(negc, x), b = vf_max(negc, x);
    const vf s = vf_add(a, b);
    *t = vf_sub(b, vf_sub(s, a));
    return s;
}

/* Adds e^(x - max) 2^64 of every lane of xv to s0, s1 (double) and, with
 * pair, the low parts to sr. */
static inline void log_softmax_rest_add(vf xv, vf negmax, int pair, vd *s0, vd *s1, vf *sr)
{
    const vf lo = vf_set1(LOG_SOFTMAX_D_MIN);
    vf err;
    const vf d = log_softmax_diff(xv, negmax, &err);
    const vf dl = vf_select(vm_ge(d, lo), err, vf_zero());
    const vf dc = vf_max(lo, d); /* NaN kept */
    vf n16, plo, p;
    if (pair)
        p = exp_l16_pn_hl(dc, dl, &n16, &plo);
    else
        p = exp_l16_pn(dc, dl, &n16);
    const vf ns = vf_add(n16, vf_set1(64.0f));
    const vf e = vf_scalef_floor(p, ns);
    if (pair)
        *sr = vf_add(*sr, vf_scalef_floor(plo, ns));
    *s0 = vd_add(*s0, vf_cvt_vd_lo(e));
    /* VD_PER_VF == 1 (scalar): no high half */
    if (VD_PER_VF > 1)
        *s1 = vd_add(*s1, vf_cvt_vd_hi(e));
}

static inline double log_softmax_rest(const float *x, size_t len, float max, int pair)
{
    const vf vmax = vf_set1(max), negmax = vf_set1(-max);
    vd s0 = vd_set1(0.0), s1 = vd_set1(0.0);
    vf sr = vf_zero();
    /* the first vector holding max (a row with a NaN max has none: then
     * every vector is summed and the NaN reaches the sum) */
    size_t first = len;
    for (size_t i = 0; i < len; i += VF_LANES)
        if (vm_any(vm_eq(softmax_load(x, i, len), vmax))) {
            first = i;
            break;
        }
    for (size_t i = 0; i < first; i += VF_LANES)
        log_softmax_rest_add(softmax_load(x, i, len), negmax, pair, &s0, &s1, &sr);
    double ones = 0.0;
    if (first < len) {
        /* its elements equal to max enter as -inf, which adds exactly 0 */
        const vf xv = softmax_load(x, first, len);
        log_softmax_rest_add(vf_select(vm_eq(xv, vmax), vf_set1(-INFINITY), xv), negmax, pair,
                             &s0, &s1, &sr);
        for (size_t k = first; k < len && k < first + VF_LANES; k++)
            ones += x[k] == max;
        ones -= 1.0;
    }
    for (size_t i = first + VF_LANES; i < len; i += VF_LANES)
        log_softmax_rest_add(softmax_load(x, i, len), negmax, pair, &s0, &s1, &sr);
    const double sum = (vd_reduce_add(vd_add(s0, s1)) + (double)vf_reduce_add(sr)) * 0x1p-64;
    return sum + ones;
}

static inline void log_softmax_finish(const float *x, float *y, size_t len, float maxf,
                                      double rest, int exact)
{
    if (!(maxf - maxf == 0.0f))
        rest = (double)(maxf - maxf);
    const double lse = vd_lane0(log1p_d(vd_set1(rest)));
    const float cf = (float)((double)maxf + lse);
    const double c = ((double)maxf - (double)cf) + lse;
    const float chf = (float)c;
    const vf negc = vf_set1(-cf), ch = vf_set1(chf), cl = vf_set1((float)(c - (double)chf));
    for (size_t i = 0; i < len; i += VF_LANES) {
        const vf xv = softmax_load(x, i, len);
        vf yv;
        if (exact) {
            vf t;
            const vf sv = log_softmax_diff(xv, negc, &t);
            yv = vf_add(sv, vf_sub(vf_sub(vf_min(t, vf_set1(FLT_MAX)), ch), cl));
        } else {
            yv = vf_sub(vf_add(xv, negc), ch);
        }
        softmax_store(y, i, len, yv);
    }
}

/* FAST: exp_l16_pn, short finish */
static inline void log_softmax_fast_row(const float *x, float *y, size_t len)
{
    const float maxf = softmax_row_max(x, len);
    log_softmax_finish(x, y, len, maxf, log_softmax_rest(x, len, maxf, 0), 0);
}

/* ACCURATE, within 2 ULP: exp_l16_pn, exact finish */
static inline void log_softmax_acc_row(const float *x, float *y, size_t len)
{
    const float maxf = softmax_row_max(x, len);
    log_softmax_finish(x, y, len, maxf, log_softmax_rest(x, len, maxf, 0), 1);
}

/* ACCURATE, within 1 ULP: exp_l16_pn_hl, exact finish */
static inline void log_softmax_acc_hl_row(const float *x, float *y, size_t len)
{
    const float maxf = softmax_row_max(x, len);
    log_softmax_finish(x, y, len, maxf, log_softmax_rest(x, len, maxf, 1), 1);
}

#endif
