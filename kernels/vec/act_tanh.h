/* tanh activation: thin wrappers over core_tanh.h for VEC_ELEMENTWISE_KERNEL. */
#ifndef ACTBENCH_ACT_TANH_H
#define ACTBENCH_ACT_TANH_H

#include "core_tanh.h"

static inline vf tanh_fast(vf x, vf alpha)
{
    (void)alpha;
    return tanh_f_fast(x);
}

static inline vf tanh_acc(vf x, vf alpha)
{
    (void)alpha;
    return tanh_f_acc(x);
}

/* stage 2 with the kernel loop's alpha (unused) */
static inline vf tanh_fast_s2(tanh_fast_stage s, vf alpha)
{
    (void)alpha;
    return tanh_f_fast_s2(s);
}
static inline vf tanh_acc_s2(tanh_acc_stage s, vf alpha)
{
    (void)alpha;
    return tanh_f_acc_s2(s);
}

#endif
