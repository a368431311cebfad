/* The `libm-careful` variant: the same activations, still scalar float libm,
 * but written the way a careful numerical programmer would: expm1f instead of
 * expf(x)-1, log1pf instead of logf(1+...), erfcf instead of 1+erff for
 * negative x, and sigmoid in a form that cannot overflow.  Only activations
 * whose naive form loses accuracy have one.  The report puts it next to
 * `libm` to show what care alone buys. */
#include <math.h>

#include "../kernel_util.h"

#define SELU_ALPHA 1.6732632423543772848170429916717f
#define SELU_SCALE 1.0507009873554804934193349852946f

/* 1/(1+e^-v) for v >= 0; e^v/(1+e^v) for v < 0, so e never overflows and the
 * tiny values of sigmoid at very negative v survive as e^v. */
static inline float sigmoid(float v, float a)
{
    (void)a;
    if (v >= 0.0f)
        return 1.0f / (1.0f + expf(-v));
    const float e = expf(v);
    return e / (1.0f + e);
}
static inline float elu(float v, float a) { return v > 0.0f || v != v ? v : a * expm1f(v); }
static inline float selu(float v, float a)
{
    (void)a;
    return v > 0.0f || v != v ? SELU_SCALE * v : (SELU_SCALE * SELU_ALPHA) * expm1f(v);
}
static inline float swish(float v, float a) { return v * sigmoid(v, a); }
/* 1 + erf(t) = erfc(-t): no cancellation for negative t. */
static inline float gelu(float v, float a)
{
    (void)a;
    const float t = v * 0.70710678118654752f;
    return v >= 0.0f ? 0.5f * v * (1.0f + erff(t)) : 0.5f * v * erfcf(-t);
}
/* 0.5*(1+tanh(u)) = sigmoid(2u): no cancellation for negative u. */
static inline float gelu_tanh(float v, float a)
{
    const float k = 0.7978845608028654f; /* sqrt(2/pi) */
    const float u = k * (v + 0.044715f * v * v * v);
    return v * sigmoid(2.0f * u, a);
}
/* log(1+e^v) = max(v,0) + log1p(e^-|v|). */
static inline float softplus(float v, float a)
{
    (void)a;
    return (v > 0.0f ? v : 0.0f) + log1pf(expf(-fabsf(v)));
}
static inline float mish(float v, float a) { return v * tanhf(softplus(v, a)); }

ACTBENCH_ELEMENTWISE_KERNEL(actbench_sigmoid_libm_careful, sigmoid, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_elu_libm_careful, elu, 1.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_selu_libm_careful, selu, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_swish_libm_careful, swish, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_gelu_libm_careful, gelu, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_gelu_tanh_libm_careful, gelu_tanh, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_softplus_libm_careful, softplus, 0.0f)
ACTBENCH_ELEMENTWISE_KERNEL(actbench_mish_libm_careful, mish, 0.0f)

/* Row maximum; NaN if the row holds a NaN or +inf, so the whole row's output
 * is NaN, as TF's (inf - inf) gives. */
static float row_max(const float *x, size_t len)
{
    float m = -INFINITY;
    for (size_t i = 0; i < len; i++) {
        if (x[i] != x[i] || x[i] == INFINITY)
            return NAN;
        m = x[i] > m ? x[i] : m;
    }
    return m;
}

/* Sum of e^(x-max) over the row except one maximal element (whose term is
 * exactly 1), in double: every term is in (0, 1], so the sum neither
 * overflows nor loses the small terms a float sum would; keeping the 1 apart
 * lets log_softmax take log1p of the rest, which keeps its low bits when the
 * rest is tiny.  A row of all -inf has max -inf and gives NaN (-inf - -inf),
 * as TF does. */
static double row_sum_exp_rest(const float *x, size_t len, float max)
{
    double rest = 0.0;
    int skipped = 0;
    for (size_t i = 0; i < len; i++) {
        if (!skipped && x[i] == max) {
            skipped = 1;
            continue;
        }
        rest += expf(x[i] - max);
    }
    return skipped ? rest : NAN;
}

static void softmax_row(const float *x, float *y, size_t len)
{
    const float max = row_max(x, len);
    const double sum = 1.0 + row_sum_exp_rest(x, len, max);
    for (size_t i = 0; i < len; i++)
        y[i] = (float)(expf(x[i] - max) / sum);
}

static void log_softmax_row(const float *x, float *y, size_t len)
{
    const float max = row_max(x, len);
    const float lse = log1pf((float)row_sum_exp_rest(x, len, max));
    for (size_t i = 0; i < len; i++)
        y[i] = (x[i] - max) - lse;
}

ACTBENCH_ROWWISE_KERNEL(actbench_softmax_libm_careful, softmax_row)
ACTBENCH_ROWWISE_KERNEL(actbench_log_softmax_libm_careful, log_softmax_row)
