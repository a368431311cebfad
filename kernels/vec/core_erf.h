/* Gaussian upper tail, the erfc core behind gelu, against the vec_*.h API.
 *
 *   Q(a) = 1 - Phi(a) = erfc(a/sqrt2)/2 = e^(-a^2/2) R(a),  a >= 0
 *
 * R (a scaled Mills ratio, erfcx(a/sqrt2)/2) is smooth and slowly varying
 * (1/2 at 0, ~ 1/(a sqrt(2 pi)) for large a).  gelu's outputs are -0 or x
 * beyond a = 14.6 (GAUSS_TAIL_AMAX), so everything is for a in [0, 14.6].
 *
 * Float, table-driven (FAST and ACCURATE on AVX-512, where a 32-entry
 * lookup is one vpermt2ps): no division, no conversion to double.
 * - R(a) piecewise: a + 1 in [1, 15.6] spans 4 binades; its exponent and
 *   top 3 mantissa bits index a table of per-interval polynomial
 *   coefficients (vf_lut32: one permute per coefficient on AVX-512).  The
 *   intervals [aj, aj + w) have w = 1/8 on a in [0, 1), 1/4 on [1, 3),
 *   1/2 on [3, 7), 1 on [7, 15).  aj = (a + 1 with the index bits kept)
 *   - 1 is exact, and so is s = a - aj (Sterbenz, or aj = 0); the
 *   rounding of a + 1 can only move a lane to the neighbouring interval
 *   with s a hair outside [0, w), which the fits cover (2^-20 wider).
 *   R = sum c_k s^k by Horner in s: |c_k s^k| falls fast with k, so the
 *   roundings stay near one.  Fitted in /tmp (numpy + mpmath erfc,
 *   throwaway script): per interval, Lawson-reweighted least squares on
 *   the relative error, the coefficients rounded to float one at a time
 *   from c0 up with the rest refitted.  Max relative error with the float
 *   coefficients, 32 intervals, degree 4 (GAUSS_R32_*): 2^-23.9, mostly
 *   c0's own rounding (R(aj) to float).
 * - e^(-a^2/2) by a 16-entry 2^(j/16) table (gauss_exp16, below), so the
 *   polynomial is of degree 3.
 * Float pairs (ACCURATE, AVX-512): R of degree 5 on the 32 intervals with
 * c0 as a pair, returned as C0 + Rl, and the exponential as T_j + T_j pm1
 * (below); gelu_acc_lut sums them in with two-products.
 * Float without tables (FAST on AVX2 and poly, where a 16-entry lookup is
 * three instructions and a 32-entry one seven): e^(-a^2/2) by a degree-6
 * polynomial after an integer reduction, 2^n put in by an integer add
 * (gauss_exp_p6_s64), and R in the Mills-ratio form 1/(sqrt(2 pi)
 * (a + M(a))), M = P4/Q5, as a R sqrt(2 pi) = w/(w + P4), w = a Q5: one
 * division (gauss_ratio_rat45).  Unlike a plain rational N/D in a (nine
 * roundings that all reach the result for large a: 6*2^-24 measured in
 * an earlier version), the same rounded w sits in both parts, so for
 * large a its roundings cancel to first order.
 * Double (ACCURATE, AVX2/poly): R = N5/M6 rational in a and core_exp.h's
 * exp_d. */
#ifndef ACTBENCH_CORE_ERF_H
#define ACTBENCH_CORE_ERF_H

#include "core_exp.h"

#define GAUSS_TAIL_AMAX 14.6f /* Q(14.6) * 14.6 < 2^-151: gelu rounds to -0 */
#define GAUSS_LOG2E 0x1.715476p+0f

/* R(a), 32 intervals, degree 4.  Table position = interval number + 24
 * mod 32 (a + 1 in [1, 2) has bits 20..24 = 24..31). */
static _Alignas(64) const float GAUSS_R32_C0[32] = {
    0x1.0bdb2ep-2f, 0x1.d898dep-3f, 0x1.a57056p-3f, 0x1.7b5abep-3f,
    0x1.5845dcp-3f, 0x1.3aaddep-3f, 0x1.217252p-3f, 0x1.0bb968p-3f,
    0x1.f1b89ap-4f, 0x1.b396f8p-4f, 0x1.82b4bcp-4f, 0x1.5b5accp-4f,
    0x1.3b0fbcp-4f, 0x1.201faap-4f, 0x1.095608p-4f, 0x1.eba5fep-5f,
    0x1.c9e12p-5f, 0x1.926972p-5f, 0x1.66ccb8p-5f, 0x1.43a38ap-5f,
    0x1.26b4dp-5f, 0x1.0e7dcep-5f, 0x1.f3ddc2p-6f, 0x1.d087aep-6f,
    0x1p-1f, 0x1.d0af2cp-2f, 0x1.a7f808p-2f, 0x1.84b706p-2f,
    0x1.66027ap-2f, 0x1.4b1de2p-2f, 0x1.337024p-2f, 0x1.1e7c2ep-2f,
};
static _Alignas(64) const float GAUSS_R32_C1[32] = {
    -0x1.1951e8p-3f, -0x1.c492a2p-4f, -0x1.71c03ep-4f, -0x1.325444p-4f,
    -0x1.00f918p-4f, -0x1.b405acp-5f, -0x1.75aaecp-5f, -0x1.432978p-5f,
    -0x1.19cd66p-5f, -0x1.b60128p-6f, -0x1.5cf92cp-6f, -0x1.1be158p-6f,
    -0x1.d61342p-7f, -0x1.8b1ab8p-7f, -0x1.50672p-7f, -0x1.21ae26p-7f,
    -0x1.f7d32cp-8f, -0x1.86b728p-8f, -0x1.3780bcp-8f, -0x1.fbf0a4p-9f,
    -0x1.a5da9ep-9f, -0x1.63d142p-9f, -0x1.301232p-9f, -0x1.06ce32p-9f,
    -0x1.988438p-2f, -0x1.5e6eb4p-2f, -0x1.2e8632p-2f, -0x1.06bfb2p-2f,
    -0x1.cb0482p-3f, -0x1.9324e2p-3f, -0x1.63e166p-3f, -0x1.3bb0f2p-3f,
};
static _Alignas(64) const float GAUSS_R32_C2[32] = {
    0x1.fc8cbap-5f, 0x1.7b53ep-5f, 0x1.203086p-5f, 0x1.bd5f1ap-6f,
    0x1.5ce8d6p-6f, 0x1.159dd2p-6f, 0x1.bf0a14p-7f, 0x1.6bd5e8p-7f,
    0x1.2baa76p-7f, 0x1.a21a66p-8f, 0x1.2db678p-8f, 0x1.bf2f5p-9f,
    0x1.53d894p-9f, 0x1.080f58p-9f, 0x1.a06036p-10f, 0x1.4e7aaep-10f,
    0x1.100d64p-10f, 0x1.75d326p-11f, 0x1.0b47b6p-11f, 0x1.8a832ep-12f,
    0x1.2b853cp-12f, 0x1.d15b6cp-13f, 0x1.6fabf8p-13f, 0x1.28031cp-13f,
    0x1.ffef6ap-3f, 0x1.a4efc2p-3f, 0x1.5c4848p-3f, 0x1.222b54p-3f,
    0x1.e5f8b4p-4f, 0x1.9abd9ep-4f, 0x1.5c3fbp-4f, 0x1.293a98p-4f,
};
static _Alignas(64) const float GAUSS_R32_C3[32] = {
    -0x1.95547cp-6f, -0x1.1b9b6ap-6f, -0x1.95a666p-7f, -0x1.29167p-7f,
    -0x1.ae455ep-8f, -0x1.4721fp-8f, -0x1.ef84bp-9f, -0x1.74a90ap-9f,
    -0x1.26ceacp-9f, -0x1.743d9p-10f, -0x1.eefd2cp-11f, -0x1.4c5762p-11f,
    -0x1.d38294p-12f, -0x1.5a61fcp-12f, -0x1.e92fbap-13f, -0x1.758beap-13f,
    -0x1.19a15ap-13f, -0x1.59ae18p-14f, -0x1.be5a7cp-15f, -0x1.2878dp-15f,
    -0x1.a17b6cp-16f, -0x1.30e3c2p-16f, -0x1.b3989ap-17f, -0x1.4ccdbep-17f,
    -0x1.0ec3d6p-3f, -0x1.b06276p-4f, -0x1.57085cp-4f, -0x1.14b9c4p-4f,
    -0x1.b33528p-5f, -0x1.79a3fcp-5f, -0x1.32fffap-5f, -0x1.03957ep-5f,
};
static _Alignas(64) const float GAUSS_R32_C4[32] = {
    0x1.ee81d2p-8f, 0x1.494f1ep-8f, 0x1.c5b502p-9f, 0x1.4bd29cp-9f,
    0x1.8dac32p-10f, 0x1.3bd21p-10f, 0x1.b3988p-11f, 0x1.e30288p-12f,
    0x1.b33366p-12f, 0x1.f3861cp-13f, 0x1.4397b8p-13f, 0x1.7476c2p-14f,
    0x1.efe836p-15f, 0x1.9c4ce6p-15f, 0x1.9b41b6p-16f, 0x1.51ba32p-16f,
    0x1.bef9a6p-17f, 0x1.f6c23ep-18f, 0x1.2c56eep-18f, 0x1.59c70ap-19f,
    0x1.e614dep-20f, 0x1.7493p-20f, 0x1.a63df2p-21f, 0x1.598a46p-21f,
    0x1.c26d3p-5f, 0x1.6fdaf8p-5f, 0x1.0a4a38p-5f, 0x1.abb614p-6f,
    0x1.d24d4ep-7f, 0x1.6d0004p-6f, 0x1.104d9p-6f, 0x1.0ea744p-6f,
};


static inline vf gauss_ratio_lut32p4(vf a)
{
    const vf a1 = vf_add(a, vf_set1(1.0f));
    const vi idx = vi_srl(vf_as_vi(a1), 20);
    const vf aj = vf_sub(vi_as_vf(vi_and(vf_as_vi(a1), vi_set1((int32_t)0xFFF00000u))), vf_set1(1.0f));
    const vf s = vf_sub(a, aj);
    vf r = vf_fma(vf_lut32(GAUSS_R32_C4, idx), s, vf_lut32(GAUSS_R32_C3, idx));
    r = vf_fma(r, s, vf_lut32(GAUSS_R32_C2, idx));
    r = vf_fma(r, s, vf_lut32(GAUSS_R32_C1, idx));
    return vf_fma(r, s, vf_lut32(GAUSS_R32_C0, idx));
}

/* T_j = 2^(j/16) rounded to float is core_exp.h's EXP_L16_TH; this is its
 * relative rounding error (2^(j/16) - T_j)/T_j, which gauss_exp16 adds to
 * e^(u/2) - 1. */
static _Alignas(64) const float GAUSS_EXP2_16_LO[16] = {
    0.0f, 0x1.8d96d4p-25f, -0x1.9c0c22p-27f, 0x1.964904p-25f,
    0x1.125002p-25f, 0x1.370be4p-25f, -0x1.0a355p-25f, -0x1.00d8acp-27f,
    0x1.26055cp-26f, -0x1.05cb44p-25f, 0x1.67a1cap-28f, 0x1.a3b5e4p-28f,
    -0x1.f9c304p-27f, -0x1.6961b4p-28f, -0x1.a5217cp-28f, 0x1.61428ep-28f,
};

/* e^(-a^2/2) = E 2^floor(*nq) for a in [0, 14.6], a 16-entry 2^(j/16) table
 * and a degree-3 polynomial.
 * nq = round(-a^2/(2 ln2)) to a multiple of 1/16 (adding 1.5*2^19 rounds
 * there; t's low 4 mantissa bits are then 16 nq mod 16 = j), u = -a^2 -
 * 2 nq ln2 in [-ln2/16, ln2/16] (a hair more: a^2 is rounded where it
 * picks nq), without a two-product for a^2: c = -2 nq ln2h with ln2h = ln2
 * to 12 bits is exact (16 nq has at most 12 bits), fma(a, -a, c) forms
 * c - a^2 exactly and rounds it once (|c - a^2| < 0.053: 2^-29 absolute),
 * then - 2 nq ln2l rounds once more (2^-29): e^(u/2) to 2^-29 relative.
 * e^(u/2) = 1 + u (1/2 + u (c2 + c3 u)), fitted (Lawson least squares,
 * numpy + mpmath in /tmp) for the relative error of e^(u/2): 2^-29.2 with
 * float coefficients.  E = fma(T_j, pm1 + lo_j, T_j) with T_j = 2^(j/16)
 * rounded to float and lo_j its relative rounding error (both tables),
 * so T_j's rounding (up to 2^-24.3) does not count. */
#define GAUSS_E16_MAGIC 0x1.8p19f
#define GAUSS_E16_C2 0x1.00022ap-3f
#define GAUSS_E16_C3 0x1.5556e6p-6f
#define GAUSS_LN2_HI12 0x1.62ep-1f     /* ln2 to 12 bits */
#define GAUSS_LN2_LO12 0x1.0bfbe8p-15f /* ln2 - GAUSS_LN2_HI12 */
/* The pieces both tiers share: returns T_j, sets *pm1 (E = T_j (1 + pm1))
 * and *nq. */
static inline vf gauss_exp16_parts(vf a, vf *nq, vf *pm1)
{
    const vf t = vf_fma(vf_mul(a, a), vf_set1(-0.5f * GAUSS_LOG2E), vf_set1(GAUSS_E16_MAGIC));
    const vf n = vf_sub(t, vf_set1(GAUSS_E16_MAGIC));
    const vf c = vf_mul(n, vf_set1(-2.0f * GAUSS_LN2_HI12));
    const vf u = vf_fnma(n, vf_set1(2.0f * GAUSS_LN2_LO12), vf_fnma(a, a, c));
    vf p = vf_fma(vf_set1(GAUSS_E16_C3), u, vf_set1(GAUSS_E16_C2));
    p = vf_fma(p, u, vf_set1(0.5f));
    *pm1 = vf_fma(u, p, vf_lut16(GAUSS_EXP2_16_LO, vf_as_vi(t)));
    *nq = n;
    return vf_lut16(EXP_L16_TH, vf_as_vi(t));
}

static inline vf gauss_exp16(vf a, vf *nq)
{
    vf pm1;
    const vf tj = gauss_exp16_parts(a, nq, &pm1);
    return vf_fma(tj, pm1, tj);
}

/* ---- float, FAST without tables (gelu_fast_rat, AVX2 and poly) ----
 * No lookups at all (a 16-entry lookup is three instructions on AVX2),
 * the divider (idle otherwise) does R's division.
 *
 * e^(-(a^2 + ln(2 pi))/2) 2^64 = S (1 + pm1), the constant 1/sqrt(2 pi)
 * of R = f/sqrt(2 pi) (below) put into the exponent:
 * - n = round(-(a2 + K) log2(e)/2), an integer (adding 1.5*2^23), K =
 *   ln(2 pi) = KH + KL with KH to 12 bits, a2 = a*a rounded (the caller's,
 *   shared with gauss_ratio_rat45; it only picks n);
 * - u = -a^2 - K - 2 n ln2: c = -2 n ln2h - KH is exact (|n| <= 157, ln2h
 *   and KH multiples of 2^-11: at most 19 bits), fma(a, -a, c) forms
 *   c - a^2 exactly and rounds once (|c - a^2| < 0.72: 2^-25 absolute),
 *   then - 2 n ln2l (2^-25 again); KL goes into the polynomial;
 * - 1 + pm1 = e^((u - KL)/2), pm1 = C0 + u p(u), p of degree 5 (C0 =
 *   e^(-KL/2) - 1), fitted (Lawson least squares on the relative error,
 *   numpy + mpmath in /tmp, coefficients rounded to float one at a time
 *   from the lowest with the rest refitted) on |u| <= 1.02 ln2:
 *   2^-28.3 relative;
 * - S = 2^(n + 64) exactly: t's bits are magic + n, magic = 1.5*2^23 has
 *   its low 9 bits 0, so (bits << 23) = n << 23 and S's bits are that
 *   + (127 + 64) << 23; n >= -157: S is normal.
 * The two roundings of u give e^(u/2) 2^-26 relative each at most. */
#define GAUSS_P6_MAGIC 0x1.8p23f
#define GAUSS_KH 0x1.d68p+0f /* ln(2 pi) to 12 bits; KL = -0x1.c6f368p-17 */
#define GAUSS_P6_C0 0x1.c6f3cep-18f
#define GAUSS_P6_C1 0x1.000072p-1f
#define GAUSS_P6_C2 0x1.00007p-3f
#define GAUSS_P6_C3 0x1.5554e4p-6f
#define GAUSS_P6_C4 0x1.5558ccp-9f
#define GAUSS_P6_C5 0x1.125918p-12f
#define GAUSS_P6_C6 0x1.6ac102p-16f
static inline vf gauss_exp_p6_s64(vf a, vf a2, vf *pm1)
{
    const vf t = vf_fma(vf_add(a2, vf_set1(GAUSS_KH)), vf_set1(-0.5f * GAUSS_LOG2E), vf_set1(GAUSS_P6_MAGIC));
    const vf n = vf_sub(t, vf_set1(GAUSS_P6_MAGIC));
    const vf c = vf_fma(n, vf_set1(-2.0f * GAUSS_LN2_HI12), vf_set1(-GAUSS_KH));
    const vf u = vf_fnma(n, vf_set1(2.0f * GAUSS_LN2_LO12), vf_fnma(a, a, c));
    vf p = vf_fma(vf_set1(GAUSS_P6_C6), u, vf_set1(GAUSS_P6_C5));
    p = vf_fma(p, u, vf_set1(GAUSS_P6_C4));
    p = vf_fma(p, u, vf_set1(GAUSS_P6_C3));
    p = vf_fma(p, u, vf_set1(GAUSS_P6_C2));
    p = vf_fma(p, u, vf_set1(GAUSS_P6_C1));
    *pm1 = vf_fma(u, p, vf_set1(GAUSS_P6_C0));
    return vi_as_vf(vi_add(vi_shl(vf_as_vi(t), 23), vi_set1((127 + 64) << 23)));
}

/* a f(a) = a R(a) sqrt(2 pi) = a/(a + M(a)), M = 1/f - a (Mills ratio
 * form: M(0) = sqrt(2/pi), M ~ 1/a for large a) approximated by P4/Q5:
 * a f = w/(w + P4(a)) with w = a Q5(a) = a + a2 Q'(a), Q5 = 1 + a Q', a2 =
 * a*a rounded (its rounding reaches w scaled by a2 Q'/w < a Q'/(1 + a Q')).
 * Returns w, sets *den = w + P4.  Fitted as above (weighted for the
 * relative error of a + M, the coefficients rounded one at a time from
 * the top with the rest refitted) on [0, 14.6]: 2^-25.07, of which
 * P4(0) = float(sqrt(2/pi)) makes 2^-25.1 at a = 0.
 * Roundings: for large a, those of Q', a Q', w and P4 reach w/(w + P4)
 * scaled by M/(a + M) < 1/a^2 (the same w in both), leaving that of
 * w + P4; for small a, w is one rounding (a2 Q' is a small part of it),
 * then P4's last step and w + P4.  All coefficients are positive: no
 * cancellation. */
static const float GAUSS_RAT_P[5] = {
    0x1.988454p-1f, 0x1.01bd96p-1f, 0x1.54c63ep-3f, 0x1.ea19ecp-6f, 0x1.4838bap-9f,
};
static const float GAUSS_RAT_Q[5] = { /* Q' (Q5 = 1 + a Q') */
    0x1.161aep+0f, 0x1.22239cp-1f, 0x1.5e7b5ep-3f, 0x1.ea4d22p-6f, 0x1.48309ap-9f,
};
static inline vf gauss_ratio_rat45(vf a, vf a2, vf *den)
{
    vf q = vf_fma(vf_set1(GAUSS_RAT_Q[4]), a, vf_set1(GAUSS_RAT_Q[3]));
    q = vf_fma(q, a, vf_set1(GAUSS_RAT_Q[2]));
    q = vf_fma(q, a, vf_set1(GAUSS_RAT_Q[1]));
    q = vf_fma(q, a, vf_set1(GAUSS_RAT_Q[0]));
    vf p = vf_fma(vf_set1(GAUSS_RAT_P[4]), a, vf_set1(GAUSS_RAT_P[3]));
    p = vf_fma(p, a, vf_set1(GAUSS_RAT_P[2]));
    p = vf_fma(p, a, vf_set1(GAUSS_RAT_P[1]));
    p = vf_fma(p, a, vf_set1(GAUSS_RAT_P[0]));
    const vf w = vf_fma(a2, q, a);
    *den = vf_add(w, p);
    return w;
}

/* ---- float, ACCURATE: the same pieces carried as float pairs ----
 * R(a) = c0 + s P(s) on the 32 intervals of gauss_ratio_lut32p4, P of
 * degree 4 (R of degree 5), c0 = R(aj) as a float pair (C0 + C0LO), so
 * R(aj) itself is exact to 2^-48; c1..c5 fitted as above with c0 fixed
 * to R(aj): max relative error 2^-28.9 with the float coefficients.
 * Returned unnormalised as C0 + *lo, *lo = fma(P, s, C0LO): C0 exact from
 * the table, |lo| <= 0.15 C0, one rounding of lo (2^-26.7 relative to R
 * at most) besides P's own roundings (scaled by |s P / R| <= 0.15:
 * 2^-26.7 at most); the caller's two-products sum the pair in. */
static _Alignas(64) const float GAUSS_RA_C0[32] = {
    0x1.0bdb2ep-2f, 0x1.d898dep-3f, 0x1.a57056p-3f, 0x1.7b5abep-3f,
    0x1.5845dcp-3f, 0x1.3aaddep-3f, 0x1.217252p-3f, 0x1.0bb968p-3f,
    0x1.f1b89cp-4f, 0x1.b396fap-4f, 0x1.82b4bcp-4f, 0x1.5b5acep-4f,
    0x1.3b0fbcp-4f, 0x1.201faap-4f, 0x1.095608p-4f, 0x1.eba5fep-5f,
    0x1.c9e12p-5f, 0x1.926972p-5f, 0x1.66ccb8p-5f, 0x1.43a38ap-5f,
    0x1.26b4dp-5f, 0x1.0e7dcep-5f, 0x1.f3ddc2p-6f, 0x1.d087aep-6f,
    0x1p-1f, 0x1.d0af2cp-2f, 0x1.a7f808p-2f, 0x1.84b706p-2f,
    0x1.66027ap-2f, 0x1.4b1de2p-2f, 0x1.337024p-2f, 0x1.1e7c2ep-2f,
};
static _Alignas(64) const float GAUSS_RA_C1[32] = {
    -0x1.195248p-3f, -0x1.c4931ep-4f, -0x1.71c04ap-4f, -0x1.3253b6p-4f,
    -0x1.00f9dap-4f, -0x1.b405ccp-5f, -0x1.75ab64p-5f, -0x1.432b18p-5f,
    -0x1.19cee8p-5f, -0x1.b60382p-6f, -0x1.5cf976p-6f, -0x1.1be2c4p-6f,
    -0x1.d614e8p-7f, -0x1.8b1954p-7f, -0x1.5068c2p-7f, -0x1.21ae92p-7f,
    -0x1.f7d588p-8f, -0x1.86b83ap-8f, -0x1.37811ep-8f, -0x1.fbf2cap-9f,
    -0x1.a5dacp-9f, -0x1.63cfc6p-9f, -0x1.3012a8p-9f, -0x1.06cdbep-9f,
    -0x1.988452p-2f, -0x1.5e6e6ep-2f, -0x1.2e865p-2f, -0x1.06bfbp-2f,
    -0x1.cb062cp-3f, -0x1.93234cp-3f, -0x1.63e072p-3f, -0x1.3baf58p-3f,
};
static _Alignas(64) const float GAUSS_RA_C2[32] = {
    0x1.fcc5ep-5f, 0x1.7b782cp-5f, 0x1.203f46p-5f, 0x1.bd4512p-6f,
    0x1.5d2f9ap-6f, 0x1.15aa1ep-6f, 0x1.bf395ep-7f, 0x1.6c5d7p-7f,
    0x1.2c04ccp-7f, 0x1.a29b32p-8f, 0x1.2dd7d2p-8f, 0x1.bfb91ep-9f,
    0x1.542924p-9f, 0x1.07e348p-9f, 0x1.a0ee64p-10f, 0x1.4ea492p-10f,
    0x1.105e9ep-10f, 0x1.762182p-11f, 0x1.0b6bcep-11f, 0x1.8aefb8p-12f,
    0x1.2b99a4p-12f, 0x1.d0f966p-13f, 0x1.6fdbc8p-13f, 0x1.27e78ep-13f,
    0x1.ffff18p-3f, 0x1.a4e15cp-3f, 0x1.5c55ap-3f, 0x1.222e76p-3f,
    0x1.e681fap-4f, 0x1.9a44fep-4f, 0x1.5bf856p-4f, 0x1.28bf34p-4f,
};
static _Alignas(64) const float GAUSS_RA_C3[32] = {
    -0x1.9aaaf4p-6f, -0x1.1ef926p-6f, -0x1.993b7ep-7f, -0x1.293ea8p-7f,
    -0x1.b73638p-8f, -0x1.499f78p-8f, -0x1.f609d2p-9f, -0x1.835a2cp-9f,
    -0x1.2e4376p-9f, -0x1.7df2b4p-10f, -0x1.f604dp-11f, -0x1.557224p-11f,
    -0x1.de3ed2p-12f, -0x1.57ccfp-12f, -0x1.f99adp-13f, -0x1.7b3a1ap-13f,
    -0x1.20ef74p-13f, -0x1.60e54cp-14f, -0x1.c594d2p-15f, -0x1.2ffa3ep-15f,
    -0x1.a609aep-16f, -0x1.2d9c0ep-16f, -0x1.ba6302p-17f, -0x1.4b6f4p-17f,
    -0x1.103c8cp-3f, -0x1.b021d8p-4f, -0x1.59210ap-4f, -0x1.15a3d4p-4f,
    -0x1.c1da88p-5f, -0x1.6e6accp-5f, -0x1.2c9342p-5f, -0x1.efb366p-6f,
};
static _Alignas(64) const float GAUSS_RA_C4[32] = {
    0x1.29ba2ap-7f, 0x1.88b3b6p-8f, 0x1.091168p-8f, 0x1.6d37b2p-9f,
    0x1.000e94p-9f, 0x1.6ce276p-10f, 0x1.086afcp-10f, 0x1.824f8cp-11f,
    0x1.1a2182p-11f, 0x1.466db8p-12f, 0x1.8a2628p-13f, 0x1.f03afcp-14f,
    0x1.41a01p-14f, 0x1.af8036p-15f, 0x1.28f7bep-15f, 0x1.a15e8cp-16f,
    0x1.233454p-16f, 0x1.3f1ebp-17f, 0x1.73298ap-18f, 0x1.c58c24p-19f,
    0x1.21fc3cp-19f, 0x1.7d949p-20f, 0x1.0558fcp-20f, 0x1.6d0cfcp-21f,
    0x1.fa3854p-5f, 0x1.87f312p-5f, 0x1.2cd488p-5f, 0x1.d5540ep-6f,
    0x1.74dad6p-6f, 0x1.240df2p-6f, 0x1.d791fap-7f, 0x1.793ff6p-7f,
};
static _Alignas(64) const float GAUSS_RA_C5[32] = {
    -0x1.49a996p-9f, -0x1.9cd87ap-10f, -0x1.0bd4b4p-10f, -0x1.647176p-11f,
    -0x1.e11c6p-12f, -0x1.48946cp-12f, -0x1.cbab8cp-13f, -0x1.358c38p-13f,
    -0x1.87bc56p-14f, -0x1.a8518ep-15f, -0x1.ddac42p-16f, -0x1.1d4e34p-16f,
    -0x1.57f19p-17f, -0x1.b88758p-18f, -0x1.2108f8p-18f, -0x1.7ea68p-19f,
    -0x1.b4e4cap-20f, -0x1.b888eap-21f, -0x1.d8ce5cp-22f, -0x1.0b0f52p-22f,
    -0x1.42cddp-23f, -0x1.84d66ap-24f, -0x1.021444p-24f, -0x1.515bp-25f,
    -0x1.6ceba8p-6f, -0x1.21621cp-6f, -0x1.8f0eep-7f, -0x1.2dc64ap-7f,
    -0x1.01affp-7f, -0x1.692ab4p-8f, -0x1.440826p-8f, -0x1.f711f8p-9f,
};
static _Alignas(64) const float GAUSS_RA_C0LO[32] = {
    0x1.cef98ep-33f, 0x1.38de32p-32f, -0x1.a5db52p-29f, -0x1.a05f8ap-28f,
    0x1.5a54aap-28f, -0x1.cc2dp-32f, 0x1.8b805cp-30f, 0x1.9bdb28p-28f,
    0x1.18f4dcp-31f, -0x1.870edp-31f, -0x1.cdac8cp-30f, -0x1.89d408p-29f,
    0x1.698ef8p-29f, -0x1.b4c90ap-29f, 0x1.8f62bep-29f, 0x1.6c52cap-31f,
    0x1.c91126p-30f, 0x1.7a866ep-32f, -0x1.18fceap-31f, 0x1.c8dda8p-30f,
    -0x1.999acap-32f, -0x1.c4d9cep-30f, 0x1.7a2c42p-32f, -0x1.23e682p-31f,
    0.0f, -0x1.8301a4p-28f, 0x1.69e57p-30f, -0x1.38bbbcp-30f,
    0x1.a98496p-27f, -0x1.b3404p-27f, -0x1.086b3cp-27f, -0x1.b25fdp-27f,
};

static inline vf gauss_ratio_lut32p5_hl(vf a, vf *lo)
{
    const vf a1 = vf_add(a, vf_set1(1.0f));
    const vi idx = vi_srl(vf_as_vi(a1), 20);
    const vf aj = vf_sub(vi_as_vf(vi_and(vf_as_vi(a1), vi_set1((int32_t)0xFFF00000u))), vf_set1(1.0f));
    const vf s = vf_sub(a, aj);
    vf p = vf_fma(vf_lut32(GAUSS_RA_C5, idx), s, vf_lut32(GAUSS_RA_C4, idx));
    p = vf_fma(p, s, vf_lut32(GAUSS_RA_C3, idx));
    p = vf_fma(p, s, vf_lut32(GAUSS_RA_C2, idx));
    p = vf_fma(p, s, vf_lut32(GAUSS_RA_C1, idx));
    *lo = vf_fma(p, s, vf_lut32(GAUSS_RA_C0LO, idx));
    return vf_lut32(GAUSS_RA_C0, idx);
}

/* gauss_exp16 with E carried as T_j + *lo, *lo = T_j pm1 (|lo| < 0.05 T_j,
 * not renormalised: the caller's two-product sums it in): E's relative
 * error is that of the polynomial (2^-29.2), of u (2^-29) and of the
 * roundings of pm1 and of T_j pm1 (2^-28.5 each at most). */
static inline vf gauss_exp16_hl(vf a, vf *nq, vf *lo)
{
    vf pm1;
    const vf tj = gauss_exp16_parts(a, nq, &pm1);
    *lo = vf_mul(tj, pm1);
    return tj;
}

/* ---- double ---- */
/* R(a) = N5(a)/M6(a), relative error 2^-33.5 on [0, 14.6]. */
static inline vd gauss_tail_ratio_d(vd a)
{
    vd n = vd_fma(vd_set1(0x1.d224675d5dc2ep-11), a, vd_set1(0x1.7d63877a1b310p-7));
    n = vd_fma(n, a, vd_set1(0x1.2400dff6159dbp-4));
    n = vd_fma(n, a, vd_set1(0x1.008a43eedf95ep-2));
    n = vd_fma(n, a, vd_set1(0x1.03d543dd44514p-1));
    n = vd_fma(n, a, vd_set1(0x1.ffffffff483d0p-2));
    vd m = vd_fma(vd_set1(0x1.241c965fce8c1p-9), a, vd_set1(0x1.ddff34ed40b2fp-6));
    m = vd_fma(m, a, vd_set1(0x1.728c355b77447p-3));
    m = vd_fma(m, a, vd_set1(0x1.50697325ff7bap-1));
    m = vd_fma(m, a, vd_set1(0x1.728fc0a9e91c8p+0));
    m = vd_fma(m, a, vd_set1(0x1.d0176d5982a62p+0));
    m = vd_fma(m, a, vd_set1(1.0));
    return vd_div(n, m);
}

/* Q(a) for a in [0, 14.6], relative error about 2^-33. */
static inline vd gauss_tail_d(vd a)
{
    return vd_mul(exp_d(vd_mul(vd_mul(a, a), vd_set1(-0.5))), gauss_tail_ratio_d(a));
}

#endif
