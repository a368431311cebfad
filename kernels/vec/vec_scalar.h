/* Vector helper layer, 1-lane portable C version (used by kernels/poly/).
 *
 * kernels/vec/vec_scalar.h, vec_avx2.h and vec_avx512.h define the SAME
 * static-inline API over these types; the algorithm headers (core_*.h,
 * act_*.h) are written against this API only and never use intrinsics.
 *
 *   vf   float vector, VF_LANES lanes (1, 8, 16)
 *   vi   int32 vector, same lanes
 *   vm   mask from float compares (lane true/false)
 *   vd   double vector, VD_LANES lanes (1, 4, 8): one vf converts to
 *        VD_PER_VF vd's (1 for scalar, 2 otherwise)
 *   vl   int64 vector, same lanes as vd
 *   vdm  mask from double compares
 *
 * float:  vf_load vf_store vf_load_part vf_store_part (k < VF_LANES lanes,
 *         the rest read as 0, nothing outside [0,k) touched), vf_set1 vf_zero,
 *         vf_add vf_sub vf_mul vf_div, vf_fma(a,b,c) = a*b+c,
 *         vf_fnma(a,b,c) = c-a*b, vf_fms(a,b,c) = a*b-c, vf_min vf_max,
 *         vf_abs vf_neg vf_and vf_or vf_xor vf_andnot(a,b) = ~a&b (bitwise),
 *         vf_copysign(mag,sgn), vf_round (to nearest even), vf_rcp_approx,
 *         vf_reduce_add vf_reduce_max (horizontal, return float)
 * compare: vm_lt vm_le vm_gt vm_ge vm_eq (false on NaN), vm_ne (true on NaN),
 *         vm_isnan, vm_and vm_or vm_andnot(a,b) = ~a&b, vm_any,
 *         vm_first(k) (lanes [0,k) true, k <= VF_LANES),
 *         vf_select(m, a, b) = m ? a : b
 * int:    vf_as_vi vi_as_vf (bit casts), vf_cvt_vi (round to nearest even),
 *         vi_cvt_vf, vi_set1 vi_add vi_sub vi_and vi_or vi_xor,
 *         vi_shl vi_sra vi_srl (by a constant count), vi_gt vi_eq -> vm,
 *         vf_pow2i(n) = 2^n for n in [-126, 127],
 *         vf_scalef(a, nf) = a * 2^nf rounded once (nf integral; see below),
 *         vf_scalef_floor(a, nf) = a * 2^floor(nf) rounded once (any nf),
 * tables: vf_lut16(t, i) = t[i & 15], vf_lut32(t, i) = t[i & 31] (vi index)
 * clamp:  vf_clamp_abs(x, c) (x limited to [-c, c], c > 0; NaN kept),
 *         vf_absmin(a, c) = min(|a|, c) (a NaN a gives NaN or c: carry NaN
 *         through another operand)
 *         vf_min_bits(a, b) = the smaller as signed 32-bit integers (min for b >= +0)
 * double: vd_set1 vd_add vd_sub vd_mul vd_div vd_fma vd_fnma vd_min vd_max
 *         vd_abs vd_neg vd_lt vd_le vd_gt vd_ge vd_eq vd_select vd_rcp_approx
 *         vd_reduce_add, vd_lane0 (lane 0 as a double), vd_as_vl vl_as_vd vl_set1 vl_add vl_sub vl_or,
 *         vl_shl vl_srl,
 *         vf_cvt_vd_lo vf_cvt_vd_hi (lanes [0,VD_LANES) / the rest of a vf),
 *         vd_cvt_vf2(lo, hi) (back to one vf, each lane rounded once);
 *         VF_VIA_VD(FN, x, ...) applies vd FN(vd, ...) to every lane of x.
 *
 * Semantics every ISA version shares:
 * - vf_min(a,b) / vf_max(a,b) follow x86 minps/maxps: when either operand is
 *   NaN (or both are zero) the result is b.  So clamp as vf_max(lo, x) to
 *   keep a NaN x, or vf_max(x, lo) to replace a NaN x by lo.
 * - vf_fma is one fused operation on AVX2/AVX-512.  The scalar version has no
 *   FMA instruction on baseline x86-64 and calls no libm, so it computes
 *   a*b exactly in double and rounds the sum twice (to double, then float):
 *   exact whenever a*b+c is a float (so the two-product trick
 *   fma(a, b, -a*b) works), otherwise within 1 ulp of the fused result.
 *   vd_fma on the scalar version is a*b+c with two roundings; algorithms
 *   in double must not need a fused double FMA.
 * - vf_rcp_approx: relative error <= 2^-11 (AVX2 rcpps), 2^-14 (AVX-512
 *   rcp14), exact 1/a on scalar; follow with a Newton step.
 *   vd_rcp_approx: <= 2^-11 (AVX2 via float), 2^-14 (AVX-512), exact scalar.
 * - Shifts take a compile-time constant count.
 * - Nothing here touches MXCSR; subnormals are computed, not flushed.
 */
#ifndef ACTBENCH_VEC_SCALAR_H
#define ACTBENCH_VEC_SCALAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define VEC_ISA_SCALAR 1
#define VF_LANES 1
#define VD_LANES 1
#define VEC_RCP_BITS 24 /* vf_rcp_approx's accuracy */
#define VD_PER_VF 1

typedef float vf;
typedef int32_t vi;
typedef int vm;
typedef double vd;
typedef int64_t vl;
typedef int vdm;

/* ---- float ---- */
static inline vf vf_load(const float *p) { return *p; }
static inline void vf_store(float *p, vf v) { *p = v; }
static inline vf vf_load_part(const float *p, size_t k) { return k ? *p : 0.0f; }
static inline void vf_store_part(float *p, vf v, size_t k)
{
    if (k)
        *p = v;
}
static inline vf vf_set1(float a) { return a; }
static inline vf vf_zero(void) { return 0.0f; }
static inline vf vf_add(vf a, vf b) { return a + b; }
static inline vf vf_sub(vf a, vf b) { return a - b; }
static inline vf vf_mul(vf a, vf b) { return a * b; }
static inline vf vf_div(vf a, vf b) { return a / b; }
static inline vf vf_fma(vf a, vf b, vf c) { return (float)((double)a * (double)b + (double)c); }
static inline vf vf_fnma(vf a, vf b, vf c) { return (float)((double)c - (double)a * (double)b); }
static inline vf vf_fms(vf a, vf b, vf c) { return (float)((double)a * (double)b - (double)c); }
static inline vf vf_min(vf a, vf b) { return a < b ? a : b; }
static inline vf vf_max(vf a, vf b) { return a > b ? a : b; }

static inline vi vf_as_vi(vf a)
{
    vi r;
    memcpy(&r, &a, sizeof r);
    return r;
}
static inline vf vi_as_vf(vi a)
{
    vf r;
    memcpy(&r, &a, sizeof r);
    return r;
}
static inline vf vf_and(vf a, vf b) { return vi_as_vf(vf_as_vi(a) & vf_as_vi(b)); }
static inline vf vf_or(vf a, vf b) { return vi_as_vf(vf_as_vi(a) | vf_as_vi(b)); }
static inline vf vf_xor(vf a, vf b) { return vi_as_vf(vf_as_vi(a) ^ vf_as_vi(b)); }
static inline vf vf_andnot(vf a, vf b) { return vi_as_vf(~vf_as_vi(a) & vf_as_vi(b)); }
static inline vf vf_abs(vf a) { return vi_as_vf(vf_as_vi(a) & 0x7fffffff); }
static inline vf vf_neg(vf a) { return vi_as_vf(vf_as_vi(a) ^ (int32_t)0x80000000u); }
static inline vf vf_copysign(vf mag, vf sgn)
{
    return vi_as_vf((vf_as_vi(mag) & 0x7fffffff) | (vf_as_vi(sgn) & (int32_t)0x80000000u));
}
/* Nearest even: adding and subtracting 1.5*2^23 rounds |a| < 2^22 under the
 * default rounding mode; larger magnitudes are already integers. */
static inline vf vf_round(vf a)
{
    const float magic = 0x1.8p23f;
    const float t = a + magic;
    const float r = t - magic;
    return vf_abs(a) < 0x1p22f ? r : a;
}
static inline vf vf_rcp_approx(vf a) { return 1.0f / a; }
static inline float vf_reduce_add(vf a) { return a; }
static inline float vf_reduce_max(vf a) { return a; }

/* ---- masks ---- */
static inline vm vm_lt(vf a, vf b) { return a < b; }
static inline vm vm_le(vf a, vf b) { return a <= b; }
static inline vm vm_gt(vf a, vf b) { return a > b; }
static inline vm vm_ge(vf a, vf b) { return a >= b; }
static inline vm vm_eq(vf a, vf b) { return a == b; }
static inline vm vm_ne(vf a, vf b) { return a != b; }
static inline vm vm_isnan(vf a) { return a != a; }
static inline vm vm_and(vm a, vm b) { return a & b; }
static inline vm vm_or(vm a, vm b) { return a | b; }
static inline vm vm_andnot(vm a, vm b) { return (!a) && b; }
static inline int vm_any(vm a) { return a != 0; }
static inline vm vm_first(size_t k) { return k > 0; }
static inline vf vf_select(vm m, vf a, vf b) { return m ? a : b; }

/* ---- int32 ---- */
static inline vf vi_cvt_vf(vi a) { return (float)a; }
static inline vi vf_cvt_vi(vf a) { return (vi)vf_round(a); }
static inline vi vi_set1(int32_t a) { return a; }
static inline vi vi_add(vi a, vi b) { return (vi)((uint32_t)a + (uint32_t)b); }
static inline vi vi_sub(vi a, vi b) { return (vi)((uint32_t)a - (uint32_t)b); }
static inline vi vi_and(vi a, vi b) { return a & b; }
static inline vi vi_or(vi a, vi b) { return a | b; }
static inline vi vi_xor(vi a, vi b) { return a ^ b; }
#define vi_shl(a, c) ((vi)((uint32_t)(a) << (c)))
#define vi_srl(a, c) ((vi)((uint32_t)(a) >> (c)))
/* gcc defines >> of a negative int as arithmetic. */
#define vi_sra(a, c) ((vi)((int32_t)(a) >> (c)))
static inline vm vi_gt(vi a, vi b) { return a > b; }
static inline vm vi_eq(vi a, vi b) { return a == b; }
static inline vf vf_pow2i(vi n) { return vi_as_vf(vi_shl(vi_add(n, 127), 23)); }
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
static inline vd vd_set1(double a) { return a; }
static inline vd vd_add(vd a, vd b) { return a + b; }
static inline vd vd_sub(vd a, vd b) { return a - b; }
static inline vd vd_mul(vd a, vd b) { return a * b; }
static inline vd vd_div(vd a, vd b) { return a / b; }
static inline vd vd_fma(vd a, vd b, vd c) { return a * b + c; }
static inline vd vd_fnma(vd a, vd b, vd c) { return c - a * b; }
static inline vd vd_min(vd a, vd b) { return a < b ? a : b; }
static inline vd vd_max(vd a, vd b) { return a > b ? a : b; }
static inline vl vd_as_vl(vd a)
{
    vl r;
    memcpy(&r, &a, sizeof r);
    return r;
}
static inline vd vl_as_vd(vl a)
{
    vd r;
    memcpy(&r, &a, sizeof r);
    return r;
}
static inline vd vd_abs(vd a) { return vl_as_vd(vd_as_vl(a) & INT64_MAX); }
static inline vd vd_neg(vd a) { return -a; }
static inline vdm vd_lt(vd a, vd b) { return a < b; }
static inline vdm vd_le(vd a, vd b) { return a <= b; }
static inline vdm vd_gt(vd a, vd b) { return a > b; }
static inline vdm vd_ge(vd a, vd b) { return a >= b; }
static inline vdm vd_eq(vd a, vd b) { return a == b; }
static inline vd vd_select(vdm m, vd a, vd b) { return m ? a : b; }
static inline vd vd_rcp_approx(vd a) { return 1.0 / a; }
static inline double vd_lane0(vd a) { return a; }
static inline double vd_reduce_add(vd a) { return a; }
static inline vl vl_set1(int64_t a) { return a; }
static inline vl vl_add(vl a, vl b) { return (vl)((uint64_t)a + (uint64_t)b); }
static inline vl vl_sub(vl a, vl b) { return (vl)((uint64_t)a - (uint64_t)b); }
#define vl_shl(a, c) ((vl)((uint64_t)(a) << (c)))
#define vl_srl(a, c) ((vl)((uint64_t)(a) >> (c)))
static inline vl vl_or(vl a, vl b) { return a | b; }

static inline vd vf_cvt_vd_lo(vf a) { return (double)a; }
static inline vd vf_cvt_vd_hi(vf a) { (void)a; return 0.0; }
static inline vf vd_cvt_vf2(vd lo, vd hi) { (void)hi; return (float)lo; }
#define VF_VIA_VD(FN, x, ...) ((float)FN((double)(x), __VA_ARGS__))

/* ---- added for gelu: 32-entry table lookup ----
 * vf_lut32(t, i): t[i & 31] (t: 32 floats). */
static inline vf vf_lut32(const float *t, vi i) { return t[(uint32_t)i & 31u]; }

/* vf_lut16(t, i): t[i & 15] (t: 16 floats). */
static inline vf vf_lut16(const float *t, vi i) { return t[(uint32_t)i & 15u]; }

/* vf_scalef_floor(a, nf) = a * 2^floor(nf) rounded once (as vf_scalef),
 * |nf| < 2^23. */
static inline vf vf_scalef_floor(vf a, vf nf)
{
    float fl = (float)(int32_t)nf; /* toward zero */
    if (fl > nf)
        fl -= 1.0f;
    return vf_scalef(a, fl);
}

/* vf_absmin(a, c) = min(|a|, c) for c > 0; a NaN a gives NaN here and on
 * AVX2 but c on AVX-512 (vrangeps on Zen 4), so callers must not rely on
 * it. */
static inline vf vf_absmin(vf a, vf c) { return vf_min(c, vf_abs(a)); }

/* vf_min_bits(a, b): a and b compared as signed 32-bit integers (their bit
 * patterns), the smaller returned: min(a, b) for a float b >= +0 and any a
 * that is not a NaN with a clear sign bit (a positive NaN gives b). */
static inline vf vf_min_bits(vf a, vf b) { return vf_as_vi(a) < vf_as_vi(b) ? a : b; }

#endif
