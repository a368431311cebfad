/* oneDNN contenders: eltwise forward primitives and softmax_v2, through
 * oneDNN's C API.  A primitive is created once per (activation, n, row
 * length) and cached, so creation stays out of the timed region; the cache
 * is per thread because streams and memory objects are not thread-safe and
 * actbench_parallel calls one kernel from several OpenMP threads at once.
 * oneDNN threads with OpenMP itself: each call runs with one OpenMP thread,
 * so threading is actbench_parallel's, the same as for every kernel. */
#include <math.h>
#include <omp.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <oneapi/dnnl/dnnl.h>

#include "contenders.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define ONEDNN_TEXT \
    "oneDNN " STR(DNNL_VERSION_MAJOR) "." STR(DNNL_VERSION_MINOR) "." STR(DNNL_VERSION_PATCH)

static dnnl_engine_t engine;
static pthread_once_t engine_once = PTHREAD_ONCE_INIT;

static void engine_create(void)
{
    /* oneDNN picks its JIT ISA itself; cap it like actbench's kernels. */
    static const dnnl_cpu_isa_t cap[] = {dnnl_cpu_isa_sse41, dnnl_cpu_isa_avx2,
                                         dnnl_cpu_isa_all};
    dnnl_set_max_cpu_isa(cap[actbench_max_isa()]);
    if (dnnl_engine_create(&engine, dnnl_cpu, 0) != dnnl_success)
        engine = NULL;
}

typedef struct cached {
    actbench_act act;
    size_t n, row_length;
    dnnl_primitive_t prim;
    dnnl_memory_t src, dst;
} cached;

#define CACHE_SLOTS 8
static _Thread_local cached cache[CACHE_SLOTS];
static _Thread_local unsigned cache_next;
static _Thread_local dnnl_stream_t stream;

/* What each activation maps to: an eltwise algorithm and its alpha/beta, or
 * softmax_v2 (row-wise). */
typedef struct mapping {
    actbench_act act;
    dnnl_alg_kind_t alg;
    int rowwise, alpha_from_params;
    float alpha, beta;
} mapping;
static const mapping mappings[] = {
    {ACTBENCH_SIGMOID, dnnl_eltwise_logistic, 0, 0, 0, 0},
    {ACTBENCH_TANH, dnnl_eltwise_tanh, 0, 0, 0, 0},
    {ACTBENCH_RELU, dnnl_eltwise_relu, 0, 0, 0, 0},
    {ACTBENCH_LEAKY_RELU, dnnl_eltwise_relu, 0, 1, 0, 0}, /* relu with slope alpha */
    {ACTBENCH_ELU, dnnl_eltwise_elu, 0, 1, 0, 0},
    {ACTBENCH_SWISH, dnnl_eltwise_swish, 0, 0, 1, 0},      /* x*sigmoid(1*x) */
    {ACTBENCH_GELU, dnnl_eltwise_gelu_erf, 0, 0, 0, 0},
    {ACTBENCH_GELU_TANH, dnnl_eltwise_gelu_tanh, 0, 0, 0, 0},
    {ACTBENCH_SOFTPLUS, dnnl_eltwise_soft_relu, 0, 0, 1, 0},
    {ACTBENCH_MISH, dnnl_eltwise_mish, 0, 0, 0, 0},
    {ACTBENCH_RELU6, dnnl_eltwise_clip_v2, 0, 0, 0, 6},
    {ACTBENCH_HARD_SWISH, dnnl_eltwise_hardswish, 0, 0, 0, 0},
    {ACTBENCH_EXPONENTIAL, dnnl_eltwise_exp, 0, 0, 0, 0},
    {ACTBENCH_SOFTMAX, dnnl_softmax_accurate, 1, 0, 0, 0},
    {ACTBENCH_LOG_SOFTMAX, dnnl_softmax_log, 1, 0, 0, 0},
};

static const mapping *mapping_of(actbench_act act)
{
    for (size_t i = 0; i < sizeof mappings / sizeof mappings[0]; i++)
        if (mappings[i].act == act)
            return &mappings[i];
    return NULL;
}

static void drop(cached *c)
{
    if (c->prim)
        dnnl_primitive_destroy(c->prim);
    if (c->src)
        dnnl_memory_destroy(c->src);
    if (c->dst)
        dnnl_memory_destroy(c->dst);
    memset(c, 0, sizeof *c);
}

/* The cached primitive for (act, n, row length), created on a miss. */
static cached *lookup(actbench_act act, size_t n, size_t row_length, float alpha)
{
    for (unsigned i = 0; i < CACHE_SLOTS; i++)
        if (cache[i].prim && cache[i].act == act && cache[i].n == n &&
            cache[i].row_length == row_length)
            return &cache[i];
    pthread_once(&engine_once, engine_create);
    if (!engine || (!stream && dnnl_stream_create(&stream, engine, dnnl_stream_default_flags)))
        return NULL;
    const mapping *m = mapping_of(act);
    cached *c = &cache[cache_next++ % CACHE_SLOTS];
    drop(c);
    dnnl_memory_desc_t md;
    dnnl_primitive_desc_t pd = NULL;
    dnnl_status_t st;
    if (m->rowwise) {
        dnnl_dims_t dims = {(dnnl_dim_t)(n / row_length), (dnnl_dim_t)row_length};
        dnnl_softmax_v2_desc_t d;
        st = dnnl_memory_desc_init_by_tag(&md, 2, dims, dnnl_f32, dnnl_ab);
        if (st == dnnl_success)
            st = dnnl_softmax_v2_forward_desc_init(&d, dnnl_forward_inference, m->alg, &md, &md, 1);
        if (st == dnnl_success)
            st = dnnl_primitive_desc_create(&pd, &d, NULL, engine, NULL);
    } else {
        dnnl_dims_t dims = {(dnnl_dim_t)n};
        dnnl_eltwise_desc_t d;
        st = dnnl_memory_desc_init_by_tag(&md, 1, dims, dnnl_f32, dnnl_a);
        if (st == dnnl_success)
            st = dnnl_eltwise_forward_desc_init(&d, dnnl_forward_inference, m->alg, &md,
                                                m->alpha_from_params ? alpha : m->alpha, m->beta);
        if (st == dnnl_success)
            st = dnnl_primitive_desc_create(&pd, &d, NULL, engine, NULL);
    }
    if (st == dnnl_success)
        st = dnnl_primitive_create(&c->prim, pd);
    if (pd)
        dnnl_primitive_desc_destroy(pd);
    if (st == dnnl_success)
        st = dnnl_memory_create(&c->src, &md, engine, DNNL_MEMORY_NONE);
    if (st == dnnl_success)
        st = dnnl_memory_create(&c->dst, &md, engine, DNNL_MEMORY_NONE);
    if (st != dnnl_success) {
        drop(c);
        return NULL;
    }
    c->act = act;
    c->n = n;
    c->row_length = row_length;
    return c;
}

static void run(actbench_act act, const float *x, float *y, size_t n, const actbench_params *p)
{
    if (n == 0)
        return;
    actbench_params d = actbench_default_params(act);
    size_t row_length = mapping_of(act)->rowwise ? (p && p->row_length ? p->row_length : n) : 0;
    int saved_threads = omp_get_max_threads();
    omp_set_num_threads(1);
    cached *c = lookup(act, n, row_length, p ? p->alpha : d.alpha);
    if (!c) { /* cannot happen with a working oneDNN: make it visible */
        for (size_t i = 0; i < n; i++)
            y[i] = NAN;
    } else {
        dnnl_memory_set_data_handle(c->src, (void *)x);
        dnnl_memory_set_data_handle(c->dst, y);
        dnnl_exec_arg_t args[2] = {{DNNL_ARG_SRC, c->src}, {DNNL_ARG_DST, c->dst}};
        dnnl_primitive_execute(c->prim, stream, 2, args);
        dnnl_stream_wait(stream);
    }
    omp_set_num_threads(saved_threads);
}

#define KERNEL(ACT, name)                                                           \
    static void k_##name(const float *x, float *y, size_t n, const actbench_params *p) \
    {                                                                               \
        run(ACTBENCH_##ACT, x, y, n, p);                                            \
    }
KERNEL(SIGMOID, sigmoid)
KERNEL(TANH, tanh)
KERNEL(RELU, relu)
KERNEL(LEAKY_RELU, leaky_relu)
KERNEL(ELU, elu)
KERNEL(SWISH, swish)
KERNEL(GELU, gelu)
KERNEL(GELU_TANH, gelu_tanh)
KERNEL(SOFTPLUS, softplus)
KERNEL(MISH, mish)
KERNEL(RELU6, relu6)
KERNEL(HARD_SWISH, hard_swish)
KERNEL(EXPONENTIAL, exponential)
KERNEL(SOFTMAX, softmax)
KERNEL(LOG_SOFTMAX, log_softmax)

/* ISA SCALAR: oneDNN runs on any x86-64 and picks its own JIT code (capped
 * at actbench's max ISA when the first primitive is made). */
#define K(ACT, name, ALGO)                                                              \
    {ACTBENCH_##ACT, "onednn", ACTBENCH_ISA_SCALAR, ACTBENCH_TIER_CONTENDER,          \
     ONEDNN_TEXT ": " ALGO ", JIT", INFINITY, k_##name, "onednn:" #name}
static const actbench_kernel table[] = {
    K(SIGMOID, sigmoid, "eltwise_logistic"),
    K(TANH, tanh, "eltwise_tanh"),
    K(RELU, relu, "eltwise_relu alpha 0"),
    K(LEAKY_RELU, leaky_relu, "eltwise_relu alpha = slope"),
    K(ELU, elu, "eltwise_elu"),
    K(SWISH, swish, "eltwise_swish alpha 1"),
    K(GELU, gelu, "eltwise_gelu_erf"),
    K(GELU_TANH, gelu_tanh, "eltwise_gelu_tanh"),
    K(SOFTPLUS, softplus, "eltwise_soft_relu"),
    K(MISH, mish, "eltwise_mish"),
    K(RELU6, relu6, "eltwise_clip_v2 [0, 6]"),
    K(HARD_SWISH, hard_swish, "eltwise_hardswish"),
    K(EXPONENTIAL, exponential, "eltwise_exp"),
    K(SOFTMAX, softmax, "softmax_v2 accurate"),
    K(LOG_SOFTMAX, log_softmax, "softmax_v2 log"),
};

const actbench_kernel *contender_onednn(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}
