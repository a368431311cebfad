/* The MPFR references against values computed independently: constants from
 * Python's double-precision math module, TF's documented outputs, and glibc's
 * double functions over a grid where each formula is well conditioned. */
#include <float.h>
#include <math.h>

#include "actbench.h"
#include "check.h"
#include "reference.h"

static double rel_diff(double a, double b)
{
    return a == b ? 0.0 : fabs(a - b) / fmax(fabs(a), fabs(b));
}

static double ref(actbench_act act, float x)
{
    return ref_elementwise(act, x, actbench_default_params(act).alpha).exact;
}

/* The activations in double, written independently of reference/. */
static double in_double(actbench_act act, double x)
{
    const double alpha = actbench_default_params(act).alpha;
    const double sa = 1.6732632423543772848170429916717, ss = 1.0507009873554804934193349852946;
    double sig = 1.0 / (1.0 + exp(-x)), r6 = fmin(fmax(x + 3.0, 0.0), 6.0);
    double sp = x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
    double u = sqrt(2.0 / M_PI) * (x + 0.044715 * x * x * x);
    switch (act) {
    case ACTBENCH_SIGMOID: return sig;
    case ACTBENCH_TANH: return tanh(x);
    case ACTBENCH_RELU: return x < 0 ? 0 : x;
    case ACTBENCH_LEAKY_RELU: return x < 0 ? alpha * x : x;
    case ACTBENCH_ELU: return x > 0 ? x : alpha * expm1(x);
    case ACTBENCH_SELU: return x > 0 ? ss * x : ss * sa * expm1(x);
    case ACTBENCH_SWISH: return x * sig;
    case ACTBENCH_GELU: return x >= 0 ? 0.5 * x * (1 + erf(x / sqrt(2.0))) : 0.5 * x * erfc(-x / sqrt(2.0));
    case ACTBENCH_GELU_TANH: return x / (1.0 + exp(-2.0 * u));
    case ACTBENCH_SOFTPLUS: return sp;
    case ACTBENCH_SOFTSIGN: return x / (fabs(x) + 1);
    case ACTBENCH_MISH: return x * tanh(sp);
    case ACTBENCH_RELU6: return fmin(fmax(x, 0.0), 6.0);
    case ACTBENCH_HARD_SIGMOID: return r6 / 6.0;
    case ACTBENCH_HARD_SWISH: return x * r6 / 6.0;
    case ACTBENCH_EXPONENTIAL: return exp(x);
    default: return NAN;
    }
}

int main(void)
{
    /* Known values (Python math, double precision). */
    struct { actbench_act act; float x; double want; } known[] = {
        {ACTBENCH_SIGMOID, 1.0f, 0.7310585786300049},
        {ACTBENCH_TANH, 1.0f, 0.7615941559557649},
        {ACTBENCH_GELU, 1.0f, 0.8413447460685429},
        {ACTBENCH_GELU, -3.0f, -0.004049694094890287},
        {ACTBENCH_SOFTPLUS, 0.0f, 0.6931471805599453},
        {ACTBENCH_ELU, -1.0f, -0.6321205588285577},
        {ACTBENCH_SELU, -1.0f, -1.1113307378125625},
        {ACTBENCH_MISH, 1.0f, 0.8650983882673103},
        {ACTBENCH_GELU_TANH, 1.0f, 0.8411919906082768},
        {ACTBENCH_SWISH, 1.0f, 0.7310585786300049},
        {ACTBENCH_HARD_SIGMOID, 1.5f, 0.75},
        {ACTBENCH_HARD_SWISH, -1.0f, -1.0 / 3.0},
        {ACTBENCH_RELU6, 7.0f, 6.0},
        {ACTBENCH_SOFTSIGN, 3.0f, 0.75},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        double got = ref(known[i].act, known[i].x);
        CHECK(rel_diff(got, known[i].want) < 1e-15, "%s(%g) = %.17g, want %.17g",
              actbench_activation(known[i].act)->name, known[i].x, got, known[i].want);
    }

    /* TF's documented outputs (float32, as printed). */
    CHECK(ref_elementwise(ACTBENCH_SIGMOID, 5.0f, 0).rounded == 0.9933072f, "sigmoid(5)");
    CHECK(ref_elementwise(ACTBENCH_ELU, -2.0f, 1.0f).rounded == -0.86466473f, "elu(-2)");
    float row[4] = {1, 2, 3, 4};
    const float softmax_tf[4] = {0.0320586f, 0.08714432f, 0.23688284f, 0.6439143f};
    ref_value out[4];
    ref_row(ACTBENCH_SOFTMAX, row, 4, out);
    for (int i = 0; i < 4; i++)
        CHECK(fabsf(out[i].rounded - softmax_tf[i]) <= 1e-7f * softmax_tf[i] + 1e-9f,
              "softmax([1,2,3,4])[%d] = %.9g, TF prints %.9g", i, out[i].rounded, softmax_tf[i]);
    ref_row(ACTBENCH_LOG_SOFTMAX, row, 4, out);
    CHECK(rel_diff(out[3].exact, -0.4401896985611957) < 1e-15, "log_softmax([1,2,3,4])[3] = %.17g",
          out[3].exact);

    /* Well-conditioned grid against glibc double: the two differ by a few
     * double ulps at most. */
    for (int a = 0; a < ACTBENCH_ACT_COUNT; a++) {
        if (actbench_activation((actbench_act)a)->rowwise)
            continue;
        double worst = 0.0;
        float worst_x = 0;
        for (float x = -8.0f; x <= 8.0f; x += 0.0625f + 0x1p-12f) {
            double d = rel_diff(ref((actbench_act)a, x), in_double((actbench_act)a, x));
            if (d > worst)
                worst = d, worst_x = x;
        }
        CHECK(worst < 1e-13, "%s: MPFR and double differ by %g at x = %a",
              actbench_activation((actbench_act)a)->name, worst, worst_x);
    }

    /* Correct rounding into subnormals and at overflow. */
    CHECK(ref_elementwise(ACTBENCH_EXPONENTIAL, -103.5f, 0).rounded == 0x1p-149f, "exp(-103.5) -> 2^-149");
    CHECK(ref_elementwise(ACTBENCH_EXPONENTIAL, -104.0f, 0).rounded == 0.0f, "exp(-104) -> 0");
    CHECK(ref_elementwise(ACTBENCH_EXPONENTIAL, 88.7f, 0).rounded == (float)exp(88.7f), "exp(88.7) finite");
    CHECK(isinf(ref_elementwise(ACTBENCH_EXPONENTIAL, 88.8f, 0).rounded), "exp(88.8) -> inf");
    CHECK(ref_elementwise(ACTBENCH_LEAKY_RELU, -0x1p-149f * 3, 0.2f).rounded == -0x1p-149f,
          "0.2f * -3*2^-149 rounds to -2^-149");
    CHECK(ref_elementwise(ACTBENCH_SIGMOID, 0.0f, 0).rounded == 0.5f, "sigmoid(0) exact");
    /* gelu far left: 1+erf cancels completely in naive forms; exact is tiny. */
    double g = ref(ACTBENCH_GELU, -10.0f);
    CHECK(rel_diff(g, -7.619853024160593e-23) < 1e-14, "gelu(-10) = %.17g", g);

    /* Limits and NaN. */
    CHECK(ref_elementwise(ACTBENCH_SWISH, -INFINITY, 0).rounded == 0.0f, "swish(-inf) = 0");
    CHECK(ref_elementwise(ACTBENCH_ELU, -INFINITY, 1.0f).rounded == -1.0f, "elu(-inf) = -1");
    CHECK(ref_elementwise(ACTBENCH_TANH, INFINITY, 0).rounded == 1.0f, "tanh(inf) = 1");
    CHECK(isnan(ref_elementwise(ACTBENCH_RELU, NAN, 0).rounded), "relu(NaN) = NaN");
    float bad_row[3] = {1.0f, INFINITY, 2.0f};
    ref_row(ACTBENCH_SOFTMAX, bad_row, 3, out);
    CHECK(isnan(out[0].rounded) && isnan(out[2].rounded), "softmax row with +inf is NaN");
    float ninf_row[3] = {-INFINITY, 0.0f, 0.0f};
    ref_row(ACTBENCH_LOG_SOFTMAX, ninf_row, 3, out);
    CHECK(out[0].rounded == -INFINITY && out[1].rounded == -0x1.62e43p-1f,
          "log_softmax([-inf,0,0]) = [%g, %a]", out[0].rounded, out[1].rounded);
    return check_summary("test_reference");
}
