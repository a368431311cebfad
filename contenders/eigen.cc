// Eigen contenders: the Tensor expressions TensorFlow's CPU kernels evaluate
// (relu_op_functor.h, softplus_op.h, softmax_op_functor.h, cwise_ops.h), on
// Eigen's DefaultDevice (one thread; TF uses a ThreadPoolDevice).  Compiled
// once per ISA (EIGEN_ADAPTER_ISA: avx2 or avx512), each into its own shared
// library with hidden symbols, so the two builds' identically named Eigen
// template instantiations can never be merged across ISAs.
#include <cmath>
#include <cstddef>

#include <unsupported/Eigen/CXX11/Tensor>
#include <unsupported/Eigen/SpecialFunctions>

#include "contenders.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define EIGEN_TEXT \
    "Eigen " STR(EIGEN_WORLD_VERSION) "." STR(EIGEN_MAJOR_VERSION) "." STR(EIGEN_MINOR_VERSION)

namespace {

using In = Eigen::TensorMap<Eigen::Tensor<const float, 1, Eigen::RowMajor>, Eigen::Unaligned>;
using Out = Eigen::TensorMap<Eigen::Tensor<float, 1, Eigen::RowMajor>, Eigen::Unaligned>;

float alpha_of(const actbench_params *p, float tf_default) { return p ? p->alpha : tf_default; }

// TF's softplus_op.h: thresholds where exp(x) or x is the answer in float.
template <typename F>
auto tf_softplus(const F &f)
{
    const float threshold = std::log(Eigen::NumTraits<float>::epsilon()) + 2.0f;
    auto too_large = f > f.constant(-threshold);
    auto too_small = f < f.constant(threshold);
    auto features_exp = f.exp();
    return too_large.select(f, too_small.select(features_exp, (features_exp + f.constant(1.0f)).log()));
}

#define KERNEL(name, ...)                                                          \
    void k_##name(const float *x, float *y, size_t n, const actbench_params *p)     \
    {                                                                              \
        (void)p;                                                                   \
        In f(x, (Eigen::Index)n);                                                  \
        Out a(y, (Eigen::Index)n);                                                 \
        a = __VA_ARGS__;                                                           \
    }
KERNEL(sigmoid, f.sigmoid())
KERNEL(tanh, f.tanh())
KERNEL(relu, f.cwiseMax(0.0f))
KERNEL(leaky_relu, f.cwiseMax(f * alpha_of(p, 0.2f)))
KERNEL(elu, (f < f.constant(0.0f)).select(alpha_of(p, 1.0f) * (f.exp() - f.constant(1.0f)), f))
KERNEL(selu, (f < f.constant(0.0f))
                 .select(f.constant(1.0507009873554804934193349852946f *
                                    1.6732632423543772848170429916717f) *
                             (f.exp() - f.constant(1.0f)),
                         f * 1.0507009873554804934193349852946f))
KERNEL(swish, f * f.sigmoid())
KERNEL(gelu, f * 0.5f * (f.constant(1.0f) + (f * 0.70710678118654752f).erf()))
KERNEL(gelu_tanh, f * 0.5f * (f.constant(1.0f) +
                              ((f + f * f * f * 0.044715f) * 0.79788456080286536f).tanh()))
KERNEL(softplus, tf_softplus(f))
KERNEL(softsign, f / (f.abs() + f.constant(1.0f)))
KERNEL(mish, f * tf_softplus(f).tanh())
KERNEL(relu6, f.cwiseMax(0.0f).cwiseMin(6.0f))
KERNEL(exponential, f.exp())

// TF's SoftmaxEigenImpl (softmax_op_functor.h), rows of row_length.
void softmax_rows(const float *x, float *y, size_t n, const actbench_params *p, bool log)
{
    if (n == 0)
        return;
    Eigen::Index len = (Eigen::Index)(p && p->row_length ? p->row_length : n);
    Eigen::Index rows = (Eigen::Index)n / len;
    Eigen::TensorMap<Eigen::Tensor<const float, 2, Eigen::RowMajor>, Eigen::Unaligned> logits(x, rows, len);
    Eigen::TensorMap<Eigen::Tensor<float, 2, Eigen::RowMajor>, Eigen::Unaligned> softmax(y, rows, len);
    Eigen::array<int, 1> along_class{{1}};
    Eigen::array<Eigen::Index, 2> batch_by_one{{rows, 1}}, one_by_class{{1, len}};
    // Materialised first so the in-place case reads x before y is written.
    Eigen::Tensor<float, 2, Eigen::RowMajor> shifted =
        logits - logits.maximum(along_class).eval().reshape(batch_by_one).broadcast(one_by_class);
    if (log) {
        softmax = shifted - shifted.exp().sum(along_class).log().eval().reshape(batch_by_one)
                                .broadcast(one_by_class);
    } else {
        softmax = shifted.exp();
        softmax = softmax * softmax.sum(along_class).inverse().eval().reshape(batch_by_one)
                                .broadcast(one_by_class);
    }
}
void k_softmax(const float *x, float *y, size_t n, const actbench_params *p) { softmax_rows(x, y, n, p, false); }
void k_log_softmax(const float *x, float *y, size_t n, const actbench_params *p) { softmax_rows(x, y, n, p, true); }

#if EIGEN_ADAPTER_ISA == 512
#define VARIANT "eigen-avx512"
#define ISA ACTBENCH_ISA_AVX512
#else
#define VARIANT "eigen-avx2"
#define ISA ACTBENCH_ISA_AVX2
#endif
#define K(ACT, name, ALGO) \
    {ACTBENCH_##ACT, VARIANT, ISA, ACTBENCH_TIER_CONTENDER, EIGEN_TEXT ": " ALGO, INFINITY, k_##name, "eigen:" #name}
const actbench_kernel table[] = {
    K(SIGMOID, sigmoid, "x.sigmoid() (scalar_logistic_op)"),
    K(TANH, tanh, "x.tanh()"),
    K(RELU, relu, "x.cwiseMax(0)"),
    K(LEAKY_RELU, leaky_relu, "x.cwiseMax(x*alpha)"),
    K(ELU, elu, "(x < 0).select(alpha*(x.exp()-1), x)"),
    K(SELU, selu, "(x < 0).select(scale*alpha*(x.exp()-1), scale*x)"),
    K(SWISH, swish, "x*x.sigmoid()"),
    K(GELU, gelu, "x*0.5*(1+(x*sqrt1_2).erf())"),
    K(GELU_TANH, gelu_tanh, "x*0.5*(1+((x+0.044715x^3)*k).tanh())"),
    K(SOFTPLUS, softplus, "TF softplus_op.h: thresholds, else (x.exp()+1).log()"),
    K(SOFTSIGN, softsign, "x/(x.abs()+1)"),
    K(MISH, mish, "x*softplus(x).tanh(), TF softplus"),
    K(RELU6, relu6, "x.cwiseMax(0).cwiseMin(6)"),
    K(EXPONENTIAL, exponential, "x.exp()"),
    K(SOFTMAX, softmax, "TF SoftmaxEigenImpl: exp(x-max)*sum.inverse()"),
    K(LOG_SOFTMAX, log_softmax, "TF SoftmaxEigenImpl: (x-max)-log(sum(exp))"),
};

} // namespace

extern "C" __attribute__((visibility("default"))) const actbench_kernel *
#if EIGEN_ADAPTER_ISA == 512
contender_eigen_avx512(size_t *n)
#else
contender_eigen_avx2(size_t *n)
#endif
{
    *n = sizeof table / sizeof table[0];
    return table;
}
