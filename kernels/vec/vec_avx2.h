/* Vector helper layer, AVX2 + FMA version (8 float lanes).  The API and its
 * semantics are documented in vec_scalar.h. */
#ifndef ACTBENCH_VEC_AVX2_H
#define ACTBENCH_VEC_AVX2_H

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#define VEC_ISA_AVX2 1
#define VF_LANES 8
#define VD_LANES 4
#define VEC_RCP_BITS 11 /* vf_rcp_approx's accuracy */
#define VD_PER_VF 2

typedef __m256 vf;
typedef __m256i vi;
typedef __m256 vm;
typedef __m256d vd;
typedef __m256i vl;
typedef __m256d vdm;

/* ---- float ---- */
static inline vf vf_load(const float *p) { return _mm256_loadu_ps(p); }
static inline void vf_store(float *p, vf v) { _mm256_storeu_ps(p, v); }
/* Lane mask for the first k lanes (k <= 8): maskload/maskstore touch only
 * those, so a tail never reads or writes past the array. */
static inline __m256i vec_avx2_tail_mask(size_t k)
{
    const __m256i iota = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)k), iota);
}
static inline vf vf_load_part(const float *p, size_t k)
{
    return _mm256_maskload_ps(p, vec_avx2_tail_mask(k));
}
static inline void vf_store_part(float *p, vf v, size_t k)
{
    _mm256_maskstore_ps(p, vec_avx2_tail_mask(k), v);
}
static inline vf vf_set1(float a) { return _mm256_set1_ps(a); }
static inline vf vf_zero(void) { return _mm256_setzero_ps(); }
static inline vf vf_add(vf a, vf b) { return _mm256_add_ps(a, b); }
static inline vf vf_sub(vf a, vf b) { return _mm256_sub_ps(a, b); }
static inline vf vf_mul(vf a, vf b) { return _mm256_mul_ps(a, b); }
static inline vf vf_div(vf a, vf b) { return _mm256_div_ps(a, b); }
static inline vf vf_fma(vf a, vf b, vf c) { return _mm256_fmadd_ps(a, b, c); }
static inline vf vf_fnma(vf a, vf b, vf c) { return _mm256_fnmadd_ps(a, b, c); }
static inline vf vf_fms(vf a, vf b, vf c) { return _mm256_fmsub_ps(a, b, c); }
static inline vf vf_min(vf a, vf b) { return _mm256_min_ps(a, b); }
static inline vf vf_max(vf a, vf b) { return _mm256_max_ps(a, b); }
static inline vf vf_and(vf a, vf b) { return _mm256_and_ps(a, b); }
static inline vf vf_or(vf a, vf b) { return _mm256_or_ps(a, b); }
static inline vf vf_xor(vf a, vf b) { return _mm256_xor_ps(a, b); }
static inline vf vf_andnot(vf a, vf b) { return _mm256_andnot_ps(a, b); }
static inline vf vf_abs(vf a) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a); }
static inline vf vf_neg(vf a) { return _mm256_xor_ps(_mm256_set1_ps(-0.0f), a); }
static inline vf vf_copysign(vf mag, vf sgn)
{
    const vf s = _mm256_set1_ps(-0.0f);
    return _mm256_or_ps(_mm256_andnot_ps(s, mag), _mm256_and_ps(s, sgn));
}
static inline vf vf_round(vf a)
{
    return _mm256_round_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
}
static inline vf vf_rcp_approx(vf a) { return _mm256_rcp_ps(a); }
static inline float vf_reduce_add(vf a)
{
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}
static inline float vf_reduce_max(vf a)
{
    __m128 s = _mm_max_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
    s = _mm_max_ps(s, _mm_movehl_ps(s, s));
    s = _mm_max_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

/* ---- masks ---- */
static inline vm vm_lt(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
static inline vm vm_le(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_LE_OQ); }
static inline vm vm_gt(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_GT_OQ); }
static inline vm vm_ge(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_GE_OQ); }
static inline vm vm_eq(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_EQ_OQ); }
static inline vm vm_ne(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_NEQ_UQ); }
static inline vm vm_isnan(vf a) { return _mm256_cmp_ps(a, a, _CMP_UNORD_Q); }
static inline vm vm_and(vm a, vm b) { return _mm256_and_ps(a, b); }
static inline vm vm_or(vm a, vm b) { return _mm256_or_ps(a, b); }
static inline vm vm_andnot(vm a, vm b) { return _mm256_andnot_ps(a, b); }
static inline int vm_any(vm a) { return _mm256_movemask_ps(a) != 0; }
static inline vm vm_first(size_t k) { return _mm256_castsi256_ps(vec_avx2_tail_mask(k)); }
static inline vf vf_select(vm m, vf a, vf b) { return _mm256_blendv_ps(b, a, m); }

/* ---- int32 ---- */
static inline vi vf_as_vi(vf a) { return _mm256_castps_si256(a); }
static inline vf vi_as_vf(vi a) { return _mm256_castsi256_ps(a); }
static inline vf vi_cvt_vf(vi a) { return _mm256_cvtepi32_ps(a); }
static inline vi vf_cvt_vi(vf a) { return _mm256_cvtps_epi32(a); }
static inline vi vi_set1(int32_t a) { return _mm256_set1_epi32(a); }
static inline vi vi_add(vi a, vi b) { return _mm256_add_epi32(a, b); }
static inline vi vi_sub(vi a, vi b) { return _mm256_sub_epi32(a, b); }
static inline vi vi_and(vi a, vi b) { return _mm256_and_si256(a, b); }
static inline vi vi_or(vi a, vi b) { return _mm256_or_si256(a, b); }
static inline vi vi_xor(vi a, vi b) { return _mm256_xor_si256(a, b); }
#define vi_shl(a, c) _mm256_slli_epi32((a), (c))
#define vi_srl(a, c) _mm256_srli_epi32((a), (c))
#define vi_sra(a, c) _mm256_srai_epi32((a), (c))
static inline vm vi_gt(vi a, vi b) { return _mm256_castsi256_ps(_mm256_cmpgt_epi32(a, b)); }
static inline vm vi_eq(vi a, vi b) { return _mm256_castsi256_ps(_mm256_cmpeq_epi32(a, b)); }
static inline vf vf_pow2i(vi n) { return vi_as_vf(vi_shl(vi_add(n, vi_set1(127)), 23)); }
/* a * 2^nf for an integral float nf in [-252, 254], rounded once: 2^nf is
 * split into two normal powers of two; a * 2^(n>>1) is exact while it is
 * normal (callers keep |a| in [2^-2, 2^8]), so only the second multiply
 * rounds (one vscalefps on AVX-512). */
static inline vf vf_scalef(vf a, vf nf)
{
    const vi n = vf_cvt_vi(nf);
    const vi n1 = vi_sra(n, 1);
    return vf_mul(vf_mul(a, vf_pow2i(n1)), vf_pow2i(vi_sub(n, n1)));
}

/* Clamp for the piecewise-linear kernels (added for act_pwl.h): x limited
 * to [-c, c] for c > 0, NaN kept (vf_max(-c, x) returns a NaN x). */
static inline vf vf_clamp_abs(vf x, vf c) { return vf_min(c, vf_max(vf_neg(c), x)); }

/* ---- double ---- */
static inline vd vd_set1(double a) { return _mm256_set1_pd(a); }
static inline vd vd_add(vd a, vd b) { return _mm256_add_pd(a, b); }
static inline vd vd_sub(vd a, vd b) { return _mm256_sub_pd(a, b); }
static inline vd vd_mul(vd a, vd b) { return _mm256_mul_pd(a, b); }
static inline vd vd_div(vd a, vd b) { return _mm256_div_pd(a, b); }
static inline vd vd_fma(vd a, vd b, vd c) { return _mm256_fmadd_pd(a, b, c); }
static inline vd vd_fnma(vd a, vd b, vd c) { return _mm256_fnmadd_pd(a, b, c); }
static inline vd vd_min(vd a, vd b) { return _mm256_min_pd(a, b); }
static inline vd vd_max(vd a, vd b) { return _mm256_max_pd(a, b); }
static inline vd vd_abs(vd a) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a); }
static inline vd vd_neg(vd a) { return _mm256_xor_pd(_mm256_set1_pd(-0.0), a); }
static inline vdm vd_lt(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
static inline vdm vd_le(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_LE_OQ); }
static inline vdm vd_gt(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
static inline vdm vd_ge(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_GE_OQ); }
static inline vdm vd_eq(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
static inline vd vd_select(vdm m, vd a, vd b) { return _mm256_blendv_pd(b, a, m); }
static inline vd vd_rcp_approx(vd a)
{
    return _mm256_cvtps_pd(_mm_rcp_ps(_mm256_cvtpd_ps(a)));
}
static inline double vd_lane0(vd a) { return _mm256_cvtsd_f64(a); }
static inline double vd_reduce_add(vd a)
{
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(a), _mm256_extractf128_pd(a, 1));
    s = _mm_add_sd(s, _mm_unpackhi_pd(s, s));
    return _mm_cvtsd_f64(s);
}
static inline vl vd_as_vl(vd a) { return _mm256_castpd_si256(a); }
static inline vd vl_as_vd(vl a) { return _mm256_castsi256_pd(a); }
static inline vl vl_set1(int64_t a) { return _mm256_set1_epi64x(a); }
static inline vl vl_add(vl a, vl b) { return _mm256_add_epi64(a, b); }
static inline vl vl_sub(vl a, vl b) { return _mm256_sub_epi64(a, b); }
#define vl_shl(a, c) _mm256_slli_epi64((a), (c))
#define vl_srl(a, c) _mm256_srli_epi64((a), (c))
static inline vl vl_or(vl a, vl b) { return _mm256_or_si256(a, b); }

static inline vd vf_cvt_vd_lo(vf a) { return _mm256_cvtps_pd(_mm256_castps256_ps128(a)); }
static inline vd vf_cvt_vd_hi(vf a) { return _mm256_cvtps_pd(_mm256_extractf128_ps(a, 1)); }
static inline vf vd_cvt_vf2(vd lo, vd hi)
{
    return _mm256_insertf128_ps(_mm256_castps128_ps256(_mm256_cvtpd_ps(lo)), _mm256_cvtpd_ps(hi), 1);
}
#define VF_VIA_VD(FN, x, ...) \
    vd_cvt_vf2(FN(vf_cvt_vd_lo(x), __VA_ARGS__), FN(vf_cvt_vd_hi(x), __VA_ARGS__))

/* ---- added for gelu: 32-entry table lookup ----
 * vf_lut32(t, i): lane k gets t[i_k & 31] (t: 32 floats, any alignment);
 * four vpermps (each uses the low 3 index bits), then two rounds of
 * blendv on index bits 3 and 4 moved into the sign bit. */
static inline vf vf_lut32(const float *t, vi i)
{
    const vf a = _mm256_permutevar8x32_ps(_mm256_loadu_ps(t), i);
    const vf b = _mm256_permutevar8x32_ps(_mm256_loadu_ps(t + 8), i);
    const vf c = _mm256_permutevar8x32_ps(_mm256_loadu_ps(t + 16), i);
    const vf d = _mm256_permutevar8x32_ps(_mm256_loadu_ps(t + 24), i);
    const vf b3 = _mm256_castsi256_ps(_mm256_slli_epi32(i, 28));
    const vf b4 = _mm256_castsi256_ps(_mm256_slli_epi32(i, 27));
    return _mm256_blendv_ps(_mm256_blendv_ps(a, b, b3), _mm256_blendv_ps(c, d, b3), b4);
}

/* vf_lut16(t, i): lane k gets t[i_k & 15]; two vpermps and a blendv on
 * index bit 3 moved into the sign bit. */
static inline vf vf_lut16(const float *t, vi i)
{
    const vf a = _mm256_permutevar8x32_ps(_mm256_loadu_ps(t), i);
    const vf b = _mm256_permutevar8x32_ps(_mm256_loadu_ps(t + 8), i);
    return _mm256_blendv_ps(a, b, _mm256_castsi256_ps(_mm256_slli_epi32(i, 28)));
}

/* vf_scalef_floor(a, nf) = a * 2^floor(nf) rounded once (as vf_scalef). */
static inline vf vf_scalef_floor(vf a, vf nf)
{
    return vf_scalef(a, _mm256_round_ps(nf, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC));
}

/* vf_absmin(a, c) = min(|a|, c) for c > 0 (a NaN a: see vec_scalar.h). */
static inline vf vf_absmin(vf a, vf c) { return vf_min(c, vf_abs(a)); }

/* vf_min_bits(a, b): a and b compared as signed 32-bit integers (their bit
 * patterns), the smaller returned (semantics in vec_avx512.h): vpminsd. */
static inline vf vf_min_bits(vf a, vf b)
{
    return _mm256_castsi256_ps(_mm256_min_epi32(_mm256_castps_si256(a), _mm256_castps_si256(b)));
}

#endif
