/* avx2: piecewise-linear activations and softsign; the algorithms are in kernels/vec/. */
#include "../vec/vec_avx2.h"
#define VEC_ISA_TOKEN avx2
#define INST_PWL
#include "../vec/inst_k1.h"
