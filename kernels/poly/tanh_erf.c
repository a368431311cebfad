/* tanh and gelu (erf family), poly build: the algorithms live in
 * kernels/vec/act_tanh.h and act_gelu.h, instantiated here for vec_scalar.h. */
#include "../vec/vec_scalar.h"
#include "../vec/vec_loop.h"
#include "../vec/act_tanh.h"
#include "../vec/act_gelu.h"

VEC_ELEMENTWISE_KERNEL(actbench_tanh_poly_rr1_p6_div_fast, tanh_fast, 0.0f)
/* The plain loop here, not act_tanh.h's VEC_TWO_STAGE_KERNEL: GCC 12's SLP
 * vectorizer (-O2 and up) turned the pipelined scalar loop into code whose
 * results differed in the last bit from the same element computed alone
 * (tanh(1): 0x1.85efaap-1 against 0x1.85efacp-1; not with
 * -fno-tree-slp-vectorize), and a scalar build gains nothing from it. */
VEC_ELEMENTWISE_KERNEL(actbench_tanh_poly_rr1_p6_hl_cdiv_acc, tanh_acc, 0.0f)
VEC_ELEMENTWISE_KERNEL(actbench_gelu_poly_p6_rat45_div_fast, gelu_fast_rat, 0.0f)
VEC_ELEMENTWISE_KERNEL(actbench_gelu_poly_f64_rat56_acc, gelu_acc, 0.0f)
