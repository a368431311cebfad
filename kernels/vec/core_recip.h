/* Reciprocal core: the ISA's approximate reciprocal and Newton-Raphson
 * steps r' = r + r(1 - d r), each of which squares the relative error: one
 * from 2^-14 (AVX-512 rcp14, VEC_RCP_BITS 14) to about 2^-28; two from
 * 1.5*2^-12 (AVX2 rcpps, VEC_RCP_BITS 11); the scalar version starts from
 * the exact 1/d (one step keeps it).  Valid for d in the
 * normal float range (rcpps flushes beyond it). */
#ifndef ACTBENCH_CORE_RECIP_H
#define ACTBENCH_CORE_RECIP_H

static inline vf recip_f(vf d)
{
    vf r = vf_rcp_approx(d);
#if VEC_RCP_BITS < 14
    r = vf_fma(r, vf_fnma(d, r, vf_set1(1.0f)), r);
#endif
    return vf_fma(r, vf_fnma(d, r, vf_set1(1.0f)), r);
}

/* 1/(d + dl) for a divisor carried as two floats (|dl| <= ulp(d)/2): the
 * last Newton step uses the residual 1 - (d + dl) r, so the rounding of
 * d + dl does not reach the result. */
static inline vf recip_f_hl(vf d, vf dl)
{
    vf r = vf_rcp_approx(d);
#if VEC_RCP_BITS < 14
    r = vf_fma(r, vf_fnma(d, r, vf_set1(1.0f)), r);
#endif
    return vf_fma(r, vf_fnma(dl, r, vf_fnma(d, r, vf_set1(1.0f))), r);
}

#endif
