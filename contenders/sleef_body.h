/* SLEEF contenders: activations written the way a user of SLEEF's vector
 * functions would write them (sigmoid = 1/(1+exp(-x)), softplus =
 * log1p(exp(x)), ...), one translation unit per ISA.  The including file
 * defines the vector type and SLEEF entry points, then includes this.
 * Tails go through a padded stack buffer, as a user would do. */
#include <math.h>
#include <string.h>

#include <sleef.h>

#include "contenders.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define SLEEF_VERSION_TEXT \
    "SLEEF " STR(SLEEF_VERSION_MAJOR) "." STR(SLEEF_VERSION_MINOR) "." STR(SLEEF_VERSION_PATCHLEVEL)

typedef VF (*unary_op)(VF x, VF alpha);

static inline void run_elementwise(const float *x, float *y, size_t n, float alpha, unary_op op)
{
    const VF a = SET1(alpha);
    size_t i = 0;
    for (; i + W <= n; i += W)
        STORE(y + i, op(LOAD(x + i), a));
    if (i < n) {
        float t[W] = {0};
        memcpy(t, x + i, (n - i) * sizeof *t);
        STORE(t, op(LOAD(t), a));
        memcpy(y + i, t, (n - i) * sizeof *t);
    }
}

static inline float alpha_of(const actbench_params *p, actbench_act act)
{
    return p ? p->alpha : actbench_default_params(act).alpha;
}

#define ONE SET1(1.0f)
#define HALF SET1(0.5f)

static inline VF op_exp(VF x, VF a) { (void)a; return EXP_U10(x); }
static inline VF op_sigmoid(VF x, VF a) { (void)a; return DIV(ONE, ADD(ONE, EXP_U10(SUB(SET1(0.0f), x)))); }
static inline VF op_swish(VF x, VF a) { return MUL(x, op_sigmoid(x, a)); }
static inline VF op_tanh_u10(VF x, VF a) { (void)a; return TANH_U10(x); }
static inline VF op_tanh_u35(VF x, VF a) { (void)a; return TANH_U35(x); }
static inline VF op_elu(VF x, VF a) { return SELECT_GT0(x, x, MUL(a, EXPM1_U10(x))); }
static inline VF op_selu(VF x, VF a)
{
    (void)a;
    const VF alpha = SET1(1.6732632423543772848170429916717f);
    const VF scale = SET1(1.0507009873554804934193349852946f);
    return MUL(scale, SELECT_GT0(x, x, MUL(alpha, EXPM1_U10(x))));
}
static inline VF op_gelu(VF x, VF a)
{
    (void)a;
    return MUL(MUL(HALF, x), ADD(ONE, ERF_U10(MUL(x, SET1(0.70710678118654752f)))));
}
#define GELU_TANH(NAME, TANH)                                                      \
    static inline VF NAME(VF x, VF a)                                              \
    {                                                                              \
        (void)a;                                                                   \
        VF inner = MUL(SET1(0.79788456080286536f),                                 \
                       ADD(x, MUL(SET1(0.044715f), MUL(x, MUL(x, x)))));           \
        return MUL(MUL(HALF, x), ADD(ONE, TANH(inner)));                           \
    }
GELU_TANH(op_gelu_tanh_u10, TANH_U10)
GELU_TANH(op_gelu_tanh_u35, TANH_U35)
static inline VF op_softplus(VF x, VF a) { (void)a; return LOG1P_U10(EXP_U10(x)); }
static inline VF op_mish_u10(VF x, VF a) { return MUL(x, TANH_U10(op_softplus(x, a))); }
static inline VF op_mish_u35(VF x, VF a) { return MUL(x, TANH_U35(op_softplus(x, a))); }

#define ELEMENTWISE(NAME, ACT, OP)                                                  \
    static void NAME(const float *x, float *y, size_t n, const actbench_params *p) \
    {                                                                              \
        run_elementwise(x, y, n, alpha_of(p, ACTBENCH_##ACT), OP);                 \
    }
ELEMENTWISE(k_sigmoid, SIGMOID, op_sigmoid)
ELEMENTWISE(k_tanh_u10, TANH, op_tanh_u10)
ELEMENTWISE(k_tanh_u35, TANH, op_tanh_u35)
ELEMENTWISE(k_elu, ELU, op_elu)
ELEMENTWISE(k_selu, SELU, op_selu)
ELEMENTWISE(k_swish, SWISH, op_swish)
ELEMENTWISE(k_gelu, GELU, op_gelu)
ELEMENTWISE(k_gelu_tanh_u10, GELU_TANH, op_gelu_tanh_u10)
ELEMENTWISE(k_gelu_tanh_u35, GELU_TANH, op_gelu_tanh_u35)
ELEMENTWISE(k_softplus, SOFTPLUS, op_softplus)
ELEMENTWISE(k_mish_u10, MISH, op_mish_u10)
ELEMENTWISE(k_mish_u35, MISH, op_mish_u35)
ELEMENTWISE(k_exp, EXPONENTIAL, op_exp)

/* Row-wise, the textbook way: m = max, e = exp(x - m), y = e / sum(e) (or
 * x - m - log(sum)); max and sum in vector accumulators, reduced at the end
 * of the row (so the sum's order is by lane, as a user's SIMD loop does). */
static float hsum(VF v)
{
    float t[W], s = 0.0f;
    STORE(t, v);
    for (int j = 0; j < W; j++)
        s += t[j];
    return s;
}
static float hmax(VF v)
{
    float t[W], m = -INFINITY;
    STORE(t, v);
    for (int j = 0; j < W; j++)
        m = t[j] > m || t[j] != t[j] ? t[j] : m; /* NaN poisons the max */
    return m;
}
static void rows(const float *x, float *y, size_t n, const actbench_params *p, int log_form,
                 VF (*vlog)(VF))
{
    size_t len = p && p->row_length ? p->row_length : n;
    for (size_t r = 0; len && r + len <= n; r += len) {
        const float *xr = x + r;
        float *yr = y + r, t[W];
        const size_t full = len / W * W, tail = len - full;
        VF vm = SET1(-INFINITY);
        for (size_t i = 0; i < full; i += W)
            vm = MAX(vm, LOAD(xr + i));
        float m = hmax(vm);
        for (size_t i = full; i < len; i++)
            m = xr[i] > m || xr[i] != xr[i] ? xr[i] : m;
        const VF vmax = SET1(m);
        VF vs = SET1(0.0f);
        for (size_t i = 0; i < full; i += W) {
            VF e = EXP_U10(SUB(LOAD(xr + i), vmax));
            vs = ADD(vs, e);
            if (!log_form)
                STORE(yr + i, e);
        }
        float sum = hsum(vs);
        if (tail) {
            for (size_t j = 0; j < W; j++)
                t[j] = j < tail ? xr[full + j] - m : -INFINITY;
            STORE(t, EXP_U10(LOAD(t)));
            for (size_t j = 0; j < tail; j++) {
                sum += t[j];
                if (!log_form)
                    yr[full + j] = t[j];
            }
        }
        if (log_form) {
            STORE(t, vlog(SET1(sum)));
            const VF vlogsum = SET1(t[0]); /* (x - max) - log(sum), as TF writes it */
            for (size_t i = 0; i < full; i += W)
                STORE(yr + i, SUB(SUB(LOAD(xr + i), vmax), vlogsum));
            for (size_t i = full; i < len; i++)
                yr[i] = (xr[i] - m) - t[0];
        } else {
            const VF inv = DIV(SET1(1.0f), SET1(sum));
            for (size_t i = 0; i < full; i += W)
                STORE(yr + i, MUL(LOAD(yr + i), inv));
            for (size_t i = full; i < len; i++)
                yr[i] *= 1.0f / sum;
        }
    }
}
static VF log_u10(VF v) { return LOG_U10(v); }
static VF log_u35(VF v) { return LOG_U35(v); }
static void k_softmax(const float *x, float *y, size_t n, const actbench_params *p) { rows(x, y, n, p, 0, log_u10); }
static void k_log_softmax_u10(const float *x, float *y, size_t n, const actbench_params *p) { rows(x, y, n, p, 1, log_u10); }
static void k_log_softmax_u35(const float *x, float *y, size_t n, const actbench_params *p) { rows(x, y, n, p, 1, log_u35); }

#define U10 "sleef-u10-" ISA_NAME
#define U35 "sleef-u35-" ISA_NAME
#define K(ACT, VARIANT, FN, ALGO) \
    {ACTBENCH_##ACT, VARIANT, ISA, ACTBENCH_TIER_CONTENDER, SLEEF_VERSION_TEXT ": " ALGO, INFINITY, FN, "sleef:" #FN}
static const actbench_kernel table[] = {
    K(SIGMOID, U10, k_sigmoid, "1/(1+expf_u10(-x))"),
    K(TANH, U10, k_tanh_u10, "tanhf_u10(x)"),
    K(TANH, U35, k_tanh_u35, "tanhf_u35(x)"),
    K(ELU, U10, k_elu, "x > 0 ? x : alpha*expm1f_u10(x)"),
    K(SELU, U10, k_selu, "scale*(x > 0 ? x : alpha*expm1f_u10(x))"),
    K(SWISH, U10, k_swish, "x*(1/(1+expf_u10(-x)))"),
    K(GELU, U10, k_gelu, "0.5*x*(1+erff_u10(x/sqrt2))"),
    K(GELU_TANH, U10, k_gelu_tanh_u10, "0.5*x*(1+tanhf_u10(k*(x+0.044715*x^3)))"),
    K(GELU_TANH, U35, k_gelu_tanh_u35, "0.5*x*(1+tanhf_u35(k*(x+0.044715*x^3)))"),
    K(SOFTPLUS, U10, k_softplus, "log1pf_u10(expf_u10(x))"),
    K(MISH, U10, k_mish_u10, "x*tanhf_u10(log1pf_u10(expf_u10(x)))"),
    K(MISH, U35, k_mish_u35, "x*tanhf_u35(log1pf_u10(expf_u10(x)))"),
    K(EXPONENTIAL, U10, k_exp, "expf_u10(x)"),
    K(SOFTMAX, U10, k_softmax, "e=expf_u10(x-max), e*(1/sum(e)), float lane sums"),
    K(LOG_SOFTMAX, U10, k_log_softmax_u10, "(x-max)-logf_u10(sum(expf_u10(x-max)))"),
    K(LOG_SOFTMAX, U35, k_log_softmax_u35, "(x-max)-logf_u35(sum(expf_u10(x-max)))"),
};

const actbench_kernel *ENTRY(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}
