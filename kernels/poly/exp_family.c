/* poly: exp-family activations (exponential, elu, selu, sigmoid, swish, gelu_tanh, softplus, mish); the algorithms are in kernels/vec/. */
#include "../vec/vec_scalar.h"
#define VEC_ISA_TOKEN poly
#define INST_EXP_FAMILY
#include "../vec/inst_k1.h"
