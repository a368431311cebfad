/* tanh cores, written against the vec_*.h API (float only, both tiers:
 * the accurate one needs no double, see below).
 *
 * Both work on z = |x| and put the sign back at the end (tanh is odd), with
 * the result built so that it is +0 for z = +0: tanh(-0) = -0 and a
 * subnormal x returns itself.
 *
 * Both evaluate e^-2z = 2^n (1 + q) with tanh_exp_m2z below (core_exp.h's
 * constants, but its own polynomial for q: see there).
 *
 * FAST (tanh_f_fast):  tanh z = ne / (2 - ne), ne = -expm1(-2z) =
 *   (1 - 2^n) - 2^n q: 1 - 2^n is exact for n in [-24, 0] and the fused
 *   multiply-add rounds once, so ne keeps full relative accuracy near 0
 *   (n = 0: ne = -q) with no branch.  ne is in [0, 1], so y <= 1 always;
 *   z is clamped to 9.1, where ne rounds to 1, so large z (and +inf) give
 *   exactly 1.  Error: the rounding of ne is amplified by
 *   d(log y)/d(log ne) = 2/(2 - ne) <= 2, plus 2 - ne and the division:
 *   measured max 2.50 ULP over all floats.
 *
 * ACCURATE (tanh_f_acc): two regions, selected per lane.
 *   z < 0.55: tanh z = z + z^3 P(z^2), P of degree 4 (z^3..z^11 terms), a
 *     weighted least-squares (Lawson-iterated, near-minimax) fit of
 *     (tanh z - z)/z^3 on [0, 0.55] for the relative error of tanh, fitted in
 *     /tmp with numpy + mpmath: 2^-27.8 with float coefficients.  The
 *     correction z^3 P is at most 10% of the result, so its rounding errors
 *     cost < 0.2 ULP; the final fused add rounds once.
 *   z >= 0.55: tanh z = 2/B - 1, B = 1 + s, s = e^-2z = 2^n (1 + q),
 *     n <= -2.  B is formed as bh + bl: 1 + 2^n is exact for n >= -23, the
 *     fused multiply-add of 2^n q rounds once and a second one recovers its
 *     error (Sterbenz makes (1 + 2^n) - bh exact), and for n <= -24 the
 *     rounding of 1 + 2^n itself is recovered too.  g0 = 2 (1/bh) is within
 *     half an ulp of 2/bh, so the residual 2 - g0 bh is exact in a fused
 *     multiply-add; g0 - 1 is exact (g0 in (1, 2]), and
 *     y = (g0 - 1) + (2 - g0 B)/bh is rounded once.  (recip_f instead of
 *     the division measured no faster on Zen 4.)  q's error enters scaled by
 *     2^n <= 1/4.  z is clamped to 9.1, where tanh rounds to 1; y <= 1
 *     (bh >= 1, and at bh = 1 the correction is -2 bl < 0).
 *   Measured max 0.77 ULP over all floats, at z ~ 0.53 (polynomial side).
 */
#ifndef ACTBENCH_CORE_TANH_H
#define ACTBENCH_CORE_TANH_H

#include "core_exp.h"

/* |x| and the sign bit of x alone. */
static inline vf tanh_split_sign(vf x, vf *sign)
{
    const vf z = vf_abs(x);
    *sign = vf_xor(x, z);
    return z;
}

/* e^-2z = 2^n (1 + q), n = round(-2z/ln2) <= 0, returned as 2^n (*s) and q.
 * Reduced argument r = z + n ln2/2 in [-ln2/4, ln2/4] (one-constant
 * reduction: n ln2/2 is off by |n| * 9.5e-10, but that error is scaled by
 * 2^n wherever n != 0), q = e^-2r - 1 = -2r + r^2 P(r), P of degree 4 (q of
 * degree 6), a Lawson-iterated least-squares fit for the relative error of q
 * itself (numpy + mpmath in /tmp): 2^-25.8 with float coefficients.
 * core_exp.h's expm1_f is not used because its polynomial is fitted for the
 * relative error of e^r (2^-23.2), which near 0 is 13 ULP of e^r - 1 in
 * tanh.  Valid for z in [0, 9.1] (n >= -27). */
#define TANH_Q2 0x1.fffffep+0f
#define TANH_Q3 -0x1.5554b0p+0f
#define TANH_Q4 0x1.555674p-1f
#define TANH_Q5 -0x1.122768p-2f
#define TANH_Q6 0x1.6bec04p-4f
#define TANH_M2LOG2E -0x1.715476p+1f /* -2/ln2 */
#define TANH_LN2_HALF 0x1.62e430p-2f /* ln2/2, rounded */
#define TANH_SAT 9.1f                /* tanh z rounds to 1 from 9.01 on */

static inline vf tanh_exp_m2z(vf z, vf *s)
{
    const vf t = vf_fma(z, vf_set1(TANH_M2LOG2E), vf_set1(EXP_F_MAGIC));
    const vf nf = vf_sub(t, vf_set1(EXP_F_MAGIC));
    const vf r = vf_fma(nf, vf_set1(TANH_LN2_HALF), z);
    vf p = vf_fma(vf_set1(TANH_Q6), r, vf_set1(TANH_Q5));
    p = vf_fma(p, r, vf_set1(TANH_Q4));
    p = vf_fma(p, r, vf_set1(TANH_Q3));
    p = vf_fma(p, r, vf_set1(TANH_Q2));
    *s = vf_pow2i(vi_sub(vf_as_vi(t), vf_as_vi(vf_set1(EXP_F_MAGIC))));
    return vf_fma(vf_mul(r, r), p, vf_mul(r, vf_set1(-2.0f)));
}

/* ---- FAST ---- */
static inline vf tanh_f_fast(vf x)
{
    vf sign, s;
    const vf z = tanh_split_sign(x, &sign);
    /* vf_min(SAT, z) keeps a NaN z: NaN in, NaN out */
    const vf q = tanh_exp_m2z(vf_min(vf_set1(TANH_SAT), z), &s);
    /* ne = -expm1(-2z) = (1 - 2^n) - 2^n q: +0 at z = 0, 2z for tiny z */
    const vf ne = vf_fnma(s, q, vf_sub(vf_set1(1.0f), s));
    const vf y = vf_div(ne, vf_sub(vf_set1(2.0f), ne));
    return vf_xor(y, sign);
}

/* ---- ACCURATE ---- */
#define TANH_P1 -0x1.55554ap-2f
#define TANH_P3 0x1.110d26p-3f
#define TANH_P5 -0x1.b9287cp-5f
#define TANH_P7 0x1.593d0ap-6f
#define TANH_P9 -0x1.9b3056p-8f
/* atanh(0.5) ~ 0.549: above it n <= -2 and y >= 1/2 (starting the second
 * branch at 0.4, with a shorter polynomial, measured 0.86 ULP instead) */
#define TANH_SMALL 0.55f

static inline vf tanh_f_acc(vf x)
{
    vf sign, s;
    const vf z = tanh_split_sign(x, &sign);

    /* small z: z + z^3 P(z^2) */
    const vf w = vf_mul(z, z);
    vf p = vf_fma(vf_set1(TANH_P9), w, vf_set1(TANH_P7));
    p = vf_fma(p, w, vf_set1(TANH_P5));
    p = vf_fma(p, w, vf_set1(TANH_P3));
    p = vf_fma(p, w, vf_set1(TANH_P1));
    const vf y_small = vf_fma(vf_mul(z, w), p, z);

    /* large z: 2/B - 1, B = 1 + s = 1 + 2^n (1 + q) = bh + bl; NaN z takes
     * this branch (NaN < SMALL is false) and vf_min keeps it NaN */
    const vf q = tanh_exp_m2z(vf_min(vf_set1(TANH_SAT), z), &s);
    const vf one = vf_set1(1.0f);
    const vf b0 = vf_add(one, s);
    const vf bh = vf_fma(s, q, b0);
    const vf bl = vf_add(vf_fma(s, q, vf_sub(b0, bh)), vf_add(vf_sub(one, b0), s));
    const vf rb = vf_div(one, bh);
    const vf g0 = vf_add(rb, rb);               /* 2/bh within 1/2 ulp */
    vf res = vf_fnma(g0, bh, vf_set1(2.0f));    /* exact */
    res = vf_fnma(g0, bl, res);                 /* 2 - g0 B */
    const vf y_large = vf_fma(res, rb, vf_sub(g0, one)); /* g0 - 1 exact */

    const vf y = vf_select(vm_lt(z, vf_set1(TANH_SMALL)), y_small, y_large);
    return vf_xor(y, sign);
}

#endif
