/* tanh and gelu (erf family), avx2 build: the algorithms live in
 * kernels/vec/act_tanh.h and act_gelu.h, instantiated here for vec_avx2.h. */
#include "../vec/vec_avx2.h"
#include "../vec/vec_loop.h"
#include "../vec/act_tanh.h"
#include "../vec/act_gelu.h"

/* the plain loop: two stages measured 5% slower on AVX2 (AVX-512: 10% faster) */
VEC_ELEMENTWISE_KERNEL(actbench_tanh_avx2_rr1_p6_div_fast, tanh_fast, 0.0f)
VEC_TWO_STAGE_KERNEL(actbench_tanh_avx2_rr1_p6_hl_cdiv_acc, tanh_acc_stage, tanh_f_acc_s1, tanh_acc_s2, 0.0f)
VEC_ELEMENTWISE_KERNEL(actbench_gelu_avx2_p6_rat45_div_fast, gelu_fast_rat, 0.0f)
VEC_ELEMENTWISE_KERNEL(actbench_gelu_avx2_f64_rat56_acc, gelu_acc, 0.0f)
