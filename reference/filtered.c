/* The filtered reference: a fast value of each elementwise activation with a
 * proven-or-tested error bound, and the rules for when it decides a verdict.
 *
 * Error bounds are relative, in units of U = 2^-53, plus ABS_BOUND for
 * results that underflow in double.  L is the budget for one glibc double
 * call (exp, expm1, log1p, tanh, erf, erfc): glibc's libm-test-ulps for
 * x86_64 lists at most 5 ulp (erfc), 2 (tanh) and 1 (exp, expm1, log1p, erf);
 * one ulp is at most 2U relative, and L = 32U is three times the worst of
 * those.  Those libm figures are measured, not proven: the self-test
 * (`actbench accuracy --selftest`) checks the verdicts against MPFR on the
 * hard regions, and anything the bounds do not cover goes to MPFR.
 *
 * Every bound below is at most 2^-46 relative, so over a float output's ulp
 * (>= 2^-24 relative) it is at most 2^-22 ulp: the verdict from the fast
 * value differs from MPFR's by less than FILTERED_ULP_SLACK, and only inputs
 * whose exact value may sit within 2^-22 ulp of a float rounding boundary
 * (about 2^-21 of them) or of a binade or overflow boundary go to MPFR. */
#include "filtered.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "ulp.h"

#define U 0x1p-53
#define L (32 * U)
/* exp and erfc underflow into double subnormals (absolute error 2^-1074),
 * then get multiplied by |x| < 2^128: 2^-900 covers it and is nothing next
 * to float's smallest ulp, 2^-149. */
#define ABS_BOUND 0x1p-900

/* Constants as double-double: hi + lo within 2^-106 of the real number
 * (computed with MPFR at 300 bits). */
#define INV_SQRT2_HI 0x1.6a09e667f3bcdp-1
#define INV_SQRT2_LO -0x1.bdd3413b26456p-55
#define CUBIC_HI 0x1.6e4e26d4801f7p-5 /* 0.044715 */
#define CUBIC_LO 0x1.441355475a31ap-59
#define SQRT_2_OVER_PI_HI 0x1.9884533d43651p-1
#define SQRT_2_OVER_PI_LO -0x1.cbc0d30ebfd15p-55
#define TWO_OVER_SQRTPI 0x1.20dd750429b6dp+0
#define SELU_SCALE 0x1.0cfabd6a91132p+0       /* within U/2 of TF's decimal */
#define SELU_SCALE_ALPHA 0x1.c212cc640f031p+0 /* scale*alpha, within U/2 */

/* exp and erfc, without glibc's underflow path (errno, slow) where the
 * result is below 2^-1075 anyway: 0 is then within 2^-1075 of it. */
static double exp_(double x)
{
    return x < -745.2 ? 0.0 : exp(x);
}

static double erfc_(double t)
{
    return t > 27.3 ? 0.0 : erfc(t);
}

/* a*b = hi + lo exactly (fma is exact; -ffp-contract=off keeps the rest
 * as written). */
static double two_prod(double a, double b, double *lo)
{
    double hi = a * b;
    *lo = fma(a, b, -hi);
    return hi;
}

static double two_sum(double a, double b, double *lo)
{
    double s = a + b, bb = s - a;
    *lo = (a - bb) + (b - s + bb);
    return s;
}

/* 1/(1+exp(-x)) for x >= 0 (rel L + 2U) and e/(1+e), e = exp(x), for x < 0
 * (rel 2L + 2U: e's L, then 1+e and the division). */
static double sigmoid(double x)
{
    if (x >= 0)
        return 1.0 / (1.0 + exp_(-x));
    double e = exp_(x);
    return e / (1.0 + e);
}

/* log(1+exp(x)): x > 0 as x + log1p(exp(-x)) (the log1p term's 2L, its
 * argument's L passed on with factor <= 1, then U for the sum, no
 * cancellation); else log1p(exp(x)) (2L). */
static double softplus(double x)
{
    return x > 0 ? x + log1p(exp_(-x)) : log1p(exp_(x));
}

/* w = 2*sqrt(2/pi)*(x + 0.044715*x^3) as hi + lo, relative error < 2^-100:
 * x^2 is exact in double, every product goes through two_prod and x and
 * 0.044715*x^3 have the same sign (no cancellation). */
static double gelu_tanh_arg(double x, double *w_lo)
{
    double x2 = x * x, p_lo, q_lo, s_lo, r_lo;
    double p = two_prod(x2, x, &p_lo); /* x^3 */
    double q = two_prod(CUBIC_HI, p, &q_lo);
    q_lo += CUBIC_HI * p_lo + CUBIC_LO * p;
    double s = two_sum(x, q, &s_lo);
    s_lo += q_lo;
    double r = two_prod(SQRT_2_OVER_PI_HI, s, &r_lo);
    r_lo += SQRT_2_OVER_PI_HI * s_lo + SQRT_2_OVER_PI_LO * s;
    *w_lo = 2 * r_lo;
    return 2 * r;
}

int filtered_approx(actbench_act act, float xf, float alpha, double *value, double *bound)
{
    const double x = xf;
    double v, rel;
    if (isnan(xf) || isinf(xf)) {
        /* NaN in, NaN out; the limits at +-inf are MPFR's own table. */
        ref_value r = ref_elementwise(act, xf, alpha);
        *value = r.exact;
        *bound = 0;
        return 1;
    }
    switch (act) {
    case ACTBENCH_SIGMOID:
        v = sigmoid(x), rel = 2 * L + 2 * U;
        break;
    case ACTBENCH_TANH:
        v = tanh(x), rel = L;
        break;
    case ACTBENCH_RELU: /* exact */
        v = x < 0 ? 0.0 : x, rel = 0;
        break;
    case ACTBENCH_LEAKY_RELU: /* float*float is exact in double */
        v = x < 0 ? x * (double)alpha : x, rel = 0;
        break;
    case ACTBENCH_ELU: /* expm1's L, then one product */
        v = x > 0 ? x : (double)alpha * expm1(x), rel = L + U;
        break;
    case ACTBENCH_SELU: /* constant U/2, expm1 L, one product U */
        v = x > 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * expm1(x), rel = L + 2 * U;
        break;
    case ACTBENCH_SWISH: /* sigmoid's bound, one product */
        v = x * sigmoid(x), rel = 2 * L + 3 * U;
        break;
    case ACTBENCH_GELU:
        if (x >= 0) {
            /* t = x/sqrt2 carries 1.5U, which erf passes on with factor
             * (2/sqrtpi) t e^(-t^2) / (1+erf t) < 0.5; erf's L is relative to
             * erf <= 1 <= 1+erf; the sum and the product: 2U. */
            v = 0.5 * x * (1.0 + erf(x * INV_SQRT2_HI)), rel = L + 3 * U;
        } else {
            /* 1+erf(x/sqrt2) = erfc(t), t = -x/sqrt2 > 0.  erfc multiplies
             * an argument error by ~2t^2 (up to 2^9 before the result
             * underflows), so t is a double-double t_hi + t_lo and the
             * first-order term -t_lo*(2/sqrtpi)*exp(-t_hi^2) is added; what
             * is left is erfc's L, the correction's own error (second order,
             * < 2^-80) and 2U for the subtraction and the product. */
            double t_lo, t_hi = two_prod(-x, INV_SQRT2_HI, &t_lo);
            t_lo += -x * INV_SQRT2_LO;
            double c = erfc_(t_hi);
            if (t_hi > 0x1p-30)
                c -= t_lo * TWO_OVER_SQRTPI * exp_(-t_hi * t_hi);
            v = 0.5 * x * c, rel = L + 3 * U;
        }
        break;
    case ACTBENCH_GELU_TANH: {
        /* x*sigmoid(w), w as a double-double (gelu_tanh_arg); with s =
         * exp(-|w|) = exp(-|w_hi|)*(1 -+ w_lo) to first order (the second,
         * w_lo^2/2 < 2^-85 while exp(-|w|) is not 0): s has L + U, then
         * 1+s, the division and the product x: 2L + 5U in all. */
        double w_lo, w = gelu_tanh_arg(x, &w_lo);
        double s = exp_(-fabs(w)) * (1.0 - (w >= 0 ? w_lo : -w_lo));
        v = w >= 0 ? x / (1.0 + s) : x * s / (1.0 + s), rel = 2 * L + 5 * U;
        break;
    }
    case ACTBENCH_SOFTPLUS:
        v = softplus(x), rel = 2 * L + U;
        break;
    case ACTBENCH_SOFTSIGN: /* |x|+1 (no cancellation) and the division */
        v = x / (fabs(x) + 1.0), rel = 2 * U;
        break;
    case ACTBENCH_MISH:
        /* softplus 2L + U, passed on by tanh with factor <= 1 (s sech^2 s /
         * tanh s <= 1), tanh's L, the product U. */
        v = x * tanh(softplus(x)), rel = 3 * L + 2 * U;
        break;
    case ACTBENCH_RELU6: /* exact */
        v = x < 0 ? 0.0 : x > 6 ? 6.0 : x, rel = 0;
        break;
    case ACTBENCH_HARD_SIGMOID: {
        /* x+3 rounds only when |x| < 2^-29 (no cancellation then): U;
         * relu6 is exact and clamps rounded and exact sums alike; /6: U. */
        double t = x + 3.0;
        v = (t < 0 ? 0.0 : t > 6 ? 6.0 : t) / 6.0, rel = 2 * U;
        break;
    }
    case ACTBENCH_HARD_SWISH: {
        double t = x + 3.0;
        v = x * (t < 0 ? 0.0 : t > 6 ? 6.0 : t) / 6.0, rel = 3 * U;
        break;
    }
    case ACTBENCH_EXPONENTIAL:
        /* Beyond ln(DBL_MAX) ~ 709.78 the exact value rounds to +inf in
         * double, as exp's does; no float lies within 1e-6 of that
         * threshold, but leave its neighbourhood to MPFR anyway. */
        if (x > 709 && x < 710)
            return 0;
        v = exp_(x), rel = L;
        break;
    default: /* row-wise activations have no elementwise value */
        return 0;
    }
    *value = v;
    /* 4U more: v - bound and v + bound themselves round. */
    *bound = isinf(v) ? 0 : fabs(v) * (rel + 4 * U) + ABS_BOUND;
    return 1;
}

int filtered_rounded(double value, double bound, float *cr)
{
    if (isnan(value) || isinf(value)) {
        *cr = (float)value;
        return 1;
    }
    /* Rounding to nearest is monotone: both ends rounding alike decides
     * every point between (float -0 == +0: zero signs are not verdicts). */
    float lo = (float)(value - bound), hi = (float)(value + bound);
    if (lo != hi)
        return 0;
    *cr = (float)value;
    return 1;
}

int filtered_ulp(float y, double value, double bound, double *ulp)
{
    double u = ulp_error(y, value);
    *ulp = u;
    if (bound == 0)
        return 1;
    /* ulp_error is monotone in the exact value between its breakpoints (y
     * itself, binade boundaries, the overflow boundary), and the bound is
     * below 2^-22 ulp: agreeing ends mean no breakpoint that matters. */
    double lo = ulp_error(y, value - bound), hi = ulp_error(y, value + bound);
    if (isinf(u) || isinf(lo) || isinf(hi))
        return isinf(u) && isinf(lo) && isinf(hi);
    double tol = 0.5 * FILTERED_ULP_SLACK * (u > 1 ? u : 1);
    return fabs(lo - u) <= tol && fabs(hi - u) <= tol;
}

filtered_verdict filtered_score_mpfr(const ref_value *ref, float y)
{
    filtered_verdict v;
    v.ulp = ulp_error(y, ref->exact);
    v.correctly_rounded = y == ref->rounded || (isnan(y) && isnan(ref->rounded));
    v.used_mpfr = 1;
    return v;
}

filtered_verdict filtered_score(actbench_act act, float x, float alpha, float y)
{
    filtered_ref r;
    filtered_prepare(act, x, alpha, &r);
    return filtered_judge(act, x, alpha, &r, y);
}

/* ulp_of(v) of reference/ulp.c, from the exponent bits (no frexp/ldexp):
 * the same value for every finite v (the self-test and test_filtered check). */
static double fast_ulp_of(double v)
{
    double a = fabs(v);
    if (a < 0x1p-126)
        return 0x1p-149;
    if (a >= 0x1p127)
        return 0x1p104;
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    bits = (bits >> 52) - 23; /* biased exponent of a, less 23: a normal double */
    bits <<= 52;
    double u;
    memcpy(&u, &bits, sizeof u);
    return u;
}

double filtered_ulp_of(double v) { return fast_ulp_of(v); }

void filtered_prepare(actbench_act act, float x, float alpha, filtered_ref *r)
{
    double v, bound;
    r->flags = 0;
    if (!filtered_approx(act, x, alpha, &v, &bound)) {
        r->mpfr = ref_elementwise(act, x, alpha);
        r->flags = FILTERED_HAVE_MPFR;
        return;
    }
    r->value = v, r->bound = bound;
    if (filtered_rounded(v, bound, &r->cr))
        r->flags |= FILTERED_CR_OK;
    /* Every bound is under 2^-46.3 relative, so under 2^-22 ulp: the fast
     * verdict is then within FILTERED_ULP_SLACK (filtered_judge).
     * ulp_of over the interval is between its values at the ends (it only
     * grows with |v|, and the interval does not contain 0 unless both ends
     * are subnormal: bound << |v| or bound = ABS_BOUND). */
    if (isfinite(v)) {
        double a = fast_ulp_of(v - bound), b = fast_ulp_of(v + bound);
        r->ulp = fast_ulp_of(v);
        r->ulp_min = a < b ? a : b;
        r->ulp_max = a < b ? b : a;
        if (bound <= 0x1p-22 * r->ulp_min)
            r->flags |= FILTERED_FAST_ULP;
    }
}

filtered_verdict filtered_judge_slow(actbench_act act, float x, float alpha, filtered_ref *r, float y)
{
    filtered_verdict v;
    if ((r->flags & (FILTERED_CR_OK | FILTERED_HAVE_MPFR)) == FILTERED_CR_OK &&
        filtered_ulp(y, r->value, r->bound, &v.ulp)) {
        v.correctly_rounded = y == r->cr || (isnan(y) && isnan(r->cr));
        v.used_mpfr = 0;
        return v;
    }
    if (!(r->flags & FILTERED_HAVE_MPFR)) {
        r->mpfr = ref_elementwise(act, x, alpha);
        r->flags |= FILTERED_HAVE_MPFR;
    }
    return filtered_score_mpfr(&r->mpfr, y);
}

float filtered_cr(actbench_act act, float x, float alpha, filtered_ref *r)
{
    if (r->flags & FILTERED_HAVE_MPFR)
        return r->mpfr.rounded;
    if (r->flags & FILTERED_CR_OK)
        return r->cr;
    r->mpfr = ref_elementwise(act, x, alpha);
    r->flags |= FILTERED_HAVE_MPFR;
    return r->mpfr.rounded;
}

/* ---- self-test ---------------------------------------------------------- */

static uint32_t bits_of(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

/* Magnitude ranges where the activations are hard, for all of them: zeros
 * and subnormal inputs, near 0 (x + tiny), the piecewise kinks (3, 6), where
 * tanh/sigmoid/elu saturate and round to +-1, erfc's tail and gelu's
 * subnormal outputs (5..30), exp's overflow and sigmoid/softplus/swish's
 * subnormal outputs (80..110), double exp's overflow (700..720), huge x. */
static const float hard_regions[][2] = {
    {0.0f, 0x1p-126f}, {0x1p-40f, 0x1p-10f}, {0.25f, 1.0f}, {2.9f, 3.1f},   {5.9f, 6.1f},
    {5.0f, 10.0f},     {10.0f, 20.0f},       {20.0f, 30.0f}, {80.0f, 90.0f}, {90.0f, 110.0f},
    {700.0f, 720.0f},  {1e6f, 1e9f},         {1e30f, 3.4e38f},
};

static float sample_input(uint64_t *state, size_t i)
{
    const size_t n_regions = sizeof hard_regions / sizeof hard_regions[0];
    uint64_t r = domain_next_random(state);
    if (i % 4 == 0) /* a quarter: any bit pattern at all, NaN and inf included */
        return float_from_bits((uint32_t)r);
    const float *reg = hard_regions[(r >> 32) % n_regions];
    uint32_t lo = bits_of(reg[0]), hi = bits_of(reg[1]);
    float x = float_from_bits(lo + (uint32_t)((r & 0xffffffffu) % (hi - lo + 1)));
    return (r >> 63) ? -x : x;
}

/* Whether two verdicts are the same: CR alike, ULP within 1e-6 relative to
 * max(1, ULP) (infinite alike). */
static double verdict_diff(const filtered_verdict *a, const filtered_verdict *b)
{
    if (a->correctly_rounded != b->correctly_rounded)
        return INFINITY;
    if (isinf(a->ulp) || isinf(b->ulp))
        return isinf(a->ulp) && isinf(b->ulp) ? 0 : INFINITY;
    return fabs(a->ulp - b->ulp) / (b->ulp > 1 ? b->ulp : 1);
}

#define SELFTEST_SYNTHETIC 6

int filtered_selftest(actbench_act act, const actbench_kernel *const *kernels, size_t n_kernels,
                      size_t samples, uint64_t seed, filtered_selftest_result *out)
{
    const actbench_activation_info *info = actbench_activation(act);
    const float alpha = info->default_alpha;
    memset(out, 0, sizeof *out);
    size_t n_out = n_kernels + SELFTEST_SYNTHETIC;
    float *x = malloc(samples * sizeof *x), *y = malloc(samples * n_out * sizeof *y);
    if (!x || !y) {
        free(x), free(y);
        return -1;
    }
    uint64_t state = seed ^ ((uint64_t)act << 40);
    for (size_t i = 0; i < samples; i++)
        x[i] = sample_input(&state, i);
    for (size_t k = 0; k < n_kernels; k++) {
        actbench_params p = actbench_default_params(act);
        kernels[k]->fn(x, y + k * samples, samples, &p);
    }
    size_t mismatches = 0, mpfr_verdicts = 0, first_bad = (size_t)-1;
    double max_diff = 0;
#pragma omp parallel for schedule(dynamic, 256) reduction(+ : mismatches, mpfr_verdicts) reduction(max : max_diff)
    for (size_t i = 0; i < samples; i++) {
        ref_value m = ref_elementwise(act, x[i], alpha);
        filtered_ref r;
        filtered_prepare(act, x[i], alpha, &r);
        /* Synthetic outputs around the correctly rounded one: it, one and
         * two ulps either side, and one 2^-10 off (relative). */
        float cr = m.rounded, *syn = y + n_kernels * samples;
        syn[0 * samples + i] = cr;
        syn[1 * samples + i] = nextafterf(cr, INFINITY);
        syn[2 * samples + i] = nextafterf(cr, -INFINITY);
        syn[3 * samples + i] = nextafterf(nextafterf(cr, INFINITY), INFINITY);
        syn[4 * samples + i] = nextafterf(nextafterf(cr, -INFINITY), -INFINITY);
        syn[5 * samples + i] = (float)(m.exact * (1 + 0x1p-10));
        for (size_t k = 0; k < n_out; k++) {
            float yk = y[k * samples + i];
            filtered_verdict f = filtered_judge(act, x[i], alpha, &r, yk);
            filtered_verdict g = filtered_score_mpfr(&m, yk);
            double d = verdict_diff(&f, &g);
            mpfr_verdicts += f.used_mpfr;
            if (d > max_diff)
                max_diff = d;
            if (d > 1e-6) {
                mismatches++;
#pragma omp critical(filtered_selftest_bad)
                if (i < first_bad) {
                    first_bad = i;
                    out->bad_x = x[i], out->bad_y = yk;
                    out->bad_filtered = f.ulp, out->bad_mpfr = g.ulp;
                }
            }
        }
    }
    out->inputs = samples;
    out->verdicts = samples * n_out;
    out->mismatches = mismatches;
    out->mpfr_verdicts = mpfr_verdicts;
    out->max_ulp_diff = max_diff;
    free(x), free(y);
    return 0;
}
