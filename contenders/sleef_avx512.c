/* SLEEF contenders, AVX-512 (compiled with -mavx512f...; see sleef_body.h). */
#include <immintrin.h>

#define VF __m512
#define W 16
#define ISA ACTBENCH_ISA_AVX512
#define ISA_NAME "avx512"
#define ENTRY contender_sleef_avx512
#define LOAD _mm512_loadu_ps
#define STORE _mm512_storeu_ps
#define SET1 _mm512_set1_ps
#define ADD _mm512_add_ps
#define SUB _mm512_sub_ps
#define MUL _mm512_mul_ps
#define MAX _mm512_max_ps
#define DIV _mm512_div_ps
#define SELECT_GT0(x, a, b) \
    _mm512_mask_blend_ps(_mm512_cmp_ps_mask((x), _mm512_setzero_ps(), _CMP_GT_OQ), (b), (a))
#define EXP_U10 Sleef_expf16_u10avx512f
#define EXPM1_U10 Sleef_expm1f16_u10avx512f
#define LOG1P_U10 Sleef_log1pf16_u10avx512f
#define LOG_U10 Sleef_logf16_u10avx512f
#define LOG_U35 Sleef_logf16_u35avx512f
#define TANH_U10 Sleef_tanhf16_u10avx512f
#define TANH_U35 Sleef_tanhf16_u35avx512f
#define ERF_U10 Sleef_erff16_u10avx512f
#include "sleef_body.h"
