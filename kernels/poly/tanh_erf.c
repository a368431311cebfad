/* tanh and gelu (erf family), poly build: the algorithms live in
 * kernels/vec/act_tanh.h and act_gelu.h, instantiated here for vec_scalar.h. */
#include "../vec/vec_scalar.h"
#include "../vec/vec_loop.h"
#include "../vec/act_tanh.h"
#include "../vec/act_gelu.h"

VEC_ELEMENTWISE_KERNEL(actbench_tanh_poly_rr1_p6_div_fast, tanh_fast, 0.0f)
VEC_TWO_STAGE_KERNEL(actbench_tanh_poly_rr1_p6_hl_cdiv_acc, tanh_acc_stage, tanh_f_acc_s1, tanh_acc_s2, 0.0f)
VEC_ELEMENTWISE_KERNEL(actbench_gelu_poly_p6_rat45_div_fast, gelu_fast_rat, 0.0f)
VEC_ELEMENTWISE_KERNEL(actbench_gelu_poly_f64_rat56_acc, gelu_acc, 0.0f)
