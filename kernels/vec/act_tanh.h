/* tanh activation: core_tanh.h's two tiers with the kernel loops' alpha
 * argument (unused): FAST as one function for VEC_ELEMENTWISE_KERNEL and as
 * two stages, ACCURATE as two stages for VEC_TWO_STAGE_KERNEL (vec_loop.h). */
#ifndef ACTBENCH_ACT_TANH_H
#define ACTBENCH_ACT_TANH_H

#include "core_tanh.h"

static inline vf tanh_fast_s2(tanh_fast_stage s, vf alpha)
{
    (void)alpha;
    return tanh_f_fast_s2(s);
}
static inline vf tanh_fast(vf x, vf alpha) { return tanh_fast_s2(tanh_f_fast_s1(x), alpha); }

static inline vf tanh_acc_s2(tanh_acc_stage s, vf alpha)
{
    (void)alpha;
    return tanh_f_acc_s2(s);
}

#endif
