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
 * TF_ALPHA when p is NULL.
 *
 * For kernels that are one long dependency chain per vector, where what
 * limits them is how much independent work the core sees at once rather
 * than its pipes, VEC_TWO_STAGE_KERNEL (below) software-pipelines the same
 * loop over a function split in two stages (four vectors per iteration
 * instead gained 4% for the accurate sigmoid, two stages 14%). */
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

/* VEC_TWO_STAGE_KERNEL(NAME, ST, S1, S2, TF_ALPHA): the kernel of
 * vf S2(S1(x), alpha) for a function split in two stages (ST S1(vf),
 * vf S2(ST, vf alpha); alpha as for VEC_ELEMENTWISE_KERNEL), software-pipelined:
 * each iteration runs stage 1 of the next pair of vectors before stage 2 of
 * the current pair, so in program order an operation comes closer to the
 * time its inputs are ready.  On Zen 4 the accurate tanh (a long dependency
 * chain: reduction, polynomial, division, correction) is bound by how many
 * waiting operations the FP scheduler holds, not by its pipes (its 32
 * operations per vector need 16 cycles of the pipes; it took 24): split
 * after the reduction it measured 0.415 -> 0.35 ns/elem at 4K on AVX-512 and
 * 0.592 -> 0.463 on AVX2 (standalone loop, best of 40; splits after the
 * polynomial or before the division gained less, a third stage nothing).  The same
 * contract as VEC_ELEMENTWISE_KERNEL: any n, the last n %
 * VF_LANES elements by a masked load and store, in place allowed (the next
 * pair is loaded before the current pair is stored, and never beyond n).
 * On the portable build (vec_scalar.h) it is the plain loop over
 * S2(S1(x)): GCC 12's SLP vectorizer (-O2 and up) turned the pipelined
 * scalar loop into code whose results differed in the last bit from the
 * same element computed alone (tanh(1): 0x1.85efaap-1 against
 * 0x1.85efacp-1; not with -fno-tree-slp-vectorize), and a scalar build
 * gains nothing from it. */
#if defined(VEC_ISA_SCALAR)
#define VEC_TWO_STAGE_FN_(S1, S2) S2##_of_##S1##_
#define VEC_TWO_STAGE_KERNEL(NAME, ST, S1, S2, TF_ALPHA)                       \
    static inline vf VEC_TWO_STAGE_FN_(S1, S2)(vf x_, vf alpha_)               \
    {                                                                          \
        return S2(S1(x_), alpha_);                                             \
    }                                                                          \
    VEC_ELEMENTWISE_KERNEL(NAME, VEC_TWO_STAGE_FN_(S1, S2), TF_ALPHA)
#else
#define VEC_TWO_STAGE_KERNEL(NAME, ST, S1, S2, TF_ALPHA)                       \
    void NAME(const float *x, float *y, size_t n, const actbench_params *p)   \
    {                                                                          \
        const vf alpha_ = vf_set1(kernel_alpha(p, TF_ALPHA));                  \
        (void)alpha_;                                                          \
        size_t i = 0;                                                          \
        if (n >= 2 * VF_LANES) {                                               \
            ST a_ = S1(vf_load(x)), b_ = S1(vf_load(x + VF_LANES));            \
            for (; i + 4 * VF_LANES <= n; i += 2 * VF_LANES) {                 \
                const ST a2_ = S1(vf_load(x + i + 2 * VF_LANES));              \
                const ST b2_ = S1(vf_load(x + i + 3 * VF_LANES));              \
                vf_store(y + i, S2(a_, alpha_));                               \
                vf_store(y + i + VF_LANES, S2(b_, alpha_));                    \
                a_ = a2_;                                                      \
                b_ = b2_;                                                      \
            }                                                                  \
            vf_store(y + i, S2(a_, alpha_));                                   \
            vf_store(y + i + VF_LANES, S2(b_, alpha_));                        \
            i += 2 * VF_LANES;                                                 \
        }                                                                      \
        for (; i + VF_LANES <= n; i += VF_LANES)                               \
            vf_store(y + i, S2(S1(vf_load(x + i)), alpha_));                   \
        if (i < n)                                                             \
            vf_store_part(y + i, S2(S1(vf_load_part(x + i, n - i)), alpha_), n - i); \
    }
#endif

#endif
