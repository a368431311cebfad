/* exponential, elu and selu.
 *
 * FAST: exp_f / expm1_f_nonpos (rr1 reduction, which x <= 0 allows) in
 *   float; elu = alpha * expm1(x) for x <= 0 (one more rounding), selu
 *   likewise with the float constants.
 * ACCURATE (float): exp_f_acc; expm1_f_hl_rr1_reduce/_finish's pair times alpha (or the selu
 *   constants as float pairs) in one fused rounding.
 * x >= 0 (and NaN, which fails x < 0 and is returned as is) passes through:
 *   elu(x) = x, selu(x) = scale * x (so -0 gives -0). */
#ifndef ACTBENCH_ACT_ELU_H
#define ACTBENCH_ACT_ELU_H

#include "core_exp.h"

#define SELU_ALPHA_D 1.6732632423543772848170429916717
#define SELU_SCALE_D 1.0507009873554804934193349852946

/* ---- FAST ---- */
static inline vf exponential_fast(vf x, vf alpha)
{
    (void)alpha;
    return exp_f(x);
}
static inline vf elu_fast(vf x, vf alpha)
{
    return vf_select(vm_lt(x, vf_zero()), vf_mul(alpha, expm1_f_nonpos(x)), x);
}
static inline vf selu_fast(vf x, vf alpha)
{
    (void)alpha;
    return vf_select(vm_lt(x, vf_zero()),
                     vf_mul(vf_set1((float)(SELU_SCALE_D * SELU_ALPHA_D)), expm1_f_nonpos(x)),
                     vf_mul(vf_set1((float)SELU_SCALE_D), x));
}

/* ---- ACCURATE ---- */
static inline vf exponential_acc(vf x, vf alpha)
{
    (void)alpha;
    return exp_f_acc(x);
}

/* The ACCURATE elu and selu in two stages (VEC_TWO_STAGE_KERNEL,
 * vec_loop.h): expm1's reduction, then the rest; measured elu 0.274 ->
 * 0.253 ns/elem at 4K on AVX-512 against the plain loop (standalone,
 * best of 20). */
typedef struct {
    vf x, r, t;
} elu_acc_stage;

static inline elu_acc_stage elu_acc_s1(vf x)
{
    elu_acc_stage s;
    s.x = x;
    s.r = expm1_f_hl_rr1_reduce(x, &s.t);
    return s;
}

/* alpha (e^x - 1) for x <= 0 with the pair hi + lo: one rounding (the
 * fma), the product with the low part far below it. */
static inline vf elu_acc_s2(elu_acc_stage s, vf alpha)
{
    vf lo;
    const vf hi = expm1_f_hl_rr1_finish(s.r, s.t, &lo); /* x > 0: discarded below */
    return vf_select(vm_lt(s.x, vf_zero()), vf_fma(alpha, hi, vf_mul(alpha, lo)), s.x);
}

/* scale alpha and scale as float pairs (mpmath, rounded to float) */
#define SELU_SA_HI 0x1.c212ccp+0f
#define SELU_SA_LO 0x1.903c0cp-26f
#define SELU_S_HI 0x1.0cfabep+0f
#define SELU_S_LO -0x1.2adddap-25f
static inline vf selu_acc_s2(elu_acc_stage s, vf alpha)
{
    (void)alpha;
    const vf x = s.x;
    vf lo;
    const vf hi = expm1_f_hl_rr1_finish(s.r, s.t, &lo); /* x > 0: discarded below */
    const vf yn = vf_fma(vf_set1(SELU_SA_HI), hi,
                         vf_fma(vf_set1(SELU_SA_HI), lo, vf_mul(vf_set1(SELU_SA_LO), hi)));
    /* scale x: for |x| < 2^-100 the low product would be subnormal and
     * lose up to half an ULP of the result, so work 2^64 higher there */
    const vm tiny = vm_lt(vf_abs(x), vf_set1(0x1p-100f));
    const vf xs = vf_select(tiny, vf_mul(x, vf_set1(0x1p64f)), x);
    /* the low product clamped at FLT_MAX: selu(inf) = inf, not inf - inf */
    const vf ys = vf_fma(vf_set1(SELU_S_HI), xs,
                         vf_mul(vf_set1(SELU_S_LO), vf_min(vf_set1(0x1.fffffep127f), xs)));
    /* the sign of x put back: x = -0 gives -0 + (+0) = +0 above */
    const vf yp = vf_or(vf_select(tiny, vf_mul(ys, vf_set1(0x1p-64f)), ys),
                        vf_and(x, vf_set1(-0.0f)));
    return vf_select(vm_lt(x, vf_zero()), yn, yp);
}

#endif
