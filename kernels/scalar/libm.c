/* The `libm` variant: every activation written exactly as TensorFlow's
 * documentation states it, with float libm calls.  This is what a naive
 * implementation does, and its errors (overflow of exp, cancellation in
 * exp(x)-1, 1+erf(x) and log(exp(x)+1)) are what actbench exists to expose.
 * Do not fix them here: the careful forms live in libm_careful.c.
 *
 * Compiled with -ffp-contract=off so the compiler does not fuse a*b+c into
 * FMAs the formula does not have. */
#include <math.h>

#include "../kernel_util.h"

/* SELU's constants, as TF defines them (float-rounded). */
#define SELU_ALPHA 1.6732632423543772848170429916717f
#define SELU_SCALE 1.0507009873554804934193349852946f

/* Comparisons are written so NaN falls through to the x branch: NaN in gives
 * NaN out for every activation. */
static inline float relu6f(float v) { return v < 0.0f ? 0.0f : (v > 6.0f ? 6.0f : v); }

static inline float sigmoid(float v, float a) { (void)a; return 1.0f / (1.0f + expf(-v)); }
static inline float tanh_(float v, float a) { (void)a; return tanhf(v); }
static inline float relu(float v, float a) { (void)a; return v < 0.0f ? 0.0f : v; }
static inline float leaky_relu(float v, float a) { return v < 0.0f ? a * v : v; }
static inline float elu(float v, float a) { return v > 0.0f || v != v ? v : a * (expf(v) - 1.0f); }
static inline float selu(float v, float a)
{
    (void)a;
    return SELU_SCALE * (v > 0.0f || v != v ? v : SELU_ALPHA * (expf(v) - 1.0f));
}
static inline float swish(float v, float a) { return v * sigmoid(v, a); }
static inline float gelu(float v, float a)
{
    (void)a;
    return 0.5f * v * (1.0f + erff(v / sqrtf(2.0f)));
}
static inline float gelu_tanh(float v, float a)
{
    (void)a;
    const float k = 0.7978845608028654f; /* sqrt(2/pi) */
    return 0.5f * v * (1.0f + tanhf(k * (v + 0.044715f * v * v * v)));
}
static inline float softplus(float v, float a) { (void)a; return logf(expf(v) + 1.0f); }
static inline float softsign(float v, float a) { (void)a; return v / (fabsf(v) + 1.0f); }
static inline float mish(float v, float a) { return v * tanhf(softplus(v, a)); }
static inline float relu6(float v, float a) { (void)a; return relu6f(v); }
static inline float hard_sigmoid(float v, float a) { (void)a; return relu6f(v + 3.0f) / 6.0f; }
static inline float hard_swish(float v, float a) { (void)a; return v * relu6f(v + 3.0f) / 6.0f; }
static inline float exponential(float v, float a) { (void)a; return expf(v); }

ACTBENCH_ELEMENTWISE_KERNEL(actbench_sigmoid_libm, sigmoid, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_tanh_libm, tanh_, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_relu_libm, relu, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_leaky_relu_libm, leaky_relu, 0.2f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_elu_libm, elu, 1.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_selu_libm, selu, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_swish_libm, swish, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_gelu_libm, gelu, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_gelu_tanh_libm, gelu_tanh, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_softplus_libm, softplus, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_softsign_libm, softsign, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_mish_libm, mish, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_relu6_libm, relu6, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_hard_sigmoid_libm, hard_sigmoid, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_hard_swish_libm, hard_swish, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_exponential_libm, exponential, 0.0f)

/* softmax as documented: exp(x) / sum(exp(x)), no max subtraction, so any
 * row with an element above ~88.7 overflows to inf/inf = NaN. */
static void softmax_row(const float *x, float *y, size_t len)
{
    float sum = 0.0f;
    for (size_t i = 0; i < len; i++)
        sum += expf(x[i]);
    for (size_t i = 0; i < len; i++)
        y[i] = expf(x[i]) / sum;
}

/* log_softmax as documented: x - log(sum(exp(x))). */
static void log_softmax_row(const float *x, float *y, size_t len)
{
    float sum = 0.0f;
    for (size_t i = 0; i < len; i++)
        sum += expf(x[i]);
    const float lse = logf(sum);
    for (size_t i = 0; i < len; i++)
        y[i] = x[i] - lse;
}

ACTBENCH_ROWWISE_KERNEL(actbench_softmax_libm, softmax_row)
ACTBENCH_ROWWISE_KERNEL(actbench_log_softmax_libm, log_softmax_row)
