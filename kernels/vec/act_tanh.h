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

#endif
