/* The shared loop that turns a vector function into an exported kernel.
 * Include after one of vec_scalar.h / vec_avx2.h / vec_avx512.h.
 *
 *   VEC_ELEMENTWISE_KERNEL(NAME, FN, TF_ALPHA)
 *
 * defines void NAME(const float *x, float *y, size_t n, const actbench_params *p)
 * that applies vf FN(vf x, vf alpha) to every element: pairs of full vectors
 * (two independent chains per iteration: less loop overhead, and the
 * scheduler sees both at once), a last full vector, then the
 * last n % VF_LANES elements by a masked (partial) load and store, so nothing
 * outside x[0..n) / y[0..n) is touched and every element goes through the same
 * FN (an element's result never depends on its position).  Each vector is
 * loaded before it is stored, so y == x works.  alpha is p->alpha, or
 * TF_ALPHA when p is NULL. */
#ifndef ACTBENCH_VEC_LOOP_H
#define ACTBENCH_VEC_LOOP_H

#include "../kernel_util.h"

#define VEC_ELEMENTWISE_KERNEL(NAME, FN, TF_ALPHA)                             \
    void NAME(const float *x, float *y, size_t n, const actbench_params *p)   \
    {                                                                          \
        const vf alpha_ = vf_set1(kernel_alpha(p, TF_ALPHA));                  \
        (void)alpha_;                                                          \
        size_t i = 0;                                                          \
        for (; i + 2 * VF_LANES <= n; i += 2 * VF_LANES) {                     \
            const vf a_ = vf_load(x + i), b_ = vf_load(x + i + VF_LANES);      \
            vf_store(y + i, FN(a_, alpha_));                                   \
            vf_store(y + i + VF_LANES, FN(b_, alpha_));                        \
        }                                                                      \
        for (; i + VF_LANES <= n; i += VF_LANES)                               \
            vf_store(y + i, FN(vf_load(x + i), alpha_));                       \
        if (i < n)                                                             \
            vf_store_part(y + i, FN(vf_load_part(x + i, n - i), alpha_), n - i); \
    }

#endif
