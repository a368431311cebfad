/* exp and expm1 cores, written against the vec_*.h API.
 *
 * Float cores:
 *   exp_f_pn(z, zlo, &n)     e^(z+zlo) = p * 2^n (p returned, n as float)
 *   exp_f_pn_hl(...)         the same with p carried as p + plo (ACCURATE)
 *   exp_f(x), exp_f_acc(x)   e^x, whole float range (FAST / faithful)
 *   expm1_f(x)               e^x - 1, relative accuracy near 0
 *   expm1_f_nonpos(x)        the same for x <= 0 only, rr1 (FAST elu/selu)
 *   expm1_f_hl_rr1_reduce/_finish
 *                            e^x - 1 as hi + lo for x <= 0 (ACCURATE), in
 *                            two stages
 *   exp_l16_pn, exp_l16_pn_hl, exp_l16_neg_pn_m64,
 *   exp2_l16_pn_xw, exp_l16_neg_m64
 *                            table-driven (lut16-p3) e^z as p 2^floor(n16)
 *                            (see below; sigmoid, swish, gelu_tanh,
 *                            log_softmax)
 *   exp_l16_neg_ratio_reduce/_m, exp2_l16_ratio_xw_reduce/_m
 *                            the same as (th + m) / a, a a power of two
 *                            (ACCURATE sigmoid, swish, gelu_tanh)
 * Double cores (ACCURATE tier: evaluated in double, rounded once to float):
 *   exp_d(x)                 e^x for x in [-708, 709]
 *   expm1_d(x)               e^x - 1 for x in [-708, 709]
 *
 * Range reduction (all of them): n = round(x/ln2), r = x - n*ln2 with ln2
 * split in a high and a low part (rr2), so |r| <= ln2/2 (a hair more when the
 * rounding of x*log2(e) picks the other n), e^x = 2^n * e^r.  n is rounded by
 * adding 1.5*2^23 (1.5*2^52), whose low mantissa bits then hold n.
 *
 * e^r = 1 + r + r^2*q(r): q is a weighted least-squares/Lawson minimax fit
 * of (e^r-1-r)/r^2 on [-ln2/2, ln2/2] (2% wider), fitted in /tmp with
 * numpy + mpmath (throwaway script, not kept):
 *   float expm1_f (EXP_F_Q*): q of degree 4 (p6 overall), weighted for the
 *           relative error of e^r - 1: 2^-25.7 with the
 *           float-rounded coefficients (degree 3 gave 2^-20.9: 12 ULP in
 *           elu near -0.13); exp_f_pn has its own fit (EXP_P_C*, below)
 *   double: q of degree 5 (p7 overall), relative error of e^r 2^-34.1
 * Keeping 1 + (r + r^2 q) in that order makes the last operation the add of
 * 1, so the polynomial's own rounding errors are scaled by |r| <= 0.35.
 *
 * Scaling (float): e^x = p 2^n with p the polynomial's value; vf_scalef
 * applies 2^n in one rounding (vscalefps on AVX-512, two exact-then-one
 * multiplies elsewhere), so a result that ends subnormal is rounded once;
 * kernels that multiply e^x by something else (swish, mish, gelu_tanh,
 * softmax) form the product with p and scale last, so a tiny product is
 * rounded once too. */
#ifndef ACTBENCH_CORE_EXP_H
#define ACTBENCH_CORE_EXP_H

#define EXP_F_LOG2E 0x1.715476p+0f
#define EXP_F_LN2_HI 0x1.62e430p-1f  /* float(ln2) */
#define EXP_F_LN2_LO -0x1.05c610p-29f /* ln2 - EXP_F_LN2_HI */
#define EXP_F_MAGIC 0x1.8p23f
#define EXP_F_Q0 0x1.fffffep-2f
#define EXP_F_Q1 0x1.5554a2p-3f
#define EXP_F_Q2 0x1.55568cp-5f
#define EXP_F_Q3 0x1.1232a6p-7f
#define EXP_F_Q4 0x1.6bea50p-10f
/* e^x rounds to 0 below about -103.97 and to inf above 88.72; clamping to
 * [-120, 89] keeps n in [-174, 129] so both scale factors stay normal, and
 * the kernels that scale by more factors (swish: x*e^x is nonzero down to
 * x ~ -110) still see every x whose result is nonzero. */
#define EXP_F_MIN -120.0f
#define EXP_F_MAX 89.0f

/* e^r - 1 for |r| <= ~0.35, relative error 2^-25.7 plus roundings. */
static inline vf expm1_f_poly(vf r)
{
    vf q = vf_fma(vf_set1(EXP_F_Q4), r, vf_set1(EXP_F_Q3));
    q = vf_fma(q, r, vf_set1(EXP_F_Q2));
    q = vf_fma(q, r, vf_set1(EXP_F_Q1));
    q = vf_fma(q, r, vf_set1(EXP_F_Q0));
    return vf_fma(vf_mul(r, r), q, r);
}

/* e^(z + zlo) = p * 2^nf for z in [-150, 89] (or NaN), |zlo| << 1 the low
 * part of an argument carried as two floats (-0 for none: the add then
 * folds away), p in [0.70, 1.42]: the
 * same rr2 reduction, then e^r by a degree-6 polynomial with c0 = c1 = 1
 * in Horner form (6 fma), fitted for the relative error of e^r on
 * [-ln2/2, ln2/2] (2% wider): Lawson-weighted least squares in /tmp
 * (numpy + mpmath, float-rounded coefficients): 2^-27.4 (degree 5 gave
 * 2^-23.0: sigmoid FAST went from 2.3 to 3.5 ULP for 8% less time, not
 * taken).  Callers scale by vf_scalef(p or a product with p, nf),
 * which rounds once, subnormal results included. */
#define EXP_P_C2 0x1.fffffcp-2f
#define EXP_P_C3 0x1.555482p-3f
#define EXP_P_C4 0x1.55593cp-5f
#define EXP_P_C5 0x1.1245c8p-7f
#define EXP_P_C6 0x1.6a1080p-10f
/* The reduction and all but the last Horner step: e^(z+zlo) =
 * (1 + r q) 2^n, q returned, r and n (as float) set. */
static inline vf exp_f_rq(vf z, vf zlo, vf *nf, vf *rr)
{
    const vf t = vf_fma(z, vf_set1(EXP_F_LOG2E), vf_set1(EXP_F_MAGIC));
    const vf n = vf_sub(t, vf_set1(EXP_F_MAGIC));
    vf r = vf_fnma(n, vf_set1(EXP_F_LN2_HI), z);
    r = vf_add(vf_fnma(n, vf_set1(EXP_F_LN2_LO), r), zlo);
    vf q = vf_fma(vf_set1(EXP_P_C6), r, vf_set1(EXP_P_C5));
    q = vf_fma(q, r, vf_set1(EXP_P_C4));
    q = vf_fma(q, r, vf_set1(EXP_P_C3));
    q = vf_fma(q, r, vf_set1(EXP_P_C2));
    q = vf_fma(q, r, vf_set1(1.0f));
    *nf = n;
    *rr = r;
    return q;
}

static inline vf exp_f_pn(vf z, vf zlo, vf *nf)
{
    vf r;
    const vf q = exp_f_rq(z, zlo, nf, &r);
    return vf_fma(q, r, vf_set1(1.0f));
}

/* The same with p carried as p + *plo, what the ACCURATE kernels need:
 * r is kept as r + rl (r1 = z - n ln2_hi is exact; c = zlo - n ln2_lo is
 * small; r + rl = r1 + c by Fast2Sum), since r's own rounding (2^-26
 * relative to e^r) would cost a quarter ULP; plo gathers the rounding of
 * the last Horner step (1 - p is exact, p in [0.7, 1.42]) and p rl.
 * |plo| <= ulp(p) or so. */
static inline vf exp_f_pn_hl(vf z, vf zlo, vf *nf, vf *plo)
{
    const vf t = vf_fma(z, vf_set1(EXP_F_LOG2E), vf_set1(EXP_F_MAGIC));
    const vf n = vf_sub(t, vf_set1(EXP_F_MAGIC));
    const vf r1 = vf_fnma(n, vf_set1(EXP_F_LN2_HI), z);
    const vf c = vf_fnma(n, vf_set1(EXP_F_LN2_LO), zlo);
    const vf r = vf_add(r1, c);
    const vf rl = vf_add(vf_sub(r1, r), c);
    vf q = vf_fma(vf_set1(EXP_P_C6), r, vf_set1(EXP_P_C5));
    q = vf_fma(q, r, vf_set1(EXP_P_C4));
    q = vf_fma(q, r, vf_set1(EXP_P_C3));
    q = vf_fma(q, r, vf_set1(EXP_P_C2));
    q = vf_fma(q, r, vf_set1(1.0f));
    const vf p = vf_fma(q, r, vf_set1(1.0f));
    *plo = vf_fma(p, rl, vf_fma(q, r, vf_sub(vf_set1(1.0f), p)));
    *nf = n;
    return p;
}

/* ---- table-driven float exp (lut16-p3) ----
 * e^z = 2^(N/16) e^r, N = round(16 z log2e), r = z - (N/16) ln2 (rr2:
 * (N/16) ln2_hi is exact to the bit in the fma since N/16 has 4 fraction
 * bits and |r| <= ln2/32), 2^(N/16) = 2^floor(N/16) T[N mod 16] with
 * T = TH + TL (2^(j/16) as a float pair), and e^r = 1 + r q(r),
 * q = 1 + C2 r + C3 r^2 fitted for the relative error of e^r on
 * [-ln2/32, ln2/32] (3% wider; Lawson-weighted least squares, numpy +
 * mpmath, float-rounded coefficients): 2^-29.05.
 * n16 = N/16 comes from adding 1.5*2^19 (the sum's grid is 1/16), whose
 * low 4 mantissa bits then hold N mod 16: vf_lut16 reads them (as integer bits),
 * and vf_scalef_floor applies 2^floor(n16).
 * Compared with exp_f_pn (rr2-p6): one vpermps per table instead of 3 fma,
 * and TH + TL makes the result good to about 2^-28.5 before its own
 * rounding, where the p6 one had 2^-27.4. */
#define EXP_L16_MAGIC 0x1.8p19f
#define EXP_L16_C2 0x1.00024p-1f
#define EXP_L16_C3 0x1.5555a2p-3f
/* The tables' values are written once, as lists scaled by powers of two
 * (exact, folded at compile time): EXP_L16_THC and the *_TLC tables of the
 * ratio form (below) are the same values scaled by 2^31 (2^32 for j = 0). */
#define EXP_L16_TH_LIST(S0, S)                                                 \
    0x1.000000p+0f * (S0), 0x1.0b5586p+0f * (S), 0x1.172b84p+0f * (S),         \
    0x1.2387a6p+0f * (S), 0x1.306fe0p+0f * (S), 0x1.3dea64p+0f * (S),          \
    0x1.4bfdaep+0f * (S), 0x1.5ab07ep+0f * (S), 0x1.6a09e6p+0f * (S),          \
    0x1.7a1148p+0f * (S), 0x1.8ace54p+0f * (S), 0x1.9c4918p+0f * (S),          \
    0x1.ae89fap+0f * (S), 0x1.c199bep+0f * (S), 0x1.d5818ep+0f * (S),          \
    0x1.ea4afap+0f * (S)
#define EXP_L16_TL_LIST(S)                                                     \
    0.0f * (S), 0x1.9f3122p-25f * (S), -0x1.c15742p-27f * (S),                 \
    0x1.ceac48p-25f * (S), 0x1.4636e2p-25f * (S), 0x1.824684p-25f * (S),       \
    -0x1.593abcp-25f * (S), -0x1.5bd5ecp-27f * (S), 0x1.9fcef4p-26f * (S),     \
    -0x1.829fd0p-25f * (S), 0x1.15506ep-27f * (S), 0x1.51f848p-27f * (S),      \
    -0x1.a94b14p-26f * (S), -0x1.3d56b2p-27f * (S), -0x1.822dbcp-27f * (S),    \
    0x1.52486cp-27f * (S)
static const float EXP_L16_TH[16] = {EXP_L16_TH_LIST(1.0f, 1.0f)};
static const float EXP_L16_TL[16] = {EXP_L16_TL_LIST(1.0f)};

/* The reduction: r (with the low part zlo of z added, -0 for none), n16,
 * and the table index in t's bits. */
static inline vf exp_l16_reduce(vf z, vf zlo, vf *n16, vf *t)
{
    const vf tt = vf_fma(z, vf_set1(EXP_F_LOG2E), vf_set1(EXP_L16_MAGIC));
    const vf n = vf_sub(tt, vf_set1(EXP_L16_MAGIC));
    vf r = vf_fnma(n, vf_set1(EXP_F_LN2_HI), z);
    r = vf_add(vf_fnma(n, vf_set1(EXP_F_LN2_LO), r), zlo);
    *n16 = n;
    *t = tt;
    return r;
}

/* e^(z + zlo) = p * 2^floor(n16) for z in [-150, 89] (or NaN), p in
 * [0.97, 2.03]: p = TH + (TH r + TL) q, one rounding (the last fma), TL q
 * standing for TL (1 + r q) to 2^-31.  Callers scale by
 * vf_scalef_floor(p or a product with p, n16). */
/* What exp_l16_pn and exp_l16_pn_hl share: returns r, sets the table
 * entries TH, TL and q(r) = 1 + r (C2 + C3 r). */
static inline vf exp_l16_parts(vf z, vf zlo, vf *n16, vf *th, vf *tl, vf *q)
{
    vf t;
    const vf r = exp_l16_reduce(z, zlo, n16, &t);
    *th = vf_lut16(EXP_L16_TH, vf_as_vi(t));
    *tl = vf_lut16(EXP_L16_TL, vf_as_vi(t));
    *q = vf_fma(vf_fma(vf_set1(EXP_L16_C3), r, vf_set1(EXP_L16_C2)), r, vf_set1(1.0f));
    return r;
}

static inline vf exp_l16_pn(vf z, vf zlo, vf *n16)
{
    vf th, tl, q;
    const vf r = exp_l16_parts(z, zlo, n16, &th, &tl, &q);
    return vf_fma(vf_fma(th, r, tl), q, th);
}

/* 2^(x (w + wl)) = p * 2^floor(n16), the exponent given as a product in
 * base 2 (gelu_tanh FAST: e^z with z = x (K + KC x^2), log2e folded into
 * w), for |x (w + wl)| <= 170 (or NaN): no ln2 constants in the
 * reduction, n16 = x w rounded to a multiple of 1/16 (adding 1.5*2^19),
 * r = (x w - n16) + x wl, the first step rounded once (|r| <= 1/32:
 * 2^-30), the second too (2^-30): 2^r = e^(r ln2) by the lut16-p3 scheme
 * of exp_l16_pn with ln2 folded into the coefficients (EXP2_L16_D*, from
 * EXP_L16_C*; the relative error of the fit unchanged, 2^-29.05, the
 * coefficients' rounding below 2^-30) and TL into its table
 * (EXP2_L16_TL = TL / ln2): p = TH + (TH r + TL/ln2) (ln2 + D2 r + D3 r^2).
 * Against a product x w formed first and e^(z + zlo) by exp_l16_pn: 4
 * operations fewer (no TwoProduct, no rr2 steps). */
#define EXP2_L16_D1 0x1.62e430p-1f  /* ln2 */
#define EXP2_L16_D2 0x1.ec0032p-3f  /* EXP_L16_C2 ln2^2 */
#define EXP2_L16_D3 0x1.c6b0f4p-5f  /* EXP_L16_C3 ln2^3 */
#define EXP2_L16_TL_LIST(S)                                                    \
    0.0f * (S), 0x1.2b7f66p-24f * (S), -0x1.442184p-26f * (S),                 \
    0x1.4dbf7cp-24f * (S), 0x1.d6a0bep-25f * (S), 0x1.16a38cp-24f * (S),       \
    -0x1.f20f8ep-25f * (S), -0x1.f5d21cp-27f * (S), 0x1.2bf13ep-25f * (S),     \
    -0x1.16e3f4p-24f * (S), 0x1.90146cp-27f * (S), 0x1.e79662p-27f * (S),      \
    -0x1.32c8c4p-25f * (S), -0x1.c9d2aap-27f * (S), -0x1.1691acp-26f * (S),    \
    0x1.e80a00p-27f * (S)
static const float EXP2_L16_TL[16] = {EXP2_L16_TL_LIST(1.0f)};
static inline vf exp2_l16_pn_xw(vf x, vf w, vf wl, vf *n16)
{
    const vf t = vf_fma(x, w, vf_set1(EXP_L16_MAGIC));
    const vf n = vf_sub(t, vf_set1(EXP_L16_MAGIC));
    const vf r = vf_fma(x, wl, vf_fms(x, w, n));
    *n16 = n;
    const vf th = vf_lut16(EXP_L16_TH, vf_as_vi(t));
    const vf tl = vf_lut16(EXP2_L16_TL, vf_as_vi(t));
    vf q = vf_fma(vf_set1(EXP2_L16_D3), r, vf_set1(EXP2_L16_D2));
    q = vf_fma(q, r, vf_set1(EXP2_L16_D1));
    return vf_fma(vf_fma(th, r, tl), q, th);
}

/* exp_l16_pn with p carried as p + *plo (ACCURATE): e^(z+zlo) =
 * (p + plo) 2^floor(n16), p = TH (1 + u), u = r q rounded once (its error
 * 2^-24 |u| <= 2^-29.5 relative), p's rounding recovered exactly (TH - p
 * is exact, |u| < 0.022) and TL added in: TL u left out, 2^-30.5.  With
 * the polynomial (2^-29.05) and r's rounding (|r| < 2^-5: 2^-30) the pair
 * is good to about 2^-28 relative. */
static inline vf exp_l16_pn_hl(vf z, vf zlo, vf *n16, vf *plo)
{
    vf th, tl, q;
    const vf r = exp_l16_parts(z, zlo, n16, &th, &tl, &q);
    const vf u = vf_mul(r, q);
    const vf p = vf_fma(th, u, th);
    *plo = vf_add(vf_fma(th, u, vf_sub(th, p)), tl);
    return p;
}

/* e^-x 2^-64 = p * 2^floor(n16) for x in [-150, 150] (or NaN), without
 * TL (FAST sigmoid: TH's rounding, up to 2^-24.3 relative, is the price of
 * one vpermps): the table is TH * 2^-64 (exact), so a caller can form
 * 2^-64 (1 + e^-x) = 2^-64 + p 2^n without overflow for x up to 150 below
 * zero (2^-64 e^150 < 2^153, and scalef saturates to inf beyond).  The
 * reduction is the one of exp_l16_pn for z = -x, written with -x folded
 * into the fma signs: N = round(-16 x log2e), r' = x + (N/16) ln2 (rr2,
 * exact first step) = -r, and e^-r' = 1 - r' q(-r'). */
static const float EXP_L16_TH_M64[16] = {
    0x1.000000p-64f, 0x1.0b5586p-64f, 0x1.172b84p-64f, 0x1.2387a6p-64f,
    0x1.306fe0p-64f, 0x1.3dea64p-64f, 0x1.4bfdaep-64f, 0x1.5ab07ep-64f,
    0x1.6a09e6p-64f, 0x1.7a1148p-64f, 0x1.8ace54p-64f, 0x1.9c4918p-64f,
    0x1.ae89fap-64f, 0x1.c199bep-64f, 0x1.d5818ep-64f, 0x1.ea4afap-64f};
/* The reduction and polynomial both e^-x forms share: p = table[j] e^-r'
 * with the 16-entry table given, *t the magic-added 16 N (its low bits
 * index the table, t - magic = n16). */
static inline vf exp_l16_neg_p(vf x, const float *table, vf *t)
{
    *t = vf_fma(x, vf_set1(-EXP_F_LOG2E), vf_set1(EXP_L16_MAGIC));
    const vf n = vf_sub(*t, vf_set1(EXP_L16_MAGIC));
    vf r = vf_fma(n, vf_set1(EXP_F_LN2_HI), x);
    r = vf_fma(n, vf_set1(EXP_F_LN2_LO), r);
    const vf th = vf_lut16(table, vf_as_vi(*t));
    vf q = vf_fma(vf_set1(EXP_L16_C3), r, vf_set1(-EXP_L16_C2));
    q = vf_fma(q, r, vf_set1(1.0f));
    return vf_fnma(vf_mul(th, r), q, th);
}

static inline vf exp_l16_neg_pn_m64(vf x, vf *n16)
{
    vf t;
    const vf p = exp_l16_neg_p(x, EXP_L16_TH_M64, &t);
    *n16 = vf_sub(t, vf_set1(EXP_L16_MAGIC));
    return p;
}

/* e^-x 2^-64 as one float for x in [-104, 18] (or NaN; FAST sigmoid):
 * between 2^-90 and 2^86, so normal, and one power of two scales it.  With
 * vscalefps (AVX-512) that is exp_l16_neg_pn_m64 and vf_scalef_floor (one
 * instruction).  Without it (AVX2, poly) vf_scalef_floor is a round, a
 * conversion and two multiplies by two built powers (about 10 operations):
 * there p comes from the plain TH table and 2^(floor(n16) - 64) is built
 * from t's bits -- t = 1.5*2^19 + n16 has 16 n16 as its low bits and the
 * magic's low 4 bits are zero, so (bits >> 4) << 23 is floor(n16) << 23
 * (the magic's part shifts out) -- and applied by one exact multiply:
 * 4 operations, the same value (p 2^-64 2^floor(n16) is exact either
 * way; measured sigmoid FAST on AVX2 0.396 -> 0.302 ns/elem at 256K). */
static inline vf exp_l16_neg_m64(vf x)
{
#if defined(VEC_ISA_AVX512)
    vf n;
    const vf p = exp_l16_neg_pn_m64(x, &n);
    return vf_scalef_floor(p, n);
#else
    vf t;
    const vf p = exp_l16_neg_p(x, EXP_L16_TH, &t);
    const vf s = vi_as_vf(vi_add(vi_shl(vi_sra(vf_as_vi(t), 4), 23), vi_set1(63 << 23)));
    return vf_mul(p, s);
#endif
}

/* ---- the ratio form (ACCURATE sigmoid, swish, gelu_tanh) ----
 * e^v = (th + m) / a with a = 2^(32 - ceil(n16)) a power of two, th =
 * 2^(j/16) 2^(32 - [j > 0]) from the table EXP_L16_THC (TH scaled so, with
 * TL alike in EXP_L16_TLC) and m a small correction, |m| <= 0.023 th:
 * with n16 = floor(n16) + j/16, (th + m)/a = 2^(j/16) e^r 2^(ceil(n16) -
 * [j > 0]) = 2^n16 e^r.  So 1/(1 + e^v) = a / (a + th + m) with every term
 * a float, no scaling of th and m, and a built from the reduction's own
 * -n16 (vscalefps of 2^32 by it: 2^(32 + floor(-n16)); elsewhere three
 * integer operations on t's bits).  a stays normal for n16 in [-90, 158].
 * m = TL - TH u (TL q folded, as exp_l16_pn_hl) is rounded once: 2^-24 of
 * |m| <= 0.023 th, 2^-29.5 relative; with the fit (2^-29.05) and r's
 * rounding (2^-30) th + m is good to about 2^-28 relative. */
static const float EXP_L16_THC[16] = {EXP_L16_TH_LIST(0x1p32f, 0x1p31f)};
static const float EXP_L16_TLC[16] = {EXP_L16_TL_LIST(0x1p31f)};
/* EXP2_L16_TL (TL / ln2) scaled as EXP_L16_THC */
static const float EXP2_L16_TLC[16] = {EXP2_L16_TL_LIST(0x1p31f)};

/* a = 2^(32 - ceil(n16)) from t = 1.5*2^19 + n16 and nn = -n16 (exact,
 * a multiple of 1/16).  Without vscalefps: t's bits are the magic's plus
 * 16 n16, so ((bits(magic) + 159*16 - bits(t)) >> 4) = 159 - ceil(n16),
 * shifted into the exponent field. */
static inline vf exp_l16_ratio_a(vf t, vf nn)
{
#if defined(VEC_ISA_AVX512)
    (void)t;
    return vf_scalef_floor(vf_set1(0x1p32f), nn);
#else
    (void)nn;
    const vi c = vi_add(vf_as_vi(vf_set1(EXP_L16_MAGIC)), vi_set1(159 * 16));
    return vi_as_vf(vi_shl(vi_sra(vi_sub(c, vf_as_vi(t)), 4), 23));
#endif
}

/* e^-x = (th + *m) / *a for x in [-109, 40] (or NaN), th returned: the
 * reduction of exp_l16_neg_p written with nn = -n16 (so that nn also gives
 * a), then m = TL - TH (r q) for e^-r = 1 - r q(-r).  In two stages, so a
 * software-pipelined loop (VEC_TWO_STAGE_KERNEL) can run the reduction of
 * the next vectors before the rest: exp_l16_neg_ratio_reduce returns th
 * and sets r, TL and a; exp_l16_neg_ratio_m gives m from them. */
static inline vf exp_l16_neg_ratio_reduce(vf x, vf *r, vf *tl, vf *a)
{
    const vf t = vf_fma(x, vf_set1(-EXP_F_LOG2E), vf_set1(EXP_L16_MAGIC));
    const vf nn = vf_sub(vf_set1(EXP_L16_MAGIC), t);
    *r = vf_fnma(nn, vf_set1(EXP_F_LN2_LO), vf_fnma(nn, vf_set1(EXP_F_LN2_HI), x));
    *tl = vf_lut16(EXP_L16_TLC, vf_as_vi(t));
    *a = exp_l16_ratio_a(t, nn);
    return vf_lut16(EXP_L16_THC, vf_as_vi(t));
}
static inline vf exp_l16_neg_ratio_m(vf th, vf r, vf tl)
{
    vf q = vf_fma(vf_set1(EXP_L16_C3), r, vf_set1(-EXP_L16_C2));
    q = vf_fma(q, r, vf_set1(1.0f));
    return vf_fnma(vf_mul(th, r), q, tl);
}

/* 2^(-x (w + wl)) = (th + m) / a, the base-2 form of exp2_l16_pn_xw
 * (gelu_tanh ACCURATE), for -x (w + wl) in [-90, 158] (or NaN): n16 =
 * round16(-x w), nn = -n16, r = (nn - x w) - x wl (each step rounded once,
 * |r| <= 1/32: 2^-30 each), m = (th r + TL/ln2) (ln2 + D2 r + D3 r^2),
 * rounded once (2^-29.5 relative to th).  The same two stages. */
static inline vf exp2_l16_ratio_xw_reduce(vf x, vf w, vf wl, vf *r, vf *tl, vf *a)
{
    const vf t = vf_fnma(x, w, vf_set1(EXP_L16_MAGIC));
    const vf nn = vf_sub(vf_set1(EXP_L16_MAGIC), t);
    *r = vf_fnma(x, wl, vf_fnma(x, w, nn));
    *tl = vf_lut16(EXP2_L16_TLC, vf_as_vi(t));
    *a = exp_l16_ratio_a(t, nn);
    return vf_lut16(EXP_L16_THC, vf_as_vi(t));
}
static inline vf exp2_l16_ratio_m(vf th, vf r, vf tl)
{
    vf q = vf_fma(vf_set1(EXP2_L16_D3), r, vf_set1(EXP2_L16_D2));
    q = vf_fma(q, r, vf_set1(EXP2_L16_D1));
    return vf_mul(vf_fma(th, r, tl), q);
}

/* e^x over the whole float range: 0 below -103.97, inf above 88.72, NaN
 * for NaN, subnormal results rounded once (by vf_scalef). */
static inline vf exp_f(vf x)
{
    x = vf_min(vf_set1(EXP_F_MAX), vf_max(vf_set1(EXP_F_MIN), x));
    vf n;
    const vf p = exp_f_pn(x, vf_set1(-0.0f), &n);
    return vf_scalef(p, n);
}

/* e^x, faithful (ACCURATE): p + plo from exp_f_pn_hl added in one
 * rounding, then scaled; a subnormal result is rounded a second time by
 * the scaling (<= 0.75 ULP there, plus the polynomial's 2^-27.4). */
static inline vf exp_f_acc(vf x)
{
    x = vf_min(vf_set1(EXP_F_MAX), vf_max(vf_set1(EXP_F_MIN), x));
    vf n, plo;
    const vf p = exp_f_pn_hl(x, vf_set1(-0.0f), &n, &plo);
    return vf_scalef(vf_add(p, plo), n);
}

/* e^x - 1 = (2^n - 1) + 2^n (e^r - 1): exact 2^n - 1 for n in [-24, 0] and
 * one fused rounding, so the result keeps full relative accuracy near 0
 * (n = 0: it is e^r - 1 itself).  x is clamped to [-25, 88] (e^-25 - 1
 * rounds to -1); valid for x <= 88. */
static inline vf expm1_f(vf x)
{
    x = vf_min(vf_set1(88.0f), vf_max(vf_set1(-25.0f), x));
    const vf t = vf_fma(x, vf_set1(EXP_F_LOG2E), vf_set1(EXP_F_MAGIC));
    const vf nf = vf_sub(t, vf_set1(EXP_F_MAGIC));
    vf r = vf_fnma(nf, vf_set1(EXP_F_LN2_HI), x);
    r = vf_fnma(nf, vf_set1(EXP_F_LN2_LO), r);
    const vf pm1 = expm1_f_poly(r);
    const vf s = vf_pow2i(vi_sub(vf_as_vi(t), vf_as_vi(vf_set1(EXP_F_MAGIC))));
    return vf_fma(s, pm1, vf_sub(s, vf_set1(1.0f)));
}

/* expm1_f for x <= 0 only (or NaN; x > 0 gives a finite or inf or NaN
 * value that the caller discards): the same polynomial without the upper
 * clamp, 2^n built by one shift and one add of t's bits (n in [-37, 0]
 * after the clamp at -25; see expm1_f_hl_rr1_reduce), and a one-constant (rr1)
 * reduction: r = x - n ln2_hi in one fma misses n (ln2 - ln2_hi), at most
 * 37 * 2^-28.9 = 2^-23.7 absolute in r, i.e. relative in e^x; but the
 * result's absolute error is then e^x |n| 2^-28.9 <= 1.44 |x| e^x 2^-28.9
 * <= 2^-29.4 (largest at x = -1), against |e^x - 1| >= 0.29 wherever
 * n != 0 (|x| > ln2/2; n = 0 leaves r = x exact): below 2^-27.6
 * relative, 0.06 ULP. */
static inline vf expm1_f_nonpos(vf x)
{
    x = vf_max(vf_set1(-25.0f), x);
    const vf t = vf_fma(x, vf_set1(EXP_F_LOG2E), vf_set1(EXP_F_MAGIC));
    const vf nf = vf_sub(t, vf_set1(EXP_F_MAGIC));
    const vf r = vf_fnma(nf, vf_set1(EXP_F_LN2_HI), x);
    const vf pm1 = expm1_f_poly(r);
    const vf s = vi_as_vf(vi_add(vi_shl(vf_as_vi(t), 23), vi_set1(127 << 23)));
    return vf_fma(s, pm1, vf_sub(s, vf_set1(1.0f)));
}

/* e^x - 1 = *hi + *lo for x <= 0 (NaN kept; ACCURATE elu/selu; x > 0
 * gives values the callers discard): x is clamped at -25 (e^x - 1 = -1 to
 * 2^-36 there); e^r - 1 = r + r u with u = r q5 rounded (q5 the EXP_P
 * polynomial without its two leading terms: its error relative to e^r - 1
 * is at most |r| 2^-25.9), carried as pm + pml; then (2^n - 1) + 2^n
 * (pm + pml) by Fast2Sum (|2^n - 1| >= |2^n pm| for n <= -1, and exact
 * for n = 0).  |lo| <= ulp(hi).  The reduction is one-constant (rr1): r = x - n ln2_hi is
 * exact (for n != 0, |x| > 0.34 has an ulp of 2^-25 or more and n ln2_hi
 * is a multiple of 2^-24, so x - n ln2_hi is a multiple of 2^-25 below
 * 0.35 in magnitude: 24 bits), so there is no rl to carry; what rr1 leaves
 * out, n (ln2 - ln2_hi), changes the result by at most
 * e^x |n| 2^-28.9 <= 2^-29.4 absolute, under 2^-27.6 relative (see
 * expm1_f_nonpos): 0.03 ULP.  This replaced an rr2 version (r + rl), and
 * without r ul (u's rounding, at most 2^-24 r^2 |q| <= 2^-26.5 relative
 * to pm: max elu error 0.77 -> 0.81 ULP): 7 operations fewer, measured
 * elu 0.41 -> 0.285 ns/elem on AVX-512.  Kept
 * as mul + add where an fma would do: these kernels are bound by the FMA
 * pipes, and folding s pm + a into one fma (and its error into another)
 * measured 3% slower. */
/* In two stages for a software-pipelined loop (VEC_TWO_STAGE_KERNEL):
 * the reduction (r returned, t's bits hold n), then the rest. */
static inline vf expm1_f_hl_rr1_reduce(vf x, vf *t)
{
    x = vf_max(vf_set1(-25.0f), x);
    *t = vf_fma(x, vf_set1(EXP_F_LOG2E), vf_set1(EXP_F_MAGIC));
    const vf n = vf_sub(*t, vf_set1(EXP_F_MAGIC));
    return vf_fnma(n, vf_set1(EXP_F_LN2_HI), x);
}
static inline vf expm1_f_hl_rr1_finish(vf r, vf t, vf *lo)
{
    vf q = vf_fma(vf_set1(EXP_P_C6), r, vf_set1(EXP_P_C5));
    q = vf_fma(q, r, vf_set1(EXP_P_C4));
    q = vf_fma(q, r, vf_set1(EXP_P_C3));
    q = vf_fma(q, r, vf_set1(EXP_P_C2));
    const vf u = vf_mul(r, q);
    const vf pm = vf_fma(r, u, r);
    /* r - pm is exact (pm/r in [0.84, 1.19]) */
    const vf pml = vf_fma(r, u, vf_sub(r, pm));
    const vf s = vi_as_vf(vi_add(vi_shl(vf_as_vi(t), 23), vi_set1(127 << 23)));
    const vf a = vf_sub(s, vf_set1(1.0f));
    const vf b = vf_mul(s, pm);
    const vf hi = vf_add(a, b);
    *lo = vf_fma(s, pml, vf_add(vf_sub(a, hi), b));
    return hi;
}
/* ---- double ---- */
#define EXP_D_LOG2E 0x1.71547652b82fep+0
/* fdlibm's split of ln2: the high part has 32 significant bits, so n*hi is
 * exact for |n| < 2^20 even without a fused multiply-add. */
#define EXP_D_LN2_HI 6.93147180369123816490e-01
#define EXP_D_LN2_LO 1.90821492927058770002e-10
#define EXP_D_MAGIC 0x1.8p52

/* e^r - 1 for |r| <= ~0.35, relative error of e^r 2^-34.1. */
static inline vd expm1_d_poly(vd r)
{
    vd q = vd_fma(vd_set1(0.0001978926599673469), r, vd_set1(0.0013945752870095987));
    q = vd_fma(q, r, vd_set1(0.008333503750769262));
    q = vd_fma(q, r, vd_set1(0.04166628031555699));
    q = vd_fma(q, r, vd_set1(0.16666665820090418));
    q = vd_fma(q, r, vd_set1(0.5000000071675479));
    return vd_fma(vd_mul(r, r), q, r);
}

/* Shared reduction: returns e^r - 1 and sets *s = 2^n. */
static inline vd exp_d_reduce(vd x, vd *s)
{
    const vd t = vd_fma(x, vd_set1(EXP_D_LOG2E), vd_set1(EXP_D_MAGIC));
    const vd nd = vd_sub(t, vd_set1(EXP_D_MAGIC));
    vd r = vd_fnma(nd, vd_set1(EXP_D_LN2_HI), x);
    r = vd_fnma(nd, vd_set1(EXP_D_LN2_LO), r);
    /* the low 12 bits of t's mantissa are n mod 2^12: shifted into the
     * exponent field and added to 1.0's bits they give 2^n, n in
     * [-1022, 1023] */
    *s = vl_as_vd(vl_add(vl_shl(vd_as_vl(t), 52), vl_set1(0x3ff0000000000000LL)));
    return expm1_d_poly(r);
}

/* e^x for x in [-708, 709] (callers clamp), relative error about 2^-34. */
static inline vd exp_d(vd x)
{
    vd s;
    const vd pm1 = exp_d_reduce(x, &s);
    return vd_mul(vd_add(vd_set1(1.0), pm1), s);
}

/* e^x - 1 for x in [-708, 709]: (2^n - 1) + 2^n (e^r - 1), 2^n - 1 exact
 * for n in [-53, 0], relative error about 2^-34 everywhere. */
static inline vd expm1_d(vd x)
{
    vd s;
    const vd pm1 = exp_d_reduce(x, &s);
    return vd_fma(s, pm1, vd_sub(s, vd_set1(1.0)));
}

#endif
