/* poly: softmax and log_softmax; the algorithms are in kernels/vec/. */
#include "../vec/vec_scalar.h"
#define VEC_ISA_TOKEN poly
#define INST_SOFTMAX
#include "../vec/inst_k1.h"
