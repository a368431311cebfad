/* SLEEF contenders, AVX2 + FMA (compiled with -mavx2 -mfma; see sleef_body.h). */
#include <immintrin.h>

#define VF __m256
#define W 8
#define ISA ACTBENCH_ISA_AVX2
#define ISA_NAME "avx2"
#define ENTRY contender_sleef_avx2
#define LOAD _mm256_loadu_ps
#define STORE _mm256_storeu_ps
#define SET1 _mm256_set1_ps
#define ADD _mm256_add_ps
#define SUB _mm256_sub_ps
#define MUL _mm256_mul_ps
#define MAX _mm256_max_ps
#define DIV _mm256_div_ps
#define SELECT_GT0(x, a, b) \
    _mm256_blendv_ps((b), (a), _mm256_cmp_ps((x), _mm256_setzero_ps(), _CMP_GT_OQ))
#define EXP_U10 Sleef_expf8_u10avx2
#define EXPM1_U10 Sleef_expm1f8_u10avx2
#define LOG1P_U10 Sleef_log1pf8_u10avx2
#define LOG_U10 Sleef_logf8_u10avx2
#define LOG_U35 Sleef_logf8_u35avx2
#define TANH_U10 Sleef_tanhf8_u10avx2
#define TANH_U35 Sleef_tanhf8_u35avx2
#define ERF_U10 Sleef_erff8_u10avx2
#include "sleef_body.h"
