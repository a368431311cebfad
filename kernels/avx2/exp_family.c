/* avx2: exp-family activations (exponential, elu, selu, sigmoid, swish, gelu_tanh, softplus, mish); the algorithms are in kernels/vec/. */
#include "../vec/vec_avx2.h"
#define VEC_ISA_TOKEN avx2
#define INST_EXP_FAMILY
#include "../vec/inst_k1.h"
