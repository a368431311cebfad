/* poly: piecewise-linear activations and softsign; the algorithms are in kernels/vec/. */
#include "../vec/vec_scalar.h"
#define VEC_ISA_TOKEN poly
#define INST_PWL
#include "../vec/inst_k1.h"
