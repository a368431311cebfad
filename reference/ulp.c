#include "ulp.h"

#include <math.h>

/* Smallest magnitude that rounds to infinity in float (round to nearest):
 * halfway between FLT_MAX and 2^128. */
#define FLT_OVERFLOW_BOUNDARY 0x1.ffffffp127

double ulp_of(double v)
{
    double a = fabs(v);
    if (a < 0x1p-126)
        return 0x1p-149;
    if (a >= 0x1p127)
        return 0x1p104;
    int e;
    frexp(a, &e); /* a = m * 2^e with m in [0.5, 1): a in [2^(e-1), 2^e) */
    return ldexp(1.0, e - 1 - 23);
}

double ulp_error(float y, double exact)
{
    if (isnan(y) || isnan(exact))
        return isnan(y) && isnan(exact) ? 0.0 : INFINITY;
    if (isinf(y) && fabs(exact) >= FLT_OVERFLOW_BOUNDARY && !signbit(y) == !signbit(exact))
        return 0.0;
    if (isinf(exact))
        return INFINITY; /* exact is beyond double; y, finite or not, is off */
    double yd = isinf(y) ? copysign(0x1p128, y) : (double)y;
    return fabs(yd - exact) / ulp_of(exact);
}

void ulp_tally_add(ulp_tally *t, double err, int rounded_ok)
{
    if (t->count == 0 || err > t->max) {
        t->max = err;
        t->worst = t->count;
    }
    if (isfinite(err)) {
        t->sum += err;
        t->finite++;
    } else {
        t->nonfinite++;
    }
    t->correctly_rounded += rounded_ok != 0;
    t->count++;
}

double ulp_tally_mean(const ulp_tally *t) { return t->finite ? t->sum / (double)t->finite : 0.0; }
