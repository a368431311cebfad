/* exponential, elu and selu.
 *
 * FAST: exp_f / expm1_f in float; elu = alpha * expm1(x) for x <= 0 (one
 *   more rounding), selu likewise with the float constants.
 * ACCURATE: exp_d / expm1_d in double times the constants in double, one
 *   rounding to float at the end.
 * x > 0 (and NaN, which fails x <= 0 and is returned as is) passes through:
 *   elu(x) = x, selu(x) = scale * x. */
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
    return vf_select(vm_le(x, vf_zero()), vf_mul(alpha, expm1_f(x)), x);
}
static inline vf selu_fast(vf x, vf alpha)
{
    (void)alpha;
    return vf_select(vm_le(x, vf_zero()),
                     vf_mul(vf_set1((float)(SELU_SCALE_D * SELU_ALPHA_D)), expm1_f(x)),
                     vf_mul(vf_set1((float)SELU_SCALE_D), x));
}

/* ---- ACCURATE ---- */
static inline vf exponential_acc(vf x, vf alpha)
{
    (void)alpha;
    return exp_f_acc(x);
}

static inline vd elu_acc_d(vd x, vd alpha)
{
    /* e^x - 1 = -1 to double precision below -40; min keeps x <= 0 (NaN is
     * selected away below) */
    const vd em1 = expm1_d(vd_min(vd_set1(0.0), vd_max(vd_set1(-40.0), x)));
    return vd_select(vd_le(x, vd_set1(0.0)), vd_mul(alpha, em1), x);
}
static inline vf elu_acc(vf x, vf alpha)
{
    return VF_VIA_VD(elu_acc_d, x, vf_cvt_vd_lo(alpha));
}

static inline vd selu_acc_d(vd x, vd alpha)
{
    (void)alpha;
    const vd em1 = expm1_d(vd_min(vd_set1(0.0), vd_max(vd_set1(-40.0), x)));
    return vd_select(vd_le(x, vd_set1(0.0)), vd_mul(vd_set1(SELU_SCALE_D * SELU_ALPHA_D), em1),
                     vd_mul(vd_set1(SELU_SCALE_D), x));
}
static inline vf selu_acc(vf x, vf alpha)
{
    (void)alpha;
    return VF_VIA_VD(selu_acc_d, x, vd_set1(0.0));
}

#endif
