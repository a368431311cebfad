/* XNNPACK contenders: the f32 unary operators this version offers (sigmoid,
 * elu, leaky_relu, hardswish, clamp as relu/relu6) and softmax.  Operators
 * are created once per thread and activation (softmax: per row length) and
 * set up per call (setup only binds the pointers and the batch size).  No
 * pthreadpool: a NULL pool runs on the calling thread, so each call is one
 * thread and threading is actbench_parallel's, as for every kernel.
 *
 * XNNPACK runs its kernels with flush-to-zero and denormals-are-zero on
 * (pthreadpool's PTHREADPOOL_FLAG_DISABLE_DENORMALS) and restores MXCSR
 * after; we save and restore MXCSR around every call anyway, so nothing can
 * leak into other measurements (tests/test_contenders.c checks it). */
#include <math.h>
#include <pthread.h>
#include <string.h>
#include <xmmintrin.h>

#include <xnnpack.h>

#include "contenders.h"

#ifndef ACTBENCH_XNNPACK_VERSION
#define ACTBENCH_XNNPACK_VERSION "unknown"
#endif
#define XNNPACK_TEXT "XNNPACK " ACTBENCH_XNNPACK_VERSION

static int xnn_ready;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init(void) { xnn_ready = xnn_initialize(NULL) == xnn_status_success; }

typedef struct cached {
    actbench_act act;
    size_t channels;
    xnn_operator_t op;
} cached;
#define CACHE_SLOTS 8
static _Thread_local cached cache[CACHE_SLOTS];
static _Thread_local unsigned cache_next;

static xnn_operator_t create(actbench_act act, size_t channels, float alpha)
{
    xnn_operator_t op = NULL;
    size_t c = channels;
    enum xnn_status st = xnn_status_unsupported_parameter;
    switch (act) {
    case ACTBENCH_SIGMOID: st = xnn_create_sigmoid_nc_f32(c, c, c, 0, &op); break;
    case ACTBENCH_ELU: st = xnn_create_elu_nc_f32(c, c, c, alpha, 0, &op); break;
    case ACTBENCH_LEAKY_RELU: st = xnn_create_leaky_relu_nc_f32(c, c, c, alpha, 0, &op); break;
    case ACTBENCH_HARD_SWISH: st = xnn_create_hardswish_nc_f32(c, c, c, 0, &op); break;
    case ACTBENCH_RELU: st = xnn_create_clamp_nc_f32(c, c, c, 0.0f, INFINITY, 0, &op); break;
    case ACTBENCH_RELU6: st = xnn_create_clamp_nc_f32(c, c, c, 0.0f, 6.0f, 0, &op); break;
    case ACTBENCH_SOFTMAX: st = xnn_create_softmax_nc_f32(c, c, c, 0, &op); break;
    default: break;
    }
    return st == xnn_status_success ? op : NULL;
}

static enum xnn_status setup(actbench_act act, xnn_operator_t op, size_t batch, const float *x,
                             float *y)
{
    switch (act) {
    case ACTBENCH_SIGMOID: return xnn_setup_sigmoid_nc_f32(op, batch, x, y, NULL);
    case ACTBENCH_ELU: return xnn_setup_elu_nc_f32(op, batch, x, y, NULL);
    case ACTBENCH_LEAKY_RELU: return xnn_setup_leaky_relu_nc_f32(op, batch, x, y, NULL);
    case ACTBENCH_HARD_SWISH: return xnn_setup_hardswish_nc_f32(op, batch, x, y, NULL);
    case ACTBENCH_RELU:
    case ACTBENCH_RELU6: return xnn_setup_clamp_nc_f32(op, batch, x, y, NULL);
    case ACTBENCH_SOFTMAX: return xnn_setup_softmax_nc_f32(op, batch, x, y, NULL);
    default: return xnn_status_unsupported_parameter;
    }
}

static xnn_operator_t lookup(actbench_act act, size_t channels, float alpha)
{
    for (unsigned i = 0; i < CACHE_SLOTS; i++)
        if (cache[i].op && cache[i].act == act && cache[i].channels == channels)
            return cache[i].op;
    pthread_once(&init_once, init);
    if (!xnn_ready)
        return NULL;
    cached *c = &cache[cache_next++ % CACHE_SLOTS];
    if (c->op)
        xnn_delete_operator(c->op);
    c->op = create(act, channels, alpha);
    c->act = act;
    c->channels = channels;
    return c->op;
}

static void run(actbench_act act, const float *x, float *y, size_t n, const actbench_params *p)
{
    if (n == 0)
        return;
    const unsigned mxcsr = _mm_getcsr();
    float alpha = p ? p->alpha : actbench_default_params(act).alpha;
    size_t channels = act == ACTBENCH_SOFTMAX ? (p && p->row_length ? p->row_length : n) : 1;
    xnn_operator_t op = lookup(act, channels, alpha);
    if (!op || setup(act, op, n / channels, x, y) != xnn_status_success ||
        xnn_run_operator(op, NULL) != xnn_status_success)
        for (size_t i = 0; i < n; i++) /* cannot happen with a working XNNPACK */
            y[i] = NAN;
    _mm_setcsr(mxcsr);
}

#define KERNEL(ACT, name)                                                           \
    static void k_##name(const float *x, float *y, size_t n, const actbench_params *p) \
    {                                                                               \
        run(ACTBENCH_##ACT, x, y, n, p);                                            \
    }
KERNEL(SIGMOID, sigmoid)
KERNEL(ELU, elu)
KERNEL(LEAKY_RELU, leaky_relu)
KERNEL(HARD_SWISH, hard_swish)
KERNEL(RELU, relu)
KERNEL(RELU6, relu6)
KERNEL(SOFTMAX, softmax)

/* XNNPACK picks its own microkernels from what the CPU has (cpuinfo), and
 * nothing caps that.  So each kernel is declared to need the best ISA this
 * CPU has (set in contender_xnnpack): under a lower ACTBENCH_MAX_ISA it is
 * not run, rather than run with instructions above the cap. */
#define K(ACT, name, ALGO)                                                               \
    {ACTBENCH_##ACT, "xnnpack", ACTBENCH_ISA_SCALAR, ACTBENCH_TIER_CONTENDER,          \
     XNNPACK_TEXT ": " ALGO ", FTZ/DAZ while it runs", INFINITY, k_##name, "xnnpack:" #name}
static actbench_kernel table[] = {
    K(SIGMOID, sigmoid, "sigmoid_nc_f32"),
    K(ELU, elu, "elu_nc_f32"),
    K(LEAKY_RELU, leaky_relu, "leaky_relu_nc_f32"),
    K(HARD_SWISH, hard_swish, "hardswish_nc_f32"),
    K(RELU, relu, "clamp_nc_f32 [0, inf]"),
    K(RELU6, relu6, "clamp_nc_f32 [0, 6]"),
    K(SOFTMAX, softmax, "softmax_nc_f32"),
};

const actbench_kernel *contender_xnnpack(size_t *n)
{
    actbench_isa best = actbench_cpu_supports(ACTBENCH_ISA_AVX512) ? ACTBENCH_ISA_AVX512
                        : actbench_cpu_supports(ACTBENCH_ISA_AVX2) ? ACTBENCH_ISA_AVX2
                        : ACTBENCH_ISA_SCALAR;
    *n = sizeof table / sizeof table[0];
    for (size_t i = 0; i < *n; i++)
        table[i].isa = best;
    return table;
}
