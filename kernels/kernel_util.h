/* Small helpers shared by the kernel sources (not installed). */
#ifndef ACTBENCH_KERNEL_UTIL_H
#define ACTBENCH_KERNEL_UTIL_H

#include "actbench.h"

/* Parameters a kernel was given, or TF's defaults when p is NULL. */
static inline float kernel_alpha(const actbench_params *p, float tf_default)
{
    return p ? p->alpha : tf_default;
}

/* Row length for the row-wise kernels: 0 (or no params) means one row. */
static inline size_t kernel_row_length(const actbench_params *p, size_t n)
{
    return (p && p->row_length) ? p->row_length : n;
}

/* Defines an elementwise kernel NAME that applies the scalar function
 * FN(float v, float alpha) to every element. */
#define ACTBENCH_ELEMENTWISE_KERNEL(NAME, FN, TF_ALPHA)                        \
    void NAME(const float *x, float *y, size_t n, const actbench_params *p)   \
    {                                                                          \
        const float alpha = kernel_alpha(p, TF_ALPHA);                         \
        (void)alpha;                                                           \
        for (size_t i = 0; i < n; i++)                                         \
            y[i] = FN(x[i], alpha);                                            \
    }

/* Defines a row-wise kernel NAME that calls ROW_FN(x, y, len) per row. */
#define ACTBENCH_ROWWISE_KERNEL(NAME, ROW_FN)                                  \
    void NAME(const float *x, float *y, size_t n, const actbench_params *p)   \
    {                                                                          \
        const size_t len = kernel_row_length(p, n);                            \
        for (size_t r = 0; len && r + len <= n; r += len)                      \
            ROW_FN(x + r, y + r, len);                                         \
    }

#endif
