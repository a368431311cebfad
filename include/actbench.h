/* actbench public API: activation kernels for float32, their registry and
 * runtime CPU dispatch.
 *
 * Every kernel has the same signature:
 *
 *     void f(const float *x, float *y, size_t n, const actbench_params *p);
 *
 * x and y may be the same pointer (in place) and need no alignment.  For the
 * row-wise activations (softmax, log_softmax) n is the total element count and
 * p->row_length the length of one row (n must be a multiple of it; 0 means the
 * whole array is one row).  p may be NULL: TensorFlow's defaults apply.
 *
 * Each kernel is also exported under a stable symbol name,
 * actbench_<activation>_<variant> with '-' written as '_', e.g.
 * actbench_sigmoid_libm or actbench_elu_libm_careful.  Calling a symbol that
 * needs AVX2 or AVX-512 on a CPU without it is the caller's fault; use
 * actbench_kernel_runs() or actbench_find_kernel() to check first.
 */
#ifndef ACTBENCH_H
#define ACTBENCH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct actbench_params {
    float alpha;       /* leaky_relu slope (TF default 0.2), elu alpha (1.0) */
    size_t row_length; /* softmax / log_softmax: elements per row; 0 = all */
} actbench_params;

typedef void (*actbench_kernel_fn)(const float *x, float *y, size_t n,
                                   const actbench_params *p);

/* The activations, in the order reports list them. */
typedef enum actbench_act {
#define ACTBENCH_ACTIVATION(id, name, rowwise, alpha, formula) ACTBENCH_##id,
#include "actbench_activations.def"
#undef ACTBENCH_ACTIVATION
    ACTBENCH_ACT_COUNT
} actbench_act;

typedef enum actbench_isa {
    ACTBENCH_ISA_SCALAR = 0, /* portable C, any x86-64 */
    ACTBENCH_ISA_AVX2 = 1,   /* AVX2 + FMA */
    ACTBENCH_ISA_AVX512 = 2, /* AVX-512 F, DQ, BW, VL */
    ACTBENCH_ISA_COUNT
} actbench_isa;

typedef enum actbench_tier {
    ACTBENCH_TIER_REFERENCE = 0, /* naive or careful scalar libm forms */
    ACTBENCH_TIER_ACCURATE = 1,  /* <= 1 ULP on every finite input */
    ACTBENCH_TIER_FAST = 2,      /* <= 4 ULP on every finite input */
    ACTBENCH_TIER_EXACT = 3,     /* piecewise-linear: correctly rounded */
    /* contenders (issue 7): another library's kernel or a --plugin's,
     * registered at run time; it promises nothing actbench verified (its
     * bound is INFINITY or what its own docs state) */
    ACTBENCH_TIER_CONTENDER = 4
} actbench_tier;

typedef struct actbench_activation_info {
    actbench_act act;
    const char *name;    /* "sigmoid", "gelu_tanh", ... */
    int rowwise;         /* 1 for softmax and log_softmax */
    float default_alpha; /* TF default, 0 when the activation has none */
    const char *formula; /* TF's definition, as documented */
} actbench_activation_info;

typedef struct actbench_kernel {
    actbench_act act;
    const char *variant;   /* "libm", "libm-careful", "avx512-rr2-p5", ... */
    actbench_isa isa;      /* what the CPU must support */
    actbench_tier tier;
    const char *algorithm; /* one line: how it computes */
    double ulp_bound;      /* declared max error in ULP; INFINITY = none */
    actbench_kernel_fn fn;
    const char *symbol; /* exported name of fn */
} actbench_kernel;

/* Activation metadata. */
const actbench_activation_info *actbench_activation(actbench_act act);
const actbench_activation_info *actbench_activation_by_name(const char *name);

/* The kernel table: every kernel compiled into the library, whether or not
 * this CPU can run it. */
const actbench_kernel *actbench_kernels(size_t *count);
/* NULL when no such (activation, variant) pair exists. */
const actbench_kernel *actbench_find_kernel(const char *act, const char *variant);

/* ---- contenders (issue 7): the extension point ----
 * Appends n kernels (copied; their strings and fn must outlive the process)
 * to the table actbench_kernels() and actbench_find_kernel() return: the
 * built-in kernels first, then the registered ones in registration order.
 * For other libraries' kernels and plugins (tier ACTBENCH_TIER_CONTENDER).
 * Not thread-safe, and it moves the table: register at startup, before
 * taking any kernel pointer.  Returns 0, or -1 when out of memory or a kernel
 * has no fn, an unknown activation or an (activation, variant) already in
 * the table. */
int actbench_register_kernels(const actbench_kernel *extra, size_t n);

/* The best ISA this process may use: what the CPU and OS support, capped by
 * the environment variable ACTBENCH_MAX_ISA (scalar|avx2|avx512) or by
 * actbench_set_max_isa(). */
actbench_isa actbench_max_isa(void);
int actbench_set_max_isa(const char *name); /* -1 on an unknown name */
int actbench_cpu_supports(actbench_isa isa); /* hardware+OS, no cap */
int actbench_kernel_runs(const actbench_kernel *k); /* isa <= max_isa */

const char *actbench_isa_name(actbench_isa isa);
const char *actbench_tier_name(actbench_tier tier);
/* Parses an ISA name; -1 when unknown. */
int actbench_isa_from_name(const char *name);

/* TF defaults for an activation (alpha), row_length 0. */
actbench_params actbench_default_params(actbench_act act);

/* Stable per-kernel symbols. */
#define ACTBENCH_KERNEL(ACT, act, sym, variant, isa, tier, algorithm, bound) \
    void actbench_##act##_##sym(const float *x, float *y, size_t n,          \
                                const actbench_params *p);
#include "actbench_kernels.def"
#undef ACTBENCH_KERNEL


/* ---- throughput (bench): threading layer (kernels/threading/parallel.c) ----
 *
 * actbench_parallel runs kernel k over [0, n) on up to `threads` OpenMP
 * threads (threads <= 0: omp_get_max_threads()).  [0, n) is cut into one
 * contiguous block per thread; block boundaries fall on 64-byte lines of y
 * (16 floats) so no two threads write one cache line, and on whole rows for
 * the row-wise activations.  Each block is one call of the single-threaded
 * kernel, so the result is bit-identical to k->fn(x, y, n, p) for every n and
 * thread count.  Below actbench_parallel_threshold() elements (or with one
 * thread, or fewer than two blocks' worth of work) it calls k->fn directly on
 * the calling thread, with no OpenMP region at all. */
void actbench_parallel(const actbench_kernel *k, const float *x, float *y, size_t n,
                       const actbench_params *p, int threads);

/* The block thread `index` of `threads` gets from actbench_parallel for the
 * same k, y, n and p: [*begin, *end), possibly empty.  For first-touch
 * placement of buffers and for tests. */
void actbench_parallel_block(const actbench_kernel *k, const float *y, size_t n,
                             const actbench_params *p, int index, int threads,
                             size_t *begin, size_t *end);

/* Smallest n split across threads.  Default ACTBENCH_PARALLEL_THRESHOLD_DEFAULT,
 * or the environment variable ACTBENCH_PARALLEL_THRESHOLD (read once);
 * actbench_set_parallel_threshold overrides both (0: always split). */
#define ACTBENCH_PARALLEL_THRESHOLD_DEFAULT ((size_t)1 << 20) /* measured: docs/threading.md */
size_t actbench_parallel_threshold(void);
void actbench_set_parallel_threshold(size_t n);

#ifdef __cplusplus
}
#endif

#endif
