/* tanh and gelu (erf family), avx512 build: the algorithms live in
 * kernels/vec/act_tanh.h and act_gelu.h, instantiated here for vec_avx512.h. */
#include "../vec/vec_avx512.h"
#include "../vec/vec_loop.h"
#include "../vec/act_tanh.h"
#include "../vec/act_gelu.h"

VEC_TWO_STAGE_KERNEL(actbench_tanh_avx512_rr1_p6_div_fast, tanh_fast_stage, tanh_f_fast_s1, tanh_fast_s2, 0.0f)
VEC_TWO_STAGE_KERNEL(actbench_tanh_avx512_rr1_p6_hl_cdiv_acc, tanh_acc_stage, tanh_f_acc_s1, tanh_acc_s2, 0.0f)
VEC_ELEMENTWISE_KERNEL(actbench_gelu_avx512_e16p3_lut32p4_fast, gelu_fast_lut32, 0.0f)
VEC_ELEMENTWISE_KERNEL(actbench_gelu_avx512_e16p3_lut32p5_hl_acc, gelu_acc_lut, 0.0f)
