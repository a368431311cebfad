/* Instantiates the exp-family, softmax and piecewise-linear kernels for one
 * ISA.  The including translation unit includes one vec_*.h and defines
 * VEC_ISA_TOKEN (poly, avx2, avx512) first, then includes this header with
 * one of INST_EXP_FAMILY, INST_SOFTMAX, INST_PWL defined.  Symbols are
 * actbench_<act>_<isa>_<algorithm>, matching the lines in
 * include/actbench_kernels.def. */
#include "vec_loop.h"

#define KSYM_(act, isa, alg) actbench_##act##_##isa##_##alg
#define KSYM_X(act, isa, alg) KSYM_(act, isa, alg)
#define KSYM(act, alg) KSYM_X(act, VEC_ISA_TOKEN, alg)

#ifdef INST_EXP_FAMILY
/* The ACCURATE sigmoid, swish and gelu_tanh take their quotient from a
 * true division on AVX2 (cdiv) and from the reciprocal (rcp14, exact on
 * poly) with one correction step elsewhere (rcp-nr1): the names say which. */
#if defined(VEC_ISA_AVX2)
#define SIGMOID_ACC_ALG rr2_lut16_p3_cdiv_acc
#define GELU_TANH_ACC_ALG dd_exp2_lut16_p3_cdiv_acc
#else
#define SIGMOID_ACC_ALG rr2_lut16_p3_rcp_nr1_acc
#define GELU_TANH_ACC_ALG dd_exp2_lut16_p3_rcp_nr1_acc
#endif
#include "act_elu.h"
#include "act_sigmoid.h"
#include "act_softplus.h"
VEC_ELEMENTWISE_KERNEL(KSYM(exponential, rr2_p6_fast), exponential_fast, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(exponential, rr2_p6_hl_acc), exponential_acc, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(elu, rr1_p6_expm1_fast), elu_fast, 1.0f)
VEC_TWO_STAGE_KERNEL(KSYM(elu, rr1_p6_expm1_hl_acc), elu_acc_stage, elu_acc_s1, elu_acc_s2, 1.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(selu, rr1_p6_expm1_fast), selu_fast, 0.0f)
VEC_TWO_STAGE_KERNEL(KSYM(selu, rr1_p6_expm1_hl_acc), elu_acc_stage, elu_acc_s1, selu_acc_s2, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(sigmoid, rr2_lut16_p3_div_fast), sigmoid_fast, 0.0f)
VEC_TWO_STAGE_KERNEL(KSYM(sigmoid, SIGMOID_ACC_ALG), sigmoid_ratio_stage, sigmoid_acc_s1, sigmoid_ratio_s2, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(sigmoid, f64_p7_div_acc), sigmoid_acc_f64, 0.0f)
VEC_TWO_STAGE_KERNEL(KSYM(swish, SIGMOID_ACC_ALG), sigmoid_ratio_stage, swish_acc_s1, swish_acc_s2, 0.0f)
VEC_TWO_STAGE_KERNEL(KSYM(gelu_tanh, GELU_TANH_ACC_ALG), sigmoid_ratio_stage, gelu_tanh_acc_s1, gelu_tanh_acc_s2, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(swish, rr2_lut16_p3_div_fast), swish_fast, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(gelu_tanh, dd_exp2_lut16_p3_div_fast), gelu_tanh_fast, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(softplus, rr2_p6_log1p_fast), softplus_fast, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(softplus, f64_p7_log1p_acc), softplus_acc, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(mish, rr2_p6_div_fast), mish_fast, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(mish, f64_p7_div_acc), mish_acc, 0.0f)
#endif

#ifdef INST_SOFTMAX
#include "act_softmax.h"
ACTBENCH_ROWWISE_KERNEL(KSYM(softmax, rr2_p6_f64sum_fast), softmax_fast_row)
ACTBENCH_ROWWISE_KERNEL(KSYM(softmax, f64_p7_acc), softmax_acc_row)
ACTBENCH_ROWWISE_KERNEL(KSYM(softmax, rr2_p6_hl_acc), softmax_acc_hl_row)
ACTBENCH_ROWWISE_KERNEL(KSYM(log_softmax, lut16_p3_f64sum_fast), log_softmax_fast_row)
ACTBENCH_ROWWISE_KERNEL(KSYM(log_softmax, lut16_p3_f64sum_acc), log_softmax_acc_row)
ACTBENCH_ROWWISE_KERNEL(KSYM(log_softmax, lut16_p3_hl_f64sum_acc), log_softmax_acc_hl_row)
#endif

#ifdef INST_PWL
#include "act_pwl.h"
VEC_ELEMENTWISE_KERNEL(KSYM(relu, max), relu_exact, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(leaky_relu, select), leaky_relu_exact, 0.2f)
VEC_ELEMENTWISE_KERNEL(KSYM(relu6, minmax), relu6_exact, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(hard_sigmoid, div6_fma), hard_sigmoid_exact, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(hard_swish, div6_fma), hard_swish_exact, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(hard_sigmoid, inv6_fma2_acc), hard_sigmoid_acc, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(hard_sigmoid, clamp_inv6_fast), hard_sigmoid_fast, 0.0f)
#if defined(VEC_ISA_AVX512)
VEC_TWO_STAGE_KERNEL(KSYM(hard_swish, clamp_inv6_fast), hard_swish_stage, hard_swish_fast_s1, hard_swish_fast_s2, 0.0f)
#else
VEC_ELEMENTWISE_KERNEL(KSYM(hard_swish, clamp_inv6_fast), hard_swish_fast, 0.0f)
#endif
VEC_ELEMENTWISE_KERNEL(KSYM(hard_swish, fma_inv6_fast), hard_swish_fma_fast, 0.0f)
VEC_ELEMENTWISE_KERNEL(KSYM(softsign, f64_div), softsign_acc, 0.0f)
#endif
