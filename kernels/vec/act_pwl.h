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
