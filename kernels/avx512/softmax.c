/* avx512: softmax and log_softmax; the algorithms are in kernels/vec/. */
#include "../vec/vec_avx512.h"
#define VEC_ISA_TOKEN avx512
#define INST_SOFTMAX
#include "../vec/inst_k1.h"
