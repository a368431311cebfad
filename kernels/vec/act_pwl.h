/* Piecewise-linear activations (tier EXACT) and softsign.
 *
 * relu, leaky_relu, relu6 are one rounding at most (alpha*x) and keep the
 * libm variant's signs: relu(-0) = -0, NaN passes through (vf_max(0, x)
 * returns x when x is NaN or a zero).
 *
 * hard_sigmoid = relu6(x+3)/6 and hard_swish = x relu6(x+3)/6, correctly
 * rounded: on [-3, 3] the exact numerator is carried as two floats
 * (TwoSum of x+3, TwoProduct of x(x+3)) and divided by 6 with one
 * correction step q = q0 + (n - 6 q0) / 6, where n - 6 q0 is exact (fma).
 * Outside [-3, 3] the results are the exact constants 0, 1, -0 and x.
 *
 * softsign = x / (|x| + 1) in double: |x| + 1 and the quotient have 2^-53
 * relative error, then one rounding to float. */
#ifndef ACTBENCH_ACT_PWL_H
#define ACTBENCH_ACT_PWL_H

static inline vf relu_exact(vf x, vf alpha)
{
    (void)alpha;
    return vf_max(vf_zero(), x);
}
static inline vf leaky_relu_exact(vf x, vf alpha)
{
    return vf_select(vm_lt(x, vf_zero()), vf_mul(alpha, x), x);
}
static inline vf relu6_exact(vf x, vf alpha)
{
    (void)alpha;
    return vf_min(vf_set1(6.0f), vf_max(vf_zero(), x));
}

/* (n + nl) / 6 rounded once, for n + nl given as an unevaluated sum with
 * |nl| <= ulp(n). */
static inline vf div6_exact(vf n, vf nl)
{
    const vf inv6 = vf_set1(0x1.555556p-3f);
    const vf q0 = vf_mul(n, inv6);
    const vf rem = vf_add(vf_fnma(q0, vf_set1(6.0f), n), nl);
    return vf_fma(rem, inv6, q0);
}

static inline vf hard_sigmoid_exact(vf x, vf alpha)
{
    (void)alpha;
    /* clamp keeps NaN; x in [-3, 3] makes x + 3 in [0, 6], and TwoSum's
     * error term exact (|3| >= |x|: Fast2Sum) */
    const vf xc = vf_min(vf_set1(3.0f), vf_max(vf_set1(-3.0f), x));
    const vf t = vf_add(xc, vf_set1(3.0f));
    const vf tl = vf_sub(xc, vf_sub(t, vf_set1(3.0f)));
    return div6_exact(t, tl);
}

static inline vf hard_swish_exact(vf x, vf alpha)
{
    (void)alpha;
    const vf xc = vf_min(vf_set1(3.0f), vf_max(vf_set1(-3.0f), x));
    const vf t = vf_add(xc, vf_set1(3.0f));
    const vf tl = vf_sub(xc, vf_sub(t, vf_set1(3.0f)));
    /* x (t + tl) = p + pl */
    const vf p = vf_mul(xc, t);
    const vf pl = vf_fma(xc, tl, vf_fms(xc, t, p));
    vf y = div6_exact(p, pl);
    y = vf_select(vm_le(x, vf_set1(-3.0f)), vf_set1(-0.0f), y);
    return vf_select(vm_ge(x, vf_set1(3.0f)), x, y);
}

/* Cheaper tiers of hard_sigmoid / hard_swish: multiplications by a float
 * 1/6, no TwoSum.  C6 = fl(1/6) = (1/6)(1 + 2^-25) exactly.
 *
 * hard_sigmoid (ACCURATE): for xc = x clamped to [-3, 3],
 *   y1 = fma(xc, C6, 1/2) = (xc + 3)/6 + xc 2^-25/6 + (rounding of y1),
 *   y  = fma(xc, -E6, y1),   E6 = 2^-25 fl_down(1/6) = 2^-25/6 (1 - 2^-24.6),
 * so y = (xc + 3)/6 + r1 + O(2^-50.6) before its own rounding.  Near x = -3
 * the result is small but so is y1 (|y1| < y), so |r1| <= ulp(y)/2 (and
 * <= ulp(y)/4 at the smallest y = 2^-22/6): no cancellation error.  The
 * rounded-down E6 makes xc = -3 give -2^-50, which max(0, .) turns into the
 * exact +0; y never exceeds 1 (x = 3 gives 1 - 2^-26 -> 1).  Measured max
 * 0.667 ULP over all floats.  Clamping x first keeps +-inf away from the
 * fmas (inf - inf); max(-3, x) keeps a NaN x. */
#define PWL_C6 0x1.555556p-3f  /* fl(1/6), rounded up */
#define PWL_E6 0x1.555554p-28f /* 2^-25 * 1/6 rounded down */

static inline vf hard_sigmoid_inv6_core(vf xc)
{
    const vf y1 = vf_fma(xc, vf_set1(PWL_C6), vf_set1(0.5f));
    return vf_fma(xc, vf_set1(-PWL_E6), y1);
}

static inline vf hard_sigmoid_acc(vf x, vf alpha)
{
    (void)alpha;
    const vf xc = vf_min(vf_set1(3.0f), vf_max(vf_set1(-3.0f), x));
    return vf_max(vf_zero(), hard_sigmoid_inv6_core(xc));
}

/* Copy-speed tier (FAST).  At 4K elements (in L1) such a loop is bound by
 * how many vector operations issue per cycle: on Zen 4 two zmm operations
 * per cycle (FMA/multiply on two pipes, add/min/max/vrangeps on the other
 * two), a 64-byte store takes about one more, and a copy runs at 2.2-2.4
 * cycles per 64 bytes: up to four operations per vector cost nothing, each
 * one more about half a cycle (standalone loops over 4K floats: max, add,
 * mul, mul 2.4 cycles per vector; five operations 3.1; six 3.5).
 *   xc = x clamped to [-3, 3] (NaN kept), t = xc + 3 (exact for xc <= -1.5
 *   by Sterbenz: no cancellation near -3), h = t C6 in [0, 1]:
 *   xc = -3 gives +0, xc = 3 gives 6 C6 = 1 + 2^-25 -> 1.
 *   xc = x clamped to [-3, 3] (NaN kept), t = xc + 3 (exact for xc <= -1.5
 *   by Sterbenz: no cancellation near -3), h = t C6 in [0, 1]:
 *   xc = -3 gives +0, xc = 3 gives 6 C6 = 1 + 2^-25 -> 1.
 * hard_sigmoid = h; the rounding of t (xc > -1.5), C6 and the product:
 *   measured max 1.33 ULP over all floats.
 * hard_swish = max(-3, x) h: x >= 3 gives x (+inf too), x <= -3 gives
 *   -3 (+0) = -0 (-inf included, not -inf * 0); measured max 2.48 ULP over
 *   all floats. */
static inline vf hard_sigmoid_h(vf x)
{
    const vf t = vf_add(vf_clamp_abs(x, vf_set1(3.0f)), vf_set1(3.0f));
    return vf_mul(t, vf_set1(PWL_C6));
}

static inline vf hard_sigmoid_fast(vf x, vf alpha)
{
    (void)alpha;
    return hard_sigmoid_h(x);
}

/* hard_swish FAST shares m = max(-3, x) between the clamp and the factor:
 * xc = min(3, m) as an integer min of the bit patterns (vf_min_bits: exact
 * for every m in [-3, +inf]; a NaN m gives 3 or m, and y = m h is NaN either
 * way), so the clamp is one FP add-pipe operation and one integer one instead
 * of two FP ones (vrangeps + vfixupimmps, or min + max): the same values as
 * max(-3, x) * hard_sigmoid_h(x), 5 operations instead of 6 (on Zen 4 2 on
 * the FMA pipes, 2 on the add pipes, 1 on any). */
typedef struct {
    vf m, xc;
} hard_swish_stage;
static inline hard_swish_stage hard_swish_fast_s1(vf x)
{
    hard_swish_stage s;
    s.m = vf_max(vf_set1(-3.0f), x); /* NaN x kept */
    s.xc = vf_min_bits(s.m, vf_set1(3.0f));
    return s;
}
static inline vf hard_swish_fast_s2(hard_swish_stage s, vf alpha)
{
    (void)alpha;
    return vf_mul(s.m, vf_mul(vf_add(s.xc, vf_set1(3.0f)), vf_set1(PWL_C6)));
}
/* On AVX-512 in the two-stage loop (vec_loop.h: the clamp of the next
 * vectors before the products of the current ones): 0.047 -> 0.044 ns/elem
 * at 4K, memcpy 0.043 (standalone, best of 40); the same values. */
static inline vf hard_swish_fast(vf x, vf alpha) { return hard_swish_fast_s2(hard_swish_fast_s1(x), alpha); }

/* hard_swish FAST in four operations: m = max(-3, x) (a NaN x kept, -inf
 * becomes -3), h = min(fma(m, A6, 3 A6), 1), y = m h.
 * A6 = 0x1.555554p-3 = (1/6)(1 - 2^-24): the float just below 1/6 whose
 * triple, 0x1.fffffep-2, is a float too, so the fma forms A6 (m + 3)
 * exactly and rounds it once: no cancellation near m = -3, and m = -3
 * (every x <= -3, -inf included) gives exactly +0, so y = -3 * +0 = -0.
 * From x = 3 + 1 ulp on h is exactly 1 (rounded or clipped) and y = x
 * (+inf too); x = 3 itself gives h = 1 - 2^-24 and y = 3 - 1 ulp (0.75 ULP);
 * a NaN m gives min(NaN, 1) = 1 and y = NaN.  Error: A6's 2^-24 and the
 * rounding of h (2^-24 relative) before that of y: under 2^-23 relative,
 * i.e. 2 ULP, plus half an ULP; measured max 2.489 ULP over all floats
 * (actbench accuracy --exhaustive, each ISA).
 * Speed against the five-operation form above, both in three runs of
 * actbench bench (ns/element, 1 thread, median of 7): AVX-512 at 4K
 * 0.049-0.050 -> 0.043-0.046 (memcpy 0.043), at 256K both 0.085-0.087
 * (memcpy 0.085-0.086); AVX2 at 4K 0.055-0.057 -> 0.047-0.048, but at
 * 256K (from L2) 0.083-0.084 -> 0.094-0.095, also in a standalone loop of
 * the same pair-of-vectors form (0.093; one vector per iteration 0.086).
 * So both forms are offered and the benchmark tells which to pick.  The
 * two-stage loop (vec_loop.h) gained nothing here (AVX-512 at 4K 0.044 ->
 * 0.046, AVX2 at 256K 0.094 -> 0.091). */
#define PWL_A6 0x1.555554p-3f   /* 11184810 * 2^-26 */
#define PWL_A6X3 0x1.fffffep-2f /* 3 * PWL_A6, exact */
static inline vf hard_swish_fma_fast(vf x, vf alpha)
{
    (void)alpha;
    const vf m = vf_max(vf_set1(-3.0f), x);
    const vf h = vf_min(vf_fma(m, vf_set1(PWL_A6), vf_set1(PWL_A6X3)), vf_set1(1.0f));
    return vf_mul(m, h);
}

static inline vd softsign_d(vd x, vd alpha)
{
    (void)alpha;
    /* beyond 2^60 the quotient is +-1 to double precision; the clamp keeps
     * softsign(+-inf) from inf/inf */
    x = vd_min(vd_set1(0x1p60), vd_max(vd_set1(-0x1p60), x));
    return vd_div(x, vd_add(vd_abs(x), vd_set1(1.0)));
}
static inline vf softsign_acc(vf x, vf alpha)
{
    (void)alpha;
    return VF_VIA_VD(softsign_d, x, vd_set1(0.0));
}

#endif
