/* Vector helper layer, AVX-512 (F, DQ, BW, VL) version (16 float lanes).
 * The API and its semantics are documented in vec_scalar.h. */
#ifndef ACTBENCH_VEC_AVX512_H
#define ACTBENCH_VEC_AVX512_H

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#define VEC_ISA_AVX512 1
#define VF_LANES 16
#define VD_LANES 8
#define VEC_RCP_BITS 14 /* vf_rcp_approx's accuracy */
#define VD_PER_VF 2

typedef __m512 vf;
typedef __m512i vi;
typedef __mmask16 vm;
typedef __m512d vd;
typedef __m512i vl;
typedef __mmask8 vdm;

/* ---- float ---- */
static inline vf vf_load(const float *p) { return _mm512_loadu_ps(p); }
static inline void vf_store(float *p, vf v) { _mm512_storeu_ps(p, v); }
/* Masked load/store of the first k lanes (k <= 16): the other lanes are
 * neither read nor written, so a tail never touches memory past the array. */
static inline vf vf_load_part(const float *p, size_t k)
{
    return _mm512_maskz_loadu_ps((__mmask16)((1u << k) - 1u), p);
}
static inline void vf_store_part(float *p, vf v, size_t k)
{
    _mm512_mask_storeu_ps(p, (__mmask16)((1u << k) - 1u), v);
}
static inline vf vf_set1(float a) { return _mm512_set1_ps(a); }
static inline vf vf_zero(void) { return _mm512_setzero_ps(); }
static inline vf vf_add(vf a, vf b) { return _mm512_add_ps(a, b); }
static inline vf vf_sub(vf a, vf b) { return _mm512_sub_ps(a, b); }
static inline vf vf_mul(vf a, vf b) { return _mm512_mul_ps(a, b); }
static inline vf vf_div(vf a, vf b) { return _mm512_div_ps(a, b); }
static inline vf vf_fma(vf a, vf b, vf c) { return _mm512_fmadd_ps(a, b, c); }
static inline vf vf_fnma(vf a, vf b, vf c) { return _mm512_fnmadd_ps(a, b, c); }
static inline vf vf_fms(vf a, vf b, vf c) { return _mm512_fmsub_ps(a, b, c); }
static inline vf vf_min(vf a, vf b) { return _mm512_min_ps(a, b); }
static inline vf vf_max(vf a, vf b) { return _mm512_max_ps(a, b); }
static inline vf vf_and(vf a, vf b) { return _mm512_and_ps(a, b); }
static inline vf vf_or(vf a, vf b) { return _mm512_or_ps(a, b); }
static inline vf vf_xor(vf a, vf b) { return _mm512_xor_ps(a, b); }
static inline vf vf_andnot(vf a, vf b) { return _mm512_andnot_ps(a, b); }
static inline vf vf_abs(vf a) { return _mm512_abs_ps(a); }
static inline vf vf_neg(vf a) { return _mm512_xor_ps(_mm512_set1_ps(-0.0f), a); }
static inline vf vf_copysign(vf mag, vf sgn)
{
    /* ternary logic 0xD8: bits of sgn where the mask s is set, else mag */
    const vi s = _mm512_set1_epi32((int32_t)0x80000000u);
    return _mm512_castsi512_ps(_mm512_ternarylogic_epi32(
        _mm512_castps_si512(mag), _mm512_castps_si512(sgn), s, 0xD8));
}
static inline vf vf_round(vf a)
{
    return _mm512_roundscale_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
}
static inline vf vf_rcp_approx(vf a) { return _mm512_rcp14_ps(a); }
static inline float vf_reduce_add(vf a)
{
    __m256 h = _mm256_add_ps(_mm512_castps512_ps256(a), _mm512_extractf32x8_ps(a, 1));
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(h), _mm256_extractf128_ps(h, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}
static inline float vf_reduce_max(vf a)
{
    __m256 h = _mm256_max_ps(_mm512_castps512_ps256(a), _mm512_extractf32x8_ps(a, 1));
    __m128 s = _mm_max_ps(_mm256_castps256_ps128(h), _mm256_extractf128_ps(h, 1));
    s = _mm_max_ps(s, _mm_movehl_ps(s, s));
    s = _mm_max_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

/* ---- masks ---- */
static inline vm vm_lt(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ); }
static inline vm vm_le(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_LE_OQ); }
static inline vm vm_gt(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_GT_OQ); }
static inline vm vm_ge(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_GE_OQ); }
static inline vm vm_eq(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ); }
static inline vm vm_ne(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_NEQ_UQ); }
static inline vm vm_isnan(vf a) { return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q); }
static inline vm vm_and(vm a, vm b) { return (vm)(a & b); }
static inline vm vm_or(vm a, vm b) { return (vm)(a | b); }
static inline vm vm_andnot(vm a, vm b) { return (vm)(~a & b); }
static inline int vm_any(vm a) { return a != 0; }
static inline vm vm_first(size_t k) { return (vm)((1u << k) - 1u); }
static inline vf vf_select(vm m, vf a, vf b) { return _mm512_mask_blend_ps(m, b, a); }

/* ---- int32 ---- */
static inline vi vf_as_vi(vf a) { return _mm512_castps_si512(a); }
static inline vf vi_as_vf(vi a) { return _mm512_castsi512_ps(a); }
static inline vf vi_cvt_vf(vi a) { return _mm512_cvtepi32_ps(a); }
static inline vi vf_cvt_vi(vf a) { return _mm512_cvtps_epi32(a); }
static inline vi vi_set1(int32_t a) { return _mm512_set1_epi32(a); }
static inline vi vi_add(vi a, vi b) { return _mm512_add_epi32(a, b); }
static inline vi vi_sub(vi a, vi b) { return _mm512_sub_epi32(a, b); }
static inline vi vi_and(vi a, vi b) { return _mm512_and_si512(a, b); }
static inline vi vi_or(vi a, vi b) { return _mm512_or_si512(a, b); }
static inline vi vi_xor(vi a, vi b) { return _mm512_xor_si512(a, b); }
#define vi_shl(a, c) _mm512_slli_epi32((a), (c))
#define vi_srl(a, c) _mm512_srli_epi32((a), (c))
#define vi_sra(a, c) _mm512_srai_epi32((a), (c))
static inline vm vi_gt(vi a, vi b) { return _mm512_cmpgt_epi32_mask(a, b); }
static inline vm vi_eq(vi a, vi b) { return _mm512_cmpeq_epi32_mask(a, b); }
static inline vf vf_pow2i(vi n) { return vi_as_vf(vi_shl(vi_add(n, vi_set1(127)), 23)); }
/* a * 2^nf for an integral float nf, rounded once (vscalefps): subnormal
 * results, overflow to inf and underflow to 0 as a true product would. */
static inline vf vf_scalef(vf a, vf nf) { return _mm512_scalef_ps(a, nf); }

/* Clamp for the piecewise-linear kernels (added for act_pwl.h; semantics in
 * vec_scalar.h): vrangeps (absolute minimum with c, sign of x) gives +-c for
 * a NaN x; vfixupimmps puts the NaN back (token table per class of x: QNaN
 * and SNaN -> QNaN(x) = 2, every other class -> the range result = 0).
 * Two instructions, but neither competes with the adds for the two FP add
 * pipes as a min/max pair would on Zen 4. */
static inline vf vf_clamp_abs(vf x, vf c)
{
    return _mm512_fixupimm_ps(_mm512_range_ps(x, c, 0x02), x, _mm512_set1_epi32(0x22), 0);
}

/* ---- double ---- */
static inline vd vd_set1(double a) { return _mm512_set1_pd(a); }
static inline vd vd_add(vd a, vd b) { return _mm512_add_pd(a, b); }
static inline vd vd_sub(vd a, vd b) { return _mm512_sub_pd(a, b); }
static inline vd vd_mul(vd a, vd b) { return _mm512_mul_pd(a, b); }
static inline vd vd_div(vd a, vd b) { return _mm512_div_pd(a, b); }
static inline vd vd_fma(vd a, vd b, vd c) { return _mm512_fmadd_pd(a, b, c); }
static inline vd vd_fnma(vd a, vd b, vd c) { return _mm512_fnmadd_pd(a, b, c); }
static inline vd vd_min(vd a, vd b) { return _mm512_min_pd(a, b); }
static inline vd vd_max(vd a, vd b) { return _mm512_max_pd(a, b); }
static inline vd vd_abs(vd a) { return _mm512_abs_pd(a); }
static inline vd vd_neg(vd a) { return _mm512_xor_pd(_mm512_set1_pd(-0.0), a); }
static inline vdm vd_lt(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
static inline vdm vd_le(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_LE_OQ); }
static inline vdm vd_gt(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_GT_OQ); }
static inline vdm vd_ge(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_GE_OQ); }
static inline vdm vd_eq(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
static inline vd vd_select(vdm m, vd a, vd b) { return _mm512_mask_blend_pd(m, b, a); }
static inline vd vd_rcp_approx(vd a) { return _mm512_rcp14_pd(a); }
static inline double vd_lane0(vd a) { return _mm512_cvtsd_f64(a); }
static inline double vd_reduce_add(vd a)
{
    __m256d h = _mm256_add_pd(_mm512_castpd512_pd256(a), _mm512_extractf64x4_pd(a, 1));
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(h), _mm256_extractf128_pd(h, 1));
    s = _mm_add_sd(s, _mm_unpackhi_pd(s, s));
    return _mm_cvtsd_f64(s);
}
static inline vl vd_as_vl(vd a) { return _mm512_castpd_si512(a); }
static inline vd vl_as_vd(vl a) { return _mm512_castsi512_pd(a); }
static inline vl vl_set1(int64_t a) { return _mm512_set1_epi64(a); }
static inline vl vl_add(vl a, vl b) { return _mm512_add_epi64(a, b); }
static inline vl vl_sub(vl a, vl b) { return _mm512_sub_epi64(a, b); }
#define vl_shl(a, c) _mm512_slli_epi64((a), (c))
#define vl_srl(a, c) _mm512_srli_epi64((a), (c))
static inline vl vl_or(vl a, vl b) { return _mm512_or_si512(a, b); }

static inline vd vf_cvt_vd_lo(vf a) { return _mm512_cvtps_pd(_mm512_castps512_ps256(a)); }
static inline vd vf_cvt_vd_hi(vf a) { return _mm512_cvtps_pd(_mm512_extractf32x8_ps(a, 1)); }
static inline vf vd_cvt_vf2(vd lo, vd hi)
{
    return _mm512_insertf32x8(_mm512_castps256_ps512(_mm512_cvtpd_ps(lo)), _mm512_cvtpd_ps(hi), 1);
}
#define VF_VIA_VD(FN, x, ...) \
    vd_cvt_vf2(FN(vf_cvt_vd_lo(x), __VA_ARGS__), FN(vf_cvt_vd_hi(x), __VA_ARGS__))

/* ---- added for gelu: 32-entry table lookup ----
 * vf_lut32(t, i): lane k gets t[i_k & 31] (t: 32 floats, any alignment);
 * one vpermt2ps (the two table halves are loop invariant). */
static inline vf vf_lut32(const float *t, vi i)
{
    return _mm512_permutex2var_ps(_mm512_loadu_ps(t), i, _mm512_loadu_ps(t + 16));
}

/* vf_lut16(t, i): lane k gets t[i_k & 15] (t: 16 floats); one vpermps. */
static inline vf vf_lut16(const float *t, vi i) { return _mm512_permutexvar_ps(i, _mm512_loadu_ps(t)); }

/* vf_scalef_floor(a, nf) = a * 2^floor(nf) rounded once, for any nf with
 * floor(nf) in [-300, 300] (vscalefps floors its second operand itself). */
static inline vf vf_scalef_floor(vf a, vf nf) { return _mm512_scalef_ps(a, nf); }

/* vf_absmin(a, c) = min(|a|, c) for c > 0: one vrangeps (min of
 * magnitudes, sign cleared).  A NaN a gives c, not NaN (measured on Zen 4:
 * vrangeps returns the other operand for a QNaN), which the API allows
 * (vec_scalar.h): callers carry NaN through another operand. */
static inline vf vf_absmin(vf a, vf c) { return _mm512_range_ps(a, c, 0x0A); }

/* vf_min_bits(a, b): a and b compared as signed 32-bit integers (their bit
 * patterns), the smaller returned: min(a, b) for a float b >= +0 and any a
 * that is not a NaN with a clear sign bit (a positive NaN gives b).  An
 * integer vpminsd, which runs on any of the four vector pipes, not on the two
 * FP add pipes of min/max (Zen 4). */
static inline vf vf_min_bits(vf a, vf b)
{
    return _mm512_castsi512_ps(_mm512_min_epi32(_mm512_castps_si512(a), _mm512_castps_si512(b)));
}

#endif
