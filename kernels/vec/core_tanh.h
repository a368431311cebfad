/* tanh cores, written against the vec_*.h API (float only, both tiers:
 * the accurate one needs no double, see below).
 *
 * Both work on z = |x| and put the sign back at the end (tanh is odd), with
 * the result built so that it is +0 for z = +0: tanh(-0) = -0 and a
 * subnormal x returns itself.
 *
 * Both evaluate e^-2z = 2^n (1 + q) by the same rr1 reduction (see
 * tanh_exp_m2z_q below; core_exp.h's constants), each with its own
 * polynomial for q, and both are split in two stages for the
 * software-pipelined loop (VEC_TWO_STAGE_KERNEL, vec_loop.h).
 *
 * FAST (tanh_f_fast_s1/_s2):  tanh z = ne / (2 - ne), ne = -expm1(-2z) =
 *   (1 - 2^n) - 2^n q: 1 - 2^n is exact for n in [-24, 0] and the fused
 *   multiply-add rounds once, so ne keeps full relative accuracy near 0
 *   (n = 0: ne = -q) with no branch.  ne is in [0, 1], so y <= 1 always;
 *   z is clamped to 9.1, where ne rounds to 1, so large z (and +inf) give
 *   exactly 1.  Error: the rounding of ne is amplified by
 *   d(log y)/d(log ne) = 2/(2 - ne) <= 2, plus 2 - ne and the division:
 *   measured max 2.50 ULP over all floats.
 *
 * ACCURATE (tanh_f_acc_s1/_s2): the same quotient for every z, (1 - s)/(1 + s)
 *   with s = e^-2z, e^-2z - 1 carried as a float pair and the quotient
 *   compensated once (details at the function).  Measured max 0.854 ULP over
 *   all floats, near z = 0.17 (n = 0 / n = -1)..
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

/* e^-2z = 2^n (1 + q), n = round(-2z/ln2) <= 0 (t = -2z/ln2 + 1.5*2^23
 * holds n in its low bits; the reductions are in tanh_f_fast_s1 and
 * tanh_f_acc_s1), 2^n and q from tanh_exp_m2z_q (FAST).
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

/* q from the reduction's t (whose bits hold n) and r, and *s = 2^n */
static inline vf tanh_exp_m2z_q(vf t, vf r, vf *s)
{
    vf p = vf_fma(vf_set1(TANH_Q6), r, vf_set1(TANH_Q5));
    p = vf_fma(p, r, vf_set1(TANH_Q4));
    p = vf_fma(p, r, vf_set1(TANH_Q3));
    p = vf_fma(p, r, vf_set1(TANH_Q2));
    *s = vf_pow2i(vi_sub(vf_as_vi(t), vf_as_vi(vf_set1(EXP_F_MAGIC))));
    return vf_fma(vf_mul(r, r), p, vf_mul(r, vf_set1(-2.0f)));
}

/* ---- FAST ----
 * In two stages like the ACCURATE one (the sign and the reduction, then
 * the rest): measured 0.244 -> 0.217 ns/elem at 4K on AVX-512 in the
 * software-pipelined loop (standalone, best of 20); on AVX2 it was 5%
 * slower, so AVX2 keeps the plain loop. */
typedef struct {
    vf sign, t, r;
} tanh_fast_stage;

static inline tanh_fast_stage tanh_f_fast_s1(vf x)
{
    tanh_fast_stage s;
    /* vf_min(SAT, z) keeps a NaN z: NaN in, NaN out */
    const vf z = vf_min(vf_set1(TANH_SAT), tanh_split_sign(x, &s.sign));
    s.t = vf_fma(z, vf_set1(TANH_M2LOG2E), vf_set1(EXP_F_MAGIC));
    s.r = vf_fma(vf_sub(s.t, vf_set1(EXP_F_MAGIC)), vf_set1(TANH_LN2_HALF), z);
    return s;
}

static inline vf tanh_f_fast_s2(tanh_fast_stage st)
{
    vf s;
    const vf q = tanh_exp_m2z_q(st.t, st.r, &s);
    /* ne = -expm1(-2z) = (1 - 2^n) - 2^n q: +0 at z = 0, 2z for tiny z */
    const vf ne = vf_fnma(s, q, vf_sub(vf_set1(1.0f), s));
    const vf y = vf_div(ne, vf_sub(vf_set1(2.0f), ne));
    return vf_xor(y, st.sign);
}

/* ---- ACCURATE, one formula for every z (no small-|x| branch) ----
 * tanh z = N / D with N = (1 - s)/2, D = (1 + s)/2 = 1 - N, s = e^-2z =
 * 2^n (1 + e), n = round(-2z/ln2) capped at -24, r = z + n ln2/2 (rr1, as
 * tanh_exp_m2z_q), e = e^-2r - 1 = -2r + r^2 P(r), P of degree 4 (e of degree
 * 6, Estrin): a Lawson-iterated least-squares fit of (e + 2r)/r^2 for the
 * relative error of e on |r| <= 0.1735 (numpy + mpmath in /tmp), 2^-26.1
 * with float coefficients.
 * e as a pair em + el: em = -2r + r^2 P rounded once, el = r^2 P - (2r + em)
 * exactly (2r + em is exact by Sterbenz wherever el matters).  The roundings
 * of r^2 and P are scaled by |r^2 P / e| <= 0.18: the pair is good to about
 * 2^-25.5 relative, and near z = 0 (n = 0, N = -e/2) that is the relative
 * error of N.
 * N as nh + nl: with h = 2^(n-1) (from t's bits), a = 1/2 - h is exact for
 * n in [-24, 0] (hence the cap: from z = 8.32 on r grows to 0.73 at the clamp
 * 9.05, where s only needs a few correct bits), nh = a - h em rounded once,
 * a - nh exact (Sterbenz: nh >= a/2), so nl = (a - nh) - h em is exact (fma),
 * then - h el.  D = 1 - N as dh + dl by Fast2Sum (dh in [1/2, 1]).
 * Quotient: q0 = nh / dh correctly rounded, nh - q0 dh exact (fma); the
 * remainder N - q0 D = (nh - q0 dh) + (nl - q0 dl) divided by D is a
 * multiply by 1 + q0 (1/D = 1 + tanh z), and y = q0 + that is rounded once.
 * z = |x| is clamped to 9.05, where tanh rounds to 1 (from 9.011); y <= 1
 * (N < D).  z = 0 gives +0 and a subnormal z gives z (q0 = z exactly, a zero
 * correction); the sign of x is put back by copysign.
 * Against the two-region form it replaces (z < 0.55: odd polynomial, else
 * 2/(1 + s) - 1, both computed for every lane and selected): 37 -> 33
 * vector operations per vector in the AVX-512 loop (register copies aside),
 * none of them a compare or a blend, and a shorter dependency chain (Estrin);
 * measured 0.465 -> 0.415 ns/elem at 4K (best of 40, interleaved), no change
 * on AVX2 (0.594 -> 0.591). */
#define TANH_A2 0x1.fffffep+0f
#define TANH_A3 -0x1.5554b4p+0f
#define TANH_A4 0x1.5556f2p-1f
#define TANH_A5 -0x1.12256cp-2f
#define TANH_A6 0x1.6b9cdap-4f
#define TANH_ACC_SAT 9.05f

/* The ACCURATE tier in two stages (the kernel loop software-pipelines them: see
 * vec_loop.h): the reduction, then the rest. */
typedef struct {
    vf x, t, r;
} tanh_acc_stage;

static inline tanh_acc_stage tanh_f_acc_s1(vf x)
{
    tanh_acc_stage s;
    /* vf_min(SAT, .) returns a NaN second operand: NaN in, NaN out */
    const vf z = vf_min(vf_set1(TANH_ACC_SAT), vf_abs(x));
    const vf t = vf_fma(z, vf_set1(TANH_M2LOG2E), vf_set1(EXP_F_MAGIC));
    s.t = vf_max(vf_set1(EXP_F_MAGIC - 24.0f), t); /* n >= -24; NaN kept */
    s.r = vf_fma(vf_sub(s.t, vf_set1(EXP_F_MAGIC)), vf_set1(TANH_LN2_HALF), z);
    s.x = x;
    return s;
}

static inline vf tanh_f_acc_s2(tanh_acc_stage s)
{
    const vf one = vf_set1(1.0f), r = s.r;
    /* e = -2r + r^2 P, P = (A2 + A3 r) + r^2 (A4 + r (A5 + A6 r)) */
    const vf rr = vf_mul(r, r);
    const vf p01 = vf_fma(vf_set1(TANH_A3), r, vf_set1(TANH_A2));
    const vf p46 = vf_fma(vf_fma(vf_set1(TANH_A6), r, vf_set1(TANH_A5)), r, vf_set1(TANH_A4));
    const vf p = vf_fma(p46, rr, p01);
    const vf r2 = vf_add(r, r);
    const vf em = vf_fms(rr, p, r2);
    const vf el = vf_fms(rr, p, vf_add(r2, em));
    /* h = 2^(n-1) from t's bits: t = 1.5*2^23 + n, shifted by 23: n << 23 */
    const vf h = vi_as_vf(vi_add(vi_shl(vf_as_vi(s.t), 23), vi_set1(126 << 23)));
    const vf a = vf_sub(vf_set1(0.5f), h);
    const vf nh = vf_fnma(h, em, a);
    vf nl = vf_fnma(h, em, vf_sub(a, nh));
    nl = vf_fnma(h, el, nl);
    const vf dh = vf_sub(one, nh);
    const vf w = vf_add(nh, vf_sub(dh, one)); /* -(1 - nh - dh), exact */
    const vf q0 = vf_div(nh, dh);
    /* N - q0 D = (nh - q0 dh) + (nl - q0 dl), the first exact */
    const vf rem = vf_add(vf_fnma(q0, dh, nh), vf_fma(q0, vf_add(w, nl), nl));
    const vf y = vf_fma(rem, vf_add(q0, one), q0);
    return vf_copysign(y, s.x);
}


#endif
