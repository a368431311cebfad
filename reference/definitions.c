/* What each activation is, exactly: its TF definition evaluated in MPFR.
 *
 * This file is the one place that defines the activations mathematically.
 * Forms are chosen so the multiple-precision evaluation itself never cancels
 * catastrophically (1+erf(t) is evaluated as erfc(-t) for t < 0, exp(x)-1 as
 * expm1, 0.5*(1+tanh(u)) as 1/(1+exp(-2u)), log(exp(x)+1) as log1p(exp(x)),
 * or x + log1p(exp(-x)) for x > 0); these are identities, so the value is TF's definition, not an
 * approximation of it.  Constants are TF's decimal ones, exact, except alpha
 * parameters, which are the float the kernel receives (TF casts alpha to the
 * tensor's dtype).  The limits at +-inf are written out, since MPFR would turn
 * -inf*0 into NaN where the activation has a limit. */
#include "reference.h"

#include <math.h>
#include <mpfr.h>

#define SELU_ALPHA "1.6732632423543772848170429916717"
#define SELU_SCALE "1.0507009873554804934193349852946"
#define GELU_TANH_CUBIC "0.044715"

/* Bits of the working precision the composition may lose: every form above
 * is a handful of correctly rounded MPFR operations, and an argument error
 * is amplified by at most ~2^8 where the result is within float range
 * (|d exp(u)/exp(u)| = |du| with |u| < 2^8; erfc(t) amplifies by ~2t^2). */
#define REF_LOST_BITS 20

static void use_full_exponent_range(void)
{
    /* MPFR's exponent range is per thread: widen it on every entry so
     * exp(1e38) and exp(-1e38) neither overflow nor underflow prematurely. */
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());
}

/* r = 1 / (1 + exp(-u)), the logistic function. */
static void logistic(mpfr_t r, const mpfr_t u, mpfr_t tmp)
{
    mpfr_neg(tmp, u, MPFR_RNDN);
    mpfr_exp(tmp, tmp, MPFR_RNDN);
    mpfr_add_ui(tmp, tmp, 1, MPFR_RNDN);
    mpfr_ui_div(r, 1, tmp, MPFR_RNDN);
}

/* r = min(max(v, 0), 6) */
static void relu6(mpfr_t r, const mpfr_t v)
{
    if (mpfr_sgn(v) < 0)
        mpfr_set_zero(r, 1);
    else if (mpfr_cmp_ui(v, 6) > 0)
        mpfr_set_ui(r, 6, MPFR_RNDN);
    else
        mpfr_set(r, v, MPFR_RNDN);
}

/* r = log(1 + exp(x)), as x + log1p(exp(-x)) for x > 0: exp(1e38) is beyond
 * even MPFR's exponent range. */
static void softplus(mpfr_t r, const mpfr_t x)
{
    if (mpfr_sgn(x) > 0) {
        mpfr_neg(r, x, MPFR_RNDN);
        mpfr_exp(r, r, MPFR_RNDN);
        mpfr_log1p(r, r, MPFR_RNDN);
        mpfr_add(r, r, x, MPFR_RNDN);
    } else {
        mpfr_exp(r, x, MPFR_RNDN);
        mpfr_log1p(r, r, MPFR_RNDN);
    }
}

/* Evaluates activation act at the finite x, into r at r's precision. */
static void eval_finite(actbench_act act, mpfr_t r, float xf, float alpha)
{
    mpfr_prec_t prec = mpfr_get_prec(r);
    mpfr_t x, t, u;
    mpfr_inits2(prec, x, t, u, (mpfr_ptr)0);
    mpfr_set_flt(x, xf, MPFR_RNDN); /* exact */

    switch (act) {
    case ACTBENCH_SIGMOID:
        logistic(r, x, t);
        break;
    case ACTBENCH_TANH:
        mpfr_tanh(r, x, MPFR_RNDN);
        break;
    case ACTBENCH_RELU:
        if (mpfr_sgn(x) < 0)
            mpfr_set_zero(r, 1);
        else
            mpfr_set(r, x, MPFR_RNDN);
        break;
    case ACTBENCH_LEAKY_RELU:
        if (mpfr_sgn(x) < 0)
            mpfr_mul_d(r, x, alpha, MPFR_RNDN);
        else
            mpfr_set(r, x, MPFR_RNDN);
        break;
    case ACTBENCH_ELU:
        if (mpfr_sgn(x) > 0) {
            mpfr_set(r, x, MPFR_RNDN);
        } else {
            mpfr_expm1(t, x, MPFR_RNDN);
            mpfr_mul_d(r, t, alpha, MPFR_RNDN);
        }
        break;
    case ACTBENCH_SELU:
        mpfr_set_str(u, SELU_SCALE, 10, MPFR_RNDN);
        if (mpfr_sgn(x) > 0) {
            mpfr_mul(r, x, u, MPFR_RNDN);
        } else {
            mpfr_expm1(t, x, MPFR_RNDN);
            mpfr_mul(t, t, u, MPFR_RNDN);
            mpfr_set_str(u, SELU_ALPHA, 10, MPFR_RNDN);
            mpfr_mul(r, t, u, MPFR_RNDN);
        }
        break;
    case ACTBENCH_SWISH:
        logistic(u, x, t);
        mpfr_mul(r, x, u, MPFR_RNDN);
        break;
    case ACTBENCH_GELU:
        /* 0.5*x*(1+erf(x/sqrt2)); for x < 0, 1+erf(t) = erfc(-t). */
        mpfr_sqrt_ui(t, 2, MPFR_RNDN);
        mpfr_div(t, x, t, MPFR_RNDN);
        if (mpfr_sgn(x) >= 0) {
            mpfr_erf(t, t, MPFR_RNDN);
            mpfr_add_ui(t, t, 1, MPFR_RNDN);
        } else {
            mpfr_neg(t, t, MPFR_RNDN);
            mpfr_erfc(t, t, MPFR_RNDN);
        }
        mpfr_mul(r, x, t, MPFR_RNDN);
        mpfr_div_2ui(r, r, 1, MPFR_RNDN);
        break;
    case ACTBENCH_GELU_TANH:
        /* u = sqrt(2/pi)*(x + 0.044715*x^3); 0.5*(1+tanh(u)) = 1/(1+exp(-2u)). */
        mpfr_set_str(t, GELU_TANH_CUBIC, 10, MPFR_RNDN);
        mpfr_pow_ui(u, x, 3, MPFR_RNDN);
        mpfr_mul(u, u, t, MPFR_RNDN);
        mpfr_add(u, u, x, MPFR_RNDN);
        mpfr_const_pi(t, MPFR_RNDN);
        mpfr_ui_div(t, 2, t, MPFR_RNDN);
        mpfr_sqrt(t, t, MPFR_RNDN);
        mpfr_mul(u, u, t, MPFR_RNDN);
        mpfr_mul_2ui(u, u, 1, MPFR_RNDN);
        logistic(u, u, t);
        mpfr_mul(r, x, u, MPFR_RNDN);
        break;
    case ACTBENCH_SOFTPLUS:
        softplus(r, x);
        break;
    case ACTBENCH_SOFTSIGN:
        mpfr_abs(t, x, MPFR_RNDN);
        mpfr_add_ui(t, t, 1, MPFR_RNDN);
        mpfr_div(r, x, t, MPFR_RNDN);
        break;
    case ACTBENCH_MISH:
        softplus(t, x);
        mpfr_tanh(t, t, MPFR_RNDN);
        mpfr_mul(r, x, t, MPFR_RNDN);
        break;
    case ACTBENCH_RELU6:
        relu6(r, x);
        break;
    case ACTBENCH_HARD_SIGMOID:
        mpfr_add_ui(t, x, 3, MPFR_RNDN);
        relu6(u, t);
        mpfr_div_ui(r, u, 6, MPFR_RNDN);
        break;
    case ACTBENCH_HARD_SWISH:
        mpfr_add_ui(t, x, 3, MPFR_RNDN);
        relu6(u, t);
        mpfr_mul(u, u, x, MPFR_RNDN);
        mpfr_div_ui(r, u, 6, MPFR_RNDN);
        break;
    case ACTBENCH_EXPONENTIAL:
        mpfr_exp(r, x, MPFR_RNDN);
        break;
    default: /* row-wise activations are not elementwise */
        mpfr_set_nan(r);
        break;
    }
    mpfr_clears(x, t, u, (mpfr_ptr)0);
}

/* The limit of an elementwise activation at +inf (sign > 0) or -inf. */
static double limit_at_infinity(actbench_act act, int sign, float alpha)
{
    const double inf = INFINITY;
    switch (act) {
    case ACTBENCH_SIGMOID: case ACTBENCH_HARD_SIGMOID:
        return sign > 0 ? 1.0 : 0.0;
    case ACTBENCH_TANH: case ACTBENCH_SOFTSIGN:
        return sign > 0 ? 1.0 : -1.0;
    case ACTBENCH_LEAKY_RELU:
        return sign > 0 ? inf : (alpha > 0 ? -inf : alpha < 0 ? inf : 0.0);
    case ACTBENCH_ELU:
        return sign > 0 ? inf : -(double)alpha;
    case ACTBENCH_SELU:
        /* -scale*alpha, rounded: only its float rounding is ever used. */
        return sign > 0 ? inf : -1.7580993408473768599402175208123;
    case ACTBENCH_RELU6:
        return sign > 0 ? 6.0 : 0.0;
    default: /* relu, swish, gelu, gelu_tanh, softplus, mish, hard_swish, exponential */
        return sign > 0 ? inf : 0.0;
    }
}

/* Rounds r (carrying at most 2^-(prec - REF_LOST_BITS) relative error) to
 * float.  Returns 0, writing nothing, if that rounding is not yet decided;
 * with force, rounds anyway (past REF_MAX_PREC the value is an exact float
 * midpoint, or closer to one than any error we could measure). */
static int round_to_float(const mpfr_t r, ref_value *out, int force)
{
    if (force || !mpfr_number_p(r) || mpfr_zero_p(r) ||
        mpfr_can_round(r, mpfr_get_prec(r) - REF_LOST_BITS, MPFR_RNDN, MPFR_RNDZ, 25)) {
        out->exact = mpfr_get_d(r, MPFR_RNDN);
        out->rounded = mpfr_get_flt(r, MPFR_RNDN);
        return 1;
    }
    return 0;
}

ref_value ref_elementwise(actbench_act act, float x, float alpha)
{
    ref_value v;
    if (isnan(x)) {
        v.exact = NAN;
        v.rounded = NAN;
        return v;
    }
    if (isinf(x)) {
        v.exact = limit_at_infinity(act, x > 0 ? 1 : -1, alpha);
        v.rounded = (float)v.exact;
        return v;
    }
    use_full_exponent_range();
    for (mpfr_prec_t prec = REF_PREC;; prec *= 2) {
        mpfr_t r;
        mpfr_init2(r, prec);
        eval_finite(act, r, x, alpha);
        int decided = round_to_float(r, &v, prec >= REF_MAX_PREC);
        mpfr_clear(r);
        if (decided)
            return v;
    }
}

/* One attempt at a softmax/log_softmax row at precision prec: returns 1 when
 * every element's rounding is decided. */
static int row_at_precision(actbench_act act, const float *x, size_t len, ref_value *out,
                            mpfr_prec_t prec, int last_try)
{
    float max = -INFINITY;
    for (size_t i = 0; i < len; i++)
        max = x[i] > max ? x[i] : max;

    mpfr_t m, s, d, r;
    mpfr_inits2(prec, m, s, d, r, (mpfr_ptr)0);
    mpfr_set_flt(m, max, MPFR_RNDN);
    mpfr_set_zero(s, 1);
    for (size_t i = 0; i < len; i++) { /* s = sum exp(x_j - max), in [1, len] */
        mpfr_set_flt(d, x[i], MPFR_RNDN);
        mpfr_sub(d, d, m, MPFR_RNDN);
        mpfr_exp(d, d, MPFR_RNDN);
        mpfr_add(s, s, d, MPFR_RNDN);
    }
    if (act == ACTBENCH_LOG_SOFTMAX)
        mpfr_log(s, s, MPFR_RNDN);

    int decided = 1;
    for (size_t i = 0; i < len; i++) {
        mpfr_set_flt(d, x[i], MPFR_RNDN);
        mpfr_sub(d, d, m, MPFR_RNDN);
        if (act == ACTBENCH_LOG_SOFTMAX) {
            mpfr_sub(r, d, s, MPFR_RNDN);
        } else {
            mpfr_exp(d, d, MPFR_RNDN);
            mpfr_div(r, d, s, MPFR_RNDN);
        }
        if (!round_to_float(r, &out[i], last_try))
            decided = 0;
    }
    mpfr_clears(m, s, d, r, (mpfr_ptr)0);
    return decided;
}

void ref_row(actbench_act act, const float *x, size_t len, ref_value *out)
{
    /* TF's softmax gives NaN for the whole row when the row holds a NaN or
     * +inf (inf - inf), or is all -inf (-inf - -inf). */
    int undefined = 1;
    for (size_t i = 0; i < len; i++) {
        if (isnan(x[i]) || (isinf(x[i]) && x[i] > 0)) {
            undefined = 1;
            break;
        }
        if (x[i] != -INFINITY)
            undefined = 0;
    }
    if (undefined) {
        for (size_t i = 0; i < len; i++)
            out[i].exact = out[i].rounded = NAN;
        return;
    }
    use_full_exponent_range();
    for (mpfr_prec_t prec = REF_PREC;; prec *= 2)
        if (row_at_precision(act, x, len, out, prec, prec >= REF_MAX_PREC))
            return;
}

const char *ref_mpfr_version(void)
{
    return mpfr_get_version();
}
