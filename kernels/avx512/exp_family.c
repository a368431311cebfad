/* avx512: exp-family activations (exponential, elu, selu, sigmoid, swish, gelu_tanh, softplus, mish); the algorithms are in kernels/vec/. */
#include "../vec/vec_avx512.h"
#define VEC_ISA_TOKEN avx512
#define INST_EXP_FAMILY
#include "../vec/inst_k1.h"
